package dedupeval

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"khabar/internal/evaldata"
)

func TestSplit(t *testing.T) {
	// An invented day file: two articles, a repeated headline, a repeated
	// paragraph and a subheading.
	day := strings.Join([]string{
		"नगर निगम ने बढ़ाया संपत्ति कर",
		"",
		"नगर निगम ने मंगलवार को संपत्ति कर में पांच प्रतिशत की बढ़ोतरी की।",
		"नगर निगम ने बढ़ाया संपत्ति कर",
		"नगर निगम ने मंगलवार को संपत्ति कर में पांच प्रतिशत की बढ़ोतरी की।",
		"महापौर ने कहा कि बढ़ी राशि सड़कों पर खर्च होगी।",
		"  ",
		"स्कूलों में गर्मी की छुट्टियां जल्दी",
		"पहली कक्षा से आठवीं तक",
		"शिक्षा विभाग ने छुट्टियां एक सप्ताह पहले शुरू करने का आदेश दिया।",
	}, "\n")
	docs := split("Test Paper/TP-2020-MAR-03.txt", day)
	if len(docs) != 2 {
		t.Fatalf("%d docs: %+v", len(docs), docs)
	}
	if d := docs[0]; d.Title != "नगर निगम ने बढ़ाया संपत्ति कर" || len(d.Paras) != 2 || d.Paper != "TP" ||
		!d.Day.Equal(time.Date(2020, 3, 3, 0, 0, 0, 0, time.UTC)) || d.Key() != "Test Paper/TP-2020-MAR-03.txt#0" {
		t.Errorf("first doc %+v", d)
	}
	if d := docs[1]; len(d.Paras) != 2 || d.Paras[0] != "पहली कक्षा से आठवीं तक" {
		t.Errorf("second doc %+v", d)
	}
}

func TestSynthDeterministic(t *testing.T) {
	d := Doc{Title: "नगर निगम ने बढ़ाया संपत्ति कर", Paras: []string{
		"नगर निगम ने मंगलवार को संपत्ति कर में पांच प्रतिशत की बढ़ोतरी की और नई दरें अप्रैल से लागू होंगी।",
		"महापौर ने कहा कि बढ़ी हुई राशि सड़कों और नालियों की मरम्मत पर खर्च होगी।",
		"विपक्षी पार्षदों ने फैसले का विरोध किया।",
		"निगम के अनुसार करीब दो लाख भवन मालिकों पर असर पड़ेगा और ऑनलाइन भुगतान पर छूट मिलेगी।",
	}}
	a, b := NewSynth(5, []Doc{d}), NewSynth(5, []Doc{d})
	for range 20 {
		x, y := a.Copy(d), b.Copy(d)
		if x.Title != y.Title || x.Text() != y.Text() {
			t.Fatal("same seed, other copies")
		}
		words := 0
		for _, p := range d.Paras {
			words += len(strings.Fields(p))
		}
		if float64(x.Edited) > 0.1*float64(words)+1 {
			t.Fatalf("edited %d of %d words", x.Edited, words)
		}
	}
}

// TestTargets runs the whole evaluation on the shared data and holds the
// copy targets: recall >= 0.95 at precision >= 0.98.
func TestTargets(t *testing.T) {
	if _, err := evaldata.Path(PapersDir); errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("shared data absent:", err)
	}
	for _, seed := range []uint64{1, 2} {
		rep, err := Run(t.Context(), Config{Seed: seed}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Precision < 0.98 || rep.Recall < 0.95 {
			t.Errorf("seed %d: precision %.4f recall %.4f", seed, rep.Precision, rep.Recall)
		}
		if rep.Copies < 1000 {
			t.Errorf("seed %d: only %d copies", seed, rep.Copies)
		}
	}
}
