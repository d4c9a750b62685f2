package lexicon

import (
	"fmt"

	"khabar/internal/normalize"
)

// Tables holds a stage's lookup table of type T for every primary
// language, each built once from that language's packs (Packs).
type Tables[T any] struct {
	m map[string]T
}

// Build builds a stage's tables: build gets the packs of each primary
// language in turn. An error (a pack whose entries the stage cannot use)
// panics, naming the language: the packs are compiled in, so this is a
// broken build, and it shows at start-up and in the stage's tests.
func Build[T any](build func(packs []*Pack) (T, error)) Tables[T] {
	t := Tables[T]{m: map[string]T{}}
	for _, l := range Primaries() {
		v, err := build(Packs(l))
		if err != nil {
			panic(fmt.Sprintf("lexicon: the %s tables: %v", l, err))
		}
		t.m[l] = v
	}
	return t
}

// For returns the table an article in lang is read with (see Primary).
func (t Tables[T]) For(lang string) T { return t.m[Primary(lang)] }

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
