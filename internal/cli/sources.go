package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	feeds "khabar/internal/feed"
	"khabar/internal/follow"
	"khabar/internal/news"
	"khabar/internal/store"
)

func runSources(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprint(e.stderr, sourcesUsage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	switch args[0] {
	case "add":
		return sourcesAdd(ctx, e, args[1:])
	case "import":
		return sourcesImport(ctx, e, args[1:])
	case "export":
		return sourcesExport(ctx, e, args[1:])
	case "remove":
		return sourcesRemove(ctx, e, args[1:])
	case "list":
		return sourcesList(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "khabar sources: unknown subcommand %q\n\n%s", args[0], sourcesUsage)
	return errUsage
}

const sourcesUsage = `Usage: khabar sources add|import|export|remove|list [flags] [args]

  add URL...        follow feeds (RSS, Atom, JSON Feed), sitemaps and sitemap indexes
                    (Google News sitemaps too), or home pages whose feeds and sitemaps
                    are discovered (<link rel="alternate">, robots.txt)
  import FILE.opml  follow every feed of an OPML list
  export            print the sources as OPML
  remove ID|URL...  stop following sources (their articles stay stored)
  list [--json]     show every source: kind, last fetch and status, next fetch,
                    articles found, consecutive errors and the last error; with
                    --queue (or KHABAR_QUEUE), the queue's depths and dead letters

Run "khabar sources SUBCOMMAND -h" for its flags. khabar serve (and khabar fetch)
fetch the sources; changes here reach a running server within seconds.
`

// openSources opens the store at loc for the sources commands. The store
// alone is opened, so they work beside a running server; with create, a
// data folder that does not exist yet is made whole first.
func openSources(ctx context.Context, e *env, loc string, create bool) (*dataFolder, error) {
	dir, folder := folderOf(loc)
	if !folder {
		return openData(ctx, e, loc, storeOnly)
	}
	if create {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("data folder: %w", err)
		}
		if _, err := os.Stat(dir + "/khabar.db"); errors.Is(err, os.ErrNotExist) {
			d, err := openData(ctx, e, dir, forWrite) // a new folder: make it whole
			if err != nil {
				return nil, err
			}
			d.Close()
		}
	}
	return openData(ctx, e, dir, storeOnly)
}

func sourcesAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources add", "[flags] URL...",
		"Follow feeds, sitemaps or home pages (their feeds and sitemaps are discovered).")
	data := storeFlag(e, fs)
	var ff fetchFlags
	ff.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	d, err := openSources(ctx, e, *data, true)
	if err != nil {
		return err
	}
	defer d.Close()
	f := follow.New(follow.Options{Store: d.store, Fetcher: ff.client(e, nil, nil), Logger: e.log})
	failed := 0
	for _, u := range fs.Args() {
		srcs, err := f.Add(ctx, u)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed++
			fmt.Fprintf(e.stderr, "%s: %s\n", u, strings.ReplaceAll(err.Error(), "\n", "; "))
			continue
		}
		for _, s := range srcs {
			fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\n", s.ID, s.Kind, s.URL, s.Title)
		}
	}
	if failed > 0 {
		return errFailedItems
	}
	return nil
}

func sourcesImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources import", "[flags] FILE.opml",
		"Follow every feed of an OPML subscription list (outlines with xmlUrl; an outline\n"+
			"with only a site's htmlUrl is discovered as \"sources add\" does).")
	data := storeFlag(e, fs)
	var ff fetchFlags
	ff.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	in, err := openInput(e, fs.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	outlines, err := feeds.ReadOPML(in)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	d, err := openSources(ctx, e, *data, true)
	if err != nil {
		return err
	}
	defer d.Close()
	f := follow.New(follow.Options{Store: d.store, Fetcher: ff.client(e, nil, nil), Logger: e.log})
	added, known, failed := 0, 0, 0
	for _, o := range outlines {
		if o.XMLURL == "" {
			if _, err := f.Add(ctx, o.HTMLURL); err != nil {
				failed++
				fmt.Fprintf(e.stderr, "%s: %s\n", o.HTMLURL, strings.ReplaceAll(err.Error(), "\n", "; "))
			} else {
				added++
			}
			continue
		}
		title := o.Title
		if title == "" {
			title = o.Text
		}
		// The kind is learnt at the first fetch; until then an OPML
		// outline is a feed.
		src := &store.Source{URL: strings.TrimSpace(o.XMLURL), Kind: store.KindRSS, Title: title, Site: o.HTMLURL,
			Interval: follow.DefaultInterval}
		ok, err := d.store.AddSource(ctx, src)
		if err != nil {
			return err
		}
		if ok {
			added++
		} else {
			known++
		}
	}
	fmt.Fprintf(e.stdout, "imported %s: %d sources added, %d already followed, %d failed\n", fs.Arg(0), added, known, failed)
	if failed > 0 {
		return errFailedItems
	}
	return nil
}

func sourcesExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources export", "[flags]", "Print the sources followed as an OPML 2.0 list.")
	data := storeFlag(e, fs)
	out := fs.String("o", "", "write to this file instead of standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	srcs, err := d.store.Sources(ctx)
	if err != nil {
		return err
	}
	outlines := make([]feeds.Outline, 0, len(srcs))
	for _, s := range srcs {
		text := s.Title
		if text == "" {
			text = s.URL
		}
		outlines = append(outlines, feeds.Outline{Text: text, Title: s.Title, Type: opmlType(s.Kind), XMLURL: s.URL, HTMLURL: s.Site})
	}
	w := e.stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return feeds.WriteOPML(w, "khabar sources", outlines)
}

// opmlType is the OPML outline type of a source kind.
func opmlType(kind string) string {
	switch kind {
	case store.KindSitemap, store.KindSitemapIndex:
		return kind
	}
	return "rss"
}

func sourcesRemove(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources remove", "[flags] ID|URL...", "Stop following sources; their stored articles stay.")
	data := storeFlag(e, fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	f := follow.New(follow.Options{Store: d.store})
	failed := 0
	for _, ref := range fs.Args() {
		s, err := f.Lookup(ctx, ref)
		if err == nil {
			err = d.store.RemoveSource(ctx, s.ID)
		}
		if err != nil {
			failed++
			if errors.Is(err, news.ErrNotFound) {
				err = errors.New("no such source (see khabar sources list)")
			}
			fmt.Fprintf(e.stderr, "%s: %v\n", ref, err)
			continue
		}
		fmt.Fprintf(e.stdout, "removed %d %s\n", s.ID, s.URL)
	}
	if failed > 0 {
		return errFailedItems
	}
	return nil
}

func sourcesList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "sources list", "[flags]", "Show every source with its fetch state.")
	data := storeFlag(e, fs)
	asJSON := fs.Bool("json", false, "print JSON (one array of sources)")
	qurl := queueFlag(e, fs, "also show the queue's depths and its latest dead letters")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	srcs, err := d.store.Sources(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if srcs == nil {
			srcs = []*store.Source{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(srcs)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tURL\tLAST FETCH\tSTATUS\tNEXT FETCH\tARTICLES\tERRORS\tLAST ERROR")
	for _, s := range srcs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", s.ID, s.Kind, s.URL, when(s.LastFetch), status(s.LastStatus),
			when(s.NextFetch), s.Articles, s.Errors, oneLine(s.LastError, 80))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *qurl != "" {
		return printQueue(ctx, e, *qurl)
	}
	return nil
}

// deadShown is how many dead letters sources list shows.
const deadShown = 20

// printQueue prints the queue's depths and latest dead letters.
func printQueue(ctx context.Context, e *env, url string) error {
	q, err := openQueue(ctx, e, url, 0)
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := q.Stats(ctx)
	if err != nil {
		return err
	}
	total, dead, err := q.DeadLetters(ctx, deadShown)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nqueue %s: %d raw articles waiting for analysis, %d records waiting for the linker, %d dead letters (%d published in all)\n",
		url, st.Raw, st.Records, total, st.Published)
	if len(dead) == 0 {
		return nil
	}
	fmt.Fprintf(e.stdout, "latest dead letters (given up; fix the cause and ingest the item again):\n")
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEQ\tWHEN\tITEM\tTRIES\tERROR")
	for _, d := range dead {
		name := d.Name
		if name == "" {
			name = d.ID
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", d.Seq, when(d.Time), oneLine(name, 60), d.Deliveries, oneLine(d.Err, 100))
	}
	return tw.Flush()
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(istZone).Format("2006-01-02 15:04 IST")
}

var istZone = news.IST

func status(code int) string {
	if code == 0 {
		return "-"
	}
	return fmt.Sprint(code)
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
