package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"khabar/internal/search"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[flags] QUERY...",
		"Search the articles of a data folder. QUERY takes words in any script,\n"+
			"\"quoted phrases\", +required and -excluded words. Prints one line per hit:\n"+
			"published date, language, publisher, title and id (or v1 records with --json).")
	data := fs.String("data", dataDefault(e), "data folder (env KHABAR_DATA)")
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
	d, err := openData(ctx, e, *data, forRead)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := d.index.Search(ctx, q)
	if err != nil {
		return err
	}
	arts, err := d.store.GetMany(ctx, res.IDs)
	if err != nil {
		return err
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
	fmt.Fprintf(w, "%d hits for %q\n", res.Total, q.Text)
	for _, a := range arts {
		date := "          "
		if !a.Published.IsZero() {
			date = a.Published.In(ist).Format(time.DateOnly)
		}
		fmt.Fprintf(w, "%s  %-2s  %-20s  %s  [%s]\n", date, orDash(a.Lang), clip(orDash(a.Publisher), 20), orDash(a.Title), a.ID)
	}
	return nil
}

// ist is Indian Standard Time, the zone dates are shown and read in.
var ist = time.FixedZone("IST", 5*3600+1800)

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
