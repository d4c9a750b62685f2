package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// report returns the text of an invented report of its own for seed n:
// made-up words, so no two seeds copy each other.
func report(n int) string {
	r := rand.New(rand.NewPCG(uint64(n), 99))
	syl := strings.Fields("क का कि की कु के को ग गा गी ज जा जी त ता ती द दा दी न ना नी प पा पी ब बा बी म मा मी र रा री ल ला ली स सा सी ह हा ही")
	ws := make([]string, 60)
	for i := range ws {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		ws[i] = b.String()
	}
	return strings.Join(ws, " ")
}

// TestWindow: groups older than the window and not joined recently are
// evicted whole, a late old article is held while it is recent, a late
// copy of a held article still groups, and building the index again
// changes no match.
func TestWindow(t *testing.T) {
	old := compactMin
	compactMin = 8
	defer func() { compactMin = old }()
	g := NewGrouper(Options{Window: 2 * 24 * time.Hour, Recent: 8})
	all := NewGrouper(Options{Window: -1})
	base := time.Date(2026, 1, 1, 10, 0, 0, 0, ist)
	day := func(d int) time.Time { return base.AddDate(0, 0, d) }
	// Day 0: the wire story and a copy; then one report of its own a
	// day, each a different mix of paragraphs so none copies another.
	add := func(s *Sketch) Result {
		all.Add(s)
		return g.Add(s)
	}
	add(sketch("w1", "", text(wire...), day(0)))
	add(sketch("w2", "", copyOf(true), day(0).Add(time.Hour)))
	var evicted []string
	for d := 1; d <= 100; d++ {
		body := report(d)
		r := add(sketch(fmt.Sprintf("r%03d", d), "", body, day(d)))
		for _, e := range r.Evicted {
			evicted = append(evicted, e.ID)
		}
	}
	if g.Holds("w1") || g.Holds("w2") || !slices.Contains(evicted, "w1") || !slices.Contains(evicted, "w2") {
		t.Fatalf("the day-0 group is still held (evicted %v)", evicted[:min(5, len(evicted))])
	}
	if n := g.Index().Len(); n > 70 {
		t.Errorf("%d sketches held after 100 days with a 2-day window", n)
	}
	if st := g.Index().Stats(); st.Dead > st.Sketches {
		t.Errorf("index not built again: %v", st)
	}
	cut := g.Cutoff()
	if cut.IsZero() || !cut.After(day(30)) {
		t.Fatalf("cutoff %v", cut)
	}
	// A late old article is held while it is among the recent ones, so
	// that its own late copy groups with it; then it is evicted.
	r := add(sketch("late", "", report(1000), day(1)))
	if !g.Holds("late") {
		t.Fatalf("late article evicted at once: %+v", r)
	}
	r = add(sketch("late-copy", "", report(1000), day(1).Add(time.Hour)))
	if r.Match == nil || r.Match.ID != "late" {
		t.Errorf("late copy of a late article not grouped: %+v", r)
	}
	for i := range 12 {
		add(sketch(fmt.Sprint("more", i), "", report(2000+i), day(100)))
	}
	if g.Holds("late") || g.Holds("late-copy") {
		t.Errorf("late articles still held after %d more", 12)
	}
	r = add(sketch("copy-late", "", report(100), day(95)))
	if r.Group == "" || r.Match == nil || r.Match.ID != "r100" || !g.Holds("copy-late") {
		t.Errorf("late copy of r100 not grouped: %+v", r)
	}
	// What is held matches as in a grouper that keeps everything.
	for d := 90; d <= 100; d++ {
		s := sketch(fmt.Sprintf("q%03d", d), "", report(d), day(d))
		if a, b := g.Index().Copies(s), all.Index().Copies(s); fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("day %d: copies %v with the window, %v without", d, a, b)
		}
	}
}
