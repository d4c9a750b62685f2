//go:build race

package cli

// raceEnabled is true under the race detector, whose instrumentation costs
// grow with the memory an analysis touches: CPU-time ratios are not the
// program's then.
const raceEnabled = true
