package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"khabar/internal/api"
	"khabar/internal/web"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[flags]",
		"Serve the HTTP JSON API (/api/v1/…, described at /api/v1/openapi.json) and the\n"+
			"web pages of a data folder. Stop it with Ctrl-C.")
	data := fs.String("data", dataDefault(e), "data folder (env KHABAR_DATA)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openData(ctx, e, *data, forRead)
	if err != nil {
		return err
	}
	defer d.Close()
	return serve(ctx, e, d, *addr, nil)
}

// serve serves d on addr until ctx is done, then shuts down gracefully.
// ready, when set, is called with the URL once the listener is open.
func serve(ctx context.Context, e *env, d *dataFolder, addr string, ready func(url string)) error {
	a := api.New(api.Options{Articles: d.store, Searcher: d.index, Logger: e.log, Version: Version})
	ui, err := web.New(web.Options{Articles: d.store, Searcher: d.index, Logger: e.log})
	if err != nil {
		return err
	}
	srv := api.NewHTTPServer(addr, api.Mux(a, ui))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another khabar running? choose another with --addr)", addr, err)
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "serving %s on %s (API %sapi/v1/articles) — Ctrl-C to stop\n", d.dir, url, url)
	if ready != nil {
		ready(url)
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
