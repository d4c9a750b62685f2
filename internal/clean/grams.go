package clean

import (
	"unsafe"

	"khabar/internal/lexicon"
)

// grams is a set of the byte 4-grams of a string, each hashed to one of
// 512 bits. A phrase with a 4-gram that a line's set lacks is in no part
// of the line: classify looks for some fifty phrase lists in every short
// line, and the set turns most phrases away with a few bit tests instead
// of a search (Devanagari phrases all start with the byte 0xE0, which is
// every third byte of a Hindi line, so a search cannot skip ahead).
type grams [8]uint64

// gramsOf returns the 4-grams of s (none for s under 4 bytes).
func gramsOf(s string) grams {
	var g grams
	if len(s) < 4 {
		return g
	}
	x := uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
	for i := 3; i < len(s); i++ {
		x = x<<8 | uint32(s[i])
		h := x * 0x9E3779B1 >> 23 // the top 9 bits of a multiplicative hash
		g[h>>6] |= 1 << (h & 63)
	}
	return g
}

// covers reports whether g holds every 4-gram of m.
func (g *grams) covers(m *grams) bool {
	return m[0]&^g[0]|m[1]&^g[1]|m[2]&^g[2]|m[3]&^g[3]|m[4]&^g[4]|m[5]&^g[5]|m[6]&^g[6]|m[7]&^g[7] == 0
}

// phrases is a vocabulary list (vocab) with the 4-grams of each phrase.
type phrases struct {
	list  []string
	grams []grams
}

// phraseList returns the vocabulary of class c as phrases.
func phraseList(c lexicon.Class) phrases {
	p := phrases{list: vocab(c)}
	p.grams = make([]grams, len(p.list))
	for i, x := range p.list {
		p.grams[i] = gramsOf(x)
	}
	return p
}

// folded is the folded line classify reads, with its 4-grams.
type folded struct {
	s string
	g grams
}

func newFolded(s string) *folded { return &folded{s: s, g: gramsOf(s)} }

// within reports whether s is a part of the line's string (the line
// itself, or a substring of it), whose phrases the line's 4-grams tell.
func (ln *folded) within(s string) bool {
	if ln == nil || len(s) == 0 {
		return false
	}
	p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(ln.s)))
	return p >= q && p+uintptr(len(s)) <= q+uintptr(len(ln.s))
}

// any is hasAny(s, p.list...): whether s holds one of the phrases. It is
// faster when s is the line or a part of it, and right for any s.
func (ln *folded) any(s string, p phrases) bool { return ln.match(s, p, hasAny) }

// word is hasWord(s, p.list...): whether s holds one of the phrases as
// whole words, as any is to hasAny.
func (ln *folded) word(s string, p phrases) bool { return ln.match(s, p, hasWord) }

// wordForm is hasWordForm(s, p.list...), as any is to hasAny (a plural
// "x"+"s" holds x, so x's 4-grams still tell).
func (ln *folded) wordForm(s string, p phrases) bool { return ln.match(s, p, hasWordForm) }

// match is has(s, p.list...), asking has only of the phrases whose 4-grams
// the line holds when s is the line or a part of it.
func (ln *folded) match(s string, p phrases, has func(string, ...string) bool) bool {
	if !ln.within(s) {
		return has(s, p.list...)
	}
	for i := range p.list {
		if ln.g.covers(&p.grams[i]) && has(s, p.list[i:i+1]...) {
			return true
		}
	}
	return false
}
