package warc_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"khabar/internal/warc"
)

// This example archives one fetched page, as fetch --warc does, and reads
// the archive back.
func Example() {
	dir, err := os.MkdirTemp("", "warc-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	w, err := warc.NewWriter(dir, warc.WriterOptions{Version: "1.0.0"})
	if err != nil {
		log.Fatal(err)
	}
	u, _ := url.Parse("https://samachar.example/desh/2025/11/03/barish.html")
	req := &http.Request{Method: http.MethodGet, URL: u, Host: u.Host, Header: http.Header{"User-Agent": {"khabar/1.0.0"}}}
	resp := &http.Response{StatusCode: 200, Status: "200 OK", Proto: "HTTP/1.1", Request: req,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}}
	body := []byte(`<!DOCTYPE html><html lang="hi"><title>दिल्ली में बारिश</title><p>राजधानी में सोमवार को तेज़ बारिश हुई।</p></html>`)
	fetched := time.Date(2025, 11, 3, 9, 30, 0, 0, time.UTC)
	if err := w.Record(req, resp, body, fetched); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	files, _ := filepath.Glob(filepath.Join(dir, "khabar-*.warc.gz"))
	f, err := os.Open(files[0])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	st, err := warc.Read(context.Background(), f, warc.Options{}, func(r warc.Record, err error) error {
		if err != nil {
			return err
		}
		fmt.Println(r.Status, r.TargetURI, r.Date.Format(time.RFC3339), len(r.Body) == len(body))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d records: %d HTML page, %d skipped (warcinfo, request)\n", st.Records, st.HTML, st.Skipped)
	// Output:
	// 200 https://samachar.example/desh/2025/11/03/barish.html 2025-11-03T09:30:00Z true
	// 3 records: 1 HTML page, 2 skipped (warcinfo, request)
}
