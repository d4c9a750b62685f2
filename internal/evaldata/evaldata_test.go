package evaldata

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestSeedsAndData(t *testing.T) {
	seeds, err := Seeds()
	if errors.Is(err, ErrAbsent) {
		t.Skip("shared data absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != 2 || filepath.Ext(seeds[0]) != ".txt" {
		t.Errorf("seeds = %v", seeds)
	}
	if d, err := SharedDir(); err != nil || filepath.Base(filepath.Dir(seeds[0])) != "seeds" || filepath.Dir(filepath.Dir(seeds[0])) != d {
		t.Errorf("SharedDir = %q, %v; seeds in %s", d, err, seeds[0])
	}
	if _, err := Path("LICENSES.md"); err != nil {
		t.Error(err)
	}
	if _, err := Path("no/such/file"); !errors.Is(err, ErrAbsent) {
		t.Errorf("missing path: err = %v", err)
	}
}

func TestEnvOverride(t *testing.T) {
	t.Setenv("KHABAR_EVAL_DATA", t.TempDir())
	if _, err := DataDir(); err != nil {
		t.Fatal(err)
	}
	t.Setenv("KHABAR_EVAL_DATA", filepath.Join(t.TempDir(), "nope"))
	if _, err := DataDir(); err == nil {
		t.Fatal("a missing KHABAR_EVAL_DATA folder was accepted")
	}
}
