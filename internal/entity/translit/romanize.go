// Package translit writes Devanagari names in Latin letters and compares
// names across scripts.
//
// Romanize follows Hunterian habits, the way Indian names are spelled in
// English-language news: plain ASCII, long and short vowels written alike
// (आ and अ are both "a"), श and ष as "sh", व as "v", and the inherent vowel
// deleted where Hindi does not pronounce it (राजकुमार → "rajkumar",
// पुतिन → "putin"). Key and Similarity compare the sounds of two names in
// either script, for joining दमित्री पेस्कोव, दिमित्री पेस्कोव and
// "Dmitry Peskov".
package translit

import (
	"khabar/internal/normalize"

	"strings"
	"unicode"
	"unicode/utf8"
)

// Devanagari signs.
const (
	candrabindu = '\u0901'
	anusvara    = '\u0902'
	visarga     = '\u0903'
	nukta       = '\u093C'
	virama      = '\u094D'
	avagraha    = '\u093D'
)

// consonants maps Devanagari consonants to Latin.
var consonants = map[rune]string{
	'क': "k", 'ख': "kh", 'ग': "g", 'घ': "gh", 'ङ': "n",
	'च': "ch", 'छ': "chh", 'ज': "j", 'झ': "jh", 'ञ': "n",
	'ट': "t", 'ठ': "th", 'ड': "d", 'ढ': "dh", 'ण': "n",
	'त': "t", 'थ': "th", 'द': "d", 'ध': "dh", 'न': "n",
	'प': "p", 'फ': "ph", 'ब': "b", 'भ': "bh", 'म': "m",
	'य': "y", 'र': "r", 'ल': "l", 'व': "v", 'ळ': "l",
	'श': "sh", 'ष': "sh", 'स': "s", 'ह': "h",
	'ऩ': "n", 'ऱ': "r", 'ऴ': "l",
	// precomposed nukta letters
	'\u0958': "q", '\u0959': "kh", '\u095A': "gh", '\u095B': "z", '\u095C': "r", '\u095D': "rh", '\u095E': "f", '\u095F': "y",
}

// withNukta maps a consonant followed by a combining nukta to Latin.
var withNukta = map[rune]string{
	'क': "q", 'ख': "kh", 'ग': "gh", 'ज': "z", 'ड': "r", 'ढ': "rh", 'फ': "f", 'य': "y",
}

// vowels maps independent vowels to Latin.
var vowels = map[rune]string{
	'अ': "a", 'आ': "a", 'इ': "i", 'ई': "i", 'उ': "u", 'ऊ': "u",
	'ऋ': "ri", 'ॠ': "ri", 'ऌ': "li", 'ए': "e", 'ऐ': "ai", 'ओ': "o", 'औ': "au",
	'ऑ': "o", 'ऍ': "e", 'ऎ': "e", 'ऒ': "o", 'ॲ': "e",
}

// matras maps dependent vowel signs to Latin.
var matras = map[rune]string{
	'ा': "a", 'ि': "i", 'ी': "i", 'ु': "u", 'ू': "u", 'ृ': "ri", 'ॄ': "ri",
	'े': "e", 'ै': "ai", 'ो': "o", 'ौ': "au", 'ॉ': "o", 'ॅ': "e", 'ॆ': "e", 'ॊ': "o",
	'ॢ': "li",
}

// IsDevanagari reports whether r is in the Devanagari block.
func IsDevanagari(r rune) bool { return r >= '\u0900' && r <= '\u097F' }

// HasDevanagari reports whether s holds any Devanagari letter.
func HasDevanagari(s string) bool {
	for _, r := range s {
		if IsDevanagari(r) {
			return true
		}
	}
	return false
}

func isConsonant(r rune) bool {
	_, ok := consonants[r]
	return ok
}

// unit is one written syllable piece: a consonant with its vowel, or a
// vowel on its own.
type unit struct {
	cons string // Latin consonant; "" for an independent vowel
	// vowel is the Latin vowel ("" after a virama).
	vowel string
	// inherent is true when vowel is the unwritten schwa.
	inherent bool
	// nasal is "n" or "m" when an anusvara or chandrabindu follows.
	nasal bool
	// conjunctPrev is true when the consonant joins the one before with a
	// virama.
	conjunctPrev bool
	// tail is written after the unit: visarga, avagraha.
	tail string
	// raw consonant, to tell labials for the anusvara.
	raw rune
}

// Romanize writes s in Latin letters. Devanagari words are transliterated
// with schwa deletion; everything else (Latin, digits, spaces, punctuation)
// is copied, Devanagari digits become ASCII and the danda a full stop.
// The result is lower case.
func Romanize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if isWordRune(r) {
			j := i
			for j < len(rs) && isWordRune(rs[j]) {
				j++
			}
			writeWord(&b, rs[i:j])
			i = j
			continue
		}
		switch {
		case normalize.DevanagariDigit(r) >= 0:
			b.WriteByte(byte('0' + normalize.DevanagariDigit(r)))
		case r == '।' || r == '॥':
			b.WriteByte('.')
		case r == '\u0970': // abbreviation sign
			b.WriteByte('.')
		case r == '\u200C' || r == '\u200D':
		case IsDevanagari(r):
			// stray sign with nothing to attach to
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		i++
	}
	return b.String()
}

// isWordRune reports whether r belongs to a Devanagari word (letters and
// combining signs, and the joiners that may sit inside one).
func isWordRune(r rune) bool {
	if r == '\u200C' || r == '\u200D' {
		return true
	}
	if !IsDevanagari(r) {
		return false
	}
	switch {
	case normalize.DevanagariDigit(r) >= 0, r == '।', r == '॥', r == '\u0970':
		return false
	}
	return true
}

// writeWord transliterates one Devanagari word.
func writeWord(b *strings.Builder, rs []rune) {
	units := parseUnits(rs)
	deleteSchwas(units)
	for i, u := range units {
		b.WriteString(u.cons)
		b.WriteString(u.vowel)
		if u.nasal {
			b.WriteString(nasalBefore(units, i))
		}
		b.WriteString(u.tail)
	}
}

// nasalBefore is the letter an anusvara on unit i is written as: "m" before
// a labial, "ng" before a word-final h (सिंह "singh"), else "n".
func nasalBefore(units []unit, i int) string {
	if i+1 < len(units) {
		switch units[i+1].raw {
		case 'प', 'फ', 'ब', 'भ', 'म':
			return "m"
		case 'ह':
			if i+2 == len(units) && units[i+1].vowel == "" {
				return "ng"
			}
		}
	}
	return "n"
}

func parseUnits(rs []rune) []unit {
	units := make([]unit, 0, len(rs))
	joinNext := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\u200C' || r == '\u200D':
			continue
		case isConsonant(r):
			lat := consonants[r]
			if i+1 < len(rs) && rs[i+1] == nukta {
				if n, ok := withNukta[r]; ok {
					lat = n
				}
				i++
			}
			// ज्ञ is said "gy" in Hindi.
			if r == 'ज' && i+2 < len(rs) && rs[i+1] == virama && rs[i+2] == 'ञ' {
				units = append(units, unit{cons: "g", raw: r, conjunctPrev: joinNext})
				units = append(units, unit{cons: "y", vowel: "a", inherent: true, raw: 'य', conjunctPrev: true})
				i += 2
				joinNext = false
				continue
			}
			units = append(units, unit{cons: lat, vowel: "a", inherent: true, raw: r, conjunctPrev: joinNext})
			joinNext = false
		case r == virama:
			if n := len(units); n > 0 && units[n-1].cons != "" && units[n-1].inherent {
				units[n-1].vowel = ""
				units[n-1].inherent = false
				joinNext = true
			}
		case r == nukta:
			// a nukta on a letter withNukta does not know: ignore
		case r == anusvara || r == candrabindu:
			if n := len(units); n > 0 {
				units[n-1].nasal = true
				if units[n-1].vowel == "" && units[n-1].cons != "" {
					// anusvara after a virama: write it after the consonant
					units[n-1].vowel = ""
				}
			} else {
				units = append(units, unit{vowel: "", nasal: true})
			}
			joinNext = false
		case r == visarga:
			if n := len(units); n > 0 {
				units[n-1].tail += "h"
			}
		case r == avagraha:
			// a lengthening sign: nothing to write
		default:
			if m, ok := matras[r]; ok {
				if n := len(units); n > 0 && units[n-1].cons != "" && units[n-1].inherent {
					units[n-1].vowel = m
					units[n-1].inherent = false
				} else {
					units = append(units, unit{vowel: m})
				}
				joinNext = false
				continue
			}
			if v, ok := vowels[r]; ok {
				units = append(units, unit{vowel: v})
				joinNext = false
			}
		}
	}
	return units
}

// keepsFinalSchwa reports whether a word ending in a conjunct with r as its
// last consonant keeps its final vowel: मित्र "mitra", सत्य "satya", शुक्ल
// "shukla", but डोनाल्ड "donald".
func keepsFinalSchwa(r rune) bool {
	switch r {
	case 'र', 'य', 'ल', 'व':
		return true
	}
	return false
}

// deleteSchwas drops the inherent vowels Hindi does not pronounce: the last
// one of a word (unless it ends in a conjunct, as in मित्र), then, right to
// left, one between a vowel and a consonant that carries a vowel (V C_ C V).
func deleteSchwas(units []unit) {
	n := len(units)
	if n == 0 {
		return
	}
	// count syllables with a vowel
	vowelsSeen := 0
	for _, u := range units {
		if u.vowel != "" {
			vowelsSeen++
		}
	}
	last := &units[n-1]
	if last.inherent && !last.nasal && vowelsSeen > 1 && !(last.conjunctPrev && keepsFinalSchwa(last.raw)) {
		last.vowel = ""
		last.inherent = false
	}
	hasVowel := func(i int) bool { return i >= 0 && i < n && units[i].vowel != "" }
	for i := n - 2; i >= 1; i-- {
		u := &units[i]
		if !u.inherent || u.nasal || u.conjunctPrev || u.tail != "" {
			continue
		}
		// previous unit must end in a vowel
		if !hasVowel(i - 1) {
			continue
		}
		// next unit must be a consonant carrying a vowel, not the start of a conjunct
		next := units[i+1]
		if next.cons == "" || next.vowel == "" {
			continue
		}
		if i+2 < n && units[i+2].conjunctPrev && next.vowel == "" {
			continue
		}
		u.vowel = ""
		u.inherent = false
	}
}
