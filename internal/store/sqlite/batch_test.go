package sqlite

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"
)

// analysedArticle is crashArticle with what the analysis adds: a dozen
// entities, quotes and events, as in a 5 KB news article.
func analysedArticle(i int, rng *rand.Rand) *news.Article {
	a, _ := crashArticle(i)
	a.ID = fmt.Sprintf("%016x", rng.Uint64()) // ids are hashes: random keys
	for e := range 12 {
		id := fmt.Sprintf("kb:e%d", rng.IntN(5000))
		a.Entities = append(a.Entities, news.Entity{ID: id, Name: id, Type: news.PER,
			Mentions: []news.Mention{{Text: "नाम", Start: e * 10, End: e*10 + 3}}})
	}
	for q := range 7 {
		a.Quotes = append(a.Quotes, news.Quote{Speaker: a.Entities[q].ID, Text: "उन्होंने कहा कि यह सही है", Direct: true})
	}
	for range 5 {
		a.Events = append(a.Events, news.Event{Type: "CONFLICT", Subtype: "ATTACK", Actors: []string{a.Entities[0].ID}, Targets: []string{a.Entities[1].ID}})
	}
	return a
}

// BenchmarkPutLinkedBatch stores new analysed articles with their sketches
// 64 to a transaction, as ingest does, into a store that grows to 20,000.
func BenchmarkPutLinkedBatch(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	ctx := b.Context()
	n := 0
	for b.Loop() {
		items := make([]store.LinkedItem, 64)
		for j := range items {
			a := analysedArticle(n%20000, rng)
			items[j] = store.LinkedItem{Article: a, Hash: "h", Linked: store.Linked{
				Sketches: []store.Sketch{{ID: a.ID, Data: make([]byte, 300)}}}}
			n++
		}
		if _, err := s.PutLinkedBatch(ctx, items); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
