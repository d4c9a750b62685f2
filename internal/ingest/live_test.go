package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

func job(id, title, text string) pipeline.Job {
	return pipeline.Job{Name: id, Article: &news.Article{ID: id, Raw: news.Raw{Body: title + "\n\n" + text}}}
}

// TestServeSubmit ingests articles handed over while the ingester runs:
// each Submit returns when its articles are stored, they reach the index
// soon after without any more input, and a stopped ingester refuses more.
func TestServeSubmit(t *testing.T) {
	st := openSQLite(t)
	ix := &memIndex{docs: map[string]string{}}
	var stored []string
	g, err := New(Options{
		Store: st, Index: ix, Pipeline: pipeline.New([]pipeline.Stage{body{}}, pipeline.Options{Workers: 2}),
		Hash: func(a *news.Article) string { return a.Raw.Body }, Version: "test", MaxFailures: 2,
		Stored: func(a *news.Article, _ store.Outcome) { stored = append(stored, a.ID) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Submit(t.Context(), []pipeline.Job{job("x", "t", "b")}); !errors.Is(err, ErrStopped) {
		t.Fatalf("Submit before Serve = %v, want ErrStopped", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan Summary, 1)
	go func() {
		s, err := g.Serve(ctx)
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
		served <- s
	}()
	submit := func(jobs ...pipeline.Job) []Result {
		t.Helper()
		for {
			res, err := g.Submit(t.Context(), jobs)
			if errors.Is(err, ErrStopped) { // Serve has not started yet
				time.Sleep(5 * time.Millisecond)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
	}
	res := submit(job("a", "पुतिन", "रूस के राष्ट्रपति ने कहा।"), job("b", "मोदी", "प्रधानमंत्री ने कहा।"))
	if len(res) != 2 || res[0].ID != "a" || res[0].Outcome != store.New || res[1].Outcome != store.New {
		t.Fatalf("first Submit = %+v", res)
	}
	// Concurrent submitters each get their own results.
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id := fmt.Sprintf("c%d", i)
			res, err := g.Submit(t.Context(), []pipeline.Job{job(id, "शीर्षक", "पाठ "+id), {Name: "bad", Err: errors.New("unreadable")}})
			if err != nil || len(res) != 2 || res[0].ID != id || res[0].Outcome != store.New || res[1].Err == nil {
				t.Errorf("concurrent Submit %d = %+v, %v", i, res, err)
			}
		}()
	}
	wg.Wait()
	if res := submit(job("a", "पुतिन", "रूस के राष्ट्रपति ने कहा।")); res[0].Outcome != store.Unchanged {
		t.Fatalf("resubmitted article: %+v, want unchanged", res)
	}
	// The index catches up without more input.
	deadline := time.Now().Add(5 * time.Second)
	for {
		ix.mu.Lock()
		n := len(ix.docs)
		ix.mu.Unlock()
		if n == 6 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("index holds %d articles 5 s after they were stored, want 6", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	sum := <-served
	if sum.New != 6 || sum.Unchanged != 1 || sum.Failed != 4 || len(sum.Failures) != 2 || len(stored) != 6 {
		t.Fatalf("summary %+v (stored %v): want 6 new, 1 unchanged, 4 failed with the last 2 listed", sum, stored)
	}
	if _, err := g.Submit(t.Context(), []pipeline.Job{job("z", "t", "b")}); !errors.Is(err, ErrStopped) {
		t.Fatalf("Submit after Serve = %v, want ErrStopped", err)
	}
}
