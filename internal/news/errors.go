package news

import "errors"

// Sentinel errors callers branch on.
var (
	// ErrNotFound is returned when an article (or other item) is not stored.
	ErrNotFound = errors.New("not found")
	// ErrSchema is returned for a record of a schema this version cannot read.
	ErrSchema = errors.New("unsupported schema")
	// ErrEmpty is returned for an input that holds no text at all.
	ErrEmpty = errors.New("empty input")
	// ErrBinary is returned for an input that is not text.
	ErrBinary = errors.New("binary input, not text")
	// ErrTooLarge is returned for an input over the size limit.
	ErrTooLarge = errors.New("input too large")
)

// ErrDiskFull is returned (wrapped) by a store or an index that could not
// write because the disk holding it is full. What was written before is
// whole; free space and run again.
var ErrDiskFull = errors.New("disk full")
