package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[flags] QUERY...",
		"Search the articles of a data folder. QUERY takes words in any script,\n"+
			"\"quoted phrases\", +required and -excluded words. Prints one line per hit:\n"+
			"published date, language, publisher, title and id (or v1 records with --json).")
	data := storeFlag(e, fs)
	lang := fs.String("lang", "", "only articles in this language (hi, en, …)")
	from := fs.String("from", "", "only articles published on or after this date (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles published on or before this date")
	limit := fs.Int("limit", 20, "hits to print")
	asJSON := fs.Bool("json", false, "print v1 records as JSON Lines")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	q := search.Query{Text: strings.Join(fs.Args(), " "), Lang: *lang, Limit: *limit}
	var err error
	if q.From, q.To, err = dateRange(*from, *to); err != nil {
		return err
	}
	var total uint64
	var arts []*news.Article
	d, err := openData(ctx, e, *data, forRead)
	switch {
	case errors.Is(err, search.ErrLocked):
		// A running server holds the folder: ask it.
		h, herr := readHandoff(*data)
		if herr != nil {
			return err
		}
		if total, arts, err = remoteSearch(ctx, h.URL, q); err != nil {
			return err
		}
	case err != nil:
		return err
	default:
		defer d.Close()
		res, err := d.index.Search(ctx, q)
		if err != nil {
			return err
		}
		if arts, err = d.store.GetMany(ctx, res.IDs); err != nil {
			return err
		}
		total = res.Total
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, a := range arts {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintf(w, "%d hits for %q\n", total, q.Text)
	for _, a := range arts {
		date := "          "
		if !a.Published.IsZero() {
			date = a.Published.In(ist).Format(time.DateOnly)
		}
		fmt.Fprintf(w, "%s  %-2s  %-20s  %s  [%s]\n", date, orDash(a.Lang), clip(orDash(a.Publisher), 20), orDash(a.Title), a.ID)
	}
	return nil
}

// remoteSearch runs q on the khabar serve at base.
func remoteSearch(ctx context.Context, base string, q search.Query) (uint64, []*news.Article, error) {
	v := url.Values{"q": {q.Text}, "limit": {strconv.Itoa(q.Limit)}}
	if q.Lang != "" {
		v.Set("lang", q.Lang)
	}
	if !q.From.IsZero() {
		v.Set("from", q.From.Format(time.RFC3339))
	}
	if !q.To.IsZero() {
		v.Set("to", q.To.Format(time.RFC3339))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(base, "/")+"/api/v1/articles?"+v.Encode(), nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
	if err != nil {
		return 0, nil, fmt.Errorf("search through the khabar serve at %s: %w", base, err)
	}
	defer resp.Body.Close()
	var body struct {
		Articles []*news.Article `json:"articles"`
		Total    uint64          `json:"total"`
		Error    *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 256<<20)).Decode(&body); err != nil {
		return 0, nil, fmt.Errorf("search through the khabar serve at %s: %w", base, err)
	}
	if resp.StatusCode != http.StatusOK {
		msg := resp.Status
		if body.Error != nil {
			msg = body.Error.Message
		}
		return 0, nil, fmt.Errorf("search through the khabar serve at %s: %s", base, msg)
	}
	return body.Total, body.Articles, nil
}

// ist is Indian Standard Time, the zone dates are shown and read in.
var ist = news.IST

// dateRange reads --from and --to: RFC 3339, or a date in IST where a --to
// date includes that whole day.
func dateRange(from, to string) (time.Time, time.Time, error) {
	var f, t time.Time
	var err error
	if from != "" {
		if f, err = parseWhen(from, false); err != nil {
			return f, t, fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if t, err = parseWhen(to, true); err != nil {
			return f, t, fmt.Errorf("--to: %w", err)
		}
	}
	return f, t, nil
}

func parseWhen(s string, end bool) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := time.ParseInLocation(time.DateOnly, s, ist)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD or RFC 3339", s)
	}
	if end {
		d = d.AddDate(0, 0, 1)
	}
	return d, nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
