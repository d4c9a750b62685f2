package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"khabar/internal/news"
)

// record is one line of a JSON Lines input; docs/jsonl.md describes it.
type record struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Publisher string `json:"publisher"`
	Lang      string `json:"lang"`
	Fetched   string `json:"fetched"`
}

// line is a parsed JSON Lines record, ready to become an article.
type line struct {
	body    string // text or HTML
	format  string // news.FormatText or news.FormatHTML
	hints   news.Hints
	fetched time.Time
}

// errNotJSON marks a line that is not JSON at all.
var errNotJSON = errors.New("invalid JSON")

// parseLine reads one non-blank JSON Lines line.
func parseLine(b []byte) (line, error) {
	b = bytes.TrimSpace(b)
	if !json.Valid(b) {
		var v any
		err := json.Unmarshal(b, &v)
		return line{}, fmt.Errorf("%w: %v", errNotJSON, err)
	}
	if b[0] != '{' {
		return line{}, errors.New("not a JSON object")
	}
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return line{}, fmt.Errorf("field %q: want a string, got a JSON %s", te.Field, te.Value)
		}
		return line{}, fmt.Errorf("invalid record: %w", err)
	}
	var l line
	switch {
	case strings.TrimSpace(r.Text) != "":
		l.body, l.format = r.Text, news.FormatText
	case strings.TrimSpace(r.HTML) != "":
		l.body, l.format = r.HTML, news.FormatHTML
	default:
		return line{}, fmt.Errorf("no \"text\" or \"html\": %w", news.ErrEmpty)
	}
	if err := checkText(l.body); err != nil {
		return line{}, err
	}
	var err error
	if l.hints.Published, err = ParseTime(r.Published); err != nil {
		return line{}, fmt.Errorf("field \"published\": %w", err)
	}
	if l.fetched, err = ParseTime(r.Fetched); err != nil {
		return line{}, fmt.Errorf("field \"fetched\": %w", err)
	}
	if r.URL != "" {
		l.hints.URL = CanonicalURL(r.URL)
	}
	l.hints.Title = strings.Join(strings.Fields(r.Title), " ")
	l.hints.Publisher = strings.Join(strings.Fields(r.Publisher), " ")
	l.hints.Lang = strings.ToLower(strings.TrimSpace(r.Lang))
	return l, nil
}

// ist is India Standard Time, the zone a time without one is read in.
var ist = news.IST

// rxShortOffset matches a zone offset with a one-digit hour, "+5:30".
var rxShortOffset = regexp.MustCompile(`([+-])(\d):?(\d\d)$`)

// timeLayouts are tried in order; those without a zone are read as IST.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02",
}

// ParseTime reads a timestamp as JSON Lines inputs write it: RFC 3339
// (a one-digit hour offset such as "+5:30" is accepted), "2006-01-02
// 15:04:05" or a date alone. A time without a zone, or with the zone name
// "IST", is India Standard Time (+05:30); a date alone is its midnight in
// IST. An empty string is the zero time.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	v := rxShortOffset.ReplaceAllString(strings.TrimSuffix(s, " IST"), "${1}0${2}:${3}")
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, v, ist); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a time (want RFC 3339, \"2006-01-02 15:04:05\" or \"2006-01-02\")", s)
}

// errNUL marks JSON Lines input holding a NUL byte, which JSON never does:
// the input is binary.
var errNUL = fmt.Errorf("NUL byte in JSON Lines input: %w", news.ErrBinary)

// readLine reads one line (without its newline) of at most max bytes from
// r. A longer line is read to its end and dropped, with tooLong set. err is
// io.EOF only when nothing was left to read, and errNUL as soon as a NUL
// byte shows the input is binary.
func readLine(r *bufio.Reader, max int64, buf []byte) ([]byte, bool, error) {
	b, tooLong := buf[:0], false
	for {
		chunk, rerr := r.ReadSlice('\n')
		if bytes.IndexByte(chunk, 0) >= 0 {
			return nil, tooLong, errNUL
		}
		if !tooLong {
			if int64(len(b)+len(chunk)) > max+1 { // +1: the newline
				tooLong, b = true, b[:0]
			} else {
				b = append(b, chunk...)
			}
		}
		switch {
		case rerr == nil:
			return bytes.TrimSuffix(b, []byte("\n")), tooLong, nil
		case errors.Is(rerr, bufio.ErrBufferFull):
			continue
		case errors.Is(rerr, io.EOF):
			if len(b) == 0 && !tooLong && len(chunk) == 0 {
				return nil, false, io.EOF
			}
			return b, tooLong, nil
		default:
			return nil, false, rerr
		}
	}
}
