package normalize

// nuktaBase holds the last two bytes of the base letter of each
// precomposed nukta letter U+0958–U+095F (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़: क ख ग ज ड ढ
// फ य, E0 A4 xx).
var nuktaBase = [8][2]byte{{0xA4, 0x95}, {0xA4, 0x96}, {0xA4, 0x97}, {0xA4, 0x9C}, {0xA4, 0xA1}, {0xA4, 0xA2}, {0xA4, 0xAB}, {0xA4, 0xAF}}

// FoldNukta returns s without nukta: the nukta sign (U+093C) is dropped
// and the precomposed nukta letters become their base letters, so "ख़बर"
// and "खबर", "पढ़ें" and "पढें" read alike. Unlike Fold it changes nothing
// else (case, other signs, spaces), for matching word lists against text
// that keeps its shape. Text without a nukta is returned as it is, without
// allocating.
func FoldNukta(s string) string {
	if !hasNuktaBytes(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xE0 && i+2 < len(s) {
			switch b1, b2 := s[i+1], s[i+2]; {
			case b1 == 0xA4 && b2 == 0xBC: // the nukta sign
				i += 2
				continue
			case b1 == 0xA5 && b2 >= 0x98 && b2 <= 0x9F:
				base := nuktaBase[b2-0x98]
				b = append(b, 0xE0, base[0], base[1])
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

// hasNuktaBytes reports a nukta or a precomposed nukta letter in s by
// their UTF-8 bytes (E0 A4 BC; E0 A5 98–9F), without decoding s.
func hasNuktaBytes(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE0 {
			continue
		}
		if b1, b2 := s[i+1], s[i+2]; b1 == 0xA4 && b2 == 0xBC || b1 == 0xA5 && b2 >= 0x98 && b2 <= 0x9F {
			return true
		}
	}
	return false
}
