package translit

import (
	"strings"
)

// nameTok is one token of a name prepared for matching.
type nameTok struct {
	phon string // Phonetic spelling of the word
	// initials is set when the token may be read as a run of initials.
	initials string
	// first is the first Latin letter of the written word, for matching an
	// initial on the other side.
	first byte
}

// Name is a name prepared for repeated matching.
type Name struct {
	// Text is the name as given.
	Text   string
	toks   []nameTok
	joined string
}

// Prepare readies a name in either script for Score.
func Prepare(name string) Name {
	n := Name{Text: name}
	var joined []string
	for _, w := range strings.Fields(name) {
		var t nameTok
		if HasDevanagari(w) {
			if l, ok := Initials(w); ok {
				t.initials = l
			}
			t.phon = strings.ReplaceAll(Phonetic(w), " ", "")
			lat := Romanize(strings.TrimRight(w, "."))
			if lat != "" {
				t.first = lat[0]
			}
		} else {
			lw := foldLatin(w)
			t.phon = strings.ReplaceAll(Phonetic(lw), " ", "")
			letters := strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' {
					return r
				}
				return -1
			}, lw)
			if letters != "" {
				t.first = letters[0]
			}
			if len(letters) >= 1 && len(letters) <= 2 || (len(letters) == 3 && !strings.ContainsAny(letters, "aeiou")) {
				t.initials = letters
			}
		}
		if t.phon == "" && t.initials == "" {
			continue
		}
		n.toks = append(n.toks, t)
		joined = append(joined, t.phon)
	}
	n.joined = strings.Join(joined, "")
	return n
}

// Score is how likely a and b name one person, 0..1: the better of the
// similarity of the whole names and of an in-order alignment of their
// words, in which an initial matches a word starting with its letter.
func Score(a, b Name) float64 {
	if len(a.toks) == 0 || len(b.toks) == 0 {
		return 0
	}
	whole := phoneticSimilarity(a.joined, b.joined)
	return max(whole, alignScore(expand(a.toks), expand(b.toks)))
}

// piece is a token or one letter of a run of initials.
type piece struct {
	phon    string
	initial byte // set for an initial
	first   byte
	alt     []piece // the token read as initials, when it may be
}

func expand(toks []nameTok) []piece {
	ps := make([]piece, 0, len(toks))
	for _, t := range toks {
		p := piece{phon: t.phon, first: t.first}
		if t.initials != "" {
			for i := 0; i < len(t.initials); i++ {
				p.alt = append(p.alt, piece{initial: t.initials[i], first: t.initials[i]})
			}
		}
		ps = append(ps, p)
	}
	return ps
}

func weight(p piece) float64 {
	if p.initial != 0 {
		return 2
	}
	return float64(max(len(p.phon), 2))
}

func pieceSim(x, y piece) float64 {
	switch {
	case x.initial != 0 && y.initial != 0:
		if x.initial == y.initial {
			return 1
		}
		return 0
	case x.initial != 0:
		if x.initial == y.first {
			return 0.9
		}
		return 0
	case y.initial != 0:
		if y.initial == x.first {
			return 0.9
		}
		return 0
	}
	return phoneticSimilarity(x.phon, y.phon)
}

// alignScore aligns the pieces of two names in order and returns the
// weighted share of matched sound. A piece with a reading as initials is
// tried both ways.
func alignScore(a, b []piece) float64 {
	best := 0.0
	for _, xa := range readings(a) {
		for _, xb := range readings(b) {
			best = max(best, align(xa, xb))
		}
	}
	return best
}

// readings lists the ways to read a name: each piece as a word, and each
// of at most the first three pieces that may be initials also as initials.
func readings(ps []piece) [][]piece {
	var can []int
	for i, p := range ps {
		if p.alt != nil && len(can) < 3 {
			can = append(can, i)
		}
	}
	out := make([][]piece, 0, 1<<len(can))
	for mask := 0; mask < 1<<len(can); mask++ {
		r := make([]piece, 0, len(ps)+2)
		k := 0
		for i, p := range ps {
			if k < len(can) && can[k] == i {
				use := mask&(1<<k) != 0
				k++
				if use {
					r = append(r, p.alt...)
					continue
				}
			}
			r = append(r, p)
		}
		out = append(out, r)
	}
	return out
}

func align(a, b []piece) float64 {
	na, nb := len(a), len(b)
	total := 0.0
	for _, p := range a {
		total += weight(p)
	}
	for _, p := range b {
		total += weight(p)
	}
	if total == 0 {
		return 0
	}
	// dp[i][j]: best matched weight for a[:i], b[:j]
	dp := make([][]float64, na+1)
	for i := range dp {
		dp[i] = make([]float64, nb+1)
	}
	for i := 1; i <= na; i++ {
		for j := 1; j <= nb; j++ {
			v := max(dp[i-1][j], dp[i][j-1])
			s := pieceSim(a[i-1], b[j-1])
			if s > 0 {
				v = max(v, dp[i-1][j-1]+s*(weight(a[i-1])+weight(b[j-1])))
			}
			dp[i][j] = v
		}
	}
	return dp[na][nb] / total
}
