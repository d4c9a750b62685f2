package postgres

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// benchArticles returns n Hindi articles of about 5 KB of text, with raw
// input, five entities, a quote and an event, and their hashes.
func benchArticles(n int) []Item {
	items := make([]Item, n)
	for i := range items {
		a := &news.Article{
			ID:        fmt.Sprintf("bench-%05d", i),
			Lang:      "hi",
			Title:     fmt.Sprintf("परीक्षण लेख %d", i),
			Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
			Text:      strings.Repeat(fmt.Sprintf("यह लेख संख्या %d का एक वाक्य है। ", i), 60),
			Raw:       news.Raw{Body: fmt.Sprintf("<p>लेख %d</p>", i), Format: news.FormatHTML},
		}
		// Entities shared across articles, as the popular ones are.
		for j := range 5 {
			id := fmt.Sprintf("kb:e%d", (i+j*7)%40)
			a.Entities = append(a.Entities, news.Entity{ID: id, Name: id, Type: news.PER,
				Names: map[string]string{"hi": "नाम " + id}, Mentions: make([]news.Mention, 1+j)})
		}
		a.Quotes = []news.Quote{{Speaker: a.Entities[0].ID, Text: "हम तैयार हैं", Via: []string{"PTI"}}}
		a.Events = []news.Event{{Type: "CONSULT", Actors: []string{a.Entities[0].ID}, Targets: []string{a.Entities[1].ID}}}
		rec, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(rec)
		items[i] = Item{Article: a, Hash: hex.EncodeToString(sum[:])}
	}
	return items
}

// BenchmarkPut puts 5 KB Hindi articles one transaction each.
func BenchmarkPut(b *testing.B) {
	s := openTemp(b)
	items := benchArticles(1000)
	ctx := b.Context()
	i := 0
	for b.Loop() {
		it := items[i%len(items)]
		if _, err := s.Put(ctx, it.Article, fmt.Sprint(i)); err != nil { // always a write
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutUnchanged puts articles stored before with the same hash, as
// a redelivered message does.
func BenchmarkPutUnchanged(b *testing.B) {
	s := openTemp(b)
	items := benchArticles(1000)
	ctx := b.Context()
	if _, err := s.PutBatch(ctx, items); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		it := items[i%len(items)]
		if out, err := s.Put(ctx, it.Article, it.Hash); err != nil || out != store.Unchanged {
			b.Fatal(out, err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutParallel puts from 8 goroutines at once, as workers do.
func BenchmarkPutParallel(b *testing.B) {
	s := openTemp(b)
	items := benchArticles(1000)
	ctx := b.Context()
	var n atomic.Int64
	b.SetParallelism(4) // 4 × GOMAXPROCS goroutines
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(n.Add(1))
			it := items[i%len(items)]
			if _, err := s.Put(ctx, it.Article, fmt.Sprint(i)); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutBatch puts 5 KB Hindi articles 100 to a transaction.
func BenchmarkPutBatch(b *testing.B) {
	s := openTemp(b)
	items := benchArticles(1000)
	ctx := b.Context()
	round := 0
	for b.Loop() {
		batch := make([]Item, 100)
		for j := range batch {
			batch[j] = items[(round*100+j)%len(items)]
			batch[j].Hash = fmt.Sprint(round)
		}
		if _, err := s.PutBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
		round++
	}
	b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkList reads pages of 20 from 2,000 articles.
func BenchmarkList(b *testing.B) {
	s := openTemp(b)
	ctx := b.Context()
	if _, err := s.PutBatch(ctx, benchArticles(2000)); err != nil {
		b.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE articles`); err != nil {
		b.Fatal(err)
	}
	cursor := ""
	for b.Loop() {
		p, err := s.List(ctx, store.Filter{Lang: "hi", Cursor: cursor})
		if err != nil {
			b.Fatal(err)
		}
		cursor = p.Next
	}
}
