package queue_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"khabar/examples"
	"khabar/internal/clean"
	"khabar/internal/extract"
	"khabar/internal/ingest"
	"khabar/internal/lang"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/queue"
	"khabar/internal/queue/natstest"
	"khabar/internal/segment"
	"khabar/internal/source"
	"khabar/internal/store"
	"khabar/internal/store/postgres"
	"khabar/internal/store/postgres/pgtest"
	"khabar/internal/store/sqlite"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const version = "test"

func hash(a *news.Article) string { return ingest.ContentHash(source.Hash, version, a) }

// newPipeline is the flow up to segmentation: enough for copies, groups
// and stories, and quick.
func newPipeline(workers int) *pipeline.Pipeline {
	return pipeline.New([]pipeline.Stage{
		extract.New(extract.Options{}), normalize.Stage{}, clean.New(), meta.New(), lang.New(), segment.Stage{},
	}, pipeline.Options{Workers: workers, ArticleTimeout: 10 * time.Second})
}

// corpus writes the sample corpus (Hindi and English pages, wire copies
// and stories) n times over into a folder, each round with its own
// names, and returns the folder.
func corpus(t *testing.T, rounds int) string {
	t.Helper()
	dir := t.TempDir()
	for r := range rounds {
		err := fs.WalkDir(examples.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "README.md") {
				return err
			}
			b, err := examples.Corpus.ReadFile(path)
			if err != nil {
				return err
			}
			if r > 0 && !strings.HasSuffix(path, ".jsonl") {
				// Another round: the same pages under other names, a
				// little changed, so that each is an article of its own.
				b = append(b, fmt.Sprintf("\n\nक्रम %d\n", r)...)
			}
			out := filepath.Join(dir, fmt.Sprintf("r%02d", r), path)
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			return os.WriteFile(out, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type noIndex struct{}

func (noIndex) Index(context.Context, []*news.Article) error { return nil }

// ingestSQLite ingests dir in one process into a new SQLite store and
// returns it.
func ingestSQLite(t *testing.T, dir string) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "khabar.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := ingest.New(ingest.Options{Store: st, Index: noIndex{}, Pipeline: newPipeline(2), Hash: source.Hash, Version: version})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := g.Run(t.Context(), func(ctx context.Context, send func(pipeline.Job) error) error {
		return source.Walk(ctx, []string{dir}, source.Options{}, func(it source.Item) error {
			return send(pipeline.Job{Name: it.Name, Article: it.Article, Err: it.Err})
		})
	})
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest: %v %+v", err, sum.Failures)
	}
	return st
}

// snapshot is a store's articles with their copies, groups and stories,
// and its stories, as lines.
func snapshot(t *testing.T, st store.Store) string {
	t.Helper()
	var b strings.Builder
	err := st.Each(t.Context(), func(a *news.Article) error {
		fmt.Fprintf(&b, "article %s %q lang=%s dup=%s group=%s story=%s\n", a.ID, a.Title, a.Lang, a.DuplicateOf, a.Group, a.Story)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = st.EachStory(t.Context(), func(s *store.Story) error {
		fmt.Fprintf(&b, "story %s thread=%s %q %v\n", s.ID, s.Thread, s.Title, s.Articles)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func publishAll(t *testing.T, q *queue.Queue, dir string) int {
	t.Helper()
	p := q.Publisher(source.Hash)
	n := 0
	err := source.Walk(t.Context(), []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			return it.Err
		}
		dup, err := p.Publish(t.Context(), it.Name, it.Article)
		if err == nil && !dup {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func openQueue(t *testing.T, opt queue.Options) *queue.Queue {
	t.Helper()
	if opt.Prefix == "" {
		opt.Prefix = natstest.Prefix(t)
	}
	q, err := queue.Open(t.Context(), natstest.URL(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func openPG(t *testing.T) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(t.Context(), pgtest.URL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func acquire(st *postgres.Store) queue.Acquirer {
	return func(ctx context.Context, name string) (queue.Lease, error) { return st.Acquire(ctx, name) }
}

// drain waits until the queue is empty and the store holds want articles.
func drain(t *testing.T, q *queue.Queue, st store.Store, want int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		s, err := q.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.Count(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if s.Raw == 0 && s.Records == 0 && n >= want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained: %+v, %d of %d articles stored", s, n, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// run starts fn in a goroutine until the returned stop is called.
func run(t *testing.T, fn func(ctx context.Context) error) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := fn(ctx); err != nil {
			t.Errorf("run: %v", err)
		}
	})
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// TestQueueMatchesIngest: two workers and a linker on PostgreSQL store
// what one process ingesting into SQLite stores, with the same copies,
// groups and stories; the linker is stopped half-way and another takes
// over.
func TestQueueMatchesIngest(t *testing.T) {
	dir := corpus(t, 3)
	single := ingestSQLite(t, dir)
	want := snapshot(t, single)
	stored, err := single.Count(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// The comparison means something only with copies and shared stories.
	if !regexp.MustCompile(`dup=\S`).MatchString(want) || !regexp.MustCompile(`story \S+ thread=\S* "[^"]*" \[\S+ \S+`).MatchString(want) {
		t.Fatalf("the corpus gives no copies or no story of two articles:\n%s", want)
	}

	st := openPG(t)
	q := openQueue(t, queue.Options{})
	for range 2 {
		w, err := q.Worker(queue.WorkerOptions{Pipeline: newPipeline(1), Hash: hash})
		if err != nil {
			t.Fatal(err)
		}
		run(t, w.Run)
	}
	newLinker := func() *queue.Linker {
		lk, err := q.Linker(queue.LinkerOptions{Store: st, Acquire: acquire(st), Batch: 7})
		if err != nil {
			t.Fatal(err)
		}
		return lk
	}
	stop1 := run(t, newLinker().Run)
	run(t, newLinker().Run) // waits for the lease
	publishAll(t, q, dir)
	// Stop the first linker once it has linked some.
	for {
		c, err := st.Count(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if c > 5 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop1()
	drain(t, q, st, stored)
	if got := snapshot(t, st); got != want {
		t.Errorf("the queue's store differs from one process's:\n%s", diff(want, got))
	}
	// Published again: nothing changes, nothing is stored twice.
	if again := publishAll(t, q, dir); again != 0 {
		t.Errorf("published again: %d new messages, want 0 (duplicates)", again)
	}
	drain(t, q, st, stored)
	if c, _ := st.Count(t.Context()); c != stored {
		t.Errorf("store holds %d articles, want %d", c, stored)
	}
}

// publishCorpus publishes the sample corpus's articles as raw articles,
// after first (when not nil), and returns how many were new on the queue.
func publishCorpus(t *testing.T, q *queue.Queue, first func() error) int {
	t.Helper()
	p := q.Publisher(source.Hash)
	n := 0
	err := source.Walk(t.Context(), []string{corpus(t, 1)}, source.Options{}, func(it source.Item) error {
		if first != nil {
			if err := first(); err != nil {
				return err
			}
			first = nil
		}
		dup, err := p.Publish(t.Context(), it.Name, it.Article)
		if !dup {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// startWorker runs one analysis worker on q until the test ends.
func startWorker(t *testing.T, q *queue.Queue) {
	t.Helper()
	w, err := q.Worker(queue.WorkerOptions{Pipeline: newPipeline(1), Hash: hash})
	if err != nil {
		t.Fatal(err)
	}
	run(t, w.Run)
}

// TestDeadLetter: a raw article that cannot be read goes to the dead
// letters with its error, and the articles after it are linked.
func TestDeadLetter(t *testing.T) {
	st := openPG(t)
	q := openQueue(t, queue.Options{Prefix: natstest.Prefix(t)})
	startWorker(t, q)
	lk, err := q.Linker(queue.LinkerOptions{Store: st, Acquire: acquire(st)})
	if err != nil {
		t.Fatal(err)
	}
	run(t, lk.Run)

	// A raw article whose body is not gzip, published by hand.
	bad, _ := json.Marshal(map[string]any{"id": "bad1", "name": "broken.html",
		"raw": map[string]any{"Source": "{}", "Format": "html", "Hints": "{}", "Body": base64.StdEncoding.EncodeToString([]byte("not gzip"))}})
	n := publishCorpus(t, q, func() error {
		_, err := q.PublishRawForTest(t.Context(), bad)
		return err
	})
	drain(t, q, st, n)
	total, dead, err := q.DeadLetters(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(dead) != 1 || dead[0].Name != "broken.html" || !strings.Contains(dead[0].Err, "unreadable raw article") {
		t.Fatalf("dead letters = %d %+v, want broken.html unreadable", total, dead)
	}
	if c, _ := st.Count(t.Context()); c != n {
		t.Errorf("store holds %d articles, want %d", c, n)
	}
}

func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 20; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

// refusing is a store that refuses one article, as a store refuses one too
// large for it.
type refusing struct {
	*postgres.Store
	name string
}

func (r refusing) PutLinked(ctx context.Context, a *news.Article, hash string, l store.Linked) (store.Outcome, error) {
	if strings.HasSuffix(a.Source.URI, r.name) {
		return store.Unchanged, errors.New("refused for the test")
	}
	return r.Store.PutLinked(ctx, a, hash, l)
}

func (r refusing) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	for i, it := range items {
		if strings.HasSuffix(it.Article.Source.URI, r.name) {
			return nil, &store.ItemError{Index: i, ID: it.Article.ID, Err: errors.New("refused for the test")}
		}
	}
	return r.Store.PutLinkedBatch(ctx, items)
}

// TestLinkerDeadLetter: an article the store refuses goes to the dead
// letters from the linker, is counted by its Buried hook (the metric), and
// the rest of its batch is stored.
func TestLinkerDeadLetter(t *testing.T) {
	st := openPG(t)
	q := openQueue(t, queue.Options{Prefix: natstest.Prefix(t)})
	startWorker(t, q)
	var buried atomic.Int32
	lk, err := q.Linker(queue.LinkerOptions{Store: refusing{st, "jaishankar-lavrov-moscow.html"}, Acquire: acquire(st),
		Buried: func(d queue.DeadLetter) {
			if strings.Contains(d.Err, "refused for the test") {
				buried.Add(1)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	run(t, lk.Run)
	n := publishCorpus(t, q, nil)
	drain(t, q, st, n-1)
	total, dead, err := q.DeadLetters(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(dead) != 1 || !strings.Contains(dead[0].Err, "refused for the test") || buried.Load() != 1 {
		t.Fatalf("dead letters = %d %+v, buried %d; want the refused article once", total, dead, buried.Load())
	}
	if c, _ := st.Count(t.Context()); c != n-1 {
		t.Errorf("store holds %d articles, want %d", c, n-1)
	}
}
