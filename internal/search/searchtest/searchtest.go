// Package searchtest is the contract suite every search backend passes:
// the bleve index of a data folder (package search) and the PostgreSQL
// one (search/pgsearch). It indexes Hindi and English news articles
// written for it and checks what each query finds, in what order, with
// what counts: the query semantics the CLI, the API and the web pages
// rely on, whatever the store.
package searchtest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
)

// Index is a search backend under test.
type Index interface {
	// Index adds arts, or replaces the articles of the same IDs.
	Index(ctx context.Context, arts []*news.Article) error
	// Search runs q.
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

var ist = news.IST

// at is 10:00 IST on day d of month m of 2025.
func at(m time.Month, d int) time.Time { return time.Date(2025, m, d, 10, 0, 0, 0, ist) }

func person(id, en, hi string) news.Entity {
	return news.Entity{ID: id, Name: en, Type: news.PER, Names: map[string]string{"en": en, "hi": hi}}
}

func place(id, en, hi string) news.Entity {
	return news.Entity{ID: id, Name: en, Type: news.LOC, Names: map[string]string{"en": en, "hi": hi}}
}

var (
	putin      = person("kb:vladimir-putin", "Vladimir Putin", "व्लादिमीर पुतिन")
	trump      = person("kb:donald-trump", "Donald Trump", "डोनाल्ड ट्रम्प")
	peskov     = person("kb:dmitry-peskov", "Dmitry Peskov", "दिमित्री पेस्कोव")
	jaishankar = person("kb:s-jaishankar", "S. Jaishankar", "एस. जयशंकर")
	lavrov     = person("kb:sergey-lavrov", "Sergey Lavrov", "सर्गेई लावरोव")
	kremlin    = news.Entity{ID: "kb:kremlin", Name: "Kremlin", Type: news.ORG, Names: map[string]string{"en": "Kremlin", "hi": "क्रेमलिन"}}
	assam      = place("kb:assam", "Assam", "असम")
	moscow     = place("kb:moscow", "Moscow", "मॉस्को")
)

// Articles are the suite's articles: Hindi and English news of the kind
// khabar reads, two of them copies of one wire story.
func Articles() []*news.Article {
	return []*news.Article{
		{ID: "hi-kremlin", Lang: "hi", Publisher: "Dainik Samvad", Published: at(time.August, 10), Group: "g-kremlin",
			Title:   "क्रेमलिन ने कहा, पुतिन-ट्रम्प बैठक की तैयारी जारी; तारीख अभी तय नहीं",
			TitleEn: "Kremlin says preparations for Putin-Trump meeting continue",
			Text: "मॉस्को, 10 अगस्त (भाषा) क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव ने रविवार को कहा कि रूसी राष्ट्रपति व्लादिमीर पुतिन " +
				"और अमेरिकी राष्ट्रपति डोनाल्ड ट्रम्प की बैठक की तैयारी जारी है, लेकिन तारीख अभी तय नहीं हुई है।\n\n" +
				"पेस्कोव ने संवाददाताओं से कहा, \"संपर्क जारी रहेंगे।\"",
			Entities: []news.Entity{kremlin, peskov, putin, trump, moscow},
			Events:   []news.Event{{Type: "CONSULT"}}},
		{ID: "hi-kremlin-copy", Lang: "hi", Publisher: "Navprabhat", Published: at(time.August, 10).Add(2 * time.Hour), Group: "g-kremlin",
			DuplicateOf: "hi-kremlin",
			Title:       "पुतिन-ट्रम्प बैठक की तैयारी जारी: क्रेमलिन",
			Text: "मॉस्को, 10 अगस्त (भाषा) क्रेमलिन के प्रवक्ता दमित्री पेस्कोव ने रविवार को कहा कि रूसी राष्ट्रपति व्लादिमीर पुतिन " +
				"और अमेरिकी राष्ट्रपति डोनाल्ड ट्रम्प की बैठक की तैयारी जारी है।",
			Entities: []news.Entity{kremlin, peskov, putin, trump, moscow},
			Events:   []news.Event{{Type: "CONSULT"}}},
		{ID: "en-kremlin", Lang: "en", Publisher: "Delhi Ledger", Published: at(time.August, 11),
			Title: "Kremlin says Putin ready for talks, no date yet for Trump meeting",
			Text: "Moscow, Aug 11 (AP) Kremlin spokesman Dmitry Peskov said on Monday that President Vladimir Putin remained " +
				"ready for talks with US President Donald Trump, but no date had been fixed for a meeting.",
			Entities: []news.Entity{kremlin, peskov, putin, trump, moscow},
			Events:   []news.Event{{Type: "CONSULT"}}},
		{ID: "hi-corona", Lang: "hi", Publisher: "Janpath Khabar", Published: at(time.March, 20),
			Title: "कोरोना के नए मामलों में गिरावट, स्वास्थ्य मंत्रालय ने जारी किए आंकड़े",
			Text: "नई दिल्ली, 20 मार्च। स्वास्थ्य मंत्रालय के अनुसार पिछले 24 घंटों में कोरोना वायरस संक्रमण के नए मामलों में गिरावट आई है। " +
				"मंत्रालय ने लोगों से मास्क पहनने की अपील की है।"},
		{ID: "en-corona", Lang: "en", Publisher: "Delhi Ledger", Published: at(time.March, 21),
			Title: "Corona cases fall for third day in Delhi",
			Text:  "New Delhi, March 21. Fresh coronavirus infections fell for a third straight day, the health ministry said."},
		{ID: "hi-schools", Lang: "hi", Publisher: "Janpath Khabar", Published: at(time.March, 25),
			Title: "दिल्ली में स्कूल फिर खुले, बच्चों में उत्साह",
			Text: "नई दिल्ली, 25 मार्च। लंबे अंतराल के बाद राजधानी के स्कूल सोमवार को फिर खुल गए। अभिभावकों ने कहा कि कोरोना का डर अब कम है " +
				"और बच्चे कक्षाओं में लौटकर खुश हैं।"},
		{ID: "hi-flood", Lang: "hi", Publisher: "Purvottar Times", Published: at(time.July, 5),
			Title: "असम में बाढ़ से 12 लोगों की मौत, 3 लाख प्रभावित",
			Text: "गुवाहाटी, 5 जुलाई। असम में ब्रह्मपुत्र नदी का जलस्तर बढ़ने से आई बाढ़ में अब तक 12 लोगों की मौत हो गई है " +
				"और करीब तीन लाख लोग प्रभावित हुए हैं।",
			Entities: []news.Entity{assam},
			Events:   []news.Event{{Type: "DISASTER", Subtype: "FLOODS"}}},
		{ID: "hi-jaishankar", Lang: "hi", Publisher: "Dainik Samvad", Published: at(time.August, 20),
			Title: "जयशंकर ने मॉस्को में लावरोव से मुलाकात की",
			Text: "मॉस्को, 20 अगस्त। विदेश मंत्री एस. जयशंकर ने बुधवार को रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की " +
				"और द्विपक्षीय व्यापार पर चर्चा की। प्रधानमंत्री मोदी का संदेश भी पहुंचाया गया।",
			Entities: []news.Entity{jaishankar, lavrov, moscow},
			Events:   []news.Event{{Type: "CONSULT"}}},
		{ID: "en-cricket", Lang: "en", Publisher: "Sports Desk",
			Title: "India beat Australia to win the series",
			Text:  "India's bowlers dismissed Australia for 180 on the final day to seal the series 2-1."},
	}
}

func ids(t *testing.T, ix Index, q search.Query) []string {
	t.Helper()
	q.Limit = 100
	r, err := ix.Search(t.Context(), q)
	if err != nil {
		t.Fatalf("Search(%q): %v", q.Text, err)
	}
	if r.Total != uint64(len(r.IDs)) {
		t.Errorf("Search(%q): total %d, %d ids", q.Text, r.Total, len(r.IDs))
	}
	return r.IDs
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	if s == nil {
		s = []string{}
	}
	return s
}

// Run runs the contract on the empty index open returns; Run indexes the
// articles itself. open's index is closed by the caller (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) Index) {
	ix := open(t)
	if err := ix.Index(t.Context(), Articles()); err != nil {
		t.Fatal(err)
	}

	t.Run("matches", func(t *testing.T) {
		for _, c := range []struct {
			name, q string
			want    []string
		}{
			{"a Hindi word", "पुतिन", []string{"en-kremlin", "hi-kremlin", "hi-kremlin-copy"}},
			{"every word is required", "पुतिन मॉस्को लावरोव", []string{}},
			{"two words", "जयशंकर लावरोव", []string{"hi-jaishankar"}},
			{"+required", "+बाढ़ असम", []string{"hi-flood"}},
			{"an English word, stemmed", "meetings", []string{"en-kremlin", "hi-kremlin"}},
			{"cross-script: Latin finds Devanagari", "corona", []string{"en-corona", "hi-corona", "hi-schools"}},
			{"cross-script: Devanagari finds Latin", "कोरोना", []string{"en-corona", "hi-corona", "hi-schools"}},
			{"cross-script: a name", "Jaishankar", []string{"hi-jaishankar"}},
			{"spellings fold: ट्रंप finds ट्रम्प", "ट्रंप", []string{"en-kremlin", "hi-kremlin", "hi-kremlin-copy"}},
			{"a phrase", `"बैठक की तैयारी"`, []string{"hi-kremlin", "hi-kremlin-copy"}},
			{"a phrase in order only", `"तैयारी बैठक"`, []string{}},
			{"a phrase does not run across fields", `"desk india"`, []string{}},
			{"a phrase at the start of a field", `"india beat"`, []string{"en-cricket"}},
			{"an English phrase", `"no date"`, []string{"en-kremlin"}},
			{"curly quotes", "“स्वास्थ्य मंत्रालय”", []string{"hi-corona"}},
			{"a hyphenated word is a phrase", "पुतिन-ट्रम्प", []string{"hi-kremlin", "hi-kremlin-copy"}},
			{"a prefix", "पुति*", []string{"en-kremlin", "hi-kremlin", "hi-kremlin-copy"}},
			{"a Latin prefix", "corona*", []string{"en-corona"}},
			{"a prefix of no word", "~krn*", []string{}},
			{"OR", "बाढ़ OR लावरोव", []string{"hi-flood", "hi-jaishankar"}},
			{"OR binds neighbours only", "मॉस्को जयशंकर OR पेस्कोव", []string{"en-kremlin", "hi-jaishankar", "hi-kremlin", "hi-kremlin-copy"}},
			{"OR then a required word", "बाढ़ OR लावरोव मोदी", []string{"hi-jaishankar"}},
			{"-excluded", "पुतिन -Navprabhat", []string{"en-kremlin", "hi-kremlin"}},
			{"-excluded phrase", `क्रेमलिन -"तारीख अभी"`, []string{"en-kremlin", "hi-kremlin-copy"}},
			{"lang:", "पुतिन lang:en", []string{"en-kremlin"}},
			{"lang: alone", "lang:EN", []string{"en-corona", "en-cricket", "en-kremlin"}},
			{"outlet:", `मॉस्को outlet:"Dainik Samvad"`, []string{"hi-jaishankar", "hi-kremlin"}},
			{"outlet: one word", "outlet:ledger", []string{"en-corona", "en-kremlin"}},
			{"entity: in any script", "entity:पेस्कोव", []string{"en-kremlin", "hi-kremlin", "hi-kremlin-copy"}},
			{"entity: in English", "entity:Lavrov", []string{"hi-jaishankar"}},
			{"entity: looks in names only", "entity:बैठक", []string{}},
			{"type:", "type:consult", []string{"en-kremlin", "hi-jaishankar", "hi-kremlin", "hi-kremlin-copy"}},
			{"type: with a word", "type:DISASTER असम", []string{"hi-flood"}},
			{"excluded type", "मॉस्को -type:CONSULT", []string{}},
			{"only exclusions: everything else", "-lang:hi", []string{"en-corona", "en-cricket", "en-kremlin"}},
			{"Devanagari digits fold", "१२ लोगों", []string{"hi-flood"}},
			{"no match", "ज्वालामुखी", []string{}},
		} {
			t.Run(c.name, func(t *testing.T) {
				if got := sorted(ids(t, ix, search.Query{Text: c.q})); !slices.Equal(got, c.want) {
					t.Errorf("%s: %v, want %v", c.q, got, c.want)
				}
			})
		}
	})

	t.Run("filters", func(t *testing.T) {
		got := sorted(ids(t, ix, search.Query{Text: "दिल्ली", Lang: "hi"}))
		if want := []string{"hi-corona", "hi-schools"}; !slices.Equal(got, want) {
			t.Errorf("दिल्ली, lang hi: %v, want %v", got, want)
		}
		// From is inclusive, To exclusive; an article without a date is
		// outside every range.
		got = ids(t, ix, search.Query{Text: "", From: at(time.March, 21), To: at(time.August, 10).Add(2 * time.Hour)})
		if want := []string{"hi-kremlin", "hi-flood", "hi-schools", "en-corona"}; !slices.Equal(got, want) {
			t.Errorf("21 March to 10 August: %v, want %v", got, want)
		}
	})

	t.Run("no terms", func(t *testing.T) {
		for _, q := range []string{"का की है", "...!!! ?", `"का"`, "the of and", "* *", "entity:का"} {
			_, err := ix.Search(t.Context(), search.Query{Text: q})
			if !errors.Is(err, search.ErrNoTerms) {
				t.Errorf("Search(%q) = %v, want ErrNoTerms", q, err)
			}
		}
		// A stop word beside a real word is left out, not refused.
		if got := sorted(ids(t, ix, search.Query{Text: "का बाढ़"})); !slices.Equal(got, []string{"hi-flood"}) {
			t.Errorf("का बाढ़: %v", got)
		}
	})

	t.Run("order", func(t *testing.T) {
		// Best first: a headline match beats a passing mention in the text.
		got := ids(t, ix, search.Query{Text: "कोरोना"})
		if i, j := slices.Index(got, "hi-corona"), slices.Index(got, "hi-schools"); i < 0 || j < 0 || i > j {
			t.Errorf("कोरोना: %v: the headline match should come before the passing mention", got)
		}
		got = ids(t, ix, search.Query{Text: "मॉस्को"})
		if got[0] != "hi-jaishankar" {
			t.Errorf("मॉस्को: %v: the article with मॉस्को in its headline first", got)
		}
		// By date: newest published first, undated last, ties by id.
		got = ids(t, ix, search.Query{Text: "-बाढ़", ByDate: true})
		want := []string{"hi-jaishankar", "en-kremlin", "hi-kremlin-copy", "hi-kremlin", "hi-schools", "en-corona", "hi-corona", "en-cricket"}
		if !slices.Equal(got, want) {
			t.Errorf("-बाढ़ by date: %v, want %v", got, want)
		}
		got = ids(t, ix, search.Query{Text: "पुतिन", ByDate: true})
		if want := []string{"en-kremlin", "hi-kremlin-copy", "hi-kremlin"}; !slices.Equal(got, want) {
			t.Errorf("पुतिन by date: %v, want %v", got, want)
		}
	})

	t.Run("facets", func(t *testing.T) {
		r, err := ix.Search(t.Context(), search.Query{Text: "मॉस्को", Facets: true, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != 4 || len(r.IDs) != 1 {
			t.Fatalf("मॉस्को: total %d, %d ids", r.Total, len(r.IDs))
		}
		want := map[string][]search.FacetCount{
			search.FacetOutlet: {{Term: "Dainik Samvad", Count: 2}, {Term: "Delhi Ledger", Count: 1}, {Term: "Navprabhat", Count: 1}},
			search.FacetLang:   {{Term: "hi", Count: 3}, {Term: "en", Count: 1}},
			search.FacetEntity: {{Term: "Moscow", Count: 4}, {Term: "Dmitry Peskov", Count: 3}, {Term: "Donald Trump", Count: 3},
				{Term: "Kremlin", Count: 3}, {Term: "Vladimir Putin", Count: 3}, {Term: "S. Jaishankar", Count: 1}, {Term: "Sergey Lavrov", Count: 1}},
			search.FacetEventType: {{Term: "CONSULT", Count: 4}},
		}
		for name, w := range want {
			if got := r.Facets[name]; !slices.Equal(got, w) {
				t.Errorf("facet %s: %v, want %v", name, got, w)
			}
		}
		r, err = ix.Search(t.Context(), search.Query{Text: "ज्वालामुखी", Facets: true})
		if err != nil || r.Total != 0 || len(r.Facets[search.FacetOutlet]) != 0 || r.Facets[search.FacetOutlet] == nil {
			t.Errorf("no match with facets: %+v, %v", r, err)
		}
	})

	t.Run("pages", func(t *testing.T) {
		var all []string
		q := search.Query{Text: "lang:hi", Limit: 2}
		for range 10 {
			r, err := ix.Search(t.Context(), q)
			if err != nil {
				t.Fatal(err)
			}
			if r.Total != 6 {
				t.Errorf("page total %d, want 6", r.Total)
			}
			all = append(all, r.IDs...)
			if r.Next == "" {
				break
			}
			q.Cursor = r.Next
		}
		if whole := ids(t, ix, search.Query{Text: "lang:hi"}); !slices.Equal(all, whole) {
			t.Errorf("pages %v, one page %v", all, whole)
		}
		if _, err := ix.Search(t.Context(), search.Query{Text: "पुतिन", Cursor: "nonsense"}); !errors.Is(err, search.ErrBadCursor) {
			t.Errorf("bad cursor: %v, want ErrBadCursor", err)
		}
		// A page past the end is empty, and still counts.
		r, err := ix.Search(t.Context(), search.Query{Text: "पुतिन", Cursor: search.Cursor(50)})
		if err != nil || len(r.IDs) != 0 || r.Total != 3 || r.Next != "" {
			t.Errorf("past the end: %+v, %v", r, err)
		}
	})

	t.Run("replace", func(t *testing.T) {
		a := Articles()[6] // hi-flood
		a.Title = "असम में बाढ़ का पानी उतरने लगा"
		a.Text = "गुवाहाटी, 8 जुलाई। ब्रह्मपुत्र का जलस्तर घटने से राहत शिविरों में लोग घर लौटने लगे।"
		a.Published = at(time.July, 8)
		if err := ix.Index(t.Context(), []*news.Article{a}); err != nil {
			t.Fatal(err)
		}
		if got := ids(t, ix, search.Query{Text: "मौत"}); len(got) != 0 {
			t.Errorf("a word of the old version still found: %v", got)
		}
		if got := ids(t, ix, search.Query{Text: "शिविरों"}); !slices.Equal(got, []string{"hi-flood"}) {
			t.Errorf("a word of the new version: %v", got)
		}
		if got := ids(t, ix, search.Query{Text: "lang:hi"}); len(got) != 6 {
			t.Errorf("replacing made a second document: %v", got)
		}
	})
}
