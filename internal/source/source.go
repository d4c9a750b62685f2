package source

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"khabar/internal/news"
)

// DefaultMaxBytes is the size limit of one article when Options.MaxBytes is
// zero.
const DefaultMaxBytes = 16 << 20

// readerSize is the buffer size for sniffing and reading JSON Lines.
const readerSize = 64 << 10

// Item is one article read, or one input that could not be read.
type Item struct {
	// Name is what to report: the path, "path:line" for a JSON Lines line,
	// "path@offset" for a record of a WARC file (see warc.Record.Pos), or
	// "-" for standard input.
	Name string
	// Article is the article read; nil when Err != nil.
	Article *news.Article
	// Err says why this item could not be read; the walk goes on with the
	// rest. Its message starts with Name.
	Err error
}

// Options tune Walk.
type Options struct {
	// MaxBytes is the size limit of one article (a file, a JSON Lines line,
	// or a WARC record); 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Walk reads every path — a file, a directory (recursively), or "-" for
// standard input — and calls fn with one Item per article, in a
// deterministic order: paths in the order given, directory entries sorted
// by name. Hidden files and directories (".name") inside a directory are
// skipped, and so are files that are obviously not articles (images,
// archives other than .warc.gz, …); any other file that cannot be read as
// text, HTML, JSON Lines or WARC becomes an Item with Err.
//
// Walk stops early when ctx is cancelled (returning ctx.Err()) or fn returns
// an error (returning that error).
func Walk(ctx context.Context, paths []string, opt Options, fn func(Item) error) error {
	w := &walker{ctx: ctx, fn: fn, max: opt.MaxBytes, stdin: opt.Stdin}
	if w.max <= 0 {
		w.max = DefaultMaxBytes
	}
	if w.stdin == nil {
		w.stdin = os.Stdin
	}
	for _, p := range paths {
		if err := w.path(p); err != nil {
			return err
		}
	}
	return nil
}

// walker holds the state of one Walk.
type walker struct {
	ctx   context.Context
	fn    func(Item) error
	max   int64
	stdin io.Reader
	buf   []byte // reused line buffer
}

func (w *walker) emit(it Item) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(it)
}

// fail reports that name could not be read.
func (w *walker) fail(name string, err error) error {
	return w.emit(Item{Name: name, Err: fmt.Errorf("%s: %w", name, err)})
}

// ioErr drops the path from a *fs.PathError, which Item.Err already names.
func ioErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func (w *walker) path(p string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if p == "-" {
		return w.sniffed("-", w.stdin, -1, true)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return w.fail(p, ioErr(err))
	}
	if fi.IsDir() {
		return w.dir(p)
	}
	return w.file(p, fi, true)
}

func (w *walker) dir(p string) error {
	entries, err := os.ReadDir(p)
	if err != nil {
		if err := w.fail(p, ioErr(err)); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		full := filepath.Join(p, e.Name())
		var err error
		switch t := e.Type(); {
		case t.IsDir():
			err = w.dir(full)
		case t&fs.ModeSymlink != 0:
			fi, serr := os.Stat(full)
			switch {
			case serr != nil:
				err = w.fail(full, ioErr(serr))
			case fi.IsDir(): // not followed: it could loop
			default:
				err = w.file(full, fi, false)
			}
		case t.IsRegular():
			fi, ierr := e.Info()
			if ierr != nil {
				err = w.fail(full, ioErr(ierr))
			} else {
				err = w.file(full, fi, false)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file reads one file. explicit says the user named it: then its content
// decides what it is, whatever its extension.
func (w *walker) file(p string, fi fs.FileInfo, explicit bool) error {
	k := kindOf(p)
	switch {
	case !explicit && k == kindSkip:
		return nil
	case !explicit && k == kindUnknown:
		return w.fail(p, fmt.Errorf("%w: %q files are not read (text, HTML, JSON Lines or WARC only)",
			errors.ErrUnsupported, filepath.Ext(p)))
	case k == kindSkip || k == kindUnknown:
		k = kindSniff
	}
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	if (k == kindText || k == kindHTML) && size > w.max {
		return w.fail(p, tooLarge(size, w.max))
	}
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, ioErr(err))
	}
	defer f.Close()
	switch k {
	case kindJSONL:
		return w.jsonl(p, f, false)
	case kindWARC:
		return w.warc(p, f, false)
	case kindSniff:
		return w.sniffed(p, f, size, false)
	}
	b, err := readAll(f, size, w.max)
	if err != nil {
		return w.fail(p, ioErr(err))
	}
	if int64(len(b)) > w.max {
		return w.fail(p, tooLarge(-1, w.max))
	}
	return w.whole(p, b, k, false)
}

// readAll reads r to its end, or to one byte past max. size, when known
// (not -1), sizes the buffer.
func readAll(r io.Reader, size, max int64) ([]byte, error) {
	if size < 0 || size > max {
		return io.ReadAll(io.LimitReader(r, max+1))
	}
	b := make([]byte, 0, size+1) // +1: a file that grew shows as over max, or EOF reads into it
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			rest, err := io.ReadAll(io.LimitReader(r, max+1-int64(len(b))))
			return append(b, rest...), err
		}
	}
}

func tooLarge(size, max int64) error {
	if size < 0 {
		return fmt.Errorf("over %d bytes: %w", max, news.ErrTooLarge)
	}
	return fmt.Errorf("%d bytes, over %d: %w", size, max, news.ErrTooLarge)
}

// sniffed reads an input whose content decides its format: standard input,
// or a file without a telling extension. size is -1 when unknown.
func (w *walker) sniffed(name string, r io.Reader, size int64, stdin bool) error {
	br := bufio.NewReaderSize(r, readerSize)
	if looksWARC(br) {
		return w.warc(name, br, stdin)
	}
	if size < 0 || size <= w.max {
		b, err := io.ReadAll(io.LimitReader(br, w.max+1))
		if err != nil {
			return w.fail(name, ioErr(err))
		}
		if int64(len(b)) <= w.max {
			if looksJSONL(b) {
				return w.jsonl(name, bytes.NewReader(b), stdin)
			}
			return w.whole(name, b, kindSniff, stdin)
		}
		br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(b), br), readerSize)
	}
	// Over the limit for one article: only JSON Lines can be this long,
	// and its first line tells.
	head, _ := br.Peek(readerSize)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return w.fail(name, tooLarge(size, w.max))
	}
	first, long, err := readLine(br, w.max, nil)
	if err != nil && !errors.Is(err, io.EOF) {
		return w.fail(name, ioErr(err))
	}
	if long || !isObject(bytes.TrimSpace(bytes.TrimPrefix(first, []byte("\xEF\xBB\xBF")))) {
		return w.fail(name, tooLarge(size, w.max))
	}
	first = append(first, '\n')
	return w.jsonl(name, io.MultiReader(bytes.NewReader(first), br), stdin)
}

// whole makes one article of a whole input b of kind k (text, HTML, or
// sniff for "decide by content").
func (w *walker) whole(name string, b []byte, k kind, stdin bool) error {
	isHTML := k == kindHTML || (k == kindSniff && looksHTML(b))
	text, _, err := Decode(b, isHTML)
	if err != nil {
		return w.fail(name, err)
	}
	if k == kindSniff && !isHTML && looksHTML([]byte(text)) { // e.g. UTF-16
		isHTML = true
	}
	format := news.FormatText
	if isHTML {
		format = news.FormatHTML
	}
	key := "file:" + absPath(name)
	if stdin {
		key = "stdin:" + sha256Hex([]byte(text))
	}
	return w.emit(Item{Name: name, Article: &news.Article{
		ID:     ID(key),
		Source: news.Source{URI: name, Format: format},
		Raw:    news.Raw{Body: text, Format: format},
	}})
}

// jsonl reads a JSON Lines input, one article per non-blank line.
func (w *walker) jsonl(name string, r io.Reader, stdin bool) error {
	br := bufio.NewReaderSize(r, readerSize)
	abs := ""
	if !stdin {
		abs = absPath(name)
	}
	for n := 1; ; n++ {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		b, long, err := readLine(br, w.max, w.buf)
		if errors.Is(err, io.EOF) {
			return nil
		}
		ln := strconv.Itoa(n)
		lineName := name + ":" + ln
		if err != nil { // a read error or binary data: give up on this input
			return w.fail(lineName, ioErr(err))
		}
		w.buf = b[:0]
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
		}
		if long {
			if err := w.fail(lineName, fmt.Errorf("line over %d bytes: %w", w.max, news.ErrTooLarge)); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		l, err := parseLine(b)
		if err != nil {
			if err := w.fail(lineName, err); err != nil {
				return err
			}
			continue
		}
		var key string
		switch {
		case l.hints.URL != "":
			key = "url:" + l.hints.URL
		case stdin:
			key = "stdin:" + sha256Hex(b)
		default:
			key = "file:" + abs + "#L" + ln
		}
		a := &news.Article{
			ID:     ID(key),
			Source: news.Source{URI: name + "#L" + ln, Format: news.FormatJSONL, Fetched: l.fetched},
			URL:    l.hints.URL,
			Raw:    news.Raw{Body: l.body, Format: l.format, Hints: l.hints},
		}
		if err := w.emit(Item{Name: lineName, Article: a}); err != nil {
			return err
		}
	}
}

// absPath is p made absolute and clean, for identity keys.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
