package api

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store/sqlite"
)

// TestScale100k measures the analyst's routes on a generated store of
// $KHABAR_SCALE articles (e.g. 100000) with entities, quotes and events:
// search with facets, an entity's page, an events query, p50 and p99 of
// each, through the real handlers. Skipped unless KHABAR_SCALE is set.
//
//	KHABAR_SCALE=100000 go test ./internal/api -run TestScale100k -v -timeout 60m
//
// With KHABAR_SCALE_DIR set, the generated store is kept in that folder
// and a later run with the same KHABAR_SCALE measures it again without
// generating it anew; with KHABAR_SCALE_PROFILE set, the measured requests
// (not the generation) are CPU-profiled into that file, for go tool pprof.
func TestScale100k(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv("KHABAR_SCALE"))
	if err != nil || n <= 0 {
		t.Skip("set KHABAR_SCALE to a number of articles (e.g. 100000) to measure the routes at scale")
	}
	dir := os.Getenv("KHABAR_SCALE_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	st, ix := scaleStore(t, dir, n)
	defer st.Close()
	defer ix.Close()
	measureScale(t, st, ix)
}

// scaleWords, scaleTypes: the generated store's vocabulary and event types.
var (
	scaleWords = []string{"सरकार", "मंत्री", "बैठक", "बाढ़", "चुनाव", "अदालत", "पुलिस", "किसान", "बारिश", "समझौता", "हमला", "विरोध",
		"अस्पताल", "परीक्षा", "रेल", "सड़क", "बजट", "निवेश", "सीमा", "वार्ता"}
	scaleTypes = []string{"CONSULT", "ASSAULT", "DISASTER", "PROTEST", "ACCUSE", "AID"}
)

// scaleStore opens the store and index of n generated articles in dir,
// generating them when dir does not hold them already.
func scaleStore(t testing.TB, dir string, n int) (*sqlite.Store, *search.Index) {
	t.Helper()
	done := filepath.Join(dir, fmt.Sprintf("generated-%d", n))
	if _, err := os.Stat(done); err == nil {
		st, err := sqlite.Open(t.Context(), filepath.Join(dir, "k.db"), nil)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := search.Open(filepath.Join(dir, "index.bleve"))
		if errors.Is(err, search.ErrVersion) {
			// Kept from a build that indexed otherwise: index again.
			os.RemoveAll(filepath.Join(dir, "index.bleve"))
			if ix, err = search.Open(filepath.Join(dir, "index.bleve")); err != nil {
				t.Fatal(err)
			}
			var batch []*news.Article
			err = st.Each(t.Context(), func(a *news.Article) error {
				if batch = append(batch, a); len(batch) == 1000 {
					err := ix.Index(t.Context(), batch)
					batch = batch[:0]
					return err
				}
				return nil
			})
			if err == nil {
				err = ix.Index(t.Context(), batch)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		return st, ix
	}
	os.RemoveAll(filepath.Join(dir, "index.bleve"))
	for _, f := range []string{"k.db", "k.db-wal", "k.db-shm"} {
		os.Remove(filepath.Join(dir, f))
	}
	st, err := sqlite.Open(t.Context(), filepath.Join(dir, "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(7, 9))
	words := scaleWords
	people := make([]news.Entity, 400)
	for i := range people {
		typ := []string{news.PER, news.ORG, news.LOC}[i%3]
		people[i] = news.Entity{ID: fmt.Sprintf("kb:e%03d", i), Name: fmt.Sprintf("Entity %d", i), Type: typ,
			Names: map[string]string{"hi": fmt.Sprintf("नाम%d", i), "en": fmt.Sprintf("Entity %d", i)}}
	}
	types := scaleTypes
	outlets := []string{"Dainik Samvad", "Lokvani Times", "Magadh Times", "Awadh Today", "India Ledger"}
	start := time.Now()
	var batch []*news.Article
	var items []sqlite.Item
	for i := range n {
		a := &news.Article{ID: fmt.Sprintf("a%07d", i), Lang: "hi", Publisher: outlets[i%len(outlets)],
			Source: news.Source{URI: "gen", Format: news.FormatText}, Title: words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))],
			Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 5 * time.Minute)}
		text := ""
		for range 60 {
			text += words[rng.IntN(len(words))] + " "
		}
		a.Text = text
		for k := range 6 {
			e := people[(rng.IntN(40)*rng.IntN(10)+k)%len(people)] // a few very common, many rare
			if slices.ContainsFunc(a.Entities, func(x news.Entity) bool { return x.ID == e.ID }) {
				continue
			}
			e.Mentions = []news.Mention{{Text: e.Names["hi"]}}
			a.Entities = append(a.Entities, e)
		}
		a.Quotes = []news.Quote{{Speaker: a.Entities[0].ID, SpeakerName: a.Entities[0].Name, Text: text[:60], Cue: "कहा", Via: []string{"PTI"}}}
		a.Events = []news.Event{{Type: types[i%len(types)], Actors: []string{a.Entities[0].ID}, Targets: []string{a.Entities[len(a.Entities)-1].ID},
			Modality: news.ModalityAsserted, Date: a.Published.Format(time.DateOnly)}}
		batch = append(batch, a)
		items = append(items, sqlite.Item{Article: a, Hash: "h"})
		if len(batch) == 1000 || i == n-1 {
			if _, err := st.PutBatch(t.Context(), items); err != nil {
				t.Fatal(err)
			}
			if err := ix.Index(t.Context(), batch); err != nil {
				t.Fatal(err)
			}
			batch, items = batch[:0], items[:0]
		}
	}
	t.Logf("generated and stored %d articles in %s", n, time.Since(start).Round(time.Second))
	if err := os.WriteFile(done, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return st, ix
}

// measureScale logs p50 and p99 of the analyst's routes over st and ix.
func measureScale(t *testing.T, st *sqlite.Store, ix *search.Index) {
	words, types := scaleWords, scaleTypes
	if p := os.Getenv("KHABAR_SCALE_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	s := New(Options{Articles: st, Searcher: ix, Version: "test"})
	h := s.Handler()
	measure := func(name string, targets func(i int) string) {
		const runs = 200
		var d, cpu []time.Duration
		for i := range runs {
			t0, c0 := time.Now(), cpuTime()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", targets(i), nil))
			d = append(d, time.Since(t0))
			cpu = append(cpu, cpuTime()-c0)
			if rec.Code != 200 {
				t.Fatalf("%s: %d %s", targets(i), rec.Code, rec.Body)
			}
		}
		slices.Sort(d)
		slices.Sort(cpu)
		ms := func(x time.Duration) float64 { return float64(x.Microseconds()) / 1000 }
		// Wall time depends on what else the machine runs; the process's
		// CPU time per request (every goroutine, the collector included)
		// much less.
		t.Logf("%-26s p50 %7.1f ms  p99 %7.1f ms   CPU p50 %7.1f ms  p99 %7.1f ms", name, ms(d[runs/2]), ms(d[runs*99/100]),
			ms(cpu[runs/2]), ms(cpu[runs*99/100]))
	}
	measure("search with facets", func(i int) string {
		return "/api/v1/articles?q=" + words[i%len(words)] + "+" + words[(i*7+3)%len(words)]
	})
	measure("entity (common)", func(i int) string { return "/api/v1/entities/kb:e" + fmt.Sprintf("%03d", i%10) })
	measure("entity (rare)", func(i int) string { return "/api/v1/entities/kb:e" + fmt.Sprintf("%03d", 150+i%50) })
	measure("entities in a month", func(i int) string { return "/api/v1/entities?from=2025-03-01&to=2025-03-31" })
	measure("events by type and actor", func(i int) string {
		return "/api/v1/events?type=" + types[i%len(types)] + "&actor=kb:e" + fmt.Sprintf("%03d", i%40)
	})
	measure("quotes by speaker", func(i int) string { return "/api/v1/quotes?speaker=kb:e" + fmt.Sprintf("%03d", i%40) })
}
