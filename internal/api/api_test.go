package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"khabar/internal/api/apitest"
	"khabar/internal/news"
	"khabar/internal/store"
)

// do serves one request on h and returns the recorder.
func do(tb testing.TB, h http.Handler, method, target string) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// listBody is the decoded body of GET /api/v1/articles.
type listBody struct {
	Articles []json.RawMessage `json:"articles"`
	Next     *string           `json:"next"`
	Total    *uint64           `json:"total"`
}

// ids returns the ids of the records in b.
func (b listBody) ids(tb testing.TB) []string {
	tb.Helper()
	out := []string{}
	for _, raw := range b.Articles {
		var a news.Article
		if err := json.Unmarshal(raw, &a); err != nil {
			tb.Fatalf("record does not decode: %v\n%s", err, raw)
		}
		out = append(out, a.ID)
	}
	return out
}

func decode[T any](tb testing.TB, rec *httptest.ResponseRecorder) T {
	tb.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		tb.Fatalf("Content-Type = %q", ct)
	}
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		tb.Fatalf("body does not decode: %v\n%s", err, rec.Body)
	}
	return v
}

func newTestServer(tb testing.TB, arts ...*news.Article) (*Server, http.Handler) {
	tb.Helper()
	m := apitest.New(arts...)
	s := New(Options{Articles: m, Searcher: m, Version: "test"})
	return s, s.Handler()
}

func TestList(t *testing.T) {
	_, h := newTestServer(t, apitest.Sample()...)
	tests := []struct {
		name   string
		query  string
		want   []string
		total  int // -1: no total field
		isNext bool
	}{
		{"all newest first", "", []string{"hi-flood", "hi-metro", "en-port", "bare"}, -1, false},
		{"hindi", "lang=hi", []string{"hi-flood", "hi-metro"}, -1, false},
		{"language upper case", "lang=EN", []string{"en-port"}, -1, false},
		{"limit pages", "limit=2", []string{"hi-flood", "hi-metro"}, -1, true},
		{"date-only to includes the day", "to=2025-03-10", []string{"hi-metro", "en-port"}, -1, false},
		{"date-only from", "from=2025-03-10", []string{"hi-flood", "hi-metro"}, -1, false},
		{"one day", "from=2025-03-12&to=2025-03-12", []string{"hi-flood"}, -1, false},
		{"rfc3339 to is exclusive", "to=2025-03-10T09:30:00%2B05:30", []string{"en-port"}, -1, false},
		{"rfc3339 with unescaped plus", "from=2025-03-10T09:30:00+05:30", []string{"hi-flood", "hi-metro"}, -1, false},
		{"rfc3339 utc", "from=2025-03-10T04:00:00Z&to=2025-03-10T04:01:00Z", []string{"hi-metro"}, -1, false},
		{"empty params are absent", "q=&lang=&from=&to=&limit=&cursor=", []string{"hi-flood", "hi-metro", "en-port", "bare"}, -1, false},
		{"search hindi", "q=" + url.QueryEscape("मेट्रो"), []string{"hi-metro"}, 1, false},
		{"search english", "q=cargo", []string{"en-port"}, 1, false},
		{"search with filter", "q=" + url.QueryEscape("बाढ़") + "&lang=en", []string{}, 0, false},
		{"search no hits", "q=zzzz", []string{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, "GET", "/api/v1/articles?"+tt.query)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			b := decode[listBody](t, rec)
			if got := b.ids(t); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
			if (b.Next != nil) != tt.isNext {
				t.Errorf("next = %v, want present %v", b.Next, tt.isNext)
			}
			switch {
			case tt.total < 0 && b.Total != nil:
				t.Errorf("total = %d for a listing, want absent", *b.Total)
			case tt.total >= 0 && (b.Total == nil || *b.Total != uint64(tt.total)):
				t.Errorf("total = %v, want %d", b.Total, tt.total)
			}
			if !strings.Contains(rec.Body.String(), `"next":`) {
				t.Errorf("body lacks next: %s", rec.Body)
			}
		})
	}
}

// TestListRecords checks that the listing carries whole v1 records.
func TestListRecords(t *testing.T) {
	arts := apitest.Sample()
	_, h := newTestServer(t, arts...)
	b := decode[listBody](t, do(t, h, "GET", "/api/v1/articles?q="+url.QueryEscape("बाढ़")))
	want, err := json.Marshal(arts[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Articles) != 1 || !bytes.Equal(b.Articles[0], want) {
		t.Errorf("record =\n%s\nwant\n%s", b.Articles, want)
	}
}

func TestListErrors(t *testing.T) {
	_, h := newTestServer(t, apitest.Sample()...)
	listCursor := encodeCursor("2", false)
	tests := []struct {
		name, query, param string
	}{
		{"from not a date", "from=yesterday", "from"},
		{"from bad day", "from=2025-02-30", "from"},
		{"to bad", "to=2025-13-01", "to"},
		{"to before from", "from=2025-03-10&to=2025-03-01", "to"},
		{"to equals from", "from=2025-03-10T00:00:00Z&to=2025-03-10T00:00:00Z", "to"},
		{"limit zero", "limit=0", "limit"},
		{"limit too big", "limit=101", "limit"},
		{"limit word", "limit=ten", "limit"},
		{"limit negative", "limit=-5", "limit"},
		{"lang long", "lang=hindi", "lang"},
		{"lang digits", "lang=h1", "lang"},
		{"cursor garbage", "cursor=%21%21", "cursor"},
		{"cursor unknown kind", "cursor=" + encodeCursor("2", false)[:1] + "x", "cursor"},
		{"listing cursor for search", "q=x&cursor=" + listCursor, "cursor"},
		{"search cursor for listing", "cursor=" + encodeCursor("2", true), "cursor"},
		{"tampered listing cursor", "cursor=" + encodeCursor("minus one", false), "cursor"},
		{"q too long", "q=" + strings.Repeat("a", MaxQueryText+1), "q"},
		{"q control", "q=a%00b", "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, "GET", "/api/v1/articles?"+tt.query)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", rec.Code, rec.Body)
			}
			e := decode[errorBody](t, rec)
			if e.Error.Code != "bad_request" || !strings.HasPrefix(e.Error.Message, tt.param+": ") {
				t.Errorf("error = %+v, want bad_request about %s", e.Error, tt.param)
			}
		})
	}
}

// TestPaging follows next cursors through a listing and a search and checks
// every article comes exactly once, in order.
func TestPaging(t *testing.T) {
	arts := apitest.Many(45)
	_, h := newTestServer(t, arts...)
	tests := []struct {
		name, query string
		want        int
	}{
		{"listing", "limit=20", 45},
		{"listing by language", "lang=en&limit=7", 22},
		{"search", "q=" + url.QueryEscape("ख़बर") + "&limit=10", 23},
		{"search with dates", "q=weather&from=2025-06-01&to=2025-06-30&limit=4", 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			target := "/api/v1/articles?" + tt.query
			for pages := 0; ; pages++ {
				if pages > 50 {
					t.Fatal("paging does not end")
				}
				rec := do(t, h, "GET", target)
				if rec.Code != http.StatusOK {
					t.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
				b := decode[listBody](t, rec)
				got = append(got, b.ids(t)...)
				if b.Next == nil {
					break
				}
				target = "/api/v1/articles?" + tt.query + "&cursor=" + url.QueryEscape(*b.Next)
			}
			if len(got) != tt.want {
				t.Fatalf("got %d articles, want %d", len(got), tt.want)
			}
			if !slices.IsSorted(got) {
				t.Errorf("pages out of order: %v", got)
			}
			if len(slices.Compact(slices.Clone(got))) != len(got) {
				t.Errorf("an article came twice: %v", got)
			}
		})
	}
}

func TestArticle(t *testing.T) {
	arts := apitest.Sample()
	_, h := newTestServer(t, arts...)
	for _, a := range arts {
		t.Run(a.ID, func(t *testing.T) {
			rec := do(t, h, "GET", "/api/v1/articles/"+a.ID)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			want, _ := json.Marshal(a)
			if got := bytes.TrimSpace(rec.Body.Bytes()); !bytes.Equal(got, want) {
				t.Errorf("body =\n%s\nwant\n%s", got, want)
			}
			var back news.Article
			if err := json.Unmarshal(rec.Body.Bytes(), &back); err != nil || back.ID != a.ID {
				t.Errorf("record does not read back: %v", err)
			}
		})
	}
	t.Run("absent", func(t *testing.T) {
		rec := do(t, h, "GET", "/api/v1/articles/no-such-id")
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d, want 404", rec.Code)
		}
		if e := decode[errorBody](t, rec); e.Error.Code != "not_found" {
			t.Errorf("error = %+v", e.Error)
		}
	})
	t.Run("id too long", func(t *testing.T) {
		rec := do(t, h, "GET", "/api/v1/articles/"+strings.Repeat("x", maxID+1))
		if rec.Code != http.StatusBadRequest {
			t.Fatalf("status %d, want 400", rec.Code)
		}
	})
	t.Run("unicode id", func(t *testing.T) {
		rec := do(t, h, "GET", "/api/v1/articles/"+url.PathEscape("समाचार"))
		if rec.Code != http.StatusNotFound {
			t.Fatalf("status %d, want 404", rec.Code)
		}
	})
}

func TestHealth(t *testing.T) {
	_, h := newTestServer(t, apitest.Sample()...)
	rec := do(t, h, "GET", "/healthz")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	got := decode[healthResponse](t, rec)
	if got != (healthResponse{Status: "ok", Articles: 4, Version: "test"}) {
		t.Errorf("health = %+v", got)
	}

	bad := New(Options{Articles: failing{}})
	rec = do(t, bad.Handler(), "GET", "/healthz")
	if rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("status with a failing store = %d, want 503", rec.Code)
	}
	if e := decode[errorBody](t, rec); e.Error.Code != "unavailable" {
		t.Errorf("error = %+v", e.Error)
	}
}

// failing is an Articles whose every call fails.
type failing struct{}

var errDisk = errors.New("disk on fire")

func (failing) Get(context.Context, string) (*news.Article, error)         { return nil, errDisk }
func (failing) GetMany(context.Context, []string) ([]*news.Article, error) { return nil, errDisk }
func (failing) List(context.Context, store.Filter) (store.Page, error)     { return store.Page{}, errDisk }
func (failing) Count(context.Context) (int, error)                         { return 0, errDisk }

// panicking is an Articles that panics on List.
type panicking struct{ failing }

func (panicking) List(context.Context, store.Filter) (store.Page, error) { panic("boom") }

func TestServerErrors(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	h := New(Options{Articles: failing{}, Logger: logger}).Handler()
	tests := []struct {
		name, target string
		status       int
		code         string
	}{
		{"store fails", "/api/v1/articles", 500, "internal"},
		{"get fails", "/api/v1/articles/x", 500, "internal"},
		{"no searcher", "/api/v1/articles?q=x", 503, "unavailable"},
		{"unknown api path", "/api/v2/articles", 404, "not_found"},
		{"unknown path", "/elsewhere", 404, "not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, "GET", tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			e := decode[errorBody](t, rec)
			if e.Error.Code != tt.code {
				t.Errorf("code = %q, want %q", e.Error.Code, tt.code)
			}
			if strings.Contains(e.Error.Message, errDisk.Error()) {
				t.Errorf("message leaks the internal error: %q", e.Error.Message)
			}
		})
	}
	if !strings.Contains(logs.String(), errDisk.Error()) {
		t.Errorf("log lacks the internal error:\n%s", logs.String())
	}
}

func TestPanicRecovery(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	h := New(Options{Articles: panicking{}, Logger: logger}).Handler()
	rec := do(t, h, "GET", "/api/v1/articles")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", rec.Code)
	}
	if e := decode[errorBody](t, rec); e.Error.Code != "internal" {
		t.Errorf("error = %+v", e.Error)
	}
	if !strings.Contains(logs.String(), `"panic":"boom"`) {
		t.Errorf("log lacks the panic:\n%s", logs.String())
	}
}

func TestRequestLog(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	m := apitest.New(apitest.Sample()...)
	h := New(Options{Articles: m, Logger: logger}).Handler()
	do(t, h, "GET", "/api/v1/articles/hi-metro?x=1")
	var rec map[string]any
	if err := json.Unmarshal(logs.Bytes(), &rec); err != nil {
		t.Fatalf("log is not one JSON record: %v\n%s", err, logs.String())
	}
	if rec["method"] != "GET" || rec["path"] != "/api/v1/articles/hi-metro" || rec["status"] != float64(200) {
		t.Errorf("log record = %v", rec)
	}
	if d, ok := rec["duration_ms"].(float64); !ok || d < 0 {
		t.Errorf("duration_ms = %v", rec["duration_ms"])
	}
}

func TestLimits(t *testing.T) {
	_, h := newTestServer(t, apitest.Sample()...)
	for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		t.Run(method, func(t *testing.T) {
			rec := do(t, h, method, "/api/v1/articles")
			if rec.Code != http.StatusMethodNotAllowed {
				t.Fatalf("status %d, want 405", rec.Code)
			}
			if a := rec.Header().Get("Allow"); a != "GET, HEAD" {
				t.Errorf("Allow = %q", a)
			}
			if e := decode[errorBody](t, rec); e.Error.Code != "method_not_allowed" {
				t.Errorf("error = %+v", e.Error)
			}
		})
	}
	t.Run("HEAD", func(t *testing.T) {
		rec := do(t, h, "HEAD", "/healthz")
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d, want 200", rec.Code)
		}
	})
	t.Run("long query", func(t *testing.T) {
		rec := do(t, h, "GET", "/api/v1/articles?q="+strings.Repeat("x", MaxRawQuery))
		if rec.Code != http.StatusRequestURITooLong {
			t.Fatalf("status %d, want 414", rec.Code)
		}
		if e := decode[errorBody](t, rec); e.Error.Code != "uri_too_long" {
			t.Errorf("error = %+v", e.Error)
		}
	})
	t.Run("long path", func(t *testing.T) {
		rec := do(t, h, "GET", "/api/v1/articles/"+strings.Repeat("x", MaxPath))
		if rec.Code != http.StatusRequestURITooLong {
			t.Fatalf("status %d, want 414", rec.Code)
		}
	})
	t.Run("body", func(t *testing.T) {
		req := httptest.NewRequest("GET", "/healthz", strings.NewReader(strings.Repeat("x", MaxBody+1)))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusRequestEntityTooLarge {
			t.Fatalf("status %d, want 413", rec.Code)
		}
	})
	t.Run("security headers", func(t *testing.T) {
		rec := do(t, h, "GET", "/healthz")
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("no nosniff header: %v", rec.Header())
		}
	})
}

// stubUI is a Routes that answers the site root.
type stubUI struct{}

func (stubUI) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/boom" {
			panic("ui boom")
		}
		_, _ = w.Write([]byte("<p>ui</p>"))
	})
}

func TestMux(t *testing.T) {
	m := apitest.New(apitest.Sample()...)
	s := New(Options{Articles: m, Searcher: m})
	h := Mux(s, stubUI{})
	tests := []struct {
		name, method, target string
		status               int
		contentType, body    string
	}{
		{"api", "GET", "/api/v1/articles/en-port", 200, "application/json; charset=utf-8", `"id":"en-port"`},
		{"health", "GET", "/healthz", 200, "application/json; charset=utf-8", `"status":"ok"`},
		{"ui", "GET", "/", 200, "text/html; charset=utf-8", "<p>ui</p>"},
		{"unknown api path is json", "GET", "/api/nothing", 404, "application/json; charset=utf-8", "not_found"},
		{"ui 405 is text", "POST", "/", 405, "text/plain; charset=utf-8", "Method Not Allowed"},
		{"api 405 is json", "POST", "/api/v1/articles", 405, "application/json; charset=utf-8", "method_not_allowed"},
		{"ui panic", "GET", "/boom", 500, "text/plain; charset=utf-8", "Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, tt.method, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.contentType)
			}
			if !strings.Contains(rec.Body.String(), tt.body) {
				t.Errorf("body lacks %q: %s", tt.body, rec.Body)
			}
		})
	}
	if Mux(s, nil) == nil {
		t.Error("Mux without a UI is nil")
	}
}

func TestNewHTTPServer(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("server lacks a limit: %+v", srv)
	}
	if srv.Addr != "127.0.0.1:0" || srv.Handler == nil {
		t.Errorf("server = %+v", srv)
	}
}

// TestLive runs a request through a real listener on loopback.
func TestLive(t *testing.T) {
	_, h := newTestServer(t, apitest.Sample()...)
	ts := httptest.NewServer(h)
	defer ts.Close()
	resp, err := ts.Client().Get(ts.URL + "/api/v1/articles?lang=en")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b listBody
	if err := json.NewDecoder(resp.Body).Decode(&b); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, decode: %v", resp.StatusCode, err)
	}
	if got := b.ids(t); !slices.Equal(got, []string{"en-port"}) {
		t.Errorf("ids = %v", got)
	}
}
