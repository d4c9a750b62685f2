package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"khabar/internal/api/apitest"
	"khabar/internal/ingest"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// fakeIngest stores what it is given, by id.
type fakeIngest struct {
	mu   sync.Mutex
	seen map[string]*news.Article
}

func (f *fakeIngest) Submit(_ context.Context, jobs []pipeline.Job) ([]ingest.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]ingest.Result, len(jobs))
	for i, j := range jobs {
		out[i].Name = j.Name
		if j.Err != nil {
			out[i].Err = j.Err
			continue
		}
		out[i].ID = j.Article.ID
		if _, ok := f.seen[j.Article.ID]; ok {
			out[i].Outcome = store.Unchanged
		} else {
			out[i].Outcome = store.New
		}
		f.seen[j.Article.ID] = j.Article
	}
	return out, nil
}

// fakeSources follows what it is told to.
type fakeSources struct {
	mu   sync.Mutex
	srcs []*store.Source
}

func (f *fakeSources) Sources(context.Context) ([]*store.Source, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*store.Source(nil), f.srcs...), nil
}

func (f *fakeSources) Add(_ context.Context, u string) ([]*store.Source, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !strings.HasPrefix(u, "https://") {
		return nil, errors.New("no feed or sitemap found at " + u)
	}
	s := &store.Source{ID: int64(len(f.srcs) + 1), URL: u, Kind: store.KindRSS}
	f.srcs = append(f.srcs, s)
	return []*store.Source{s}, nil
}

func (f *fakeSources) Remove(_ context.Context, id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, s := range f.srcs {
		if s.ID == id {
			f.srcs = append(f.srcs[:i], f.srcs[i+1:]...)
			return nil
		}
	}
	return fmt.Errorf("source %d: %w", id, news.ErrNotFound)
}

func newWriteServer(tb testing.TB, w Write, arts ...*news.Article) (*Server, http.Handler) {
	tb.Helper()
	m := apitest.New(arts...)
	st := analystOf(tb, arts...)
	s := New(Options{Articles: m, Searcher: m, Version: "test", Write: w, Analyst: st, Alerts: st,
		Ingest: &fakeIngest{seen: map[string]*news.Article{}}, Sources: &fakeSources{},
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "khabar_up 1\n") })})
	return s, s.Handler()
}

// analystOf returns a SQLite store holding arts, to answer the entity,
// quote and event routes.
func analystOf(tb testing.TB, arts ...*news.Article) *sqlite.Store {
	tb.Helper()
	st, err := sqlite.Open(tb.Context(), filepath.Join(tb.TempDir(), "k.db"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for _, a := range arts {
		if _, err := st.Put(tb.Context(), a, "h"); err != nil {
			tb.Fatal(err)
		}
	}
	return st
}

func send(tb testing.TB, h http.Handler, method, target, ctype, token, body string) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPostArticles(t *testing.T) {
	_, h := newWriteServer(t, Write{})
	hi := "<html><head><title>दिल्ली में बारिश</title></head><body><p>नई दिल्ली, 19 मार्च (भाषा) राजधानी में मंगलवार को तेज बारिश हुई।</p></body></html>"
	raw, _ := source.MarshalRaw(&news.Article{ID: "0123456789abcdef", Source: news.Source{URI: "a.txt", Format: news.FormatText},
		Raw: news.Raw{Body: "Ports reopen.\n\nThe port reopened on Monday.", Format: news.FormatText}})
	tests := []struct {
		name, target, ctype, body string
		status                    int
		want                      string // in the answer
	}{
		{"jsonl", "/api/v1/articles", "application/jsonl",
			`{"url":"https://hi.example/a/1","text":"नई दिल्ली, 19 मार्च (भाषा) राजधानी में बारिश हुई।"}` + "\n" + `{"text":""}` + "\n",
			200, `"new":1,"updated":0,"unchanged":0,"failed":1`},
		{"html with hints", "/api/v1/articles?url=https://hi.example/a/2&lang=hi", "text/html; charset=utf-8", hi, 200, `"new":1`},
		{"same html again", "/api/v1/articles?url=https://hi.example/a/2&lang=hi", "text/html", hi, 200, `"unchanged":1`},
		{"raw hand-over keeps ids", "/api/v1/articles", source.MediaRaw, string(raw) + "\n", 200, `"id":"0123456789abcdef"`},
		{"raw with a bad id", "/api/v1/articles", source.MediaRaw, `{"id":"x","kind":"text","body":"b"}`, 200, `want 16 hex digits`},
		{"unknown type", "/api/v1/articles", "image/png", "x", 400, "content type"},
		{"no body", "/api/v1/articles", "application/jsonl", "", 400, "no article"},
		{"bad url hint", "/api/v1/articles?url=javascript:alert(1)", "text/html", hi, 400, "url"},
		{"bad published hint", "/api/v1/articles?published=soon", "text/plain", "text", 400, "published"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := send(t, h, "POST", tc.target, tc.ctype, "", tc.body)
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
				t.Fatalf("status %d, body %s; want %d with %q", rec.Code, rec.Body, tc.status, tc.want)
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("Content-Type %q", ct)
			}
		})
	}
}

func TestWriteAuth(t *testing.T) {
	const token = "s3cret-token"
	_, h := newWriteServer(t, Write{Token: token})
	body := `{"text":"The port reopened on Monday."}`
	if rec := send(t, h, "POST", "/api/v1/articles", "application/jsonl", "", body); rec.Code != 401 || rec.Header().Get("WWW-Authenticate") == "" {
		t.Fatalf("no token: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "POST", "/api/v1/articles", "application/jsonl", "wrong", body); rec.Code != 401 {
		t.Fatalf("wrong token: %d", rec.Code)
	}
	if rec := send(t, h, "POST", "/api/v1/articles", "application/jsonl", token, body); rec.Code != 200 {
		t.Fatalf("right token: %d %s", rec.Code, rec.Body)
	}
	for _, p := range []struct{ method, path, body string }{
		{"POST", "/api/v1/sources", `{"url":"https://hi.example/rss"}`},
		{"DELETE", "/api/v1/sources/1", ""},
	} {
		if rec := send(t, h, p.method, p.path, "application/json", "", p.body); rec.Code != 401 {
			t.Fatalf("%s %s without token: %d", p.method, p.path, rec.Code)
		}
	}
	// Reads need no token.
	if rec := do(t, h, "GET", "/api/v1/sources"); rec.Code != 200 {
		t.Fatalf("GET sources: %d", rec.Code)
	}

	_, off := newWriteServer(t, Write{Off: "writes are off: start khabar serve with --token to take writes on 0.0.0.0"})
	if rec := send(t, off, "POST", "/api/v1/articles", "application/jsonl", "", body); rec.Code != 403 || !strings.Contains(rec.Body.String(), "--token") {
		t.Fatalf("writes off: %d %s", rec.Code, rec.Body)
	}
	// Other methods stay refused, and GET bodies stay tiny.
	if rec := send(t, h, "PUT", "/api/v1/articles", "application/jsonl", token, body); rec.Code != 405 {
		t.Fatalf("PUT: %d", rec.Code)
	}
}

func TestSourcesRoutes(t *testing.T) {
	_, h := newWriteServer(t, Write{})
	rec := send(t, h, "POST", "/api/v1/sources", "application/json", "", `{"url":"https://hi.example/rss.xml"}`)
	if rec.Code != 201 || !strings.Contains(rec.Body.String(), `"url":"https://hi.example/rss.xml"`) {
		t.Fatalf("add: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "POST", "/api/v1/sources", "application/json", "", `{"url":"ftp://x"}`); rec.Code != 422 {
		t.Fatalf("add nothing to follow: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "POST", "/api/v1/sources", "application/json", "", `{"link":"x"}`); rec.Code != 400 {
		t.Fatalf("add with an unknown field: %d %s", rec.Code, rec.Body)
	}
	var list struct{ Sources []store.Source }
	rec = do(t, h, "GET", "/api/v1/sources")
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list.Sources) != 1 {
		t.Fatalf("list: %s %v", rec.Body, err)
	}
	if rec := send(t, h, "DELETE", "/api/v1/sources/1", "", "", ""); rec.Code != 204 {
		t.Fatalf("remove: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "DELETE", "/api/v1/sources/1", "", "", ""); rec.Code != 404 {
		t.Fatalf("remove again: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "DELETE", "/api/v1/sources/x", "", "", ""); rec.Code != 400 {
		t.Fatalf("remove a bad id: %d %s", rec.Code, rec.Body)
	}
	if rec := do(t, h, "GET", "/metrics"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "khabar_up") {
		t.Fatalf("metrics: %d %s", rec.Code, rec.Body)
	}
}
