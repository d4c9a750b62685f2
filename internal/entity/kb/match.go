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
	facts := make([]any, len(words))
	for i, w := range words {
		if w != "" {
			facts[i] = k.WordFacts(w)
		}
	}
	k.MarkWords(words, facts, marks)
}

// wordFacts is what Mark needs of one folded word.
type wordFacts struct {
	// first lists the aliases that start with the word
	first []int32
	// parts are the word's nameParts bits; sound the soundWord bits of
	// its translit.Key, with hasSound set when soundWord has the key
	parts, sound uint8
	hasSound     bool
}

// noFacts stands for a word the knowledge base knows nothing of.
var noFacts = &wordFacts{}

// WordFacts returns what Mark needs of the folded word w, for MarkWords: the
// aliases that start with it, whether it is a common given or family name,
// and the types of the one-word names that sound like it.
func (k *KB) WordFacts(w string) any {
	f := wordFacts{first: k.byFirst[w], parts: k.nameParts[w]}
	f.sound, f.hasSound = k.soundWord[k.Key(w)]
	if f.first == nil && f.parts == 0 && !f.hasSound {
		return noFacts
	}
	return &f
}

// MarkWords is Mark, given the WordFacts of each word ("" words may have
// none).
func (k *KB) MarkWords(words []string, facts []any, marks []uint64) {
	factsOf := func(i int) *wordFacts {
		if f, ok := facts[i].(*wordFacts); ok {
			return f
		}
		return noFacts
	}
	for i, w := range words {
		if w == "" {
			continue
		}
		for _, ai := range factsOf(i).first {
			a := &k.aliases[ai]
			n := len(a.words)
			if i+n > len(words) || !equalWords(a.words[1:], words[i+1:i+n]) {
				continue
			}
			e := &k.entries[a.entry]
			var base uint
			switch {
			case a.places && a.scan:
				base = 32
			case a.places:
				base = 36
			case a.scan:
				base = typeBit[e.Type] * 4
			default:
				base = 16 + typeBit[e.Type]*4
			}
			if n == 1 {
				marks[i] |= 1 << base
				continue
			}
			for j := i; j < i+n; j++ {
				pos := uint(2)
				switch j {
				case i:
					pos = 1
				case i + n - 1:
					pos = 3
				}
				marks[j] |= 1 << (base + pos)
			}
		}
	}
	for i, w := range words {
		f := factsOf(i)
		if f.parts != 0 {
			marks[i] |= uint64(f.parts) << 44
		}
		if marks[i] != 0 || w == "" {
			continue
		}
		if f.hasSound {
			marks[i] |= uint64(f.sound) << 40
		}
	}
}
