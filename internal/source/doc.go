// Package source turns what the user names on the command line — files,
// directories and "-" for standard input — into articles ready for the
// pipeline.
//
// It reads plain text, HTML, JSON Lines (see docs/jsonl.md) and the HTML
// pages of WARC files (see docs/warc.md and package warc), decodes every
// input to UTF-8 (byte order marks, UTF-16, an HTML page's declared charset
// and detected legacy single-byte encodings), and reports each input it cannot
// use as an Item with an error instead of stopping: binary data
// (news.ErrBinary), empty input (news.ErrEmpty), input over the size limit
// (news.ErrTooLarge), a JSON Lines line that is not JSON, an unreadable file.
//
// Every article gets a stable ID (see ID) and the content hash used to
// detect that an input changed (see Hash).
package source
