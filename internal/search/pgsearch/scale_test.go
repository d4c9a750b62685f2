package pgsearch

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"khabar/examples"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/search"
)

// scaleSentences returns sentences of real news to make articles of: the
// sample corpus's, and the shared data's Hindi news when present.
func scaleSentences(t *testing.T) (hi, en []string) {
	t.Helper()
	add := func(text string) {
		for _, line := range strings.Split(text, "\n") {
			start := 0
			for i, r := range line {
				if r != '।' && r != '?' && r != '!' && (r != '.' || i+1 >= len(line) || line[i+1] != ' ') {
					continue
				}
				end := i + len(string(r))
				s := strings.TrimSpace(line[start:end])
				start = end
				if len([]rune(s)) < 40 {
					continue
				}
				if strings.ContainsAny(s, "कखगतनमरस") {
					hi = append(hi, s)
				} else {
					en = append(en, s)
				}
			}
		}
	}
	err := fs.WalkDir(examples.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := examples.Corpus.ReadFile(path)
		add(string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if dir, err := evaldata.Path("news"); err == nil {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			add(string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	} else {
		t.Logf("the shared news is absent (%v): articles are made of the sample corpus alone", err)
	}
	t.Logf("%d Hindi and %d English sentences", len(hi), len(en))
	return hi, en
}

// scaleArticles makes n articles of about 3 KB of sentences of real news,
// one in ten English, with entities (a few common, many rare), an event
// type, one of twelve outlets and a date in 2025.
func scaleArticles(t *testing.T, n int, send func([]*news.Article)) {
	hi, en := scaleSentences(t)
	rng := rand.New(rand.NewPCG(14, 100))
	people := make([]news.Entity, 2000)
	for i := range people {
		people[i] = news.Entity{ID: fmt.Sprintf("kb:e%04d", i), Name: fmt.Sprintf("Person %d", i), Type: news.PER,
			Names: map[string]string{"hi": fmt.Sprintf("व्यक्ति%d", i), "en": fmt.Sprintf("Person %d", i)}}
	}
	types := []string{"CONSULT", "ASSAULT", "DISASTER", "PROTEST", "ACCUSE", "AID", "COERCE", "AGREE"}
	outlets := []string{"Dainik Samvad", "Lokvani Times", "Magadh Times", "Awadh Today", "India Ledger", "Navprabhat",
		"Janpath Khabar", "Rashtriya Prahari", "Samachar Darpan", "Purvottar Times", "Delhi Ledger", "Sports Desk"}
	var batch []*news.Article
	for i := range n {
		pool, lang := hi, "hi"
		if i%10 == 9 && len(en) > 0 {
			pool, lang = en, "en"
		}
		var b strings.Builder
		for b.Len() < 3000 {
			b.WriteString(pool[rng.IntN(len(pool))])
			b.WriteString(" ")
		}
		a := &news.Article{ID: fmt.Sprintf("s%07d", i), Lang: lang, Publisher: outlets[rng.IntN(len(outlets))],
			Title:     pool[rng.IntN(len(pool))],
			Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(365*24*60)) * time.Minute),
			Text:      b.String()}
		for range 5 {
			e := people[rng.IntN(50)*rng.IntN(40)] // a few very common, many rare
			if !slices.ContainsFunc(a.Entities, func(x news.Entity) bool { return x.ID == e.ID }) {
				a.Entities = append(a.Entities, e)
			}
		}
		a.Events = []news.Event{{Type: types[rng.IntN(len(types))]}}
		batch = append(batch, a)
		if len(batch) == 500 || i == n-1 {
			send(batch)
			batch = nil
		}
	}
}

// scaleQueries are the queries timed: common and rare words, several
// words, phrases, prefixes, OR, exclusions, filters and words in the other
// script, as people type them.
var scaleQueries = []string{
	"सरकार", "पुलिस", "कोरोना", "बाढ़", "प्रधानमंत्री मोदी", `"प्रधानमंत्री नरेंद्र मोदी"`, "कोरोना वायरस संक्रमण",
	"मंत्र*", "बाढ़ OR बारिश", "सरकार -कांग्रेस", "entity:व्यक्ति7 सरकार", "type:CONSULT पुलिस", "lang:en",
	"corona", "police", "Modi", "ज्वालामुखी", `outlet:"Dainik Samvad" मंत्री`, "दिल्ली अस्पताल",
}

// TestScale measures searches on a PostgreSQL index of generated articles
// made of real news sentences, each query with facets as the web page asks,
// best first and newest first, and reports the 50th and 99th percentiles:
//
//	KHABAR_TEST_POSTGRES=postgres://… KHABAR_SEARCH_SCALE=100000 go test ./internal/search/pgsearch -run TestScale -v -timeout 60m
//
// KHABAR_SEARCH_SCALE_URL names a database (or schema) to keep the index
// in between runs instead of a throwaway one. KHABAR_SEARCH_SCALE_BLEVE=1 times the same queries on a bleve index of
// the same articles, for comparison.
func TestScale(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("KHABAR_SEARCH_SCALE"))
	if err != nil || n <= 0 {
		t.Skip("set KHABAR_SEARCH_SCALE to a number of articles (e.g. 100000) to measure search at scale")
	}
	ctx := t.Context()
	var bl *search.Index
	if os.Getenv("KHABAR_SEARCH_SCALE_BLEVE") != "" {
		bl, err = search.Open(filepath.Join(t.TempDir(), "index.bleve"))
		if err != nil {
			t.Fatal(err)
		}
		defer bl.Close()
	}
	var ix *Index
	reuse := false
	if u := os.Getenv("KHABAR_SEARCH_SCALE_URL"); u != "" {
		// An index kept between runs: made once, measured again and again.
		if ix, err = Open(ctx, u, nil); err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		if c, err := ix.Count(ctx); err == nil && c == uint64(n) && ix.Check(ctx) == nil {
			t.Logf("using the %d articles indexed at KHABAR_SEARCH_SCALE_URL", n)
			reuse = true
		} else if err := ix.Reset(ctx); err != nil {
			t.Fatal(err)
		}
	} else {
		ix = openTemp(t)
	}
	var pgTime, blTime time.Duration
	if !reuse || bl != nil {
		scaleArticles(t, n, func(arts []*news.Article) {
			if !reuse {
				s := time.Now()
				if err := ix.Index(ctx, arts); err != nil {
					t.Fatal(err)
				}
				pgTime += time.Since(s)
			}
			if bl != nil {
				s := time.Now()
				if err := bl.Index(ctx, arts); err != nil {
					t.Fatal(err)
				}
				blTime += time.Since(s)
			}
		})
	}
	if !reuse {
		t.Logf("indexed %d articles in PostgreSQL in %s", n, pgTime.Round(time.Second))
	}
	if bl != nil {
		t.Logf("indexed them with bleve in %s", blTime.Round(time.Second))
	}
	if _, err := ix.pool.Exec(ctx, `VACUUM ANALYZE search_docs`); err != nil {
		t.Fatal(err)
	}
	var size string
	if err := ix.pool.QueryRow(ctx, `SELECT pg_size_pretty(pg_total_relation_size('search_docs'))`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	t.Logf("search_docs with its indexes: %s", size)
	measure(t, "PostgreSQL", ix)
	if bl != nil {
		measure(t, "bleve", bl)
	}
}

type searcher interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

func measure(t *testing.T, name string, ix searcher) {
	ctx := t.Context()
	const rounds = 8
	var all []time.Duration
	worst := map[string]time.Duration{}
	totals := map[string]uint64{}
	for round := range rounds + 1 {
		for _, q := range scaleQueries {
			for _, byDate := range []bool{false, true} {
				s := time.Now()
				r, err := ix.Search(ctx, search.Query{Text: q, Facets: true, ByDate: byDate})
				d := time.Since(s)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if round == 0 {
					totals[q] = r.Total
					continue // warm-up
				}
				all = append(all, d)
				worst[q] = max(worst[q], d)
			}
		}
	}
	slices.Sort(all)
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	t.Logf("%s: %d searches (facets on, best and newest first): p50 %s, p90 %s, p99 %s, max %s",
		name, len(all), pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond),
		pct(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond))
	for _, q := range scaleQueries {
		t.Logf("  %-40s %7d hits, slowest %s", q, totals[q], worst[q].Round(time.Microsecond))
	}
}
