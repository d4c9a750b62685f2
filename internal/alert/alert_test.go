package alert

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

type rig struct {
	st *sqlite.Store
	ix *search.Index
}

func newRig(t *testing.T) *rig {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(t.Context(), filepath.Join(dir, "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close(); st.Close() })
	return &rig{st, ix}
}

func (r *rig) add(t *testing.T, arts ...*news.Article) {
	t.Helper()
	for _, a := range arts {
		if _, err := r.st.Put(t.Context(), a, "h"); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.ix.Index(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
}

func art(id, title, text string, day int) *news.Article {
	return &news.Article{ID: id, Title: title, Text: text, Lang: "hi", Publisher: "Example Samachar", URL: "https://hi.example/" + id,
		Source:    news.Source{URI: id, Format: news.FormatText},
		Published: time.Date(2025, 8, day, 10, 0, 0, 0, time.UTC)}
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		a  store.Alert
		ok bool
	}{
		{store.Alert{Name: "kremlin", Query: "क्रेमलिन"}, true},
		{store.Alert{Name: "bad name", Query: "x"}, false},
		{store.Alert{Name: "", Query: "x"}, false},
		{store.Alert{Name: "q", Query: "  "}, false},
		{store.Alert{Name: "w", Query: "x", Webhook: "javascript:alert(1)"}, false},
		{store.Alert{Name: "w", Query: "x", Webhook: "https://hooks.example/x"}, true},
		{store.Alert{Name: "d", Query: "x", From: time.Now(), To: time.Now().Add(-time.Hour)}, false},
	} {
		if err := Check(&tc.a); (err == nil) != tc.ok {
			t.Errorf("Check(%+v) = %v, want ok %v", tc.a, err, tc.ok)
		}
	}
}

func TestFeed(t *testing.T) {
	r := newRig(t)
	r.add(t, art("a1", "क्रेमलिन ने बैठक की पुष्टि की", "मास्को, एक अगस्त (भाषा) क्रेमलिन ने कहा कि बैठक होगी।", 1),
		art("a2", "बाढ़ से तबाही", "पटना में बाढ़ आई।", 2),
		art("a3", "क्रेमलिन का नया बयान <b>", "क्रेमलिन ने फिर कहा।", 3))
	a := &store.Alert{Name: "kremlin", Query: "क्रेमलिन", Created: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}
	b, err := Feed(t.Context(), r.ix, r.st, a, "http://127.0.0.1:8080/")
	if err != nil {
		t.Fatal(err)
	}
	var f atom
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, b)
	}
	if len(f.Entries) != 2 || f.Entries[0].ID != "urn:khabar:article:a3" || f.Entries[1].ID != "urn:khabar:article:a1" {
		t.Fatalf("entries %+v", f.Entries)
	}
	if f.Updated != "2025-08-03T10:00:00Z" || f.Entries[0].Title != "क्रेमलिन का नया बयान <b>" || f.Entries[0].Link[0].Href != "http://127.0.0.1:8080/a/a3" {
		t.Errorf("feed %+v", f)
	}
	if !strings.Contains(string(b), "&lt;b&gt;") {
		t.Error("a title's markup is not escaped")
	}
}

func TestNotifier(t *testing.T) {
	r := newRig(t)
	var mu sync.Mutex
	var got []Payload
	fail := 1 // the first post fails, and is retried
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		mu.Lock()
		defer mu.Unlock()
		if fail > 0 {
			fail--
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var p Payload
		if err := json.Unmarshal(b, &p); err != nil {
			t.Errorf("payload: %v", err)
		}
		got = append(got, p)
	}))
	defer hook.Close()
	r.add(t, art("old", "क्रेमलिन पुरानी ख़बर", "क्रेमलिन ने कहा।", 1))
	made := time.Date(2025, 8, 3, 0, 0, 0, 0, time.UTC)
	if err := r.st.PutAlert(t.Context(), &store.Alert{Name: "kremlin", Query: "क्रेमलिन", Webhook: hook.URL, Created: made}); err != nil {
		t.Fatal(err)
	}
	if err := r.st.PutAlert(t.Context(), &store.Alert{Name: "quiet", Query: "क्रेमलिन"}); err != nil {
		t.Fatal(err)
	}
	n := NewNotifier(NotifierOptions{Store: r.st, Search: r.ix, Base: "http://khabar.local", Retries: []time.Duration{time.Millisecond}})
	// What was published before the alert was made is not posted.
	if err := n.Round(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("posted %d matches that were there before the alert", len(got))
	}
	r.add(t, art("new1", "क्रेमलिन ने बैठक टाली", "क्रेमलिन ने बैठक टाल दी।", 5), art("other", "बाढ़", "बाढ़ आई।", 5),
		art("new2", "क्रेमलिन का इनकार", "क्रेमलिन ने इनकार किया।", 6))
	for range 2 { // twice: nothing is posted twice
		if err := n.Round(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || got[0].Article.ID != "new1" || got[1].Article.ID != "new2" || got[0].Alert != "kremlin" ||
		got[0].Article.Link != "http://khabar.local/a/new1" {
		t.Fatalf("posted %+v, want new1 then new2 once each", got)
	}
	a, _ := r.st.GetAlert(t.Context(), "kremlin")
	if a.LastError != "" || len(a.Notified) != 3 {
		t.Errorf("alert after posting: %+v", a)
	}
}
