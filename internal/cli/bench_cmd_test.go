package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/search"
)

func TestBenchCommand(t *testing.T) {
	r := khabar(t, t.Context(), "", "bench", "-n", "40", "--size", "2000", "--work", t.TempDir())
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"generated 40 articles", "ingest:", "articles/s", "peak RSS", "analyze:", "stages (µs per KB of input, summed over workers): extract"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("bench output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestBenchUpto(t *testing.T) {
	r := khabar(t, t.Context(), "", "bench", "-n", "20", "--size", "1500", "--upto", "segment")
	if r.code != 0 || strings.Contains(r.stdout, "entities") {
		t.Errorf("--upto segment: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "bench", "-n", "5", "--upto", "nonsense")
	if r.code != 1 || !strings.Contains(r.stderr, "unknown stage") {
		t.Errorf("--upto nonsense: exit %d %s", r.code, r.stderr)
	}
}

func TestGenerateArticlesDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	na, err := generateArticles(a, 5, 1500, 3)
	if err != nil {
		t.Fatal(err)
	}
	nb, _ := generateArticles(b, 5, 1500, 3)
	if na != nb || na < 5*1500 {
		t.Errorf("sizes %d and %d", na, nb)
	}
}

// TestIngestInterrupted cancels an ingest part-way (as Ctrl-C does): it
// stops with exit code 1, and the next run completes the store.
func TestIngestInterrupted(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	const n = 400
	if _, err := generateArticles(in, n, 2000, 11); err != nil {
		t.Fatal(err)
	}
	data := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		time.Sleep(150 * time.Millisecond)
		cancel()
	}()
	r := khabar(t, ctx, "", "ingest", "-q", "--data", data, in)
	if r.code == 0 && !strings.Contains(r.stdout, "400 new") {
		t.Fatalf("interrupted ingest exited 0 without finishing:\n%s", r.stdout)
	}
	if r.code != 0 && !strings.Contains(r.stderr, "interrupted") {
		t.Errorf("exit %d without saying it was interrupted: %s", r.code, r.stderr)
	}
	r = khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in)
	if r.code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if c, _ := d.store.Count(t.Context()); c != n {
		t.Errorf("stored %d, want %d", c, n)
	}
	if c, _ := d.index.(*search.Index).Count(); c != n {
		t.Errorf("indexed %d, want %d", c, n)
	}
}

func TestEvalClean(t *testing.T) {
	r := khabar(t, t.Context(), "", "eval", "clean")
	if r.code != 0 || !strings.Contains(strings.ToLower(r.stdout), "title") {
		t.Errorf("eval clean: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "eval", "nonsense")
	if r.code != 2 {
		t.Errorf("unknown eval target: exit %d", r.code)
	}
}
