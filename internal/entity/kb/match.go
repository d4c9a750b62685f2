package kb

// Match is a run of words of a sentence that is a name in the knowledge
// base.
type Match struct {
	// Start and End are word indexes, end exclusive.
	Start, End int
	// Entry is the entity named.
	Entry *Entry
	// Scan is true when the name may be taken from running text as it
	// stands; false when it is ambiguous and needs the tagger to agree.
	Scan bool
	// Latin is true for a name in Latin letters.
	Latin bool
	// Places is true for a name from the generated places list.
	Places bool
}

// Matches finds names in a sentence given as words (as Word folds them):
// at each position, every alias that starts there, longest first. Several
// entries may share a name; each gets a Match.
func (k *KB) Matches(words []string) []Match {
	var out []Match
	for i, w := range words {
		if w == "" {
			continue
		}
		for _, ai := range k.byFirst[w] {
			a := &k.aliases[ai]
			n := len(a.words)
			if i+n > len(words) || !equalWords(a.words[1:], words[i+1:i+n]) {
				continue
			}
			out = append(out, Match{
				Start: i, End: i + n, Entry: &k.entries[a.entry],
				Scan: a.scan, Latin: a.latin, Places: a.places,
			})
		}
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Gazetteer bits Mark sets. Curated names set bit (base + type*4 +
// position), with base 0 for names that may be taken from running text and
// 16 for link-only ones, type PER, LOC, ORG, MISC as 0..3, and position 0
// for a one-word name, then 1, 2, 3 for the first, an inner and the last
// word of a longer one. Generated places set bit 32 + position (36 +
// position when link-only). A word with no exact match that sounds like a
// one-word name (the same translit.Key) sets bit 40 + type. A common given
// name sets bit 44, a common family name bit 45.
const GazetteerBits = 46

var typeBit = map[string]uint{PER: 0, LOC: 1, ORG: 2, MISC: 3}

// Mark sets, for each word of a sentence (as Word folds them), the
// gazetteer bits of every name that covers it. It lets the knowledge base
// serve as the tagger's gazetteer.
func (k *KB) Mark(words []string, marks []uint64) {
	k.MarkCached(words, marks, nil)
}

// MarkCached is Mark. cache, once kept for the other sentences of a
// document, is no longer needed: the knowledge base keeps the translit.Key
// of the words it meets (see Key).
func (k *KB) MarkCached(words []string, marks []uint64, cache map[string]string) {
	for _, m := range k.Matches(words) {
		var base uint
		switch {
		case m.Places && m.Scan:
			base = 32
		case m.Places:
			base = 36
		case m.Scan:
			base = typeBit[m.Entry.Type] * 4
		default:
			base = 16 + typeBit[m.Entry.Type]*4
		}
		if m.End-m.Start == 1 {
			marks[m.Start] |= 1 << base
			continue
		}
		for i := m.Start; i < m.End; i++ {
			pos := uint(2)
			switch i {
			case m.Start:
				pos = 1
			case m.End - 1:
				pos = 3
			}
			marks[i] |= 1 << (base + pos)
		}
	}
	for i, w := range words {
		if p := k.nameParts[w]; p != 0 {
			marks[i] |= uint64(p) << 44
		}
		if marks[i] != 0 || w == "" {
			continue
		}
		if bits, ok := k.soundWord[k.Key(w)]; ok {
			marks[i] |= uint64(bits) << 40
		}
	}
}
