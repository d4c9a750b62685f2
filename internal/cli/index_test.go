package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexRebuiltFromStore is issue 17 #1 without kills: an index removed
// by hand, left half-made by an older khabar, or copied from another
// folder is rebuilt from the store by the next command that opens the
// folder, and "khabar rebuild index" rebuilds it on demand; no article is
// left unsearchable.
func TestIndexRebuiltFromStore(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in")
	const n = 40
	if _, err := generateArticles(in, n, 1200, 5); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "data")
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in); r.code != 0 {
		t.Fatalf("ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	other := filepath.Join(t.TempDir(), "other")
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", other, filepath.Join(in, "000", "a00000.txt")); r.code != 0 {
		t.Fatalf("ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ixPath := filepath.Join(data, "index.bleve")
	indexed := func(t *testing.T) {
		t.Helper()
		d, err := openData(t.Context(), &env{}, data, forRead)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if c, err := d.index.(interface{ Count() (uint64, error) }).Count(); err != nil || c != n {
			t.Errorf("index holds %d (%v), want %d", c, err, n)
		}
	}
	cases := []struct {
		name   string
		break_ func() error
		cmd    []string
	}{
		{"removed, then search", func() error { return os.RemoveAll(ixPath) }, []string{"search", "--data", data, "भाषा"}},
		{"removed, then ingest", func() error { return os.RemoveAll(ixPath) }, []string{"ingest", "-q", "--data", data, in}},
		{"half-made by an older khabar", func() error {
			if err := os.RemoveAll(ixPath); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(ixPath, "store"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(ixPath, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o644)
		}, []string{"search", "--data", data, "भाषा"}},
		{"another folder's", func() error {
			if err := os.RemoveAll(ixPath); err != nil {
				return err
			}
			return os.CopyFS(ixPath, os.DirFS(filepath.Join(other, "index.bleve")))
		}, []string{"ingest", "-q", "--data", data, in}},
		{"on demand", func() error { return nil }, []string{"rebuild", "--data", data, "index"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.break_(); err != nil {
				t.Fatal(err)
			}
			r := khabar(t, t.Context(), "", c.cmd...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d\n%s%s", c.cmd[0], r.code, r.stdout, r.stderr)
			}
			if c.cmd[0] != "rebuild" && !strings.Contains(r.stderr, "rebuilding the search index") {
				t.Errorf("no word of the rebuild:\n%s", r.stderr)
			}
			if c.cmd[0] == "search" && !strings.Contains(r.stdout, "hits") {
				t.Errorf("search:\n%s", r.stdout)
			}
			if c.cmd[0] == "rebuild" && !strings.Contains(r.stdout, "40 articles") {
				t.Errorf("rebuild:\n%s", r.stdout)
			}
			indexed(t)
		})
	}
}
