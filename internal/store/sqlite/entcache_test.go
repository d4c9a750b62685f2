package sqlite

import (
	"errors"
	"math/rand/v2"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"
)

// TestEntityRowsWrittenOnChange: an entity row is written again when an
// article names the entity differently, and a batch that rolls back leaves
// nothing in the cache of rows written: the next article writes its row.
func TestEntityRowsWrittenOnChange(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	defer s.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	named := func(i int, name string) *news.Article {
		a := analysedArticle(i, rng)
		a.Entities = []news.Entity{{ID: "kb:x", Name: name, Type: news.PER, Mentions: []news.Mention{{Text: name, Start: 0, End: 3}}}}
		a.Quotes, a.Events = nil, nil
		return a
	}
	nameOf := func() string {
		t.Helper()
		e, err := s.Entity(ctx, "kb:x")
		if err != nil {
			t.Fatal(err)
		}
		return e.Name
	}
	// put stores as in one batch; spoil makes the last one's links fail
	// inside the transaction, after every row before them is written.
	put := func(spoil bool, as ...*news.Article) error {
		items := make([]store.LinkedItem, len(as))
		for i, a := range as {
			items[i] = store.LinkedItem{Article: a, Hash: "h"}
		}
		if spoil {
			items[len(as)-1].Linked.Sketches = []store.Sketch{{ID: ""}}
		}
		_, err := s.PutLinkedBatch(ctx, items)
		return err
	}
	if err := put(false, named(1, "राम"), named(2, "राम")); err != nil {
		t.Fatal(err)
	}
	if got := nameOf(); got != "राम" {
		t.Fatalf("name %q", got)
	}
	// The second item of this batch spoils it: the rows written for
	// "श्याम" are rolled back and must not count as written.
	var ie *store.ItemError
	if err := put(true, named(3, "श्याम"), named(4, "श्याम")); !errors.As(err, &ie) || ie.Index != 1 {
		t.Fatalf("want the second item refused, got %v", err)
	}
	if got := nameOf(); got != "राम" {
		t.Fatalf("after a rolled-back batch: name %q, want राम", got)
	}
	if err := put(false, named(5, "श्याम")); err != nil {
		t.Fatal(err)
	}
	if got := nameOf(); got != "श्याम" {
		t.Fatalf("name %q, want श्याम", got)
	}
	if err := put(false, named(6, "राम")); err != nil {
		t.Fatal(err)
	}
	if got := nameOf(); got != "राम" {
		t.Fatalf("name %q, want राम again", got)
	}
}

// TestEntityCacheBounded: the cache of written rows never holds more than
// maxEntityCache rows.
func TestEntityCacheBounded(t *testing.T) {
	var c entityCache
	for i := range 3 * maxEntityCache / 1000 {
		rows := map[string]string{}
		for j := range 1000 {
			rows[string(rune(i))+string(rune(j))] = "k"
		}
		c.add(rows)
		if len(c.rows) > maxEntityCache {
			t.Fatalf("%d rows held", len(c.rows))
		}
	}
}
