package link

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// Invented sentences of other reports, written for this test.
var others = []string{
	"पटना, दस फरवरी (भाषा) बिहार में गंगा का जलस्तर बढ़ने से निचले इलाकों के कई गांवों में पानी घुस गया है और प्रशासन ने राहत शिविर खोले हैं।",
	"जिलाधिकारी ने बताया कि नावों से लोगों को सुरक्षित स्थानों पर पहुंचाया जा रहा है और पशुओं के लिए चारे का इंतजाम किया गया है।",
	"मौसम विभाग ने अगले दो दिनों तक भारी बारिश की चेतावनी दी है और मछुआरों को नदी में न जाने की सलाह दी है।",
	"स्वास्थ्य विभाग ने शिविरों में डॉक्टरों की टीमें भेजी हैं ताकि जलजनित बीमारियों को फैलने से रोका जा सके।",
}

// stream makes n articles from the wire story and other reports: exact
// copies, copies with a paragraph more or less, at times that often come
// earlier than articles linked before them (so canonical copies change).
func stream(n int) []*news.Article {
	r := rand.New(rand.NewPCG(7, 11))
	paras := append(strings.Split(wire, "\n\n"), others...)
	base := time.Date(2026, 2, 9, 12, 0, 0, 0, ist)
	var out []*news.Article
	for i := range n {
		k := 2 + r.IntN(4)
		start := r.IntN(len(paras))
		var ps []string
		for j := range k {
			ps = append(ps, paras[(start+j)%len(paras)])
		}
		pub := base.Add(time.Duration(r.IntN(48)-24) * time.Hour)
		out = append(out, article(fmt.Sprintf("a%03d", i), "शीर्षक", strings.Join(ps, "\n\n"), pub))
	}
	return out
}

// linkTwice links the articles of input into one store with one linker,
// and into another with a new linker loaded every `every` articles, and
// fails the test where an article's links differ. It returns the two
// stores and the links of the first.
func linkTwice(t *testing.T, input func() []*news.Article, opt Options, every int) (once, again store.Store, want map[string]store.Link) {
	t.Helper()
	once, again = open(t), open(t)
	arts := input()
	l, err := Load(t.Context(), once, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		put(t, once, l, a)
	}
	for i, a := range input() {
		if i%every == 0 {
			if l, err = Load(t.Context(), again, opt); err != nil {
				t.Fatal(err)
			}
		}
		put(t, again, l, a)
	}
	want = map[string]store.Link{}
	for _, a := range arts {
		w, got := links(t, once, a.ID), links(t, again, a.ID)
		if got != w {
			t.Errorf("%s: %+v after loads, %+v in one run", a.ID, got, w)
		}
		want[a.ID] = w
	}
	return once, again, want
}

// TestLoadAsLinked: a linker loaded from the store (a new process, or one
// taking over) links the next articles as the one before it would have.
func TestLoadAsLinked(t *testing.T) {
	once, _, want := linkTwice(t, func() []*news.Article { return stream(400) }, Options{}, 3)
	copies := 0
	for _, w := range want {
		if w.DuplicateOf != "" {
			copies++
		}
	}
	if copies < 20 {
		t.Fatalf("only %d copies: the stream tests nothing", copies)
	}
	var n int
	if err := once.EachStory(t.Context(), func(*store.Story) error { n++; return nil }); err != nil || n < 1 {
		t.Fatalf("%d stories, %v", n, err)
	}
}
