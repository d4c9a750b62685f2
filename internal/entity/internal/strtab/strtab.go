// Package strtab is a string-keyed table of bounded size that many
// goroutines read and add to without locks: the caches the tagger and the
// knowledge base keep of frequent words. Entries are never removed or
// replaced, so a reader that finds one may keep it.
package strtab

import (
	"hash/maphash"
	"strings"
	"sync/atomic"
)

// Table maps strings to values of type V. It holds at most the number of
// entries given to New, the first ones added; Add refuses the rest. The
// zero Table is not usable.
type Table[V any] struct {
	seed  maphash.Seed
	slots []atomic.Pointer[entry[V]]
	mask  uint64
	limit int64
	n     atomic.Int64
}

type entry[V any] struct {
	key string
	val V
}

// New returns a table that holds at most limit entries.
func New[V any](limit int) *Table[V] {
	size := 1
	for size < 2*limit {
		size <<= 1
	}
	return &Table[V]{seed: maphash.MakeSeed(), slots: make([]atomic.Pointer[entry[V]], size), mask: uint64(size - 1), limit: int64(limit)}
}

// Get returns the value of key k, and whether the table holds it.
func (t *Table[V]) Get(k string) (V, bool) {
	for s := maphash.String(t.seed, k) & t.mask; ; s = (s + 1) & t.mask {
		e := t.slots[s].Load()
		if e == nil {
			var zero V
			return zero, false
		}
		if e.key == k {
			return e.val, true
		}
	}
}

// Full reports whether the table holds as many entries as it may.
func (t *Table[V]) Full() bool { return t.n.Load() >= t.limit }

// Add offers v as the value of key k and returns the value the table holds
// for k: v when it keeps it, the value another goroutine added first, or v
// again when the table is full (and then ok is false). The table keeps a
// copy of k, so that a key sliced from a large text does not keep the
// text.
func (t *Table[V]) Add(k string, v V) (held V, ok bool) {
	if t.n.Add(1) > t.limit {
		t.n.Add(-1)
		return v, false
	}
	e := &entry[V]{key: strings.Clone(k), val: v}
	for s := maphash.String(t.seed, k) & t.mask; ; s = (s + 1) & t.mask {
		if t.slots[s].CompareAndSwap(nil, e) {
			return v, true
		}
		if o := t.slots[s].Load(); o.key == k {
			t.n.Add(-1)
			return o.val, true
		}
	}
}

// Len returns the number of entries.
func (t *Table[V]) Len() int { return int(t.n.Load()) }
