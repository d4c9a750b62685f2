package sqlite

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/store/storetest"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "khabar.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestMigrations(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, &news.Article{ID: "a"}, "h"); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := s.r.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != len(migrations) {
		t.Fatalf("schema_version %d, want %d", v, len(migrations))
	}
	var mode string
	if err := s.r.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q, %v; want wal", mode, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopening changes nothing and keeps the data.
	s, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Fatalf("Count after reopen = %d, %v", n, err)
	}
	// A newer khabar wrote this database.
	if _, err := s.w.ExecContext(ctx, `UPDATE schema_version SET version = ?`, len(migrations)+1); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, path, nil)
	if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "upgrade khabar") {
		t.Fatalf("Open of a newer schema: %v, want ErrSchemaTooNew saying to upgrade", err)
	}
}

func TestOpenBadPath(t *testing.T) {
	for _, p := range []string{"", "a?b", filepath.Join(t.TempDir(), "missing-dir", "x.db")} {
		if s, err := Open(t.Context(), p, nil); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}

func TestPutBatch(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	defer s.Close()
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
	defer s.Close()
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

// crashEnv names the database a child process of TestCrash writes to.
const crashEnv = "KHABAR_SQLITE_CRASH_DB"

// crashArticles is how many articles the crash child puts.
const crashArticles = 1200

func crashArticle(i int) (*news.Article, string) {
	a := &news.Article{
		ID:        fmt.Sprintf("crash-%05d", i),
		Lang:      "hi",
		Title:     fmt.Sprintf("परीक्षण लेख %d", i),
		Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute),
		Text:      strings.Repeat(fmt.Sprintf("यह लेख संख्या %d का एक वाक्य है। ", i), 60),
	}
	rec, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(rec)
	return a, hex.EncodeToString(sum[:])
}

// crashChild puts articles until killed, singly and in batches, telling
// the parent its progress on stdout.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path, nil)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(2)
	}
	for i := 0; i < crashArticles; {
		if i%2 == 0 {
			a, h := crashArticle(i)
			if _, err := s.Put(ctx, a, h); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
			i++
		} else {
			var items []Item
			for j := i; j < min(i+7, crashArticles); j++ {
				a, h := crashArticle(j)
				items = append(items, Item{Article: a, Hash: h})
			}
			if _, err := s.PutBatch(ctx, items); err != nil {
				fmt.Println("error", err)
				os.Exit(2)
			}
			i += len(items)
		}
		fmt.Println("put", i)
	}
	fmt.Println("done")
	os.Exit(0)
}

func TestCrash(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("crash test re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrash$")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killedAt := ""
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "error") {
			t.Fatalf("child: %s", line)
		}
		// Kill once a good share is written, while it keeps writing.
		if n, err := strconv.Atoi(strings.TrimPrefix(line, "put ")); err == nil && n >= 300 {
			killedAt = line
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	_ = cmd.Wait()
	if killedAt == "" {
		t.Fatal("child ended before it was killed")
	}

	ctx := t.Context()
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	stored := checkWhole(t, s.r)
	t.Logf("killed at %q with %d articles stored", killedAt, stored)
	if stored < 300 || stored >= crashArticles {
		t.Fatalf("%d articles stored, want at least 300 and fewer than all", stored)
	}

	var items []Item
	for i := range crashArticles {
		a, h := crashArticle(i)
		items = append(items, Item{Article: a, Hash: h})
	}
	outs, err := s.PutBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, o := range outs {
		switch o {
		case store.New:
			added++
		case store.Updated:
			t.Fatal("a stored article came back with another hash")
		}
	}
	if added != crashArticles-stored {
		t.Fatalf("re-put added %d, want %d", added, crashArticles-stored)
	}
	if n, err := s.Count(ctx); err != nil || n != crashArticles {
		t.Fatalf("Count = %d, %v; want %d", n, err, crashArticles)
	}
	checkWhole(t, s.r)
}

// checkWhole checks that every stored record parses and matches its hash,
// and returns how many there are.
func checkWhole(t *testing.T, db *sql.DB) int {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `SELECT id, hash, record FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, hash, rec string
		if err := rows.Scan(&id, &hash, &rec); err != nil {
			t.Fatal(err)
		}
		var a news.Article
		if err := json.Unmarshal([]byte(rec), &a); err != nil || a.ID != id {
			t.Fatalf("record %s broken: %v", id, err)
		}
		sum := sha256.Sum256([]byte(rec))
		if hex.EncodeToString(sum[:]) != hash {
			t.Fatalf("record %s does not match its hash", id)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

func benchArticles(n int) []Item {
	items := make([]Item, n)
	for i := range items {
		a, h := crashArticle(i)
		items[i] = Item{Article: a, Hash: h}
	}
	return items
}

// BenchmarkPut puts 5 KB Hindi articles one transaction each.
func BenchmarkPut(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
	items := benchArticles(1000)
	ctx := b.Context()
	i := 0
	for b.Loop() {
		it := items[i%len(items)]
		it.Hash = fmt.Sprint(i) // always a write
		if _, err := s.Put(ctx, it.Article, it.Hash); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutBatch puts 5 KB Hindi articles 100 to a transaction.
func BenchmarkPutBatch(b *testing.B) {
	s := openTemp(b)
	defer s.Close()
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
	defer s.Close()
	ctx := b.Context()
	items := benchArticles(2000)
	if _, err := s.PutBatch(ctx, items); err != nil {
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

func TestAnalystContract(t *testing.T) {
	storetest.RunAnalyst(t, func(t *testing.T) storetest.AnalystStore { return openTemp(t) })
}

// TestAnalysisBackfill: a database of articles stored before the analysis
// tables existed gets them filled from its records when it is opened.
func TestAnalysisBackfill(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "khabar.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	two := 2
	a := &news.Article{ID: "old1", Source: news.Source{URI: "old1.txt", Format: news.FormatText}, Title: "पुराना", Lang: "hi",
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: "पुतिन ने कहा।",
		Entities: []news.Entity{{ID: "kb:vladimir-putin", Name: "Vladimir Putin", Type: news.PER, Names: map[string]string{"hi": "व्लादिमीर पुतिन"},
			Mentions: []news.Mention{{Text: "पुतिन", Start: 0, End: 5}}}},
		Quotes: []news.Quote{{Speaker: "kb:vladimir-putin", SpeakerName: "Vladimir Putin", Text: "कुछ", Via: []string{"TASS"}}},
		Events: []news.Event{{Type: "ASSAULT", Actors: []string{"kb:vladimir-putin"}, Killed: &two}}}
	if _, err := s.Put(ctx, a, "h"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DROP TABLE entities`, `DROP TABLE mentions`, `DROP TABLE quotes`, `DROP TABLE events`,
		`DROP TABLE event_roles`, `DROP TABLE alerts`, `UPDATE schema_version SET version = 3`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if e, err := s.Entity(ctx, "kb:vladimir-putin"); err != nil || e.Articles != 1 || e.Mentions != 1 || e.Names["hi"] != "व्लादिमीर पुतिन" {
		t.Errorf("Entity after backfill = %+v, %v", e, err)
	}
	if q, err := s.Quotes(ctx, store.QuoteFilter{Via: "tass"}); err != nil || len(q.Quotes) != 1 {
		t.Errorf("Quotes after backfill = %+v, %v", q, err)
	}
	if ev, err := s.Events(ctx, store.EventFilter{Actor: "kb:vladimir-putin", Modality: news.ModalityAsserted}); err != nil || len(ev.Events) != 1 {
		t.Errorf("Events after backfill = %+v, %v", ev, err)
	}
}

func TestAlertsContract(t *testing.T) {
	storetest.RunAlerts(t, openTemp(t))
}
