package search

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"khabar/internal/news"
)

// How an index write fails. The index library writes segments in goroutines
// of its own and reports their errors only to a callback registered by name
// in a package variable of its own (scorch.RegistryAsyncErrorCallbacks);
// so this package registers one callback, once, and finds the Index an
// error belongs to by its directory. When the disk fills, the library's
// next write may then panic (a nil map in a segment cache of zapx, after a
// segment was closed by a failed persist): recoverWrite turns that into an
// error too.

// asyncCallback is the name the callback is registered under.
const asyncCallback = "khabar_search"

var (
	watchMu sync.Mutex
	// watched holds the writable indexes open in this process by the
	// directory the library reports (the index's "store" directory).
	watched = map[string]*Index{}
)

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncCallback] = func(err error, path string) {
		watchMu.Lock()
		x := watched[path]
		watchMu.Unlock()
		if x == nil || err == nil {
			return
		}
		msg := err.Error()
		switch {
		case isNoSpace(err):
			x.breakWith(fmt.Errorf("search: write %s: %w: %w", x.path, news.ErrDiskFull, err))
		case errors.Is(err, scorch.ErrAsyncPanic) || strings.Contains(msg, "panic"):
			x.breakWith(fmt.Errorf("search: write %s: the index library failed: %w", x.path, err))
		}
	}
}

func storeDir(x *Index) string { return filepath.Join(x.path, "store") }

func watch(x *Index) {
	watchMu.Lock()
	watched[storeDir(x)] = x
	watchMu.Unlock()
}

func unwatch(x *Index) {
	watchMu.Lock()
	if watched[storeDir(x)] == x {
		delete(watched, storeDir(x))
	}
	watchMu.Unlock()
}

// failed returns the error that broke x, or nil.
func (x *Index) failed() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.broken
}

// breakWith breaks x with err, unless it is broken already, and returns
// the error x is broken with.
func (x *Index) breakWith(err error) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.broken == nil {
		x.broken = err
	}
	return x.broken
}

// writeFailed is the error of a write that returned err: when the disk
// is full, x breaks with it (see Index); another error (a cancelled
// context, a bad document) leaves x as it is.
func (x *Index) writeFailed(err error) error {
	if err = diskFull(x.path, err); errors.Is(err, news.ErrDiskFull) {
		return x.breakWith(err)
	}
	return err
}

// recoverWrite, deferred by a write, turns a panic of the index library
// into an error in *err and breaks x with it.
func (x *Index) recoverWrite(op string, err *error) {
	r := recover()
	if r == nil {
		return
	}
	e := fmt.Errorf("search: %s: the index library failed (%v)", op, r)
	if prev := x.failed(); prev != nil {
		*err = prev // the disk filled first; the panic followed from it
		return
	}
	if lowOnSpace(x.path) {
		e = fmt.Errorf("%w: %w", news.ErrDiskFull, e)
	}
	*err = x.breakWith(e)
}

// diskFull wraps err with news.ErrDiskFull when it, or the disk holding
// path, says there is no space left.
func diskFull(path string, err error) error {
	if err == nil || errors.Is(err, news.ErrDiskFull) {
		return err
	}
	if isNoSpace(err) || lowOnSpace(path) {
		return fmt.Errorf("%w: %w", news.ErrDiskFull, err)
	}
	return err
}

// isNoSpace reports whether err is the system's "no space left on device",
// or the library's text of it (its asynchronous errors are strings).
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) ||
		strings.Contains(err.Error(), syscall.ENOSPC.Error())
}

// minFree is the free space under which a failed write is put down to a
// full disk.
const minFree = 1 << 20
