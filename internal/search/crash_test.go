package search

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"khabar/internal/news"
)

// TestOpenRace is issue 17 #10: processes (here goroutines, which bolt's
// lock keeps apart the same way) opening a new index at once either open
// it or find it in use; none fails because another created it first.
func TestOpenRace(t *testing.T) {
	for round := range 3 {
		path := filepath.Join(t.TempDir(), "idx")
		var wg sync.WaitGroup
		errs := make([]error, 4)
		ixs := make([]*Index, 4)
		for i := range errs {
			wg.Go(func() { ixs[i], errs[i] = Open(path) })
		}
		wg.Wait()
		opened := 0
		for i, err := range errs {
			switch {
			case err == nil:
				opened++
				ixs[i].Close()
			case !errors.Is(err, ErrLocked):
				t.Errorf("round %d: open %d: %v, want success or ErrLocked", round, i, err)
			}
		}
		if opened != 1 {
			t.Errorf("round %d: %d opened, want 1", round, opened)
		}
		if left, _ := filepath.Glob(path + newSuffix + "*"); len(left) != 0 {
			t.Errorf("round %d: left %v", round, left)
		}
	}
}

// TestOpenCorrupt is issue 17 #1 in this package: the folder a creation
// killed half-way left (as an older khabar made them, in place) is
// reported as ErrCorrupt, which the opener rebuilds, not as a JSON error.
func TestOpenCorrupt(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	ix, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	cases := map[string]func(path string) error{
		"empty folder": func(p string) error { return os.Mkdir(p, 0o755) },
		"empty meta": func(p string) error {
			if err := os.Mkdir(p, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "index_meta.json"), nil, 0o644)
		},
		"meta only": func(p string) error {
			if err := os.Mkdir(p, 0o755); err != nil {
				return err
			}
			b, err := os.ReadFile(filepath.Join(good, "index_meta.json"))
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "index_meta.json"), b, 0o644)
		},
		"empty root": func(p string) error {
			if err := os.MkdirAll(filepath.Join(p, "store"), 0o755); err != nil {
				return err
			}
			b, err := os.ReadFile(filepath.Join(good, "index_meta.json"))
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(p, "index_meta.json"), b, 0o644); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(p, "store", "root.bolt"), nil, 0o600)
		},
	}
	for name, make := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
			if err := make(path); err != nil {
				t.Fatal(err)
			}
			ix, err := Open(path)
			if err == nil {
				ix.Close()
				t.Fatal("opened a half-made index")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("err = %v, want ErrCorrupt", err)
			}
			if err := Remove(path); err != nil {
				t.Fatal(err)
			}
			ix, err = Open(path)
			if err != nil {
				t.Fatalf("after Remove: %v", err)
			}
			ix.Close()
		})
	}
}

// TestDiskFull is issue 17 #2 in this package: an index on a disk that
// fills returns an error wrapping news.ErrDiskFull (the library panics
// inside: a nil map in a zapx segment cache) and keeps returning it; it
// never panics to the caller, and Close returns. It needs a small tmpfs,
// so it runs as root where mounting is allowed.
func TestDiskFull(t *testing.T) {
	mnt := smallDisk(t, "1m")
	ix, err := Open(filepath.Join(mnt, "idx"))
	if err != nil {
		t.Fatal(err)
	}
	var werr error
	for b := 0; b < 200 && werr == nil; b++ {
		arts := make([]*news.Article, 64)
		for i := range arts {
			arts[i] = &news.Article{ID: fmt.Sprintf("a%d-%d", b, i), Title: fmt.Sprintf("शीर्षक %d %d", b, i),
				Text: strings.Repeat(fmt.Sprintf("रूस के राष्ट्रपति %d ने %d कहा। ", b*64+i, i*7919), 30)}
		}
		werr = ix.Index(t.Context(), arts)
	}
	if werr == nil {
		t.Fatal("a 1 MB disk took every batch")
	}
	if !errors.Is(werr, news.ErrDiskFull) {
		t.Fatalf("err = %v, want news.ErrDiskFull", werr)
	}
	if err := ix.Index(t.Context(), []*news.Article{{ID: "again", Text: "x"}}); !errors.Is(err, news.ErrDiskFull) {
		t.Errorf("write after the disk filled: %v, want news.ErrDiskFull", err)
	}
	done := make(chan error, 1)
	go func() { done <- ix.Close() }()
	if err := <-done; err != nil {
		t.Logf("close: %v", err)
	}
}

// smallDisk mounts a tmpfs of size under a temporary folder for the test,
// or skips when this process may not mount.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs to fill needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v: %s)", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, out)
		}
	})
	return mnt
}
