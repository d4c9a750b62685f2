package dedup

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTableChains: the entries of a key come newest first, at most limit
// of them, whatever other keys share the table; rebuilt keeps that order
// and drops what it renumbers to none.
func TestTableChains(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var tb table
	want := map[uint32][]uint32{}
	for o := range uint32(5000) {
		k := uint32(1 + rng.IntN(300))
		if rng.IntN(4) == 0 {
			k = 7 // a hot key
		}
		tb.add(k, o)
		want[k] = append([]uint32{o}, want[k]...)
	}
	list := func(tb *table, k uint32, limit int) []uint32 {
		var got []uint32
		tb.each(k, limit, func(o uint32) bool { got = append(got, o); return true })
		return got
	}
	for k, w := range want {
		if got := list(&tb, k, 0); !slices.Equal(got, w) {
			t.Fatalf("key %d: %d entries, want %d (or out of order)", k, len(got), len(w))
		}
		if got := list(&tb, k, 5); !slices.Equal(got, w[:min(5, len(w))]) {
			t.Fatalf("key %d limited: %v, want %v", k, got, w[:min(5, len(w))])
		}
	}
	if got := list(&tb, 100000, 0); len(got) != 0 {
		t.Fatalf("absent key: %v", got)
	}
	// Drop the odd ordinals and halve the even ones.
	renum := make([]uint32, 5000)
	for o := range renum {
		renum[o] = none
		if o%2 == 0 {
			renum[o] = uint32(o / 2)
		}
	}
	rb := tb.rebuilt(renum)
	for k, w := range want {
		var kept []uint32
		for _, o := range w {
			if o%2 == 0 {
				kept = append(kept, o/2)
			}
		}
		if got := list(&rb, k, 0); !slices.Equal(got, kept) {
			t.Fatalf("rebuilt key %d: %v, want %v", k, got, kept)
		}
	}
}

// TestBucketBound: on text made of stock sentences, where thousands of
// articles share a band, Copies compares at most Bands*Bucket candidates;
// without the bound it compares many more. Copies found under the bound
// are copies without it too.
func TestBucketBound(t *testing.T) {
	sk := stockSketches(3000)
	bounded := NewIndex(Options{Window: -1, Bucket: 4})
	all := NewIndex(Options{Window: -1, Bucket: -1})
	for _, s := range sk[:2900] {
		bounded.Add(s)
		all.Add(s)
	}
	most := 0
	for _, s := range sk[2900:] {
		b := bounded.Copies(s)
		a := all.Copies(s)
		n := 0
		for b := range bounded.bands {
			bounded.bands[b].each(bounded.bandKey(s.Sig, b), -1, func(uint32) bool { n++; return true })
		}
		most = max(most, n)
		in := map[string]bool{}
		for _, m := range a {
			in[m.ID] = true
		}
		for _, m := range b {
			if !in[m.ID] {
				t.Fatalf("%s: bounded found %s, unbounded did not", s.ID, m.ID)
			}
		}
		if len(b) > len(a) {
			t.Fatalf("%s: %d copies bounded, %d not", s.ID, len(b), len(a))
		}
	}
	if most <= 40*4 {
		t.Fatalf("the stock text shares bands too little to test the bound: at most %d entries", most)
	}
	// Count what the bound lets through: no more than Bands*Bucket.
	for _, s := range sk[2900:] {
		n := 0
		for b := range bounded.bands {
			bounded.bands[b].each(bounded.bandKey(s.Sig, b), bounded.opt.Bucket, func(uint32) bool { n++; return true })
		}
		if n > len(bounded.bands)*bounded.opt.Bucket {
			t.Fatalf("%s: %d candidates, bound %d", s.ID, n, len(bounded.bands)*bounded.opt.Bucket)
		}
	}
}

// TestBucketIgnoresRemoved: the bound counts held articles only, so an
// index with removed sketches in it finds what one built from the held
// ones alone finds (an index compacted, or loaded from a store).
func TestBucketIgnoresRemoved(t *testing.T) {
	sk := stockSketches(2600)
	withDead := NewIndex(Options{Window: -1, Bucket: 4})
	held := NewIndex(Options{Window: -1, Bucket: 4})
	for i, s := range sk[:2500] {
		withDead.Add(s)
		if i%3 == 0 {
			withDead.Remove(s.ID)
		} else {
			held.Add(s)
		}
	}
	if withDead.Len() != held.Len() {
		t.Fatalf("%d held, want %d", withDead.Len(), held.Len())
	}
	found := 0
	for _, s := range sk[2500:] {
		a, b := withDead.Copies(s), held.Copies(s)
		if !slices.Equal(a, b) {
			t.Fatalf("%s: %v with removed sketches, %v without", s.ID, a, b)
		}
		found += len(a)
	}
	if found == 0 {
		t.Fatal("no copies found: the test tests nothing")
	}
}
