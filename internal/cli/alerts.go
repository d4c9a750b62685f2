package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"khabar/internal/alert"
	"khabar/internal/news"
	"khabar/internal/store"
)

const alertsUsage = `Usage: khabar alerts add|list|remove [flags] [args]

  add NAME QUERY...   save a search under NAME (the syntax of khabar search); its newest
                      matches are served as Atom at /feeds/NAME.atom by khabar serve, and
                      with --webhook URL each later match is posted there as JSON
  list [--json]       show the saved searches
  remove NAME...      forget saved searches

Run "khabar alerts SUBCOMMAND -h" for its flags. Changes reach a running server at once.
`

func runAlerts(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprint(e.stderr, alertsUsage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return nil
		}
		return errUsage
	}
	switch args[0] {
	case "add":
		return alertsAdd(ctx, e, args[1:])
	case "list":
		return alertsList(ctx, e, args[1:])
	case "remove":
		return alertsRemove(ctx, e, args[1:])
	}
	fmt.Fprintf(e.stderr, "khabar alerts: unknown subcommand %q\n\n%s", args[0], alertsUsage)
	return errUsage
}

func alertsAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "alerts add", "[flags] NAME QUERY...", "Save a search under NAME.")
	data := storeFlag(e, fs)
	lang := fs.String("lang", "", "only articles in this language")
	from := fs.String("from", "", "only articles published on or after this date (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles published on or before this date")
	webhook := fs.String("webhook", "", "http(s) URL to post each new match to, as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return errUsage
	}
	f, t, err := dateRange(*from, *to)
	if err != nil {
		return err
	}
	a := &store.Alert{Name: fs.Arg(0), Query: strings.Join(fs.Args()[1:], " "), Lang: strings.ToLower(*lang), From: f, To: t,
		Webhook: *webhook, Created: time.Now().UTC()}
	if err := alert.Check(a); err != nil {
		return err
	}
	d, err := openSources(ctx, e, *data, true)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.store.PutAlert(ctx, a); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "saved %q: %s (feed /feeds/%s.atom)\n", a.Name, a.Query, a.Name)
	return nil
}

func alertsList(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "alerts list", "[flags]", "Show the saved searches.")
	data := storeFlag(e, fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	list, err := d.store.ListAlerts(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tQUERY\tLANG\tFROM\tTO\tWEBHOOK\tLAST ERROR")
	for _, a := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.Name, a.Query, orDash(a.Lang), when(a.From), when(a.To), orDash(a.Webhook), oneLine(a.LastError, 60))
	}
	return tw.Flush()
}

func alertsRemove(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "alerts remove", "[flags] NAME...", "Forget saved searches.")
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
	failed := 0
	for _, name := range fs.Args() {
		if err := d.store.RemoveAlert(ctx, name); err != nil {
			failed++
			if errors.Is(err, news.ErrNotFound) {
				err = errors.New("no saved search has this name (see khabar alerts list)")
			}
			fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
			continue
		}
		fmt.Fprintf(e.stdout, "removed %s\n", name)
	}
	if failed > 0 {
		return errFailedItems
	}
	return nil
}
