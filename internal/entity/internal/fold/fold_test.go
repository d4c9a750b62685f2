package fold

import "testing"

func TestString(t *testing.T) {
	pairs := [][2]string{
		{"ट्रम्प", "ट्रंप"},
		{"ज़ेलेंस्की", "जेलेंस्की"},
		{"हँसी", "हंसी"},
		{"ऑस्ट्रेलिया", "आस्ट्रेलिया"},
		{"मॉस्को", "मास्को"},
		{"Pétain", "PETAIN"},
	}
	for _, p := range pairs {
		if a, b := String(p[0]), String(p[1]); a != b {
			t.Errorf("String(%q) = %q, String(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
}

func TestWord(t *testing.T) {
	tests := map[string]string{
		"एस.":     "एस",
		"Putin's": "putin",
		"-":       "-",
		"।":       "",
		"(":       "",
		"India’s": "india",
	}
	for in, want := range tests {
		if got := Word(in); got != want {
			t.Errorf("Word(%q) = %q, want %q", in, got, want)
		}
	}
}
