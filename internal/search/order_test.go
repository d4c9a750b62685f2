package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
)

// tiedFixtures are n articles of few distinct texts (wire copies: equal
// scores) and few distinct published times (equal dates), so that a
// search's order rests on its tie-breaks.
func tiedFixtures(n, distinct int) []*news.Article {
	texts := []string{
		"बाढ़ से गाँव डूबे, राहत दल रवाना",
		"बाढ़ से गाँव डूबे, राहत दल रवाना। बाढ़ का पानी घरों में",
		"राहत दल बाढ़ वाले इलाकों में पहुँचे",
		"Floods: relief teams reach villages; बाढ़ राहत",
	}
	outlets := []string{"Dainik Samvad", "Lokvani Times", "Magadh Times"}
	var out []*news.Article
	for i := range n {
		a := &news.Article{ID: fmt.Sprintf("t%04d", (i*7919)%10000), Lang: "hi", Title: "बाढ़ " + texts[i%2][:9],
			Text: texts[i%len(texts)] + strings.Repeat(" राहत", i%distinct), Publisher: outlets[i%len(outlets)]}
		if i%11 != 0 { // some without a published time
			a.Published = time.Date(2025, 9, 1+i%5, 12, 0, 0, 0, time.UTC)
		}
		out = append(out, a)
	}
	return out
}

// TestOrderMatchesFullSort checks that every page of a search, read with
// the index ordering hits by their first key and ties broken after, is
// what the index gives when it orders every hit by every key.
func TestOrderMatchesFullSort(t *testing.T) {
	x, _ := openTemp(t)
	defer x.Close()
	if err := x.Index(t.Context(), append(tiedFixtures(200, 1), tiedFixtures(600, 23)[200:]...)); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"बाढ़", "राहत दल", "बाढ़ OR Floods", "lang:hi"} {
		for _, byDate := range []bool{false, true} {
			bq, scored, err := x.build(Query{Text: text, ByDate: byDate})
			if err != nil {
				t.Fatal(err)
			}
			want, err := x.exact(t.Context(), bq, scored, 5000)
			if err != nil {
				t.Fatal(err)
			}
			for _, limit := range []int{1, 7, 20, 50} {
				var got []string
				q := Query{Text: text, ByDate: byDate, Limit: limit}
				// Small pages: the first 80 hits only.
				stop := len(want)
				if limit < 20 {
					stop = min(stop, 80)
				}
				for len(got) < stop {
					r := search(t, x, q)
					got = append(got, r.IDs...)
					if r.Next == "" {
						break
					}
					q.Cursor = r.Next
				}
				if !slices.Equal(got[:min(len(got), stop)], want[:stop]) {
					t.Errorf("%q by date %v, pages of %d:\n got %v\nwant %v", text, byDate, limit, got, want)
				}
			}
		}
	}
}

// TestFacetsSample checks that a search matching more than facetSample
// articles counts the facets of the best facetSample, and says so.
func TestFacetsSample(t *testing.T) {
	x, _ := openTemp(t)
	defer x.Close()
	arts := tiedFixtures(facetSample+500, 1)
	if err := x.Index(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	r := search(t, x, Query{Text: "बाढ़", Facets: true})
	if r.Total != uint64(len(arts)) || r.FacetsOf != facetSample {
		t.Fatalf("total %d, facets of %d", r.Total, r.FacetsOf)
	}
	sum := 0
	for _, f := range r.Facets[FacetOutlet] {
		sum += f.Count
	}
	if sum != facetSample {
		t.Errorf("outlet facet sums to %d, want %d: %v", sum, facetSample, r.Facets[FacetOutlet])
	}
	r = search(t, x, Query{Text: "Floods", Facets: true})
	if r.FacetsOf != int(r.Total) || r.Facets[FacetLang][0].Count != int(r.Total) {
		t.Errorf("small result: total %d, facets of %d, %v", r.Total, r.FacetsOf, r.Facets[FacetLang])
	}
}

// TestDays checks the count of matches per IST day.
func TestDays(t *testing.T) {
	x := openWithFixtures(t)
	r := search(t, x, Query{Text: "बारिश OR rains OR ट्रंप", Days: true, Limit: 1})
	// The rain in both languages on day 1, Trump (ट्रम्प, another
	// spelling) on day 2 and (ट्रंप) on day 4.
	want := []FacetCount{{day(1).Format(time.DateOnly), 2}, {day(2).Format(time.DateOnly), 1}, {day(4).Format(time.DateOnly), 1}}
	if !slices.Equal(r.Days, want) {
		t.Errorf("days %v, want %v (total %d)", r.Days, want, r.Total)
	}
	// 23:30 UTC is the next day in IST.
	late := &news.Article{ID: "late", Lang: "en", Title: "Monsoon late", Published: time.Date(2025, 9, 5, 23, 30, 0, 0, time.UTC)}
	if err := x.Index(t.Context(), []*news.Article{late}); err != nil {
		t.Fatal(err)
	}
	if r := search(t, x, Query{Text: "monsoon", Days: true}); len(r.Days) != 1 || r.Days[0].Term != "2025-09-06" {
		t.Errorf("IST day: %v", r.Days)
	}
	if r := search(t, x, Query{Text: "monsoon"}); r.Days != nil {
		t.Error("days given unasked")
	}
}
