package dedup

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// chainText is sentences from..to-1 of a made-up story, each distinct.
func chainText(from, to int) string {
	var b strings.Builder
	for i := from; i < to; i++ {
		fmt.Fprintf(&b, "नगर निगम की बैठक %d में पार्षद संख्या %d ने सड़क %d के बारे में प्रस्ताव %d रखा और चर्चा हुई। ", i, i*7, i*13, i*31)
	}
	return b.String()
}

// TestNoChains is issue 17 #11: an article like a copy (B) of an original
// (A) but sharing nothing with A itself (C) is not made a copy of A. On a
// large store such chains grew groups of thousands of unrelated articles.
func TestNoChains(t *testing.T) {
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	g := NewGrouper(Options{})
	a := g.Add(sketch("a", "", chainText(0, 20), day))
	b := g.Add(sketch("b", "", chainText(10, 30), day.Add(time.Hour)))
	c := g.Add(sketch("c", "", chainText(20, 40), day.Add(2*time.Hour)))
	if a.Group != "" || b.DuplicateOf != "a" {
		t.Fatalf("a %+v, b %+v: want b a copy of a", a, b)
	}
	if c.DuplicateOf == "a" {
		t.Errorf("c (sharing nothing with a) is a copy of a: %+v", c)
	}
	// A true copy of the original still joins, through any member.
	d := g.Add(sketch("d", "", chainText(0, 19), day.Add(3*time.Hour)))
	if d.DuplicateOf != "a" {
		t.Errorf("d, a copy of a, is %+v", d)
	}
}
