package sqlite

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"
)

// TestDiskFull is issue 17 #2: a write that finds the disk full fails
// with an error callers can tell (news.ErrDiskFull), the store stays whole,
// and writes go on once there is space. SQLite's page limit stands in for
// the disk; the CLI test fills a real (tmpfs) one.
func TestDiskFull(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	defer s.Close()
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 60`); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("रूस के राष्ट्रपति ने कहा। ", 200)
	var err error
	stored := 0
	for i := range 1000 {
		a := &news.Article{ID: fmt.Sprintf("a%04d", i), Text: body}
		if _, err = s.PutLinked(ctx, a, "h", store.Linked{}); err != nil {
			break
		}
		stored++
	}
	if err == nil {
		t.Fatal("1000 articles fitted in 60 pages")
	}
	if !errors.Is(err, news.ErrDiskFull) {
		t.Fatalf("put on a full disk: err = %v, want news.ErrDiskFull", err)
	}
	if err := s.MarkIndexed(ctx, []string{"a0000"}); err != nil && !errors.Is(err, news.ErrDiskFull) {
		t.Errorf("mark indexed on a full disk: %v", err)
	}
	var ok string
	if err := s.r.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	if n, _ := s.Count(ctx); n != stored {
		t.Errorf("count = %d, want the %d stored before the disk filled", n, stored)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, &news.Article{ID: "after", Text: body}, "h"); err != nil {
		t.Fatalf("put with space again: %v", err)
	}
}

// TestOpenReadOnly is issue 17 #8 in the store: a database without its
// -wal and -shm files opens read-only (immutable), reads, and refuses
// writes.
func TestOpenReadOnly(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "khabar.db")
	s, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, &news.Article{ID: "a", Title: "t"}, "h"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if a, err := r.Get(ctx, "a"); err != nil || a.Title != "t" {
		t.Fatalf("get: %v, %v", a, err)
	}
	if _, err := r.Put(ctx, &news.Article{ID: "b"}, "h"); err == nil {
		t.Error("put on a read-only store succeeded")
	}
	if !r.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
}

func TestIndexCountsReset(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t)
	defer s.Close()
	for _, id := range []string{"a", "b", "c"} {
		if _, err := s.Put(ctx, &news.Article{ID: id}, "h"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MarkIndexed(ctx, []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	if st, ix, err := s.IndexCounts(ctx); err != nil || st != 3 || ix != 2 {
		t.Fatalf("IndexCounts = %d, %d, %v; want 3, 2", st, ix, err)
	}
	if n, _ := s.PendingCount(ctx); n != 1 {
		t.Errorf("PendingCount = %d, want 1", n)
	}
	if err := s.ResetIndexed(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ix, _ := s.IndexCounts(ctx); ix != 0 {
		t.Errorf("after reset %d indexed", ix)
	}
	if n, _ := s.PendingCount(ctx); n != 3 {
		t.Errorf("after reset PendingCount = %d, want 3", n)
	}
}

// TestOpenRaceNew is issue 17 #10 in the store: processes opening a new
// database at once all open it (one migrates, the others find it done),
// instead of failing with "schema version changed while migrating".
func TestOpenRaceNew(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "k.db")
		errs := make(chan error, 6)
		for range 6 {
			go func() {
				s, err := Open(t.Context(), path, nil)
				if err == nil {
					var rows int
					err = s.r.QueryRowContext(t.Context(), `SELECT count(*) FROM schema_version`).Scan(&rows)
					if err == nil && rows != 1 {
						err = fmt.Errorf("schema_version has %d rows", rows)
					}
					s.Close()
				}
				errs <- err
			}()
		}
		for range 6 {
			if err := <-errs; err != nil {
				t.Errorf("round %d: %v", round, err)
			}
		}
	}
}
