// Package cli implements the khabar command line: one file per subcommand.
// Run is the whole program; main only wires the process to it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"

	"khabar/internal/news"
)

// Version is khabar's version; it is also mixed into stored content hashes,
// so a new version re-analyses what an older one stored.
const Version = "0.1.0"

// env is what a command runs with: its streams and a logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	log            *slog.Logger
	// getenv reads the environment (os.Getenv, or a map in tests).
	getenv func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"analyze", "analyse articles and print v1 records as JSON Lines (stores nothing)", runAnalyze},
		{"ingest", "analyse articles into a data folder (SQLite + search index)", runIngest},
		{"search", "search a data folder", runSearch},
		{"export", "export stored articles as JSON Lines or CSV", runExport},
		{"sources", "follow feeds, sitemaps and sites (sources add|import|export|remove|list)", runSources},
		{"fetch", "fetch due sources and their new pages into a data folder", runFetch},
		{"serve", "serve the HTTP API and web pages of a data folder, following its sources", runServe},
		{"reanalyze", "run the pipeline again over the raw pages a data folder keeps", runReanalyze},
		{"alerts", "saved searches, as Atom feeds and webhooks (alerts add|list|remove)", runAlerts},
		{"demo", "ingest the sample corpus and serve it", runDemo},
		{"tag", "tag named entities in CoNLL input", runTag},
		{"names", "match Devanagari names to Latin-script names (names match)", runNames},
		{"train", "train the NER model (train ner)", runTrain},
		{"eval", "measure a stage on labelled data (eval clean|ner|names|…)", runEval},
		{"bench", "measure analyze and ingest speed and memory on generated articles", runBench},
		{"worker", "analyse (or, with --link, link and store) articles from a queue (docs/scale.md)", runWorker},
		{"rebuild", "recompute copies, groups and stories, or the search index (rebuild stories|index)", runRebuild},
		{"version", "print the version", runVersion},
	}
}

// errUsage marks a usage error: the command has printed its usage already.
var errUsage = errors.New("usage")

// errFailedItems is returned by commands that finished but could not handle
// some items; they have been reported and the exit code is 1.
var errFailedItems = errors.New("some items failed")

// Run runs khabar with args (without the program name) and returns the exit
// code: 0 success, 1 failure (including any item that failed), 2 usage.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		// Collect at 60% heap growth rather than 100%: ingesting 10,000
		// articles then peaks at ≈ 245 MB instead of ≈ 300-320 MB, at no
		// measurable cost in articles/s (khabar bench). Proportional to
		// the live heap, so a large store does not make it thrash as a
		// fixed memory limit would. GOGC in the environment overrides it.
		debug.SetGCPercent(gcPercent)
	}
	return run(ctx, args, &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv})
}

// gcPercent is the collector's heap growth target khabar runs with.
const gcPercent = 60

func run(ctx context.Context, args []string, e *env) int {
	level := slog.LevelWarn
	switch strings.ToLower(e.getenv("KHABAR_LOG")) {
	case "debug":
		level = slog.LevelDebug
	case "info":
		level = slog.LevelInfo
	case "error":
		level = slog.LevelError
	}
	e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))

	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, e)
		}
		usage(e.stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			return 2
		case errors.Is(err, errFailedItems):
			return 1
		case errors.Is(err, context.Canceled):
			fmt.Fprintln(e.stderr, "khabar: interrupted")
			return 1
		case errors.Is(err, news.ErrDiskFull):
			fmt.Fprintf(e.stderr, "khabar %s: the disk is full (%v)\nEverything stored before is kept; free some space and run the same command again.\n", c.name, err)
			return 1
		default:
			fmt.Fprintf(e.stderr, "khabar %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "khabar: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "khabar %s — Hindi-first news intelligence\n\nUsage: khabar COMMAND [flags] [args]\n\nCommands:\n", Version)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"khabar COMMAND -h\" for a command's flags.\nEnvironment: KHABAR_STORE (the store: a data folder, sqlite:PATH or postgres://…), KHABAR_DATA (data folder), KHABAR_TOKEN (the server's write token), KHABAR_LOG (debug|info|warn|error),\nKHABAR_QUEUE (NATS queue for workers, nats://…), KHABAR_QUEUE_PREFIX (its stream names).\n")
}

// newFlags returns a flag set for cmd whose usage names its arguments.
func newFlags(e *env, cmd, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: khabar %s %s\n\n%s\n\nFlags:\n", cmd, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, mapping flag errors to errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func runVersion(_ context.Context, e *env, _ []string) error {
	fmt.Fprintln(e.stdout, "khabar", Version)
	return nil
}
