package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"khabar/internal/news"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "[flags]",
		"Export the stored articles: JSON Lines of v1 records, or CSV with one row per\n"+
			"article (lists joined with \"; \", nested parts as JSON; a cell a spreadsheet would\n"+
			"read as a formula starts with an apostrophe).")
	data := storeFlag(e, fs)
	what := fs.String("what", exportArticles, "what to export: articles (v1 records), entities (one row per entity over the articles),\nquotes (one row per quote) or events (one row per event, GDELT-style)")
	format := fs.String("format", "jsonl", "jsonl or csv")
	excel := fs.Bool("excel", false, "CSV for spreadsheets: a UTF-8 byte-order mark first, so Devanagari opens right")
	out := fs.String("o", "-", "output file, - for standard output")
	lang := fs.String("lang", "", "only articles in this language")
	from := fs.String("from", "", "only articles published on or after this date (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles published on or before this date")
	entity := fs.String("entity", "", "only what involves this entity id (e.g. kb:russia): the articles naming it, its quotes\n(as speaker), the events it is an actor, target or place of")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "jsonl" && *format != "csv" {
		fmt.Fprintf(e.stderr, "khabar export: unknown --format %q: use jsonl or csv\n", *format)
		return errUsage
	}
	if *what != exportArticles && newTable(*what, "") == nil {
		fmt.Fprintf(e.stderr, "khabar export: unknown --what %q: use articles, entities, quotes or events\n", *what)
		return errUsage
	}
	if *excel && *format != "csv" {
		fmt.Fprintln(e.stderr, "khabar export: --excel goes with --format csv")
		return errUsage
	}
	f, t, err := dateRange(*from, *to)
	if err != nil {
		return err
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()

	var w io.Writer = e.stdout
	var file *os.File
	if *out != "-" {
		// Write beside the target and rename, so a failed export never
		// leaves a half-written file under the requested name.
		file, err = os.CreateTemp(dirOf(*out), ".khabar-export-*")
		if err != nil {
			return err
		}
		defer os.Remove(file.Name())
		defer file.Close()
		w = file
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	keep := func(a *news.Article) bool {
		if *lang != "" && a.Lang != *lang {
			return false
		}
		if !f.IsZero() && (a.Published.IsZero() || a.Published.Before(f)) {
			return false
		}
		if !t.IsZero() && (a.Published.IsZero() || !a.Published.Before(t)) {
			return false
		}
		// The tables keep their own rows of the entity.
		if *entity != "" && *what == exportArticles && !slices.ContainsFunc(a.Entities, func(e news.Entity) bool { return e.ID == *entity }) {
			return false
		}
		return true
	}
	if *excel {
		if _, err := bw.WriteString("\uFEFF"); err != nil {
			return err
		}
	}
	n := 0
	switch {
	case *what != exportArticles:
		tb := newTable(*what, *entity)
		var rw *rowWriter
		if rw, err = newRowWriter(bw, *format, tb.header(), "articles", "mentions", "killed", "injured"); err != nil {
			return err
		}
		// The tables need no article's words: a store that can leave
		// them out is read without them.
		each := d.store.Each
		if s, ok := any(d.store).(interface {
			EachWithoutText(context.Context, func(*news.Article) error) error
		}); ok {
			each = s.EachWithoutText
		}
		err = each(ctx, func(a *news.Article) error {
			if !keep(a) {
				return nil
			}
			return tb.add(a, rw.write)
		})
		if err == nil {
			err = tb.flush(rw.write)
		}
		if err == nil {
			err = rw.close()
		}
		n = rw.counted
	case *format == "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		err = d.store.Each(ctx, func(a *news.Article) error {
			if !keep(a) {
				return nil
			}
			n++
			return enc.Encode(a)
		})
	default:
		cw := csv.NewWriter(bw)
		if err = cw.Write(csvHeader); err != nil {
			return err
		}
		err = d.store.Each(ctx, func(a *news.Article) error {
			if !keep(a) {
				return nil
			}
			n++
			return cw.Write(csvRow(a))
		})
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
		if err := os.Rename(file.Name(), *out); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "exported %d %s to %s\n", n, *what, *out)
	}
	return nil
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}

var csvHeader = []string{
	"id", "url", "title", "title_en", "lang", "publisher", "byline", "agencies",
	"dateline_place", "dateline_place_text", "dateline_date", "published", "updated",
	"source_uri", "source_format", "text", "entities", "times", "quotes", "events",
	"duplicate_of", "group", "story",
}

func csvRow(a *news.Article) []string {
	var dl news.Dateline
	if a.Dateline != nil {
		dl = *a.Dateline
	}
	row := []string{
		a.ID, a.URL, a.Title, a.TitleEn, a.Lang, a.Publisher,
		strings.Join(a.Byline, "; "), strings.Join(a.Agencies, "; "),
		dl.Place, dl.PlaceText, dl.Date, csvTime(a.Published), csvTime(a.Updated),
		a.Source.URI, a.Source.Format, a.Text,
		csvJSON(a.Entities), csvJSON(a.Times), csvJSON(a.Quotes), csvJSON(a.Events),
		a.DuplicateOf, a.Group, a.Story,
	}
	for i, c := range row {
		row[i] = csvCell(c)
	}
	return row
}

// csvCell is c made safe to open in a spreadsheet: a cell that starts with
// a character a spreadsheet reads as the start of a formula (=, +, -, @, a
// tab or a carriage return, OWASP's list; and their full-width forms, which
// some spreadsheets fold) gets a leading apostrophe, so it stays text.
func csvCell(c string) string {
	if c == "" {
		return c
	}
	r, _ := utf8.DecodeRuneInString(c)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
		return "'" + c
	}
	return c
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func csvJSON[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return strconv.Quote(err.Error())
	}
	return string(b)
}
