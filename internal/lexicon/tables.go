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
