package normalize

import (
	"unicode"
	"unicode/utf8"
)

// Digits returns s with every decimal digit of any script (Devanagari
// ०-९, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada,
// Malayalam, Arabic-Indic, Extended Arabic-Indic as in Urdu, full-width,
// …) written as the ASCII digit of the same value. Nothing else changes.
func Digits(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b []byte
	for j := i; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if d := DigitValue(r); d >= 0 && r >= utf8.RuneSelf {
			if b == nil {
				b = make([]byte, 0, len(s))
				b = append(b, s[:j]...)
			}
			b = append(b, byte('0'+d))
		} else if b != nil {
			b = append(b, s[j:j+size]...)
		}
		j += size
	}
	if b == nil {
		return s
	}
	return string(b)
}

// DigitValue returns the value 0-9 of the decimal digit r of any script,
// or -1 if r is not a decimal digit.
func DigitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < utf8.RuneSelf {
		return -1
	}
	if r >= 0x0900 && r <= 0x097F { // Devanagari, the common case
		return DevanagariDigit(r)
	}
	if !unicode.IsDigit(r) {
		return -1
	}
	// Unicode guarantees that decimal digits (Nd) come in runs of ten,
	// zero first; a range of the table may join several such runs.
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// DevanagariDigit returns the value 0-9 of the Devanagari digit r (०-९),
// or -1 for any other rune, digits of other scripts included. It is the
// one place that knows where the Devanagari digits sit; DigitValue reads
// them through it.
func DevanagariDigit(r rune) int {
	if r >= 0x0966 && r <= 0x096F {
		return int(r - 0x0966)
	}
	return -1
}
