package translit

import "strings"

// Similarity scores how alike two names sound, from 0 (nothing alike) to 1
// (the same sounds), in either script. It is a weighted edit distance over
// Phonetic spellings in which vowel changes, a dropped h or y and a moved
// space are cheap, and near consonants (t/d, k/g, p/b, n/m, r/l, s/j, v/b)
// cost half.
func Similarity(a, b string) float64 {
	return phoneticSimilarity(Phonetic(a), Phonetic(b))
}

// phoneticSimilarity compares two Phonetic spellings.
func phoneticSimilarity(a, b string) float64 {
	if a == b {
		if a == "" {
			return 0
		}
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	d := editCost(a, b)
	m := float64(max(la, lb))
	s := 1 - d/m
	if s < 0 {
		return 0
	}
	return s
}

// editCost is the weighted Levenshtein distance between a and b.
func editCost(a, b string) float64 {
	la, lb := len(a), len(b)
	prev := make([]float64, lb+1)
	cur := make([]float64, lb+1)
	for j := 1; j <= lb; j++ {
		prev[j] = prev[j-1] + indelCost(b[j-1])
	}
	for i := 1; i <= la; i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= lb; j++ {
			best := prev[j-1] + subCost(a[i-1], b[j-1])
			if v := prev[j] + indelCost(a[i-1]); v < best {
				best = v
			}
			if v := cur[j-1] + indelCost(b[j-1]); v < best {
				best = v
			}
			cur[j] = best
		}
		prev, cur = cur, prev
	}
	return prev[lb]
}

func indelCost(c byte) float64 {
	switch {
	case c == ' ':
		return 0.2
	case isVowel(c):
		return 0.45
	case c == 'h' || c == 'y':
		return 0.5
	}
	return 1
}

// near lists consonant pairs that Hindi and English spellings of one name
// swap.
var near = map[[2]byte]bool{}

func init() {
	for _, p := range []string{"td", "kg", "pb", "nm", "rl", "sj", "vb", "jy", "vu", "yi", "ks", "cs", "ck", "tc", "dj", "fp", "sc"} {
		near[[2]byte{p[0], p[1]}] = true
		near[[2]byte{p[1], p[0]}] = true
	}
}

func subCost(x, y byte) float64 {
	switch {
	case x == y:
		return 0
	case isVowel(x) && isVowel(y):
		return 0.3
	case near[[2]byte{x, y}]:
		return 0.5
	}
	return 1
}

// letterNames maps how Hindi writes the names of Latin letters (as in
// एमएस धोनी, ए बी डीविलियर्स) to the letters.
var letterNames = map[string]byte{
	"ए": 'a', "बी": 'b', "सी": 'c', "डी": 'd', "ई": 'e', "एफ": 'f', "एफ़": 'f',
	"जी": 'g', "एच": 'h', "आई": 'i', "जे": 'j', "के": 'k', "एल": 'l', "एम": 'm',
	"एन": 'n', "ओ": 'o', "पी": 'p', "क्यू": 'q', "आर": 'r', "एस": 's', "टी": 't',
	"यू": 'u', "वी": 'v', "डब्ल्यू": 'w', "डब्लू": 'w', "एक्स": 'x', "वाई": 'y', "जेड": 'z', "ज़ेड": 'z',
	"क्यु": 'q', "ज़ी": 'z', "डबल्यू": 'w',
}

// Initials returns the Latin letters a Devanagari token spells when it is a
// run of at most three letter names, as एमएस ("ms") or एम. ("m"); ok is
// false otherwise.
func Initials(tok string) (letters string, ok bool) {
	l, ok := Spelled(tok)
	if !ok || len(l) > 3 {
		return "", false
	}
	return l, true
}

// Spelled returns the Latin letters a Devanagari token spells when it is
// made of letter names only, as acronyms are written in Hindi: ईबीआरडी is
// "ebrd", एनसीएलटी "nclt". ok is false for any other token.
func Spelled(tok string) (letters string, ok bool) {
	tok = strings.TrimRight(tok, ".")
	if tok == "" || !HasDevanagari(tok) || len(tok) > 120 {
		return "", false
	}
	// dynamic programming over rune prefixes
	rs := []rune(tok)
	n := len(rs)
	best := make([]string, n+1)
	okAt := make([]bool, n+1)
	okAt[0] = true
	for i := 0; i < n; i++ {
		if !okAt[i] {
			continue
		}
		for j := i + 1; j <= n && j-i <= 7; j++ {
			if l, found := letterNames[string(rs[i:j])]; found {
				cand := best[i] + string(l)
				if !okAt[j] || len(cand) < len(best[j]) {
					best[j] = cand
					okAt[j] = true
				}
			}
		}
	}
	if !okAt[n] {
		return "", false
	}
	return best[n], true
}
