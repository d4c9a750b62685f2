package cli

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/api"
	"khabar/internal/eval/dedupeval"
	"khabar/internal/evaldata"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
	"khabar/internal/web"
)

// paperNames are the outlets of the five-papers data, by file prefix.
var paperNames = map[string]string{"AU": "Amar Ujala", "DH": "Dainik Hindustan", "DJ": "Dainik Jagran",
	"NT": "Navbharat Times", "PK": "Prabhat Khabar"}

// realNews writes the articles of the five-papers data (real Hindi news of
// March 2020) as JSON Lines input, each with its paper, headline and day
// (a paper's articles an hour apart from 06:00 IST, in file order), and
// returns the file and the number of articles; it skips the test when the
// shared data is absent.
func realNews(t *testing.T) (string, int) {
	t.Helper()
	dir, err := evaldata.Path(dedupeval.PapersDir)
	if errors.Is(err, evaldata.ErrAbsent) || err != nil {
		t.Skip("the real Hindi news of ../shared/data is absent:", err)
	}
	docs, err := dedupeval.LoadPapers(dir)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "papers.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	n := 0
	for _, d := range docs {
		if d.Day.IsZero() || d.Title == "" || d.Words() < 40 {
			continue
		}
		ist := time.FixedZone("IST", 5*3600+1800)
		pub := time.Date(d.Day.Year(), d.Day.Month(), d.Day.Day(), 6, 0, 0, 0, ist).Add(time.Duration(d.Index) * time.Minute)
		if err := enc.Encode(map[string]string{"title": d.Title, "text": d.Text(), "published": pub.Format(time.RFC3339),
			"publisher": paperNames[d.Paper], "lang": "hi", "url": "https://papers.invalid/" + d.Paper + "/" + strings.ReplaceAll(d.Key(), " ", "_")}); err != nil {
			t.Fatal(err)
		}
		n++
	}
	return path, n
}

// TestRealQuestions ingests the real Hindi news of ../shared/data and
// answers the analyst's questions of DESIGN.md through the API and the
// CLI, as docs/questions.md walks through. It takes minutes, so it runs
// only when KHABAR_QUESTIONS is set; KHABAR_QUESTIONS_DIR keeps the data
// folder (and a later run reuses it).
func TestRealQuestions(t *testing.T) {
	if os.Getenv("KHABAR_QUESTIONS") == "" {
		t.Skip("set KHABAR_QUESTIONS=1 to ingest the real Hindi news of ../shared/data and answer the analyst's questions (minutes)")
	}
	in, n := realNews(t)
	data := os.Getenv("KHABAR_QUESTIONS_DIR")
	if data == "" {
		data = t.TempDir()
	}
	if _, err := os.Stat(filepath.Join(data, "khabar.db")); err != nil {
		t0 := time.Now()
		if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in); r.code != 0 {
			t.Fatalf("ingest: %d\n%s", r.code, r.stderr)
		}
		t.Logf("ingested %d articles in %s", n, time.Since(t0).Round(time.Second))
	}
	st, err := sqlite.OpenReadOnly(t.Context(), filepath.Join(data, "khabar.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix, err := search.OpenReadOnly(filepath.Join(data, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ui, err := web.New(web.Options{Articles: st, Searcher: ix})
	if err != nil {
		t.Fatal(err)
	}
	h := api.Mux(api.New(api.Options{Articles: st, Searcher: ix, Version: "test"}), ui)
	getJSON := func(target string, v any) {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
			t.Fatalf("GET %s: %v", target, err)
		}
	}
	page := func(target string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", target, rec.Code)
		}
		return rec.Body.String()
	}
	ist := api.IST()

	// 1. "What has the Prime Minister said about the corona virus since 15
	// March, in order, with sources?" Find him by his Hindi name, then
	// his quotes from that day on that hold कोरोना.
	var ents struct {
		Entities []store.EntityCount `json:"entities"`
	}
	getJSON("/api/v1/entities?type=PER&q="+url.QueryEscape("मोदी"), &ents)
	if len(ents.Entities) == 0 || ents.Entities[0].Name != "Narendra Modi" {
		t.Fatalf("entities named मोदी: %+v", ents.Entities)
	}
	modi := ents.Entities[0].ID
	since := time.Date(2020, 3, 15, 0, 0, 0, 0, ist)
	var quotes struct {
		Quotes []store.QuoteHit `json:"quotes"`
	}
	getJSON("/api/v1/quotes?speaker="+url.QueryEscape(modi)+"&from=2020-03-15", &quotes)
	if len(quotes.Quotes) < 3 {
		t.Fatalf("%s's quotes since 15 March: %d", modi, len(quotes.Quotes))
	}
	corona := 0
	for i, q := range quotes.Quotes {
		a := q.Article
		t.Logf("%s · %s · %s: %q", a.Published.In(ist).Format(time.DateOnly), a.Publisher, a.ID, q.Text)
		if q.Speaker != modi || a.Published.Before(since) || a.Publisher == "" || a.URL == "" {
			t.Errorf("quote %d: %+v", i, q)
		}
		if i > 0 && a.Published.Before(quotes.Quotes[i-1].Article.Published) {
			t.Errorf("quote %d is out of time order", i)
		}
		if strings.Contains(q.Text, "कोरोना") {
			corona++
		}
	}
	// Narrowed to the words of a topic.
	var onTopic struct {
		Quotes []store.QuoteHit `json:"quotes"`
	}
	getJSON("/api/v1/quotes?speaker="+url.QueryEscape(modi)+"&from=2020-03-15&q="+url.QueryEscape("कोरोना"), &onTopic)
	if len(onTopic.Quotes) != corona || corona == 0 {
		t.Errorf("quotes holding कोरोना: %d of %d, the API gives %d", corona, len(quotes.Quotes), len(onTopic.Quotes))
	}
	// The same from the UI: his page (with its chart) and the quotes page.
	ep := page("/e/" + url.PathEscape(modi) + "?hl=hi")
	for _, want := range []string{"नरेंद्र मोदी", `<svg class="chart-svg"`, "<title>2020-03-"} {
		if !strings.Contains(ep, want) {
			t.Errorf("entity page lacks %q", want)
		}
	}
	qp := page("/quotes?hl=hi&from=2020-03-15&speaker=" + url.QueryEscape(modi))
	if !strings.Contains(qp, quotes.Quotes[0].Text[:40]) {
		t.Errorf("quotes page lacks the first quote %q", quotes.Quotes[0].Text)
	}

	// Cross-script search: "corona" finds the articles that write कोरोना.
	var found struct {
		Total  int                            `json:"total"`
		Facets map[string][]search.FacetCount `json:"facets"`
	}
	getJSON("/api/v1/articles?q=corona", &found)
	var native struct {
		Total int `json:"total"`
	}
	getJSON("/api/v1/articles?q="+url.QueryEscape("कोरोना"), &native)
	if found.Total < 100 || found.Total < native.Total*9/10 || len(found.Facets["outlet"]) != len(paperNames) {
		t.Errorf("corona: %d matches (कोरोना: %d), outlets %v", found.Total, native.Total, found.Facets["outlet"])
	}

	// 2. "Every event of 2020 involving the Prime Minister, as CSV": the
	// export, checked against the API's events where he is the actor.
	out := filepath.Join(t.TempDir(), "events.csv")
	if r := khabar(t, t.Context(), "", "export", "--data", data, "--what", "events", "--format", "csv", "--excel",
		"--from", "2020-01-01", "--to", "2020-12-31", "--entity", modi, "-o", out); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("events CSV: %d rows, %v", len(rows), err)
	}
	asActor := 0
	for _, r := range rows[1:] {
		t.Logf("event %s %s: %s → %s · %s", r[0], r[1], r[6], r[9], r[17])
		if !strings.Contains(r[5]+"; "+r[8]+"; "+r[11], modi) || !strings.HasPrefix(r[18], "2020-") {
			t.Errorf("row does not involve %s in 2020: %q", modi, r)
		}
		if strings.Contains(r[5], modi) {
			asActor++
		}
	}
	var evs struct {
		Events []store.EventHit `json:"events"`
	}
	getJSON("/api/v1/events?limit=100&from=2020-01-01&to=2020-12-31&actor="+url.QueryEscape(modi), &evs)
	if len(evs.Events) != asActor {
		t.Errorf("the API has %d events with %s as actor, the CSV %d", len(evs.Events), modi, asActor)
	}
	if ev := page("/events?hl=hi&actor=" + url.QueryEscape(modi)); !strings.Contains(ev, `<svg class="chart-svg"`) {
		t.Error("events page has no chart")
	}
}
