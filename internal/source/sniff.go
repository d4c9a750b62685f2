package source

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
)

// kind is what a file's name says about its content.
type kind int

const (
	kindUnknown kind = iota // an extension we do not know: unsupported in a directory, sniffed when named
	kindSniff               // no extension (or .json): decided by content
	kindText
	kindHTML
	kindJSONL
	kindWARC // a WARC file, plain or gzipped: one article per HTML page
	kindSkip // obviously not an article (images, archives, …): skipped in a directory
)

var extKinds = map[string]kind{
	".txt": kindText, ".text": kindText, ".md": kindText,
	".html": kindHTML, ".htm": kindHTML, ".xhtml": kindHTML, ".shtml": kindHTML,
	".jsonl": kindJSONL, ".ndjson": kindJSONL,
	".warc": kindWARC, // and ".warc.gz": see kindOf
	"":      kindSniff,
	".json": kindSniff,
}

// skipExts are extensions of files that are never articles.
var skipExts = strings.Fields(`
	.png .jpg .jpeg .gif .webp .svg .ico .bmp .tif .tiff .avif .heic
	.mp3 .mp4 .m4a .wav .ogg .oga .webm .mov .avi .mkv .flac
	.gz .tgz .zip .bz2 .xz .zst .7z .rar .tar .lz4
	.css .js .mjs .map .woff .woff2 .ttf .otf .eot
	.exe .dll .so .dylib .o .a .bin .class .jar .pyc .wasm
	.db .sqlite .sqlite3 .swp .lock
	.open`) // .open: a WARC file still being written (warc.OpenSuffix)

func init() {
	for _, e := range skipExts {
		extKinds[e] = kindSkip
	}
}

// isProjectDoc reports whether base names a folder's own documentation
// (README.md, LICENSE, NOTICE.txt, …) rather than an article.
func isProjectDoc(base string) bool {
	stem := strings.ToUpper(strings.TrimSuffix(base, filepath.Ext(base)))
	switch stem {
	case "README", "LICENSE", "LICENCE", "NOTICE", "CHANGELOG", "COPYING", "AUTHORS":
		return true
	}
	return false
}

// kindOf says what a file's name suggests it holds.
func kindOf(name string) kind {
	base := filepath.Base(name)
	if strings.HasSuffix(base, "~") || isProjectDoc(base) {
		return kindSkip
	}
	if strings.HasSuffix(strings.ToLower(base), ".warc.gz") {
		return kindWARC // before ".gz", which is skipped
	}
	ext := strings.ToLower(filepath.Ext(base))
	if ext == base { // ".profile" is a hidden file, not an extension
		ext = ""
	}
	if k, ok := extKinds[ext]; ok {
		return k
	}
	return kindUnknown
}

// rxTag matches common HTML element tags, opening or closing.
var rxTag = regexp.MustCompile(`(?i)</?(?:p|div|span|a|br|hr|img|script|style|meta|link|title|li|ul|ol|table|tr|td|h[1-6]|section|article|header|footer|nav|main|iframe|form|input|strong|em|b|i)\b[^<>]{0,1000}>`)

// htmlStarts are the openings that make a document HTML at once.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"}

// looksHTML reports whether b looks like an HTML page: it opens like one
// (after any XML declaration and comments), or holds many HTML tags.
func looksHTML(b []byte) bool {
	head := b[:min(len(b), detectLimit)]
	rest := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n\f")
	for range 8 {
		next, ok := skipProlog(rest)
		if !ok {
			break
		}
		rest = bytes.TrimLeft(next, " \t\r\n\f")
	}
	lower := bytes.ToLower(rest[:min(len(rest), 32)])
	for _, s := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(s)) {
			return true
		}
	}
	return len(rxTag.FindAllIndex(head, 5)) >= 5
}

// skipProlog skips an XML declaration or a comment at the start of b.
func skipProlog(b []byte) ([]byte, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("<?")):
		return skipPast(b, "?>"), true
	case bytes.HasPrefix(b, []byte("<!--")):
		return skipPast(b, "-->"), true
	}
	return b, false
}

// skipPast returns b after the first end, or nothing when end is missing.
func skipPast(b []byte, end string) []byte {
	if i := bytes.Index(b, []byte(end)); i >= 0 {
		return b[i+len(end):]
	}
	return nil
}

// looksJSONL reports whether every non-empty line of b is a JSON object,
// and there is at least one.
func looksJSONL(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	seen := false
	for len(b) > 0 {
		line := b
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !isObject(line) {
			return false
		}
		seen = true
	}
	return seen
}

// isObject reports whether line is one valid JSON object.
func isObject(line []byte) bool {
	return len(line) > 0 && line[0] == '{' && json.Valid(line)
}
