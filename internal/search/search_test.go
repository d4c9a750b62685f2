package search

import (
	"encoding/base64"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"khabar/internal/evaldata"
	"khabar/internal/news"
)

// day is the published time of fixture n: noon IST on 1 + n September.
func day(n int) time.Time {
	return time.Date(2025, 9, 1+n, 12, 0, 0, 0, time.FixedZone("IST", 5*3600+1800))
}

// fixtures are articles written for these tests.
func fixtures() []*news.Article {
	return []*news.Article{
		{ID: "hi-rain", Lang: "hi", Published: day(1), Publisher: "परीक्षण समाचार",
			Title: "दिल्ली में भारी बारिश से जलभराव",
			Text:  "राजधानी में रात भर भारी बारिश हुई। कई इलाकों में बारिश का पानी घरों में घुस गया और यातायात धीमा रहा।"},
		{ID: "hi-meet", Lang: "hi", Published: day(2),
			Title: "ट्रम्प और पुतिन की मुलाक़ात पर चर्चा तेज़",
			Text:  "अमेरिकी राष्ट्रपति ट्रम्प और रूसी राष्ट्रपति पुतिन की संभावित मुलाक़ात को लेकर अटकलें हैं। दोनों देशों के अधिकारी तैयारी में जुटे हैं।",
			Entities: []news.Entity{
				{ID: "e1", Name: "Donald Trump", Names: map[string]string{"hi": "डोनाल्ड ट्रम्प"}},
				{ID: "e2", Name: "Vladimir Putin", Names: map[string]string{"hi": "व्लादिमीर पुतिन"}},
			}},
		{ID: "hi-cricket", Lang: "hi", Published: day(3),
			Title: "क्रिकेट: भारत ने श्रृंखला जीती",
			Text:  "भारतीय टीम ने आख़िरी मैच में शानदार गेंदबाज़ी की और श्रृंखला अपने नाम कर ली।"},
		{ID: "hi-tariff", Lang: "hi", Published: day(4),
			Title: "नए शुल्क से बाज़ार में हलचल",
			Text:  "अमेरिकी राष्ट्रपति ट्रंप ने आयात पर नए शुल्क की घोषणा की, जिसके बाद शेयर बाज़ार गिर गया।"},
		{ID: "en-rain", Lang: "en", Published: day(1), Publisher: "Test Times",
			Title: "Heavy rains flood Delhi streets",
			Text:  "It rained through the night in the capital. Water entered homes in several neighbourhoods and traffic crawled."},
		{ID: "en-meet", Lang: "en", Published: day(2),
			Title: "Trump and Putin may meet, officials say",
			Text:  "Officials in both capitals are preparing for a possible meeting between the two presidents."},
		{ID: "en-cricket", Lang: "en", Published: day(3), TitleEn: "India win the series",
			Title: "India's bowlers seal the cricket series",
			Text:  "The captain praised the bowlers after the final match of the series."},
		{ID: "en-markets", Lang: "en",
			Title: "Markets rally as inflation cools",
			Text:  "Shares rose on Tuesday after new figures showed prices rising more slowly."},
	}
}

func openTemp(t testing.TB) (*Index, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "index")
	x, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return x, path
}

func openWithFixtures(t *testing.T) *Index {
	t.Helper()
	x, _ := openTemp(t)
	t.Cleanup(func() { x.Close() })
	if err := x.Index(t.Context(), fixtures()); err != nil {
		t.Fatal(err)
	}
	return x
}

func search(t *testing.T, x *Index, q Query) Result {
	t.Helper()
	r, err := x.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return r
}

func TestSearch(t *testing.T) {
	x := openWithFixtures(t)
	tests := []struct {
		name string
		q    Query
		// want lists the ids expected; when ordered, in this order.
		want    []string
		ordered bool
	}{
		{"hindi word", Query{Text: "बारिश"}, []string{"hi-rain"}, true},
		{"english stem", Query{Text: "raining"}, []string{"en-rain"}, true},
		{"spelling folded", Query{Text: "ट्रंप"}, []string{"hi-meet", "hi-tariff"}, false},
		{"other spelling", Query{Text: "ट्रम्प"}, []string{"hi-meet", "hi-tariff"}, false},
		{"nukta folded", Query{Text: "मुलाकात"}, []string{"hi-meet"}, true},
		{"every word required", Query{Text: "ट्रंप पुतिन"}, []string{"hi-meet"}, true},
		{"or, in both scripts", Query{Text: "ट्रंप OR पुतिन"}, []string{"hi-meet", "hi-tariff", "en-meet"}, false},
		{"prefix", Query{Text: "पुति*"}, []string{"hi-meet"}, false},
		{"lang field", Query{Text: "lang:en Putin"}, []string{"en-meet"}, true},
		{"entity field", Query{Text: "entity:Vladimir"}, []string{"hi-meet"}, true},
		{"event type field", Query{Text: "type:nothing"}, nil, true},
		{"title counts more", Query{Text: "शुल्क"}, []string{"hi-tariff"}, true},
		{"mixed scripts", Query{Text: "Putin OR पुतिन"}, []string{"hi-meet", "en-meet"}, false},
		{"entity names", Query{Text: "Vladimir"}, []string{"hi-meet"}, true},
		{"phrase", Query{Text: `"भारी बारिश"`}, []string{"hi-rain"}, true},
		{"phrase curly quotes", Query{Text: "“भारी बारिश”"}, []string{"hi-rain"}, true},
		{"phrase wrong order", Query{Text: `"बारिश भारी"`}, nil, true},
		{"english phrase", Query{Text: `"cricket series"`}, []string{"en-cricket"}, true},
		{"must", Query{Text: "राष्ट्रपति +शुल्क"}, []string{"hi-tariff"}, true},
		{"must not", Query{Text: "ट्रंप -शुल्क"}, []string{"hi-meet"}, true},
		{"only not", Query{Text: "-बारिश -rain"}, []string{"hi-tariff", "en-cricket", "hi-cricket", "en-meet", "hi-meet", "en-markets"}, true},
		{"no match", Query{Text: "ज्वालामुखी"}, nil, true},
		{"lang filter", Query{Text: "Putin OR पुतिन", Lang: "en"}, []string{"en-meet"}, true},
		{"lang only", Query{Lang: "en"}, []string{"en-cricket", "en-meet", "en-rain", "en-markets"}, false},
		{"from to", Query{From: day(2), To: day(4)}, []string{"hi-cricket", "en-cricket", "hi-meet", "en-meet"}, false},
		{"to exclusive", Query{Text: "शुल्क", To: day(4)}, nil, true},
		{"from inclusive utc", Query{Text: "शुल्क", From: day(4).UTC()}, []string{"hi-tariff"}, true},
		{"publisher", Query{Text: "परीक्षण"}, []string{"hi-rain"}, true},
		{"hyphenated word", Query{Text: "ट्रम्प-पुतिन"}, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := search(t, x, tc.q)
			got := r.IDs
			if r.Total != uint64(len(tc.want)) {
				t.Fatalf("Search(%q) = %v (total %d), want %v", tc.q.Text, got, r.Total, tc.want)
			}
			if !tc.ordered {
				got, tc.want = slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(tc.want))
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("Search(%q) = %v, want %v", tc.q.Text, got, tc.want)
			}
		})
	}
}

func TestSearchPaging(t *testing.T) {
	x := openWithFixtures(t)
	all := search(t, x, Query{Limit: 100})
	want := []string{"hi-tariff", "en-cricket", "hi-cricket", "en-meet", "hi-meet", "en-rain", "hi-rain", "en-markets"}
	if !slices.Equal(all.IDs, want) || all.Next != "" || all.Total != 8 {
		t.Fatalf("all = %v next %q total %d, want %v (newest first, then by id)", all.IDs, all.Next, all.Total, want)
	}
	for _, limit := range []int{1, 3, 5} {
		var got []string
		q := Query{Limit: limit}
		for range 20 {
			r := search(t, x, q)
			if len(r.IDs) > limit || r.Total != 8 {
				t.Fatalf("limit %d: page %v, total %d", limit, r.IDs, r.Total)
			}
			got = append(got, r.IDs...)
			if r.Next == "" {
				break
			}
			q.Cursor = r.Next
		}
		if !slices.Equal(got, want) {
			t.Fatalf("limit %d: pages give %v, want %v", limit, got, want)
		}
	}
	for _, c := range []string{"!", "eA", cursor(maxOffset + 1), base64Of("o-1")} {
		if _, err := x.Search(t.Context(), Query{Cursor: c}); !errors.Is(err, ErrBadCursor) {
			t.Errorf("cursor %q: err %v, want ErrBadCursor", c, err)
		}
	}
	if r := search(t, x, Query{}); len(r.IDs) != 8 {
		t.Errorf("default limit gave %d hits", len(r.IDs))
	}
}

func base64Of(s string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func TestReopenUpdateDelete(t *testing.T) {
	ctx := t.Context()
	x, path := openTemp(t)
	if err := x.Index(ctx, fixtures()); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	x, err := Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer x.Close()
	if n, err := x.Count(); err != nil || n != 8 {
		t.Fatalf("Count after reopen = %d, %v", n, err)
	}
	if r := search(t, x, Query{Text: "ट्रंप"}); r.Total != 2 {
		t.Fatalf("after reopen: %v", r.IDs)
	}
	// Indexing an id again replaces it.
	upd := fixtures()[0]
	upd.Title, upd.Text = "दिल्ली में धूप", "आज मौसम साफ़ रहा।"
	if err := x.Index(ctx, []*news.Article{upd}); err != nil {
		t.Fatal(err)
	}
	if r := search(t, x, Query{Text: "बारिश"}); r.Total != 0 {
		t.Fatalf("old text still found: %v", r.IDs)
	}
	if r := search(t, x, Query{Text: "धूप"}); !slices.Equal(r.IDs, []string{"hi-rain"}) {
		t.Fatalf("new text not found: %v", r.IDs)
	}
	if err := x.Delete(ctx, []string{"hi-rain", "en-rain", "nope"}); err != nil {
		t.Fatal(err)
	}
	if n, err := x.Count(); err != nil || n != 6 {
		t.Fatalf("Count after delete = %d, %v", n, err)
	}
	if err := x.Index(ctx, []*news.Article{{Title: "no id"}}); err == nil {
		t.Error("Index of an article without id succeeded")
	}
	if err := x.Index(ctx, nil); err != nil {
		t.Errorf("Index(nil): %v", err)
	}
}

func TestOpenOtherVersion(t *testing.T) {
	x, path := openTemp(t)
	if err := x.idx.SetInternal(versionKey, []byte("khabar-search-0")); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrVersion) || !strings.Contains(err.Error(), "index again") {
		t.Fatalf("Open of an old index: %v, want ErrVersion", err)
	}
}

func TestParse(t *testing.T) {
	w := func(text string, o op) clause { return clause{text: text, op: o} }
	ph := func(text string, o op) clause { return clause{text: text, phrase: true, op: o} }
	tests := []struct {
		in   string
		want []clause
	}{
		{"", nil},
		{"  ", nil},
		{"a b", []clause{w("a", should), w("b", should)}},
		{`+a -b "c d" -"e f"`, []clause{w("a", must), w("b", mustNot), ph("c d", should), ph("e f", mustNot)}},
		{"covid-19", []clause{w("covid-19", should)}},
		{`"open phrase`, []clause{ph("open phrase", should)}},
		{"“भारी बारिश” +दिल्ली", []clause{ph("भारी बारिश", should), w("दिल्ली", must)}},
		{"+ - ++a", []clause{w("a", must)}},
		{`a"b c"`, []clause{w("a", should), ph("b c", should)}},
		{`""`, nil},
		{"+", nil},
		{"corona OR कोरोना lockdown", []clause{w("corona", should), {text: "कोरोना", op: should, or: true}, w("lockdown", should)}},
		{"OR a", []clause{w("a", should)}},
		{"a or b", []clause{w("a", should), w("or", should), w("b", should)}},
		{"पुति* *", []clause{{text: "पुति", op: should, prefix: true}, w("*", should)}},
		{`lang:hi outlet:"Dainik Samvad" entity:पुतिन -entity:Trump`, []clause{{text: "hi", op: should, field: "lang"},
			{text: "Dainik Samvad", phrase: true, op: should, field: "outlet"}, {text: "पुतिन", op: should, field: "entity"},
			{text: "Trump", op: mustNot, field: "entity"}}},
		{"http://x.example", []clause{w("http://x.example", should)}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := parse(tc.in); !slices.Equal(got, tc.want) {
				t.Fatalf("parse(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`+a -"b c" d`, "“x", "- -", `"""`, "ट्रंप -शुल्क", "\xff+\"", "+\u2028x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range parse(s) {
			if c.text == "" || c.op < should || c.op > mustNot {
				t.Fatalf("parse(%q): bad clause %+v", s, c)
			}
			if !c.phrase && strings.ContainsAny(c.text, " \t\n\"") {
				t.Fatalf("parse(%q): word with space or quote: %q", s, c.text)
			}
		}
	})
}

// hindiWords are words for synthetic benchmark documents.
var hindiWords = strings.Fields(`सरकार मंत्री ने कहा कि देश में नई योजना शुरू होगी और किसानों को लाभ मिलेगा
राज्य पुलिस ने बताया घटना के बाद जांच जारी है अधिकारियों के अनुसार बैठक में फ़ैसला लिया गया
चुनाव आयोग मतदान परिणाम विपक्ष आरोप लगाया संसद सत्र विधेयक पारित अदालत सुनवाई आदेश
बाज़ार शेयर रुपये डॉलर महंगाई बारिश मौसम विभाग चेतावनी बाढ़ राहत बचाव अभियान अस्पताल
प्रधानमंत्री राष्ट्रपति विदेश यात्रा समझौता हस्ताक्षर व्यापार निवेश कंपनी कर्मचारी हड़ताल
विद्यार्थियों परीक्षा विश्वविद्यालय शिक्षा स्वास्थ्य टीकाकरण मरीज़ों डॉक्टरों सड़क हादसे
ट्रम्प पुतिन यूक्रेन रूस अमेरिका चीन भारत पाकिस्तान नेपाल दिल्ली मुंबई लखनऊ पटना भोपाल
खिलाड़ी मैच टीम जीत हार कप्तान रन विकेट गेंदबाज़ी बल्लेबाज़ी दर्शकों मैदान प्रशिक्षक`)

// syntheticDoc returns a Hindi article of about size bytes of text.
func syntheticDoc(r *rand.Rand, i, size int) *news.Article {
	var b strings.Builder
	for b.Len() < size {
		n := 6 + r.IntN(10)
		for j := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			// Squared index: a few words are common, most are rare.
			k := r.IntN(len(hindiWords))
			k = k * k / len(hindiWords)
			b.WriteString(hindiWords[k])
		}
		b.WriteString("। ")
	}
	return &news.Article{
		ID:        fmt.Sprintf("doc-%06d", i),
		Lang:      "hi",
		Title:     strings.Join([]string{hindiWords[r.IntN(len(hindiWords))], hindiWords[r.IntN(len(hindiWords))], hindiWords[r.IntN(len(hindiWords))]}, " "),
		Text:      b.String(),
		Published: day(0).Add(time.Duration(i) * time.Minute),
	}
}

// BenchmarkIndex indexes batches of 64, 256 and 1024 Hindi articles of
// 5 KB each (ingest indexes 128 at a time).
func BenchmarkIndex(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	docs := make([]*news.Article, 1000)
	for i := range docs {
		docs[i] = syntheticDoc(r, i, 5000)
	}
	for _, size := range []int{64, 256, 1024} {
		b.Run(fmt.Sprint("batch=", size), func(b *testing.B) {
			x, _ := openTemp(b)
			defer x.Close()
			indexBatches(b, x, docs, size)
		})
	}
}

// BenchmarkSearch searches 5,000 Hindi articles of 5 KB for two words,
// filtered by a time range.
func BenchmarkSearch(b *testing.B) {
	x, _ := openTemp(b)
	defer x.Close()
	r := rand.New(rand.NewPCG(1, 2))
	ctx := b.Context()
	for i := 0; i < 5000; i += 100 {
		batch := make([]*news.Article, 100)
		for j := range batch {
			batch[j] = syntheticDoc(r, i+j, 5000)
		}
		if err := x.Index(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	q := Query{Text: "ट्रंप +बाढ़", From: day(1), Limit: 20}
	for b.Loop() {
		if _, err := x.Search(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// sharedData finds the shared data folder: $KHABAR_EVAL_DATA, else a
// "shared/data" beside a parent of the package directory.
func sharedData(tb testing.TB) string {
	tb.Helper()
	d, err := evaldata.DataDir()
	if err != nil {
		tb.Skip("skipping the real-news benchmark:", err)
	}
	return d
}

// realDocs cuts the real Hindi news files into articles of about 5 KB.
func realDocs(b *testing.B) []*news.Article {
	root := filepath.Join(sharedData(b), "news", "hindi-5papers-2020-03")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no news files under %s", root)
	}
	var docs []*news.Article
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := string(body)
		for len(text) > 0 {
			cut := min(len(text), 5000)
			for cut < len(text) && !utf8.RuneStart(text[cut]) {
				cut++
			}
			docs = append(docs, &news.Article{
				ID: fmt.Sprintf("real-%06d", len(docs)), Lang: "hi", Text: text[:cut],
				Title:     strings.Fields(text[:min(len(text), 200)])[0],
				Published: day(0).Add(time.Duration(len(docs)) * time.Minute),
			})
			text = text[cut:]
		}
	}
	return docs
}

// BenchmarkIndexRealNews indexes real Hindi news in batches of 100 articles
// of about 5 KB.
func BenchmarkIndexRealNews(b *testing.B) {
	docs := realDocs(b)
	x, _ := openTemp(b)
	defer x.Close()
	indexBatches(b, x, docs, 100)
}

func TestSearchNoTerms(t *testing.T) {
	x := openWithFixtures(t)
	for _, q := range []string{"the और", "...", "!!! ?", "*", "-the"} {
		if _, err := x.Search(t.Context(), Query{Text: q}); !errors.Is(err, ErrNoTerms) {
			t.Errorf("Search(%q) = %v, want ErrNoTerms", q, err)
		}
	}
}

// TestCrossScript: a word finds itself written in the other script or spelt
// another way, for any word, not only names the knowledge base knows.
func TestCrossScript(t *testing.T) {
	x, _ := openTemp(t)
	t.Cleanup(func() { x.Close() })
	docs := []*news.Article{
		{ID: "hi-corona", Lang: "hi", Title: "कोरोना के नए मामले", Text: "राज्य में कोरोना के बीस नए मामले आए और लॉकडाउन की अटकलें खारिज की गईं।"},
		{ID: "hi-jai1", Lang: "hi", Title: "जयशंकर मास्को पहुंचे", Text: "विदेश मंत्री जयशंकर ने कहा कि बातचीत अच्छी रही।"},
		{ID: "hi-jai2", Lang: "hi", Title: "जैशंकर की यात्रा", Text: "विदेश मंत्री जैशंकर रूस की यात्रा पर हैं।"},
		{ID: "en-jai", Lang: "en", Title: "Jaishankar in Moscow", Text: "External Affairs Minister S. Jaishankar said the talks went well."},
		{ID: "hi-karne", Lang: "hi", Title: "काम करने की अपील", Text: "अधिकारियों ने लोगों से घर से काम करने की अपील की।"},
	}
	if err := x.Index(t.Context(), docs); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"corona", []string{"hi-corona"}},
		{"lockdown", []string{"hi-corona"}},
		{"Jaishankar", []string{"en-jai", "hi-jai1", "hi-jai2"}},
		{"जैशंकर", []string{"en-jai", "hi-jai1", "hi-jai2"}},
		{"जयशंकर Moscow", []string{"en-jai"}}, // मास्को and Moscow differ in sound (-v)
	} {
		r := search(t, x, Query{Text: tc.q})
		if got := slices.Sorted(slices.Values(r.IDs)); !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

func TestSoundKey(t *testing.T) {
	same := [][]string{{"corona", "कोरोना"}, {"Jaishankar", "जयशंकर", "जैशंकर"}, {"Putin", "पुतिन"}, {"police", "पुलिस"}}
	for _, g := range same {
		for _, w := range g[1:] {
			if soundKey(w) != soundKey(g[0]) || soundKey(w) == "" {
				t.Errorf("soundKey(%q) = %q, soundKey(%q) = %q: want equal", w, soundKey(w), g[0], soundKey(g[0]))
			}
		}
	}
	if soundKey("corona") == soundKey("करने") {
		t.Error("corona and करने share a sound key")
	}
	if soundKey("a") != "" || soundKey("है") != "" || soundKey("मेला") != "" {
		t.Error("a word too short to key has a key")
	}
}

func TestFacets(t *testing.T) {
	x := openWithFixtures(t)
	r, err := x.Search(t.Context(), Query{Text: "ट्रंप OR पुतिन OR Putin", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]int{}
	for _, f := range r.Facets[FacetLang] {
		langs[f.Term] = f.Count
	}
	if langs["hi"] != 2 || langs["en"] != 1 {
		t.Errorf("lang facet = %v (total %d)", r.Facets[FacetLang], r.Total)
	}
	sum := 0
	for _, f := range r.Facets[FacetOutlet] {
		sum += f.Count
	}
	if _, ok := r.Facets[FacetEntity]; !ok || sum > int(r.Total) {
		t.Errorf("facets %v", r.Facets)
	}
	if r, _ := x.Search(t.Context(), Query{Text: "पुतिन"}); r.Facets != nil {
		t.Error("facets given unasked")
	}
}

// indexBatches indexes batches of size of docs, each under an ID of its
// own, for as long as b loops, and reports documents per second.
func indexBatches(b *testing.B, x *Index, docs []*news.Article, size int) {
	ctx := b.Context()
	n := 0
	for b.Loop() {
		batch := make([]*news.Article, size)
		for j := range batch {
			d := *docs[(n+j)%len(docs)]
			d.ID = fmt.Sprintf("doc-%06d", n+j)
			batch[j] = &d
		}
		if err := x.Index(ctx, batch); err != nil {
			b.Fatal(err)
		}
		n += len(batch)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
