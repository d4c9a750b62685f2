package tagger

// lexicon maps words (folded) to what the training data says of them: for
// each type t (index into types), bit t*4+k is set when the word
// often is the last word of a t span (k=0), the word just before one
// (k=1), the word just after one (k=2), or the first word of one (k=3).
// It lets features look further than the words next to a token: a title
// three words back, a head noun such as मंत्रालय four words ahead.
type lexicon map[string]uint32

const (
	lexHead = iota
	lexBefore
	lexAfter
	lexFirst
)

// lexCommon marks a word the training data shows often and nearly always
// outside names: a common word, not a name.
const lexCommon = 1 << 31

// Bits 24 and 25 hold how often the training data has the word: 0 never
// (the word is not in the lexicon), 1 once or twice, 2 three to nine
// times, 3 more often.
const (
	lexFreqShift = 24
	lexFreqMask  = 3 << lexFreqShift
)

// lexGiven marks a word of the given names a model was trained with
// (TrainOptions.GivenNames), seen in the training data or not.
const lexGiven = 1 << 26

// addGiven marks the given names names (folded words) in lex.
func (lex lexicon) addGiven(names []string) {
	for _, w := range names {
		if w != "" {
			lex[w] |= lexGiven
		}
	}
}

// freqBucket is the frequency class of a word seen n times.
func freqBucket(n int) uint32 {
	switch {
	case n <= 0:
		return 0
	case n <= 2:
		return 1
	case n <= 9:
		return 2
	}
	return 3
}

// Thresholds for common words.
const (
	commonMinCount = 3
	commonMinShare = 0.97
)

// Thresholds for lexicon entries: a word must be seen this often in the
// role, and in this share of its occurrences.
const (
	lexMinCount   = 3
	lexMinShare   = 0.25
	lexMinContext = 0.15
)

// buildLexicon collects the lexicon of tagged sentences.
func buildLexicon(sents []Sentence) lexicon {
	total := map[string]int{}
	role := map[string]map[uint32]int{}
	count := func(w string, bit uint32) {
		m := role[w]
		if m == nil {
			m = map[uint32]int{}
			role[w] = m
		}
		m[bit]++
	}
	typeIndex := map[string]uint32{}
	for i, t := range types {
		typeIndex[t] = uint32(i)
	}
	outside := map[string]int{}
	for _, s := range sents {
		words := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = wordOf(t)
			total[words[i]]++
			if s.Tags[i] == "O" {
				outside[words[i]]++
			}
		}
		for _, sp := range Spans(s.Tags) {
			ti, ok := typeIndex[sp.Type]
			if !ok {
				continue
			}
			count(words[sp.End-1], ti*4+lexHead)
			count(words[sp.Start], ti*4+lexFirst)
			if sp.Start > 0 {
				count(words[sp.Start-1], ti*4+lexBefore)
			}
			if sp.End < len(words) {
				count(words[sp.End], ti*4+lexAfter)
			}
		}
	}
	lex := lexicon{}
	for w, m := range role {
		for bit, n := range m {
			share := float64(n) / float64(total[w])
			min := lexMinShare
			if k := bit % 4; k == lexBefore || k == lexAfter {
				min = lexMinContext
			}
			if n >= lexMinCount && share >= min {
				lex[w] |= 1 << bit
			}
		}
	}
	for w, n := range total {
		if w != "" {
			lex[w] |= freqBucket(n) << lexFreqShift
		}
	}
	for w, n := range outside {
		if n >= commonMinCount && float64(n) >= commonMinShare*float64(total[w]) {
			lex[w] |= lexCommon
		}
	}
	return lex
}
