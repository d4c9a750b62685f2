// Package evaldata finds the development and evaluation data that lives
// beside the repository, in ../shared (never inside it): shared/data, or the
// folder $KHABAR_EVAL_DATA names, and the seed pages in shared/seeds.
package evaldata

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// ErrAbsent is returned when the shared data cannot be found.
var ErrAbsent = errors.New("shared data not found: put the project's shared/ folder beside the repository or set KHABAR_EVAL_DATA")

// findShared walks up from the working directory looking for a folder
// "shared" holding sub, and returns shared/sub.
func findShared(sub string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "shared", sub)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrAbsent
		}
		dir = parent
	}
}

// DataDir returns the evaluation data folder: $KHABAR_EVAL_DATA when set,
// else the nearest shared/data above the working directory.
func DataDir() (string, error) {
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return "", fmt.Errorf("KHABAR_EVAL_DATA=%s is not a folder", d)
		}
		return d, nil
	}
	return findShared("data")
}

// SharedDir returns the folder that holds the data folder and the seeds
// (the project's shared/), or "" with ErrAbsent.
func SharedDir() (string, error) {
	d, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Dir(filepath.Clean(d)), nil
}

// Path returns a path inside the evaluation data folder, checking it exists.
func Path(rel string) (string, error) {
	d, err := DataDir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(d, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%w: %s", ErrAbsent, p)
	}
	return p, nil
}

// Seeds returns the paths of the seed pages, sorted. The seeds sit beside
// the data folder ($KHABAR_EVAL_DATA/../seeds) or in the nearest
// shared/seeds.
func Seeds() ([]string, error) {
	dir := ""
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		if st, err := os.Stat(filepath.Join(d, "..", "seeds")); err == nil && st.IsDir() {
			dir = filepath.Join(d, "..", "seeds")
		}
	}
	if dir == "" {
		var err error
		if dir, err = findShared("seeds"); err != nil {
			return nil, err
		}
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%w: no seeds in %s", ErrAbsent, dir)
	}
	sort.Strings(paths)
	return paths, nil
}
