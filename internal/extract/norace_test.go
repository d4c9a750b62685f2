//go:build !race

package extract

// raceEnabled is true under the race detector, which slows the hostile
// inputs tenfold; they shrink then.
const raceEnabled = false
