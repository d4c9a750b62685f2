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
