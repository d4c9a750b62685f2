package press

import (
	"khabar/internal/normalize"

	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file names outlets the table does not know, from what the page
// says of itself: the name in its copyright line (or a desk credit), as
// written when in Latin letters, else written in Latin letters the way
// Indian outlets spell their names in English, checked against the page's
// URL host when there is one.

// rightsPhrases are the words of a copyright line that are not the
// owner's name.
var rightsPhrases = []string{
	"all rights reserved", "all right reserved", "rights reserved", "सर्वाधिकार सुरक्षित", "सभी अधिकार सुरक्षित",
	"सर्व हक्क राखीव", "सबै अधिकार सुरक्षित", "सर्वाधिकार", "copyright", "कॉपीराइट", "(c)", "©",
}

// companyWords end a company's legal name; they are not the outlet's.
var companyWords = map[string]bool{
	"pvt": true, "ltd": true, "limited": true, "private": true, "inc": true, "llp": true, "llc": true,
	"प्राइवेट": true, "लिमिटेड": true, "प्रा": true, "लि": true,
}

// siteLinkWords mark the links a footer lists beside the copyright.
var siteLinkWords = []string{
	"privacy", "terms", "about", "contact", "policy", "sitemap", "advertise", "careers", "cookie",
	"गोपनीयता", "संपर्क", "हमारे बारे में", "नियम", "शर्तें", "विज्ञापन",
}

// CopyrightName returns the owner a copyright line names, as written:
// "© 2025 Some Daily. All rights reserved. | Privacy" → "Some Daily",
// "पहाड़ी समाचार | Copyright 2025" → "पहाड़ी समाचार". It returns "" when
// no short name is left.
func CopyrightName(line string) string {
	// Normalisation writes a bar after Devanagari as a danda.
	parts := strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '•' || r == '·' || r == '।' || r == '॥' })
	best := ""
	for _, p := range parts {
		low := strings.ToLower(p)
		marked := false
		for _, ph := range rightsPhrases {
			if i := strings.Index(low, ph); i >= 0 {
				marked = true
				// Cut in the original by the same byte span: the phrases
				// are ASCII or Devanagari, unchanged by ToLower.
				p = p[:i] + " " + p[i+len(ph):]
				low = low[:i] + " " + low[i+len(ph):]
			}
		}
		name := ownerName(p)
		if name == "" || hasAnyFold(name, siteLinkWords) {
			continue
		}
		if marked {
			return name
		}
		if best == "" {
			best = name
		}
	}
	return best
}

// ownerName trims years, punctuation and company suffixes from what is
// left of a copyright line, and returns it when it has one to five words.
func ownerName(s string) string {
	var words []string
	company := false
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()[]", r)
	}) {
		w = strings.Trim(w, ".।-–—")
		if w == "" || isYear(w) {
			continue
		}
		if companyWords[strings.ToLower(w)] {
			company = true
			break
		}
		words = append(words, w)
	}
	// "X Media Pvt Ltd": the company's kind goes with its legal form.
	for company && len(words) > 1 && corporateWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > 5 {
		return ""
	}
	return strings.Join(words, " ")
}

// corporateWords name a company's kind before its legal form.
var corporateWords = map[string]bool{
	"media": true, "group": true, "publications": true, "publishing": true, "network": true, "corporation": true,
	"corp": true, "co": true, "company": true, "enterprises": true, "ventures": true, "communications": true,
	"broadcasting": true, "मीडिया": true, "समूह": true, "प्रकाशन": true,
}

// isYear reports a word of four digits (ASCII or Devanagari).
func isYear(w string) bool {
	return utf8.RuneCountInString(w) == 4 && allDigits(w)
}

func hasAnyFold(s string, subs []string) bool {
	l := strings.ToLower(s)
	for _, x := range subs {
		if strings.Contains(l, x) {
			return true
		}
	}
	return false
}

// loanWords are English words outlets write in Devanagari in their names.
var loanWords = map[string]string{
	"टाइम्स": "Times", "टाईम्स": "Times", "न्यूज": "News", "न्यूज़": "News", "एक्सप्रेस": "Express", "लाइव": "Live",
	"टुडे": "Today", "ऑनलाइन": "Online", "अनलाइन": "Online", "ओनलाइन": "Online", "पोस्ट": "Post", "डेली": "Daily",
	"टीवी": "TV", "मीडिया": "Media", "डिजिटल": "Digital", "नेटवर्क": "Network", "इंडिया": "India", "हेराल्ड": "Herald",
	"ट्रिब्यून": "Tribune", "क्रॉनिकल": "Chronicle", "गजट": "Gazette", "गैजेट": "Gazette", "जर्नल": "Journal",
	"वीकली": "Weekly", "मिरर": "Mirror", "वॉयस": "Voice", "वॉइस": "Voice", "ब्रेकिंग": "Breaking", "लेजर": "Ledger",
	"मेट्रो": "Metro", "सिटी": "City", "स्टार": "Star", "टाइम": "Time", "खबर": "Khabar", "ख़बर": "Khabar",
	"डॉट": "Dot", "कॉम": "Com", "बुलेटिन": "Bulletin", "रिपोर्टर": "Reporter", "एक्सप्रेस।": "Express",
}

// RomanName writes an outlet's Devanagari name in Latin letters as
// outlets spell theirs in English: places by their English names, English
// loanwords as English ("टाइम्स" → "Times"), other words letter by letter
// with the inherent vowel dropped where Hindi drops it ("जनपथ" →
// "Janpath", "समाचार" → "Samachar"), each word capitalised. Latin words
// and digits are kept. The spelling is a reading, not the outlet's own:
// callers prefer a Latin name the page gives.
func RomanName(s string) string {
	if p := Place(s); p != "" && !nativeNames[s] {
		return p
	}
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,।|-–—:")
		if w == "" {
			continue
		}
		switch {
		case loanWords[w] != "":
			out = append(out, loanWords[w])
		case Place(w) != "" && !nativeNames[w]:
			out = append(out, Place(w))
		case !hasDevanagari(w):
			out = append(out, w)
		default:
			r := romanWord(w)
			if r == "" {
				continue
			}
			out = append(out, strings.ToUpper(r[:1])+r[1:])
		}
	}
	return strings.Join(out, " ")
}

// nativeNames are places an outlet's name keeps as it says them
// ("भारत समाचार" is "Bharat Samachar", not "India Samachar").
var nativeNames = map[string]bool{"भारत": true, "हिंदुस्तान": true, "हिन्दुस्तान": true, "हिंद": true, "हिन्द": true}

func hasDevanagari(s string) bool {
	for _, r := range s {
		if isDeva(r) {
			return true
		}
	}
	return false
}

var romanConsonants = map[rune]string{
	'क': "k", 'ख': "kh", 'ग': "g", 'घ': "gh", 'ङ': "n", 'च': "ch", 'छ': "chh", 'ज': "j", 'झ': "jh", 'ञ': "n",
	'ट': "t", 'ठ': "th", 'ड': "d", 'ढ': "dh", 'ण': "n", 'त': "t", 'थ': "th", 'द': "d", 'ध': "dh", 'न': "n",
	'प': "p", 'फ': "ph", 'ब': "b", 'भ': "bh", 'म': "m", 'य': "y", 'र': "r", 'ल': "l", 'व': "v", 'श': "sh",
	'ष': "sh", 'स': "s", 'ह': "h", 'ळ': "l",
	'\u0958': "q", '\u0959': "kh", '\u095a': "gh", '\u095b': "z", '\u095c': "d", '\u095d': "dh", '\u095e': "f", '\u095f': "y",
}

var romanNukta = map[rune]string{'क': "q", 'ख': "kh", 'ग': "gh", 'ज': "z", 'ड': "d", 'ढ': "dh", 'फ': "f"}

var romanVowels = map[rune]string{
	'अ': "a", 'आ': "a", 'इ': "i", 'ई': "i", 'उ': "u", 'ऊ': "u", 'ऋ': "ri", 'ए': "e", 'ऐ': "ai", 'ओ': "o",
	'औ': "au", 'ऑ': "o", 'ऍ': "e",
}

var romanSigns = map[rune]string{
	'ा': "a", 'ि': "i", 'ी': "i", 'ु': "u", 'ू': "u", 'ृ': "ri", 'े': "e", 'ै': "ai", 'ो': "o", 'ौ': "au",
	'ॉ': "o", 'ॅ': "e",
}

// syllable is a consonant cluster with its vowel, or a vowel alone.
type syllable struct {
	cons   []string // the cluster's consonants, in Latin
	first  rune     // the cluster's last Devanagari consonant
	vowel  string   // the written vowel; "" with schwa
	schwa  bool     // the inherent vowel, unless dropped
	shortA bool     // the vowel is a written short a (अ)
	nasal  string   // anusvara or candrabindu after it
	viramd bool     // the word ends in a virama on this cluster
}

// romanWord writes one Devanagari word in Latin letters.
func romanWord(w string) string {
	var syl []syllable
	rs := []rune(w)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case romanVowels[r] != "":
			syl = append(syl, syllable{vowel: romanVowels[r], shortA: r == 'अ'})
		case romanConsonants[r] != "":
			s := syllable{}
			for {
				c := romanConsonants[rs[i]]
				last := rs[i]
				if i+1 < len(rs) && rs[i+1] == '\u093c' {
					if n := romanNukta[rs[i]]; n != "" {
						c = n
					}
					i++
				}
				s.cons = append(s.cons, c)
				s.first = last
				// A virama joins the next consonant to the cluster.
				if i+2 < len(rs) && rs[i+1] == '\u094d' && romanConsonants[rs[i+2]] != "" {
					i += 2
					continue
				}
				break
			}
			switch {
			case i+1 < len(rs) && romanSigns[rs[i+1]] != "":
				s.vowel = romanSigns[rs[i+1]]
				i++
			case i+1 < len(rs) && rs[i+1] == '\u094d':
				s.viramd = true
				i++
			default:
				s.schwa = true
			}
			syl = append(syl, s)
		case r == '\u0902' || r == '\u0901':
			if len(syl) > 0 {
				syl[len(syl)-1].nasal = "n"
			}
		case r == '\u0903':
			if len(syl) > 0 {
				syl[len(syl)-1].nasal = "h"
			}
		case normalize.DevanagariDigit(r) >= 0:
			syl = append(syl, syllable{vowel: string(rune('0' + normalize.DevanagariDigit(r)))})
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			syl = append(syl, syllable{vowel: string(r)})
		}
	}
	dropSchwa(syl)
	var b strings.Builder
	for i, s := range syl {
		// व between short a's is "w": "अवध" → "awadh", "नवाब" → "nawab".
		if len(s.cons) == 1 && s.first == 'व' && i > 0 && (syl[i-1].schwa || syl[i-1].shortA) && syl[i-1].nasal == "" && (s.schwa || s.vowel == "a") {
			s.cons = []string{"w"}
		}
		b.WriteString(strings.Join(s.cons, ""))
		switch {
		case s.vowel != "":
			b.WriteString(s.vowel)
		case s.schwa:
			b.WriteString("a")
		}
		if s.nasal == "n" && i+1 < len(syl) && len(syl[i+1].cons) > 0 && strings.ContainsRune("पफबभमव", syl[i+1].first) && len(syl[i+1].cons) == 1 {
			b.WriteString("m")
		} else {
			b.WriteString(s.nasal)
		}
	}
	return strings.ToLower(b.String())
}

// dropSchwa drops the inherent vowels Hindi does not say: at the end of a
// word (but after a cluster, "महाराष्ट्र", and in "-iya", "राष्ट्रीय"), and
// inside it between a vowel and a consonant that carries one ("जनपथ" →
// "janpath", "लोकवाणी" → "lokvani"), from the right.
func dropSchwa(syl []syllable) {
	n := len(syl)
	if n < 2 {
		return
	}
	last := &syl[n-1]
	if last.schwa && len(last.cons) == 1 && last.nasal == "" {
		// "-iya", "-aya": "राष्ट्रीय" → "rashtriya", "हिमालय" → "himalaya".
		ya := last.first == 'य' && (syl[n-2].vowel == "i" || syl[n-2].vowel == "a")
		if !ya {
			last.schwa = false
		}
	}
	// Before a final "री", "रा" the vowel stays in English spellings:
	// "केसरी" → "kesari", "सुंदरी" → "sundari".
	finalR := syl[n-1].first == 'र' && len(syl[n-1].cons) == 1 && (syl[n-1].vowel == "i" || syl[n-1].vowel == "a")
	for i := n - 2; i >= 1; i-- {
		s := &syl[i]
		if !s.schwa || len(s.cons) != 1 || s.nasal != "" {
			continue
		}
		prev, next := syl[i-1], syl[i+1]
		prevVowel := prev.vowel != "" || prev.schwa
		nextVowel := len(next.cons) > 0 && (next.vowel != "" || next.schwa)
		if prevVowel && nextVowel && !(i == 1 && len(prev.cons) == 0) && !(finalR && i == n-2) {
			s.schwa = false
		}
	}
}

// HostSpelling returns name as the URL's host spells it, when the host
// is the name written in Latin letters: the host's letters split where
// name's words split ("rashtriyaprahari" for "Rashtriya Prahri" →
// "Rashtriya Prahari"). It returns "" when the host spells something
// else.
func HostSpelling(name, rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	label, _, _ := strings.Cut(host, ".")
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	if strings.ContainsAny(label, "-_") {
		pieces := strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' })
		if len(pieces) != len(words) {
			return ""
		}
		return spellPieces(words, pieces)
	}
	// Every split of the label into len(words) pieces; the closest wins.
	best, bestD := []string(nil), 1<<30
	var try func(rest string, k int, acc []string)
	try = func(rest string, k int, acc []string) {
		if k == len(words)-1 {
			if rest == "" {
				return
			}
			pieces := append(append([]string(nil), acc...), rest)
			d := 0
			for i := range words {
				d += editDistance(words[i], pieces[i])
				if pieces[i][0] != words[i][0] {
					d++ // a word starts where its first letter does
				}
			}
			if d < bestD {
				best, bestD = pieces, d
			}
			return
		}
		for i := 1; i < len(rest); i++ {
			try(rest[i:], k+1, append(acc, rest[:i]))
		}
	}
	if len(label) > 40 || len(words) > 3 {
		return "" // bounded work: at most a few hundred splits
	}
	try(label, 0, nil)
	return spellPieces(words, best)
}

// spellPieces capitalises the host's pieces when each is close to the
// word of the name it stands for.
func spellPieces(words, pieces []string) string {
	if len(pieces) != len(words) {
		return ""
	}
	out := make([]string, len(pieces))
	for i, p := range pieces {
		if p == "" || editDistance(words[i], p) > max(1, len(words[i])/4) {
			return ""
		}
		out[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	return strings.Join(out, " ")
}

// editDistance is the Levenshtein distance of two ASCII strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
