package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mountTmpfs mounts a tmpfs of size for the test and returns it with a
// function that remounts it read-only; it skips where this process may not
// mount.
func mountTmpfs(t *testing.T, size string) (dir string, readOnly func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir = t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir, func() {
		t.Helper()
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount read-only: %v: %s", err, out)
		}
	}
}

// TestReadOnlyMedium is issue 17 #8: a data folder on a read-only medium,
// without the -wal and -shm files SQLite leaves only while a database is
// open, is searched and exported; writing to it fails with a clear error.
func TestReadOnlyMedium(t *testing.T) {
	mnt, readOnly := mountTmpfs(t, "64m")
	in := filepath.Join(t.TempDir(), "in")
	if _, err := generateArticles(in, 30, 1500, 3); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(mnt, "data")
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in); r.code != 0 {
		t.Fatalf("ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, f := range []string{"khabar.db-wal", "khabar.db-shm"} {
		if _, err := os.Stat(filepath.Join(data, f)); err == nil {
			t.Fatalf("%s left after ingest", f)
		}
	}
	readOnly()
	r := khabar(t, t.Context(), "", "search", "--data", data, "भाषा")
	if r.code != 0 || !strings.Contains(r.stdout, "hits") {
		t.Errorf("search on a read-only medium: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "export", "--data", data)
	if recs := decodeRecords(t, r.stdout); r.code != 0 || len(recs) != 30 {
		t.Errorf("export on a read-only medium: exit %d, %d records\n%s", r.code, len(recs), r.stderr)
	}
	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatalf("open for reading: %v", err)
	}
	if n, err := d.index.(interface{ Count() (uint64, error) }).Count(); err != nil || n != 30 {
		t.Errorf("index count %d, %v", n, err)
	}
	d.Close()
	r = khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in)
	if r.code != 1 || r.stderr == "" {
		t.Errorf("ingest into a read-only medium: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("ingest into a read-only folder says: %s", firstLine(r.stderr))
}
