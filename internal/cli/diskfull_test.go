package cli

import (
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull is issue 17 #2 with the real binary: when the disk fills
// under the store, or under the search index alone, ingest stops once
// with one "disk is full" message and exit code 1 — no panic (exit 2), no
// list of thousands of failed items — the store stays whole, and a rerun
// with space completes. The disks are small tmpfs mounts (root only).
func TestDiskFull(t *testing.T) {
	bin := buildKhabar(t)
	in := filepath.Join(t.TempDir(), "in")
	const n = 400
	if _, err := generateArticles(in, n, 3000, 9); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		// fill makes the data folder, on a disk that fills.
		fill func(t *testing.T) string
	}{
		{"store disk", func(t *testing.T) string {
			mnt, _ := mountTmpfs(t, "3m")
			return filepath.Join(mnt, "data")
		}},
		{"index disk", func(t *testing.T) string {
			data := filepath.Join(t.TempDir(), "data")
			if r := run1(t, bin, "ingest", "-q", "--data", data, filepath.Join(in, "000", "a00000.txt")); r != "" {
				t.Fatal(r)
			}
			store := filepath.Join(data, "index.bleve", "store")
			keep := filepath.Join(t.TempDir(), "store")
			if err := os.CopyFS(keep, os.DirFS(store)); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", store).CombinedOutput(); err != nil {
				t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
			}
			t.Cleanup(func() { _ = exec.Command("umount", "-l", store).Run() })
			if err := os.CopyFS(store, os.DirFS(keep)); err != nil {
				t.Fatal(err)
			}
			return data
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if os.Geteuid() != 0 {
				t.Skip("filling a small tmpfs needs root")
			}
			data := c.fill(t)
			cmd := exec.Command(bin, "ingest", "-q", "-j", "2", "--data", data, in)
			cmd.Env = append(os.Environ(), "KHABAR_DATA=", "KHABAR_LOG=warn")
			out, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("ingest on a full disk: %v, want exit 1\n%s", err, tail(out))
			}
			text := string(out)
			if !strings.Contains(text, "disk is full") || strings.Contains(text, "panic") {
				t.Errorf("want one disk-full message and no panic:\n%s", tail(out))
			}
			if k := strings.Count(text, "disk full"); k > 3 {
				t.Errorf("disk full said %d times:\n%s", k, tail(out))
			}
			if !strings.Contains(text, " 0 failed") {
				t.Errorf("items reported failed:\n%s", tail(out))
			}
			t.Logf("stopped: %s", firstLine(text[strings.Index(text, "khabar ingest:"):]))
			// Space again: move the folder to a disk with room and run again.
			moved := filepath.Join(t.TempDir(), "data")
			if err := os.CopyFS(moved, os.DirFS(data)); err != nil {
				t.Fatal(err)
			}
			if ok := integrity(t, filepath.Join(moved, "khabar.db")); ok != "ok" {
				t.Fatalf("integrity_check after the disk filled: %s", ok)
			}
			if r := run1(t, bin, "ingest", "-q", "--data", moved, in); r != "" {
				t.Fatalf("rerun with space: %s", r)
			}
			d, err := openData(t.Context(), &env{}, moved, forRead)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			sc, _ := d.store.Count(t.Context())
			ic, _ := d.index.(interface{ Count() (uint64, error) }).Count()
			if sc < n || ic != uint64(sc) {
				t.Errorf("after the rerun: store %d, index %d, want %d+ each", sc, ic, n)
			}
		})
	}
}

func integrity(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil {
		return err.Error()
	}
	return ok
}

// tail is the last lines of out, for failure messages.
func tail(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return strings.Join(lines[max(0, len(lines)-12):], "\n")
}
