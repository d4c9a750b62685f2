package kb

import (
	"strings"
	"testing"

	"khabar/internal/entity/translit"
)

func TestLoad(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if k.Len() < 1500 {
		t.Errorf("Len = %d, want at least 1500 entries", k.Len())
	}
	ids := map[string]bool{}
	for _, e := range k.Entries() {
		if ids[e.ID] {
			t.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
		if e.Wikidata != "" && !strings.HasPrefix(e.Wikidata, "Q") {
			t.Errorf("%s: bad wikidata %q", e.ID, e.Wikidata)
		}
	}
}

func TestLookup(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, typ, wantID string
	}{
		{"पुतिन", "", "kb:vladimir-putin"},
		{"व्लादिमीर पुतिन", "PER", "kb:vladimir-putin"},
		{"Vladimir Putin", "PER", "kb:vladimir-putin"},
		{"ट्रम्प", "PER", "kb:donald-trump"},
		{"ट्रंप", "PER", "kb:donald-trump"},
		{"ट्रँप", "PER", "kb:donald-trump"},
		{"पेस्कोव", "PER", "kb:dmitry-peskov"},
		{"अमेरिका", "LOC", "kb:united-states"},
		{"संयुक्त राज्य", "LOC", "kb:united-states"},
		{"मॉस्को", "LOC", "kb:moscow"},
		{"मास्को", "LOC", "kb:moscow"},
		{"रिजर्व बैंक", "ORG", "kb:reserve-bank-of-india"},
		{"कोलकाता", "LOC", "kb:kolkata"},
		{"Türkiye", "LOC", "kb:turkey"},
		{"तुर्किये", "LOC", "kb:turkey"},
		{"बिहार", "LOC", "kb:bihar"},
		{"संयुक्त राष्ट्र", "ORG", "kb:united-nations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := k.Lookup(tt.name, tt.typ)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) found nothing", tt.name)
			}
			if got[0].ID != tt.wantID {
				t.Errorf("Lookup(%q) = %s, want %s", tt.name, got[0].ID, tt.wantID)
			}
		})
	}
}

func TestLookupSound(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"दमित्री पेस्कोव", "Dmitri Peskov", "द्मित्री पेस्कोव"} {
		got := k.LookupSound(name)
		if len(got) == 0 || got[0].ID != "kb:dmitry-peskov" {
			t.Errorf("LookupSound(%q) = %v, want kb:dmitry-peskov", name, got)
		}
	}
}

func TestMatches(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	words := Words("कल नई दिल्ली में संयुक्त राष्ट्र सुरक्षा परिषद की बैठक हुई")
	ms := k.Matches(words)
	var got []string
	for _, m := range ms {
		got = append(got, m.Entry.ID)
	}
	want := []string{"kb:new-delhi", "kb:united-nations-security-council", "kb:united-nations"}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("Matches: %v lacks %s", got, w)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Vladimir Putin":      "vladimir-putin",
		"Washington, D.C.":    "washington-d-c",
		"Türkiye":             "turkiye",
		"Janata Dal (United)": "janata-dal-united",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMarkFromMatches checks Mark, which works from each word's WordFacts,
// against the marks worked out from Matches and the knowledge base's maps
// directly, as Mark did before it kept facts per word.
func TestMarkFromMatches(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"प्रधानमंत्री नरेंद्र मोदी ने नई दिल्ली में कहा कि भारत और रूस के बीच बातचीत होगी",
		"दमित्री पेस्कोव ने मास्को में संयुक्त राष्ट्र की बैठक के बाद अमित शाह से बात की",
		"Narendra Modi met Vladimir Putin in New Delhi , said the United Nations",
		"राहुल गांधी , सोनिया गांधी और प्रियंका गांधी वाड्रा लखनऊ पहुंचे ।",
		"",
	} {
		words := Words(s)
		words = append(words, "", "जैशंकर")
		want := make([]uint64, len(words))
		for _, m := range k.Matches(words) {
			var base uint
			switch {
			case m.Places && m.Scan:
				base = 32
			case m.Places:
				base = 36
			case m.Scan:
				base = typeBit[m.Entry.Type] * 4
			default:
				base = 16 + typeBit[m.Entry.Type]*4
			}
			if m.End-m.Start == 1 {
				want[m.Start] |= 1 << base
				continue
			}
			for i := m.Start; i < m.End; i++ {
				pos := uint(2)
				switch i {
				case m.Start:
					pos = 1
				case m.End - 1:
					pos = 3
				}
				want[i] |= 1 << (base + pos)
			}
		}
		for i, w := range words {
			want[i] |= uint64(k.nameParts[w]) << 44
			if want[i] == 0 && w != "" {
				if bits, ok := k.soundWord[translit.Key(w)]; ok {
					want[i] |= uint64(bits) << 40
				}
			}
		}
		got := make([]uint64, len(words))
		k.Mark(words, got)
		marked := 0
		for i := range words {
			if got[i] != want[i] {
				t.Errorf("%q: word %d %q: marks %x, want %x", s, i, words[i], got[i], want[i])
			}
			if got[i] != 0 {
				marked++
			}
		}
		if s != "" && marked == 0 {
			t.Errorf("%q: nothing marked", s)
		}
	}
}
