package lang

import "unicode"

// Script identifies a writing system by its index into scriptCodes.
type script uint8

// The scripts lang counts letters of. sOther collects letters of any other
// script.
const (
	sLatn script = iota
	sDeva
	sArab
	sBeng
	sGuru
	sGujr
	sOrya
	sTaml
	sTelu
	sKnda
	sMlym
	sSinh
	sCyrl
	sGrek
	sHebr
	sThai
	sTibt
	sMymr
	sHani
	sJpan
	sHang
	sOther
	numScripts
)

// scriptCodes are the ISO 15924 codes of the scripts, as LangDetail.Scripts
// writes them.
var scriptCodes = [numScripts]string{
	"Latn", "Deva", "Arab", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh",
	"Cyrl", "Grek", "Hebr", "Thai", "Tibt", "Mymr", "Hani", "Jpan", "Hang", "Zzzz",
}

// scriptLang is the language a script alone decides, for the scripts that
// one served language owns ("" where the text needs more than its script).
var scriptLang = [numScripts]string{
	sArab: "ur", sBeng: "bn", sGuru: "pa", sGujr: "gu", sOrya: "or", sTaml: "ta", sTelu: "te",
	sKnda: "kn", sMlym: "ml", sSinh: "si",
}

// counts holds letters per script.
type counts [numScripts]int

// letterScript returns the script of r if r is a letter or combining mark
// (digits, punctuation and symbols count for no script), and false
// otherwise.
func letterScript(r rune) (script, bool) {
	switch {
	case r < 0x80:
		return sLatn, (r|0x20) >= 'a' && (r|0x20) <= 'z'
	case r >= 0x0900 && r <= 0x0DFF:
		// The Indic blocks: each is 128 code points wide, with its digits at
		// offset 0x66..0x6F; Devanagari also has its dandas and the
		// abbreviation sign there.
		off := r & 0x7F
		if off >= 0x66 && off <= 0x6F {
			return 0, false
		}
		if r >= 0x0964 && r <= 0x0965 || r == 0x0970 {
			return 0, false
		}
		return [...]script{sDeva, sBeng, sGuru, sGujr, sOrya, sTaml, sTelu, sKnda, sMlym, sSinh}[(r-0x0900)>>7], true
	case r >= 0xC0 && r <= 0x24F, r >= 0x1E00 && r <= 0x1EFF:
		return sLatn, r != 0xD7 && r != 0xF7
	case r >= 0xA8E0 && r <= 0xA8FF:
		return sDeva, true
	case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0x08A0 && r <= 0x08FF,
		r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return sArab, unicode.IsLetter(r) || unicode.IsMark(r)
	}
	if !unicode.IsLetter(r) && !unicode.IsMark(r) {
		return 0, false
	}
	switch {
	case r >= 0x0400 && r <= 0x052F:
		return sCyrl, true
	case r >= 0x0370 && r <= 0x03FF:
		return sGrek, true
	case r >= 0x0590 && r <= 0x05FF:
		return sHebr, true
	case r >= 0x0E00 && r <= 0x0E7F:
		return sThai, true
	case r >= 0x0F00 && r <= 0x0FFF:
		return sTibt, true
	case r >= 0x1000 && r <= 0x109F:
		return sMymr, true
	case r >= 0x3040 && r <= 0x30FF:
		return sJpan, true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return sHani, true
	case r >= 0xAC00 && r <= 0xD7AF, r >= 0x1100 && r <= 0x11FF:
		return sHang, true
	case unicode.Is(unicode.Latin, r):
		return sLatn, true
	}
	return sOther, true
}

// stats are the letters and words of each script in a text.
type stats struct {
	letters, words counts
	// total is the number of letters of all scripts.
	total int
}

// countScripts counts the letters and words of each script in text. A word
// is a run of letters of one script.
func countScripts(text string) stats {
	var st stats
	prev := numScripts // script of the previous character, if a letter
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b < 0x80 {
			if (b|0x20) >= 'a' && (b|0x20) <= 'z' {
				st.letters[sLatn]++
				st.total++
				if prev != sLatn {
					st.words[sLatn]++
					prev = sLatn
				}
			} else if b != '\'' {
				prev = numScripts
			}
			continue
		}
		// Decode by hand (the counts need no validation), and skip
		// continuation or invalid bytes.
		var r rune
		var size int
		switch {
		case b&0xF0 == 0xE0 && i+2 < len(text):
			r, size = rune(b&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
		case b&0xE0 == 0xC0 && i+1 < len(text):
			r, size = rune(b&0x1F)<<6|rune(text[i+1]&0x3F), 2
		case b&0xF8 == 0xF0 && i+3 < len(text):
			r, size = rune(b&0x07)<<18|rune(text[i+1]&0x3F)<<12|rune(text[i+2]&0x3F)<<6|rune(text[i+3]&0x3F), 4
		default:
			continue
		}
		i += size - 1
		if r == 0x200C || r == 0x200D { // ZWNJ, ZWJ: inside words
			continue
		}
		s, ok := letterScript(r)
		if !ok {
			prev = numScripts
			continue
		}
		st.letters[s]++
		st.total++
		if prev != s {
			st.words[s]++
			prev = s
		}
	}
	return st
}
