package api

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/news"
)

// Limits on query parameters.
const (
	// DefaultLimit is the page size when limit is not given.
	DefaultLimit = 20
	// MaxLimit is the largest page size a client may ask for.
	MaxLimit = 100
	// MaxQueryText is the longest q accepted, in bytes.
	MaxQueryText = 512
	// maxCursor is the longest cursor accepted, in bytes.
	maxCursor = 2048
)

// ist is India Standard Time, in which date-only bounds are read.
var ist = news.IST

// IST returns India Standard Time (+05:30), the zone in which date-only
// bounds are read and dates are shown.
func IST() *time.Location { return ist }

// Query is a parsed request for a page of articles: a search when Text is
// set, a newest-first listing otherwise.
type Query struct {
	// Text is the search text (q); empty lists articles.
	Text string
	// Lang keeps articles of this ISO 639 language code.
	Lang string
	// From and To bound the published time: From <= published < To. Zero
	// values do not bound.
	From, To time.Time
	// Limit is the page size, 1..MaxLimit.
	Limit int
	// Cursor is the API cursor of the page to fetch, as a client sent it;
	// empty for the first page. ParseQuery has checked that it decodes.
	Cursor string
	// ByDate orders a search's hits newest first (sort=date) instead of
	// best first (sort=relevance, the default).
	ByDate bool
	// Days asks a search for its matches per IST day (for a chart; not a
	// parameter of the API).
	Days bool
}

// ParamError is a query parameter a client got wrong. Its message says what
// to send instead.
type ParamError struct {
	// Param is the name of the parameter: "q", "lang", "from", "to",
	// "limit" or "cursor".
	Param string
	// Msg says what is wrong and what to do.
	Msg string
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Msg }

func paramErr(param, format string, args ...any) error {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, args...)}
}

// ParseQuery reads the parameters q, lang, from, to, limit and cursor from
// v. Empty parameters count as absent (HTML forms send them empty). from and
// to take RFC 3339 times or YYYY-MM-DD dates read in IST; a date-only to
// includes that whole day. Errors are *ParamError.
func ParseQuery(v url.Values) (Query, error) {
	q := Query{Limit: DefaultLimit}

	q.Text = strings.TrimSpace(v.Get("q"))
	if len(q.Text) > MaxQueryText {
		return Query{}, paramErr("q", "is longer than %d bytes; shorten the search text", MaxQueryText)
	}
	if !utf8.ValidString(q.Text) || strings.ContainsFunc(q.Text, unicode.IsControl) {
		return Query{}, paramErr("q", "holds invalid or control characters; send plain UTF-8 text")
	}

	if lang := strings.TrimSpace(v.Get("lang")); lang != "" {
		lang = strings.ToLower(lang)
		if !isLangCode(lang) {
			return Query{}, paramErr("lang", "must be an ISO 639 language code of 2 or 3 letters, such as hi or en")
		}
		q.Lang = lang
	}

	var err error
	if s := strings.TrimSpace(v.Get("from")); s != "" {
		if q.From, err = parseBound(s, false); err != nil {
			return Query{}, paramErr("from", "%q is not a date; use YYYY-MM-DD (read in IST) or an RFC 3339 time such as 2025-03-19T10:00:00+05:30", clip(s))
		}
	}
	if s := strings.TrimSpace(v.Get("to")); s != "" {
		if q.To, err = parseBound(s, true); err != nil {
			return Query{}, paramErr("to", "%q is not a date; use YYYY-MM-DD (read in IST, the whole day included) or an RFC 3339 time such as 2025-03-19T18:00:00+05:30", clip(s))
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && !q.From.Before(q.To) {
		return Query{}, paramErr("to", "must be after from; swap the two dates or widen the range")
	}

	if s := strings.TrimSpace(v.Get("limit")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxLimit {
			return Query{}, paramErr("limit", "must be a whole number from 1 to %d", MaxLimit)
		}
		q.Limit = n
	}

	switch s := strings.TrimSpace(v.Get("sort")); s {
	case "", "relevance":
	case "date":
		q.ByDate = true
	default:
		return Query{}, paramErr("sort", "must be relevance or date")
	}

	if c := strings.TrimSpace(v.Get("cursor")); c != "" {
		if _, err := decodeCursor(c, q.Text != ""); err != nil {
			return Query{}, err
		}
		q.Cursor = c
	}
	return q, nil
}

// isLangCode reports whether s is 2 or 3 ASCII lowercase letters.
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// parseBound reads a from or to bound. A date is midnight IST; for an upper
// bound (end) it is midnight of the next day, so the whole day is included.
func parseBound(s string, end bool) (time.Time, error) {
	if len(s) == len("2006-01-02") {
		d, err := time.ParseInLocation(time.DateOnly, s, ist)
		if err != nil {
			return time.Time{}, err
		}
		if end {
			d = d.AddDate(0, 0, 1)
		}
		return d, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil && strings.Contains(s, " ") {
		// An unescaped "+05:30" arrives as " 05:30": take it as meant.
		t, err = time.Parse(time.RFC3339, strings.ReplaceAll(s, " ", "+"))
	}
	return t, err
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	i := max
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// Cursor kinds: an API cursor says whether it continues a search or a
// listing, so one is never handed to the other's backend.
const (
	kindList   = 'l'
	kindSearch = 's'
)

// encodeCursor wraps a backend cursor for clients; "" stays "".
func encodeCursor(inner string, search bool) string {
	if inner == "" {
		return ""
	}
	kind := byte(kindList)
	if search {
		kind = kindSearch
	}
	return base64.RawURLEncoding.EncodeToString(append([]byte{kind}, inner...))
}

// decodeCursor unwraps a client's cursor into the backend's.
func decodeCursor(c string, search bool) (string, error) {
	if len(c) > maxCursor {
		return "", paramErr("cursor", "is too long; send the next value of an earlier response unchanged")
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || (b[0] != kindList && b[0] != kindSearch) {
		return "", paramErr("cursor", "is not one this server issued; send the next value of an earlier response unchanged, or leave cursor out for the first page")
	}
	if (b[0] == kindSearch) != search {
		if search {
			return "", paramErr("cursor", "continues a listing without q; leave cursor out to start this search from its first page")
		}
		return "", paramErr("cursor", "continues a search; send the same q with it, or leave cursor out to list from the first page")
	}
	return string(b[1:]), nil
}
