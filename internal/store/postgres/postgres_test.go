package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/store/postgres/pgtest"
	"khabar/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openURL opens the store at url and closes it when tb ends.
func openURL(tb testing.TB, url string) *Store {
	tb.Helper()
	s, err := Open(context.Background(), url, nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// openTemp opens a store in a new, empty schema.
func openTemp(tb testing.TB) *Store {
	tb.Helper()
	return openURL(tb, pgtest.URL(tb))
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(t.Context(), pgtest.URL(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s // Run closes it
	})
}

func TestAnalystContract(t *testing.T) {
	storetest.RunAnalyst(t, func(t *testing.T) storetest.AnalystStore {
		s, err := Open(t.Context(), pgtest.URL(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		return s // RunAnalyst closes it
	})
}

func TestAlertsContract(t *testing.T) {
	storetest.RunAlerts(t, openTemp(t))
}

func TestMigrations(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	s, err := Open(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, &news.Article{ID: "a"}, "h"); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.pool.QueryRow(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != len(migrations) {
		t.Fatalf("schema_version %d, want %d", v, len(migrations))
	}
	s.Close()

	// Reopening changes nothing and keeps the data.
	s, err = Open(ctx, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Fatalf("Count after reopen = %d, %v", n, err)
	}
	// A newer khabar wrote this database.
	if _, err := s.pool.Exec(ctx, `UPDATE schema_version SET version = $1`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, url, nil)
	if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "upgrade khabar") {
		t.Fatalf("Open of a newer schema: %v, want ErrSchemaTooNew saying to upgrade", err)
	}
}

// TestMigrateFromVersion1 opens a schema at version 1 with an article in
// it: it gains the later steps, and the article has no links.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	s := openURL(t, url)
	rec, err := json.Marshal(&news.Article{ID: "old", Title: "पुराना"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DROP TABLE articles, sketches, stories, link_state, sources, fetched, raws,
			entities, mentions, quotes, events, event_roles, alerts`,
		migrations[0],
		`INSERT INTO articles (id, hash, published, record, created, updated)
			VALUES ('old', 'h', 0, '` + string(rec) + `', 0, 0)`,
		`UPDATE schema_version SET version = 1`,
	} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s = openURL(t, url)
	a, err := s.Get(ctx, "old")
	if err != nil || a.Title != "पुराना" || a.Group != "" || a.Story != "" {
		t.Fatalf("Get(old) = %+v, %v", a, err)
	}
	if m, err := s.Group(ctx, "g"); err != nil || len(m) != 0 {
		t.Fatalf("Group = %v, %v", m, err)
	}
}

// TestConcurrentOpen starts several processes' worth of stores on one new
// schema at once: the advisory lock lets one migrate, the others find it
// done.
func TestConcurrentOpen(t *testing.T) {
	url := pgtest.URL(t)
	const n = 6
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			s, err := Open(t.Context(), url, nil)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := openURL(t, url)
	var v int
	if err := s.pool.QueryRow(t.Context(), `SELECT version FROM schema_version`).Scan(&v); err != nil || v != len(migrations) {
		t.Fatalf("schema_version %d, %v; want %d", v, err, len(migrations))
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := t.Context()
	for _, u := range []string{"nonsense://x", "postgres://user:hunter2@127.0.0.1:1/db?sslmode=disable&connect_timeout=2"} {
		s, err := Open(ctx, u, nil)
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", u)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open error shows the password: %v", err)
		}
	}
}

// TestOneIDManyProcesses puts one article from several stores (each its
// own pool, as separate processes would) at once: one row, exactly one
// New, and the stored record always matches the stored hash.
func TestOneIDManyProcesses(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	const procs, rounds = 6, 25
	stores := make([]*Store, procs)
	for i := range stores {
		stores[i] = openURL(t, url)
	}
	art := func(hash string) *news.Article {
		a := &news.Article{ID: "same", Lang: "hi", Title: "एक ही लेख", Text: "body " + hash,
			Raw: news.Raw{Body: "<p>" + hash + "</p>", Format: news.FormatHTML}}
		return a
	}
	var (
		mu     sync.Mutex
		counts = map[store.Outcome]int{}
		wg     sync.WaitGroup
		errs   = make(chan error, procs)
	)
	for p, s := range stores {
		wg.Go(func() {
			for r := range rounds {
				// Every process puts "common" first, then hashes of its
				// own, again and again, so they race on New and Updated.
				hash := "common"
				if r > 0 {
					hash = fmt.Sprintf("p%d-%d", p, r/2)
				}
				var (
					out store.Outcome
					err error
				)
				if r%3 == 2 {
					out, err = s.PutLinked(ctx, art(hash), hash, store.Linked{
						Sketches: []store.Sketch{{ID: "same", Data: []byte(hash)}}})
				} else {
					out, err = s.Put(ctx, art(hash), hash)
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				counts[out]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if counts[store.New] != 1 || counts[store.New]+counts[store.Updated]+counts[store.Unchanged] != procs*rounds {
		t.Fatalf("outcomes %v: want exactly one new of %d puts", counts, procs*rounds)
	}
	// Each process's first own hash differs from every stored one.
	if counts[store.Updated] < procs {
		t.Fatalf("outcomes %v: want at least %d updated", counts, procs)
	}
	s := stores[0]
	var articles, raws int
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM raws)`).Scan(&articles, &raws); err != nil {
		t.Fatal(err)
	}
	if articles != 1 || raws != 1 {
		t.Fatalf("%d article rows, %d raw rows; want 1 and 1", articles, raws)
	}
	items, err := s.PendingItems(ctx, 10)
	if err != nil || len(items) != 1 {
		t.Fatalf("PendingItems = %v, %v", items, err)
	}
	if got := items[0]; got.Article.Text != "body "+got.Hash {
		t.Fatalf("stored hash %q with the record of %q", got.Hash, got.Article.Text)
	}
	var body string
	if err := s.EachRaw(ctx, func(a *news.Article) error { body = a.Raw.Body; return nil }); err != nil {
		t.Fatal(err)
	}
	if want := "<p>" + items[0].Hash + "</p>"; body != want {
		t.Fatalf("raw input %q, want %q (of the stored hash)", body, want)
	}
}

// TestMarkFetchedManyProcesses records one page with an article from
// several stores at once: the source counts it once.
func TestMarkFetchedManyProcesses(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	const procs = 6
	stores := make([]*Store, procs)
	for i := range stores {
		stores[i] = openURL(t, url)
	}
	src := &store.Source{URL: "https://hi.example/rss", Kind: store.KindRSS}
	if _, err := stores[0].AddSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	// Round 0 records new pages, round 1 pages first recorded without an
	// article (a 404 that came back).
	for round, first := range []string{"id", ""} {
		page := fmt.Sprintf("https://hi.example/a/%d", round)
		if first == "" {
			if err := stores[0].MarkFetched(ctx, []store.Fetched{{URL: page, Source: src.ID, Status: 404}}); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		errs := make(chan error, procs)
		for _, s := range stores {
			wg.Go(func() {
				if err := s.MarkFetched(ctx, []store.Fetched{{URL: page, Source: src.ID, Article: "art", Status: 200}}); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		got, err := stores[0].GetSource(ctx, src.ID)
		if err != nil || got.Articles != round+1 {
			t.Fatalf("round %d: Articles = %d, %v; want %d", round, got.Articles, err, round+1)
		}
	}
}

func TestPutBatch(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	items := []Item{
		{Article: &news.Article{ID: "a", Title: "one"}, Hash: "1"},
		{Article: &news.Article{ID: "b"}, Hash: "1"},
		{Article: &news.Article{ID: "a", Title: "two"}, Hash: "2"},
		{Article: &news.Article{ID: "b"}, Hash: "1"},
	}
	out, err := s.PutBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Outcome{store.New, store.New, store.Updated, store.Unchanged}
	if fmt.Sprint(out) != fmt.Sprint(want) {
		t.Fatalf("outcomes %v, want %v", out, want)
	}
	a, err := s.Get(ctx, "a")
	if err != nil || a.Title != "two" {
		t.Fatalf("Get(a) = %+v, %v", a, err)
	}
	// A bad item stores nothing of its batch.
	_, err = s.PutBatch(ctx, []Item{{Article: &news.Article{ID: "c"}, Hash: "1"}, {Article: &news.Article{ID: "d"}, Hash: ""}})
	if err == nil {
		t.Fatal("PutBatch with an empty hash succeeded")
	}
	if n, _ := s.Count(ctx); n != 2 {
		t.Fatalf("Count %d after failed batch, want 2", n)
	}
	if out, err := s.PutBatch(ctx, nil); err != nil || len(out) != 0 {
		t.Fatalf("PutBatch(nil) = %v, %v", out, err)
	}
}

func TestMarkIndexedItems(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	if _, err := s.Put(ctx, &news.Article{ID: "a"}, "1"); err != nil {
		t.Fatal(err)
	}
	items, err := s.PendingItems(ctx, 10)
	if err != nil || len(items) != 1 || items[0].Hash != "1" {
		t.Fatalf("PendingItems = %v, %v", items, err)
	}
	// The article changes while the indexer works on version 1.
	if _, err := s.Put(ctx, &news.Article{ID: "a", Title: "new"}, "2"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkIndexedItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	items, err = s.PendingItems(ctx, 10)
	if err != nil || len(items) != 1 || items[0].Hash != "2" {
		t.Fatalf("version 2 not pending: %v, %v", items, err)
	}
	if err := s.MarkIndexedItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.PendingItems(ctx, 10); len(items) != 0 {
		t.Fatalf("still pending: %v", items)
	}
}

// TestQueriesUseIndexes checks that the hot queries can use the indexes of
// the migrations rather than scan (the planner is told to avoid scans, as
// it would on a large table).
func TestQueriesUseIndexes(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	tests := []struct {
		q, index string
		args     []any
	}{
		{`SELECT id FROM articles WHERE grp = $1 ORDER BY published, id`, "articles_group", []any{"g"}},
		{`SELECT id FROM articles WHERE story = $1 ORDER BY published, id`, "articles_story", []any{"s"}},
		{`SELECT id FROM articles WHERE (published, id) < ($1, $2) ORDER BY published DESC, id DESC LIMIT 21`,
			"articles_published", []any{int64(5), "x"}},
		{`SELECT id FROM articles WHERE lang = $1 AND (published, id) < ($2, $3) ORDER BY published DESC, id DESC LIMIT 21`,
			"articles_lang_published", []any{"hi", int64(5), "x"}},
		{`SELECT id FROM articles WHERE indexed_hash <> hash ORDER BY id LIMIT 100`, "articles_pending", nil},
		{`SELECT id FROM stories ORDER BY ended DESC, id DESC LIMIT 5`, "stories_ended", nil},
	}
	for _, tc := range tests {
		t.Run(tc.index, func(t *testing.T) {
			tx, err := s.pool.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback(ctx)
			if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
				t.Fatal(err)
			}
			rows, err := tx.Query(ctx, "EXPLAIN "+tc.q, tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var line string
				if err := rows.Scan(&line); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, line)
			}
			rows.Close()
			if p := strings.Join(plan, "\n"); !strings.Contains(p, tc.index) || strings.Contains(p, "Sort") {
				t.Errorf("%s:\n%s\ndoes not use %s without sorting", tc.q, p, tc.index)
			}
		})
	}
}

// TestPutBatchCrossedOrders puts the same articles from two stores in
// opposite orders: written in id order, they wait for each other rather
// than deadlock, and no put fails.
func TestPutBatchCrossedOrders(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	stores := []*Store{openURL(t, url), openURL(t, url)}
	const n = 20
	for round := range 20 {
		var wg sync.WaitGroup
		errs := make(chan error, len(stores))
		for w, s := range stores {
			wg.Go(func() {
				items := make([]Item, n)
				for i := range items {
					j := i
					if w == 1 {
						j = n - 1 - i
					}
					items[i] = Item{Article: &news.Article{ID: fmt.Sprintf("x%02d", j)}, Hash: fmt.Sprintf("r%d-w%d", round, w)}
				}
				if _, err := s.PutBatch(ctx, items); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	if n, err := stores[0].Count(ctx); err != nil || n != 20 {
		t.Fatalf("Count = %d, %v", n, err)
	}
}

// TestRetryDeadlock makes two transactions deadlock on their first try:
// PostgreSQL aborts one, inTx runs it again, and both commit.
func TestRetryDeadlock(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	if _, err := s.pool.Exec(ctx, `CREATE TABLE locks (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
		INSERT INTO locks VALUES (1, 0), (2, 0)`); err != nil {
		t.Fatal(err)
	}
	var (
		tries  atomic.Int32
		first  = [2]chan struct{}{make(chan struct{}), make(chan struct{})}
		wg     sync.WaitGroup
		errs   = make(chan error, 2)
		update = `UPDATE locks SET n = n + 1 WHERE id = $1`
	)
	for w := range 2 {
		wg.Go(func() {
			try := 0
			errs <- s.inTx(ctx, func(tx pgx.Tx) error {
				try++
				tries.Add(1)
				if _, err := tx.Exec(ctx, update, 1+w); err != nil {
					return err
				}
				if try == 1 { // each holds its row, then asks for the other's
					close(first[w])
					<-first[1-w]
				}
				_, err := tx.Exec(ctx, update, 2-w)
				return err
			})
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var n1, n2 int
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT n FROM locks WHERE id = 1), (SELECT n FROM locks WHERE id = 2)`).Scan(&n1, &n2); err != nil {
		t.Fatal(err)
	}
	// The one run again may meet the other once more before it commits,
	// and deadlock again.
	if got := tries.Load(); got < 3 || n1 != 2 || n2 != 2 {
		t.Fatalf("%d tries, counts %d and %d; want a try again and both rows updated twice", got, n1, n2)
	}
}

func TestRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "40P01"}, true},
		{fmt.Errorf("put: %w", &pgconn.PgError{Code: "40001"}), true},
		{&pgconn.PgError{Code: "23505"}, false},
		{errors.New("connection reset"), false},
		{context.Canceled, false},
	}
	for _, tc := range tests {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestMigrateFromVersion3 opens a schema at version 3 holding an analysed
// article: migration 4 fills the analysis tables from its record.
func TestMigrateFromVersion3(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	s := openURL(t, url)
	a := &news.Article{ID: "old", Title: "पुराना", Lang: "hi",
		Entities: []news.Entity{{ID: "kb:x", Name: "X Ray", Type: news.PER, Names: map[string]string{"hi": "एक्स"},
			Mentions: []news.Mention{{}, {}}}, {ID: "kb:y", Name: "Y", Type: news.LOC}},
		Quotes: []news.Quote{{Speaker: "kb:x", Text: "Hello There", Via: []string{"PTI"}}},
		Events: []news.Event{{Type: "CONSULT", Actors: []string{"kb:x"}, Targets: []string{"kb:y"}, Place: "kb:y"}}}
	a.Published = time.Date(2025, 8, 1, 6, 0, 0, 0, time.UTC)
	if _, err := s.Put(ctx, a, "h"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `DROP TABLE entities, mentions, quotes, events, event_roles, alerts;
		UPDATE schema_version SET version = 3`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openURL(t, url)
	e, err := s.Entity(ctx, "kb:x")
	if err != nil || e.Articles != 1 || e.Mentions != 2 || e.Names["hi"] != "एक्स" {
		t.Fatalf("Entity after migration = %+v, %v", e, err)
	}
	if got, err := s.Entities(ctx, store.EntityFilter{Query: "x ray"}); err != nil || len(got) != 1 {
		t.Fatalf("Entities(x ray) = %v, %v", got, err)
	}
	if q, err := s.Quotes(ctx, store.QuoteFilter{Via: "pti", Text: "hello"}); err != nil || len(q.Quotes) != 1 {
		t.Fatalf("Quotes = %+v, %v", q, err)
	}
	for _, f := range []store.EventFilter{{Actor: "kb:x"}, {Target: "kb:y"}, {Place: "kb:y", Modality: news.ModalityAsserted}} {
		if ev, err := s.Events(ctx, f); err != nil || len(ev.Events) != 1 {
			t.Fatalf("Events(%+v) = %+v, %v", f, ev, err)
		}
	}
}

// TestEntitiesManyProcesses puts different articles naming the same
// entities, in different orders, from several stores at once: no put
// fails or has to run again, and the counts add up.
func TestEntitiesManyProcesses(t *testing.T) {
	ctx := t.Context()
	url := pgtest.URL(t)
	var logs strings.Builder
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	const procs, each = 4, 15
	stores := make([]*Store, procs)
	for i := range stores {
		s, err := Open(ctx, url, logger)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	ents := []news.Entity{
		{ID: "kb:india", Name: "India", Type: news.LOC, Mentions: []news.Mention{{}}},
		{ID: "kb:delhi", Name: "Delhi", Type: news.LOC, Mentions: []news.Mention{{}}},
		{ID: "kb:modi", Name: "Narendra Modi", Type: news.PER, Mentions: []news.Mention{{}}},
	}
	var wg sync.WaitGroup
	errs := make(chan error, procs)
	for p, s := range stores {
		wg.Go(func() {
			for i := range each {
				named := slices.Clone(ents)
				if (p+i)%2 == 1 {
					slices.Reverse(named)
				}
				a := &news.Article{ID: fmt.Sprintf("p%d-%02d", p, i), Entities: named}
				var err error
				if i%3 == 0 {
					_, err = s.PutBatch(ctx, []Item{{Article: a, Hash: "h"}, {Article: &news.Article{ID: a.ID + "b", Entities: ents[1:2]}, Hash: "h"}})
				} else {
					_, err = s.Put(ctx, a, "h")
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "running it again") {
		t.Errorf("puts ran again:\n%s", logs.String())
	}
	batches := (each + 2) / 3
	for _, e := range ents {
		got, err := stores[0].Entity(ctx, e.ID)
		want := procs * each
		if e.ID == ents[1].ID {
			want += procs * batches
		}
		if err != nil || got.Articles != want {
			t.Errorf("Entity(%s) = %+v, %v; want %d articles", e.ID, got, err, want)
		}
	}
}

// lockedWriter serialises writes to w.
type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestFull(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&pgconn.PgError{Code: "53100", Message: "could not extend file"}, true},
		{fmt.Errorf("put: %w", &pgconn.PgError{Code: "53100"}), true},
		{&pgconn.PgError{Code: "40P01"}, false},
		{errors.New("other"), false},
		{nil, false},
	}
	for _, tc := range tests {
		if got := errors.Is(full(tc.err), news.ErrDiskFull); got != tc.want {
			t.Errorf("full(%v) is ErrDiskFull: %v, want %v", tc.err, got, tc.want)
		}
	}
	if full(nil) != nil {
		t.Error("full(nil) != nil")
	}
}

func TestIndexCounts(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	for _, id := range []string{"a", "b", "c"} {
		if _, err := s.Put(ctx, &news.Article{ID: id}, "1"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkIndexed(ctx, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	if st, ix, err := s.IndexCounts(ctx); err != nil || st != 3 || ix != 2 {
		t.Fatalf("IndexCounts = %d, %d, %v; want 3, 2", st, ix, err)
	}
	if n, err := s.PendingCount(ctx); err != nil || n != 1 {
		t.Fatalf("PendingCount = %d, %v; want 1", n, err)
	}
	if err := s.ResetIndexed(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := s.PendingCount(ctx); err != nil || n != 3 {
		t.Fatalf("PendingCount after ResetIndexed = %d, %v; want 3", n, err)
	}
}

// TestBatchSentTwice sends one batch on two connections, as a transaction
// run again may: the second connection has not prepared its statements.
func TestBatchSentTwice(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	b := new(batch)
	b.queue("state", `INSERT INTO link_state (name, value) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, "k", []byte("v"))
	c1, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Release()
	c2, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Release()
	for _, c := range []*pgxpool.Conn{c1, c2} {
		if err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error { return b.send(ctx, tx) }); err != nil {
			t.Fatal(err)
		}
	}
}
