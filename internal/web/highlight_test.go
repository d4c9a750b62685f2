package web

import (
	"strings"
	"testing"
)

func TestQueryWords(t *testing.T) {
	got := strings.Join(queryWords(`+लावरोव "Kremlin talks" -ट्रंप OR पुति* lang:hi outlet:"X" a`), "|")
	if want := "लावरोव|kremlin|talks|पुति"; got != want {
		t.Errorf("queryWords = %q, want %q", got, want)
	}
}

func TestHighlight(t *testing.T) {
	text := "नई दिल्ली, 19 मार्च (भाषा) रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि बातचीत जारी रहेगी। लावरोव ने यह भी कहा कि Kremlin तैयार है।"
	parts := highlight(text, []string{"लावरोव", "kremlin"}, 60)
	var b strings.Builder
	marks := 0
	for _, p := range parts {
		if p.Mark {
			marks++
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	if marks < 2 || !strings.Contains(b.String(), "[लावरोव]") || !strings.HasSuffix(b.String(), "…") {
		t.Errorf("highlight = %q", b.String())
	}
	if highlight(text, []string{"पुतिन"}, 60) != nil || highlight(text, nil, 60) != nil {
		t.Error("a snippet with no word of the query")
	}
	if p := highlight("Kremlin", []string{"kremlin"}, 60); len(p) != 1 || !p[0].Mark || p[0].Text != "Kremlin" {
		t.Errorf("whole text = %+v", p)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("लावरोव ने कहा", "लावरोव")
	f.Add("ǅx İstanbul", "i̇")
	f.Fuzz(func(t *testing.T, text, word string) {
		var b strings.Builder
		for _, p := range highlight(text, []string{strings.ToLower(word)}, 40) {
			if p.Text != "…" {
				b.WriteString(p.Text)
			}
		}
		if !strings.Contains(text, b.String()) {
			t.Fatalf("the snippet %q is not a part of the text", b.String())
		}
	})
}
