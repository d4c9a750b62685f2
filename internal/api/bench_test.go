package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"khabar/internal/api/apitest"
	"khabar/internal/store"
)

// BenchmarkList measures GET /api/v1/articles over an in-memory store of
// 1,000 articles: the handler's own cost (parsing, encoding, middleware)
// plus the fake's scan.
func BenchmarkList(b *testing.B) {
	m := apitest.New(apitest.Many(1000)...)
	h := New(Options{Articles: m, Searcher: m}).Handler()
	for _, bc := range []struct{ name, query string }{
		{"list", "limit=20"},
		{"list_filtered", "lang=hi&from=2025-01-01&to=2025-03-31&limit=50"},
		{"search", "q=" + url.QueryEscape("बाज़ार") + "&limit=20"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", "/api/v1/articles?"+bc.query, nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// fixedPage is an Articles whose List returns the same page at no cost.
type fixedPage struct {
	failing
	page store.Page
}

func (f fixedPage) List(context.Context, store.Filter) (store.Page, error) { return f.page, nil }

// BenchmarkListHandler measures the handler alone: 20 records parsed from
// the query, encoded and logged, with a store that costs nothing.
func BenchmarkListHandler(b *testing.B) {
	arts := apitest.Many(20)
	h := New(Options{Articles: fixedPage{page: store.Page{Articles: arts, Next: "20"}}}).Handler()
	req := httptest.NewRequest("GET", "/api/v1/articles?lang=hi&from=2025-01-01&limit=20", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
