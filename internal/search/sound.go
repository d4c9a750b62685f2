package search

import (
	"strings"
	"sync"
	"unicode"

	"khabar/internal/entity/translit"
)

// fieldSound holds a sound key of every word of an article's title, text
// and entity names, so that a word written in one script finds the same
// word in another: "corona" कोरोना, "Jaishankar" जयशंकर and जैशंकर.
const fieldSound = "sound"

// soundKey is the sound key of one word: its consonant skeleton
// (translit.Key: vowels, aspiration and the usual Hindi and English
// consonant variants folded) and the class of its first vowel, front
// (a, e, i) or back (o, u), which keeps "corona" (krn:b) from करने
// (krn:f). "" for words too short to key safely: a skeleton of fewer
// than three consonants matches too many words (मेला, मिला, माला: ml).
func soundKey(w string) string {
	k := translit.Key(w)
	if len(k) < 3 || strings.Contains(k, "-") {
		return ""
	}
	class := byte('f')
	for _, r := range translit.Phonetic(w) {
		switch r {
		case 'o', 'u':
			class = 'b'
		case 'a', 'e', 'i':
		default:
			continue
		}
		break
	}
	return k + ":" + string(class)
}

// soundCache remembers the keys of words seen, since the same words come
// again and again; it is bounded and starts afresh when full.
var soundCache = struct {
	sync.Mutex
	m map[string]string
}{m: make(map[string]string)}

const soundCacheSize = 200_000

func cachedSoundKey(w string) string {
	soundCache.Lock()
	k, ok := soundCache.m[w]
	soundCache.Unlock()
	if ok {
		return k
	}
	k = soundKey(w)
	soundCache.Lock()
	if len(soundCache.m) >= soundCacheSize {
		soundCache.m = make(map[string]string)
	}
	soundCache.m[w] = k
	soundCache.Unlock()
	return k
}

// soundKeys returns the distinct sound keys of the words of texts.
func soundKeys(texts ...string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsMark(r)
		}) {
			if k := cachedSoundKey(w); k != "" && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
