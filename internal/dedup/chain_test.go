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

// TestNoChainsThroughCanonical is the other way chains formed: an earlier
// article (C) like a member (B) but not the others (A) does not become the
// canonical copy that A is then said to copy.
func TestNoChainsThroughCanonical(t *testing.T) {
	day := time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	g := NewGrouper(Options{})
	g.Add(sketch("a", "", chainText(0, 20), day))
	b := g.Add(sketch("b", "", chainText(10, 30), day.AddDate(0, 0, -1)))
	c := g.Add(sketch("c", "", chainText(20, 40), day.AddDate(0, 0, -2)))
	if b.Group == "" {
		t.Fatalf("b is not grouped with a: %+v", b)
	}
	for _, ch := range c.Changes {
		if ch.ID == "a" && ch.DuplicateOf == "c" {
			t.Errorf("a (sharing nothing with c) made a copy of c: %+v", c)
		}
	}
	if _, dup, _ := g.Lookup("a"); dup == "c" {
		t.Errorf("a is a copy of c")
	}
	// An earlier true original still becomes the canonical copy.
	o := g.Add(sketch("o", "", chainText(0, 30), day.AddDate(0, 0, -5)))
	if _, dup, _ := g.Lookup("a"); o.DuplicateOf != "" || dup != "o" {
		t.Errorf("the original o: %+v; a copies %q", o, dup)
	}
}
