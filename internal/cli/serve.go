package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"khabar/internal/alert"
	"khabar/internal/api"
	"khabar/internal/fetch"
	"khabar/internal/search"
	"khabar/internal/source"
	"khabar/internal/web"
)

// serveConfig says how to serve a data folder.
type serveConfig struct {
	addr   string
	token  string
	follow bool
	node   nodeOptions
	// ready, when set, is called with the URL once the listener is open.
	ready func(url string)
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]",
		"Serve the HTTP JSON API (/api/v1/…, described at /api/v1/openapi.json) and the\n"+
			"web pages of a data folder, follow its sources in the background, and ingest\n"+
			"what POST /api/v1/articles and `khabar ingest` hand it. Stop it with Ctrl-C.")
	data := storeFlag(e, fs)
	c := serveConfig{}
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&c.token, "token", e.getenv("KHABAR_TOKEN"),
		"bearer token every write route needs (env KHABAR_TOKEN); required to take writes on a non-loopback address")
	fs.BoolVar(&c.follow, "follow", true, "follow every source in the background")
	fs.StringVar(&c.node.warcDir, "warc", "", "archive every fetched response and its request as WARC files in `DIR`")
	fs.IntVar(&c.node.workers, "j", 0, "articles analysed at once (default: the number of CPUs)")
	c.node.fetch.register(fs)
	qurl := queueFlag(e, fs, "follow sources and take uploads through this queue: `khabar worker`s analyse, a linker stores")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *qurl != "" {
		q, err := openQueue(ctx, e, *qurl, 0)
		if err != nil {
			return err
		}
		defer q.Close()
		c.node.queue = q.Publisher(source.Hash)
	}
	return serveData(ctx, e, *data, c)
}

// serveData opens dir and serves it as c says. When another process holds
// the folder's index, it serves it read-only: no writes, no following.
func serveData(ctx context.Context, e *env, dir string, c serveConfig) error {
	d, err := openData(ctx, e, dir, forWrite)
	if errors.Is(err, search.ErrLocked) {
		fmt.Fprintf(e.stderr, "khabar serve: another khabar is writing %s: serving it read-only (no following, no uploads)\n", showLoc(dir))
		d, err = openData(ctx, e, dir, forRead)
		if err != nil {
			return err
		}
		defer d.Close()
		return serve(ctx, e, d, c, nil)
	}
	if err != nil {
		return err
	}
	defer d.Close()
	nctx, stopNode := context.WithCancel(ctx)
	defer stopNode()
	n, err := startNode(nctx, e, d, c.node)
	if err != nil {
		return err
	}
	// Saved searches with webhooks are posted to as articles match.
	notified := make(chan struct{})
	go func() {
		defer close(notified)
		alert.NewNotifier(alert.NotifierOptions{Store: d.store, Search: d.index, Logger: e.log,
			Client: fetch.SafeHTTPClient(c.node.fetch.allowPrivate, 10*time.Second), Base: "http://" + c.addr}).Run(nctx)
	}()
	var followed chan struct{}
	if c.follow {
		followed = make(chan struct{})
		go func() {
			defer close(followed)
			if err := n.follow.Run(nctx); err != nil {
				e.log.Error("following stopped", slog.String("error", err.Error()))
			}
		}()
	}
	err = serve(ctx, e, d, c, n)
	stopNode()
	if followed != nil {
		<-followed
	}
	<-notified
	sum, nerr := n.wait()
	if sum.Total() > 0 {
		fmt.Fprintf(e.stdout, "ingested while serving: %d new, %d updated, %d unchanged, %d failed\n",
			sum.New, sum.Updated, sum.Unchanged, sum.Failed)
	}
	return errors.Join(err, nerr)
}

// handoff is the file a serving khabar leaves in its data folder, so that
// other commands can hand it their work.
const handoffFile = "serve.json"

// handoff is its content.
type handoff struct {
	URL    string `json:"url"`
	PID    int    `json:"pid"`
	Writes bool   `json:"writes"`
}

// serve serves d until ctx is done, then shuts down gracefully. n, when
// set, is the running node whose ingester and follower take writes.
func serve(ctx context.Context, e *env, d *dataFolder, c serveConfig, n *node) error {
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another khabar running? choose another with --addr)", c.addr, err)
	}
	defer ln.Close()
	url := "http://" + ln.Addr().String() + "/"
	opt := api.Options{Articles: d.store, Searcher: d.index, Logger: e.log, Version: Version,
		Write: api.Write{Token: c.token}}
	writes := n != nil
	if n != nil {
		opt.Ingest, opt.Sources, opt.Metrics = n.submit, n.follow, n.metrics.Handler()
		if c.token == "" && !loopback(ln.Addr()) {
			opt.Write.Off = fmt.Sprintf("writes are off: this server listens on %s without a token; restart it with --token (or KHABAR_TOKEN) to take uploads and new sources", ln.Addr())
			writes = false
			fmt.Fprintf(e.stderr, "khabar serve: %s\n", opt.Write.Off)
		}
	}
	a := api.New(opt)
	wo := web.Options{Articles: d.store, Searcher: d.index, Logger: e.log, Write: opt.Write}
	if n != nil {
		wo.Sources = n.follow
	}
	ui, err := web.New(wo)
	if err != nil {
		return err
	}
	srv := api.NewHTTPServer(c.addr, api.Mux(a, ui))
	if n != nil {
		// A long upload is analysed before it is answered.
		srv.WriteTimeout = 5 * time.Minute
		srv.ReadTimeout = 2 * time.Minute
	}
	if d.dir != "" {
		// A data folder is written by one process: commands that find it
		// held hand their work to this server. A PostgreSQL store takes
		// writes from any number of processes, and needs no hand-over.
		hf := filepath.Join(d.dir, handoffFile)
		if err := writeHandoff(hf, handoff{URL: url, PID: os.Getpid(), Writes: writes}); err != nil {
			e.log.Warn("cannot leave the hand-over file; `khabar ingest` will not find this server", slog.String("error", err.Error()))
		} else {
			defer os.Remove(hf)
		}
	}
	fmt.Fprintf(e.stdout, "serving %s on %s (API %sapi/v1/articles) — Ctrl-C to stop\n", d.name, url, url)
	if c.ready != nil {
		c.ready(url)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(e.stdout, "stopped")
	return nil
}

// loopback reports whether a is a loopback address.
func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// writeHandoff writes h to path atomically.
func writeHandoff(path string, h handoff) error {
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// readHandoff reads the hand-over file of the data folder loc; a store
// that is not a folder has none.
func readHandoff(loc string) (handoff, error) {
	var h handoff
	dir, ok := folderOf(loc)
	if !ok {
		return h, errors.New("no hand-over file: the store is not a data folder")
	}
	b, err := os.ReadFile(filepath.Join(dir, handoffFile))
	if err != nil {
		return h, err
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return h, fmt.Errorf("%s: %w", handoffFile, err)
	}
	return h, nil
}
