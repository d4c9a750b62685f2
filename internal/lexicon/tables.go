package lexicon

import (
	"fmt"
	"sync"

	"khabar/internal/normalize"
)

// Tables holds a stage's lookup table of type T for every primary
// language, each built from that language's packs (Packs) the first time
// an article in the language asks for it, so that a process reading only
// Hindi keeps no Marathi tables for the garbage collector to trace.
type Tables[T any] struct {
	build func(packs []*Pack) (T, error)
	m     map[string]*table[T]
}

type table[T any] struct {
	once sync.Once
	v    T
}

// Build returns a stage's tables: build gets the packs of a primary
// language when the language is first asked for. An error (a pack whose
// entries the stage cannot use) panics, naming the language: the packs
// are compiled in, so this is a broken build; Check shows it at once, and
// each stage's tests call it.
func Build[T any](build func(packs []*Pack) (T, error)) Tables[T] {
	t := Tables[T]{build: build, m: map[string]*table[T]{}}
	for _, l := range Primaries() {
		t.m[l] = &table[T]{}
	}
	return t
}

// For returns the table an article in lang is read with (see Primary),
// building it on first use. It is safe for concurrent use.
func (t Tables[T]) For(lang string) T {
	l := Primary(lang)
	tab := t.m[l]
	tab.once.Do(func() {
		v, err := t.build(Packs(l))
		if err != nil {
			panic(fmt.Sprintf("lexicon: the %s tables: %v", l, err))
		}
		tab.v = v
	})
	return tab.v
}

// Check builds the tables of every primary language, and fails with the
// first error, naming the language.
func (t Tables[T]) Check() error {
	for _, l := range Primaries() {
		if _, err := t.build(Packs(l)); err != nil {
			return fmt.Errorf("lexicon: the %s tables: %w", l, err)
		}
	}
	return nil
}

// Set returns the words of class c of every pack, folded with
// normalize.Fold, as a set.
func Set(packs []*Pack, c Class) map[string]bool {
	m := map[string]bool{}
	for _, p := range packs {
		for _, w := range p.Words(c) {
			m[normalize.Fold(w)] = true
		}
	}
	return m
}

// Words is a set of folded words for the checks a stage makes on every
// token. A miss on a word whose signature (sig) no member has costs one
// bit test, and a small set is scanned, not hashed: a Go map hashes every
// word it is asked about, which made the stages that read these classes
// from the packs slower than the string comparisons they replaced. The
// empty word is never a member.
type Words struct {
	sigs uint64          // the signature bits of the members (see sig)
	list []string        // the members, when there are few
	m    map[string]bool // the members, when there are many
}

// sig is a non-empty word's signature: one of 64 bits, chosen by its
// length and its last byte (Devanagari words share their first byte and
// often their length). A set holds the bits of its members, so most words
// it lacks are turned away by one test.
func sig(s string) uint64 {
	n := len(s)
	return 1 << ((uint(n) ^ uint(s[n-1])) & 63)
}

// smallWords is the most members Words scans rather than hashes.
const smallWords = 8

// NewWords returns the set of ws, which are taken as they are (folded by
// the caller).
func NewWords(ws ...string) Words {
	var w Words
	for _, s := range ws {
		w.Add(s)
	}
	return w
}

// Add puts s (folded by the caller) in the set.
func (w *Words) Add(s string) {
	if w.Has(s) {
		return
	}
	if s == "" {
		return // no class holds the empty word; Has("") is false
	}
	w.sigs |= sig(s)
	if w.m != nil {
		w.m[s] = true
		return
	}
	w.list = append(w.list, s)
	if len(w.list) > smallWords {
		w.m = make(map[string]bool, len(w.list))
		for _, x := range w.list {
			w.m[x] = true
		}
		w.list = nil
	}
}

// WordSet returns the words of class c of every pack, folded with
// normalize.Fold, as a Words set.
func WordSet(packs []*Pack, c Class) Words {
	var w Words
	for _, p := range packs {
		for _, s := range p.Words(c) {
			w.Add(normalize.Fold(s))
		}
	}
	return w
}

// Has reports whether s is in the set.
func (w *Words) Has(s string) bool {
	n := len(s)
	if n == 0 || w.sigs>>((uint(n)^uint(s[n-1]))&63)&1 == 0 {
		return false
	}
	if w.m != nil {
		return w.m[s]
	}
	// The last byte tells most same-length Devanagari words apart
	// without a call.
	for _, x := range w.list {
		if len(x) == n && x[n-1] == s[n-1] && x == s {
			return true
		}
	}
	return false
}

// Maybe reports whether s may be in the set: false means it is not (its
// signature is no member's), true that Has must tell. It is small enough
// to be inlined where a check that misses on most tokens is made.
func (w *Words) Maybe(s string) bool {
	n := len(s)
	return n > 0 && w.sigs>>((uint(n)^uint(s[n-1]))&63)&1 != 0
}

// Len returns the number of words in the set.
func (w *Words) Len() int {
	return len(w.list) + len(w.m)
}

// List returns the words of the set, in no particular order.
func (w *Words) List() []string {
	if w.m == nil {
		return w.list
	}
	out := make([]string, 0, len(w.m))
	for s := range w.m {
		out = append(out, s)
	}
	return out
}
