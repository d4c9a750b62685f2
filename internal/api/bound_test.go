package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"khabar/internal/api/apitest"
	"khabar/internal/news"
)

// maxResponse is the size no response may pass, whatever one article holds.
const maxResponse = 512 << 10

// TestBoundedResponses is issue 17 #3 for the API: an article with 10,000
// entities, a thousand quotes and events and megabytes of text gives a
// response of a few hundred KB that says what it cut, and the rest can be
// paged through.
func TestBoundedResponses(t *testing.T) {
	m := apitest.New(append(apitest.Sample(), apitest.Hostile("huge"))...)
	h := New(Options{Articles: m, Searcher: m}).Handler()
	get := func(target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body.String()[:min(200, rec.Body.Len())])
		}
		t.Logf("GET %s: %d bytes", target, rec.Body.Len())
		if rec.Body.Len() > maxResponse {
			t.Errorf("GET %s: %d bytes, want at most %d", target, rec.Body.Len(), maxResponse)
		}
		return rec
	}
	type bounded struct {
		news.Article
		Truncated *Cut `json:"truncated"`
	}
	decode := func(rec *httptest.ResponseRecorder) bounded {
		var b bounded
		if err := json.Unmarshal(rec.Body.Bytes(), &b.Article); err != nil {
			t.Fatal(err)
		}
		var c struct {
			Truncated *Cut `json:"truncated"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		b.Truncated = c.Truncated
		return b
	}

	first := decode(get("/api/v1/articles/huge"))
	c := first.Truncated
	if c == nil || c.Entities != 10000 || c.Quotes != 1000 || c.Events != 1000 || c.Removed != 1000 || !c.Fields || c.TextLength == 0 {
		t.Fatalf("truncated = %+v", c)
	}
	if len(first.Entities) != ArticleLimits.List || first.Entities[0].ID != "e00000" {
		t.Errorf("%d entities from %s", len(first.Entities), first.Entities[0].ID)
	}
	next := decode(get("/api/v1/articles/huge?offset=50&text_from=" + itoa(c.TextTo)))
	if len(next.Entities) == 0 || next.Entities[0].ID != "e00050" || next.Truncated.Offset != 50 {
		t.Errorf("offset=50: first entity %v, truncated %+v", next.Entities[:min(1, len(next.Entities))], next.Truncated)
	}
	if next.Truncated.TextFrom != c.TextTo || next.Text == "" {
		t.Errorf("text_from: %+v", next.Truncated)
	}
	end := decode(get("/api/v1/articles/huge?offset=20000"))
	if len(end.Entities) != 0 || len(end.Quotes) != 0 {
		t.Errorf("past the end: %d entities", len(end.Entities))
	}
	// A small article is whole and says nothing of cuts.
	if b := decode(get("/api/v1/articles/hi-metro")); b.Truncated != nil {
		t.Errorf("small article truncated: %+v", b.Truncated)
	}
	// Lists carry less of each article.
	get("/api/v1/articles?limit=100")
	for _, bad := range []string{"offset=-1", "offset=x", "text_from=99999999999"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/articles/huge?"+bad, nil))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func BenchmarkHostileArticle(b *testing.B) {
	m := apitest.New(apitest.Hostile("huge"))
	h := New(Options{Articles: m, Searcher: m}).Handler()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/articles/huge", nil))
	}
}

func FuzzBound(f *testing.F) {
	f.Add(3, 0, 0, "पुतिन ने कहा", 5)
	f.Add(200, 150, 7, "abc", 1)
	f.Fuzz(func(t *testing.T, n, offset, textFrom int, text string, field int) {
		n, field = min(max(n, 0), 500), min(max(field, 1), 100)
		a := &news.Article{ID: "x", Text: text, Title: text, Byline: []string{text, text}}
		for i := range n {
			a.Entities = append(a.Entities, news.Entity{ID: itoa(i), Name: text, Mentions: make([]news.Mention, i%7)})
			a.Quotes = append(a.Quotes, news.Quote{Text: text})
		}
		l := Limits{Text: 8, List: 10, Mentions: 3, Field: field, Names: 1}
		b, c := Bound(a, l, offset, textFrom)
		if len(b.Entities) > l.List || len(b.Quotes) > l.List || len(b.Text) > l.Text || len(b.Title) > l.Field || len(b.Byline) > l.Names {
			t.Fatalf("not bounded: %d entities, %d bytes of text, cut %+v", len(b.Entities), len(b.Text), c)
		}
		for _, e := range b.Entities {
			if len(e.Mentions) > l.Mentions {
				t.Fatalf("%d mentions", len(e.Mentions))
			}
		}
		if len(a.Entities) != n {
			t.Fatal("Bound changed its input")
		}
		if _, err := boundedJSON(b, c); err != nil {
			t.Fatal(err)
		}
	})
}
