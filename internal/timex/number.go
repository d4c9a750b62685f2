package timex

import (
	"strings"

	"khabar/internal/lexicon"
)

// Number reads an amount written as digits of any script ("14", "१४",
// "1,200", "2.5"), as Hindi or English number words ("छह", "ढाई",
// "twenty-five"), or both with a multiplier ("58 हजार", "दो सौ"). It
// reports false for anything else, vague amounts ("कई", "सैकड़ों")
// included. Other stages use it for counts of people.
func Number(s string) (float64, bool) { return NumberLang(s, lexicon.Fallback) }

// NumberLang is Number for text in lang: it reads the number words of that
// language's pack and English.
func NumberLang(s, lang string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	f := &finder{text: s, toks: tokenize(s), lex: lexFor(lang)}
	// Thousands separators: "1,200", "1,20,000".
	if len(f.toks) > 1 && f.toks[0].Kind == kNum {
		v, k := f.toks[0].Num, 1
		for k+1 < len(f.toks) && f.isPunct(k, ",") && f.tight(k) && f.isNum(k+1) && f.tight(k+1) &&
			(f.toks[k+1].Digits == 3 || f.toks[k+1].Digits == 2 && k+2 < len(f.toks)) {
			v = v*pow10(f.toks[k+1].Digits) + f.toks[k+1].Num
			k += 2
		}
		if k == len(f.toks) && v >= 0 {
			return float64(v), true
		}
	}
	n, end, vague, ok := f.count(0)
	if !ok || vague || end != len(f.toks) {
		return 0, false
	}
	return n, true
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}
