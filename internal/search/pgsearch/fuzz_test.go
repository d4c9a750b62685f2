package pgsearch

import (
	"errors"
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/search/searchtest"
)

// FuzzSearch indexes an article made of the input and searches for the
// input: whatever a person types, and whatever an article holds, makes
// well-formed tsvector and tsquery text (quotes, backslashes and
// operators of their syntax included); a search answers or says there
// was nothing to search for, never fails.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{
		"पुतिन", `"बैठक की तैयारी"`, "पुति*", "corona OR कोरोना", "-lang:hi", `it's`, `back\slash`, `\'`, `'':*`,
		"a <-> b", "a & !b | c", "x:A", "~krn:b", "~krn*", "entity:\"O'Brien\"", "outlet:'", "type:!", "*", "+-+", "“", "ज़:*", "a\x00b",
	} {
		f.Add(s)
	}
	ix := openTemp(f)
	if err := ix.Index(f.Context(), searchtest.Articles()); err != nil {
		f.Fatal(err)
	}
	n := 0
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "")
		n++
		a := &news.Article{ID: "fuzz", Title: s, Text: s + " " + s, Publisher: s, Lang: "hi",
			Entities: []news.Entity{{ID: "kb:f", Name: s, Names: map[string]string{"hi": s}}}}
		if err := ix.Index(t.Context(), []*news.Article{a}); err != nil {
			t.Fatalf("index %q: %v", s, err)
		}
		for _, q := range []search.Query{{Text: s}, {Text: s, ByDate: true, Facets: true}, {Text: "-" + s}, {Text: `"` + s + `"`}} {
			if _, err := ix.Search(t.Context(), q); err != nil && !errors.Is(err, search.ErrNoTerms) {
				t.Fatalf("search %q: %v", q.Text, err)
			}
		}
	})
}
