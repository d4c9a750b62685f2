package search

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	_, err = Open(path)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: err = %v, want ErrLocked", err)
	}
}

func TestOpenReadOnlyShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	if _, err := OpenReadOnly(path); err == nil {
		t.Fatal("read-only open of a missing index succeeded")
	}
	ix, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	a, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	defer b.Close()
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("writer beside readers: err = %v, want ErrLocked", err)
	}
}
