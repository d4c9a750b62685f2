package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func gzipped(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestEncodings(t *testing.T) {
	page := []byte(strings.Repeat("<p>नई दिल्ली: संसद का शीतकालीन सत्र सोमवार से शुरू होगा।</p>\n", 50))
	var zl, fl bytes.Buffer
	zw := zlib.NewWriter(&zl)
	zw.Write(page)
	zw.Close()
	fw, _ := flate.NewWriter(&fl, flate.DefaultCompression)
	fw.Write(page)
	fw.Close()
	tests := []struct {
		name, encoding string
		body           []byte
		wantErr        bool
	}{
		{"identity", "", page, false},
		{"gzip", "gzip", gzipped(t, page), false},
		{"x-gzip", "x-gzip", gzipped(t, page), false},
		{"deflate zlib", "deflate", zl.Bytes(), false},
		{"deflate raw", "deflate", fl.Bytes(), false},
		{"brotli", "br", page, true},
		{"corrupt gzip", "gzip", []byte("not gzip at all"), true},
		{"truncated gzip", "gzip", gzipped(t, page)[:100], true},
		{"empty gzip", "gzip", nil, false},
		{"empty deflate", "deflate", nil, false},
	}
	s := newSite(t, "")
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fmt.Sprintf("/e%d", i)
			s.handle("GET "+path, func(w http.ResponseWriter, r *http.Request) {
				if ae := r.Header.Get("Accept-Encoding"); ae != "gzip, deflate" {
					t.Errorf("Accept-Encoding = %q", ae)
				}
				if tt.encoding != "" {
					w.Header().Set("Content-Encoding", tt.encoding)
				}
				w.Write(tt.body)
			})
			resp, err := testClient(Options{}).Get(t.Context(), Request{URL: s.URL + path})
			if tt.wantErr {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := page
			if tt.body == nil {
				want = nil
			}
			if !bytes.Equal(resp.Body, want) {
				t.Errorf("body = %d bytes, want the %d-byte page", len(resp.Body), len(page))
			}
			if resp.Header.Get("Content-Encoding") != "" {
				t.Error("Response.Header keeps Content-Encoding of a decoded body")
			}
		})
	}
}

func TestBodyCap(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		w.Write(bytes.Repeat([]byte("a"), n))
	})
	c := testClient(Options{})
	tests := []struct {
		size, max int64
		tooLarge  bool
	}{
		{1000, 1000, false},
		{1001, 1000, true},
		{5 << 20, 1 << 20, true},
		{0, 10, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.size, tt.max), func(t *testing.T) {
			resp, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", s.URL, tt.size), MaxBytes: tt.max})
			if tt.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("err = %v, want ErrTooLarge", err)
				}
				return
			}
			if err != nil || int64(len(resp.Body)) != tt.size {
				t.Fatalf("got %v, %v", resp, err)
			}
		})
	}
}

// TestGzipBomb: a small gzip body that inflates far past the cap stops at
// the cap, quickly and without holding the inflated size in memory.
func TestGzipBomb(t *testing.T) {
	// 200 gzip members of 1 MB of zeros each: 200 MB inflated from 200 KB.
	bomb := bytes.Repeat(gzipped(t, make([]byte, 1<<20)), 200)
	s := newSite(t, "")
	s.handle("GET /bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	c := testClient(Options{})
	start := time.Now()
	_, err := c.Get(t.Context(), Request{URL: s.URL + "/bomb", MaxBytes: 1 << 20})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("bomb took %v to stop", took)
	}
}

// TestNeverEnding: a body that never ends, and headers that never come, are
// cut off by the total deadline.
func TestNeverEnding(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /stream", func(w http.ResponseWriter, r *http.Request) {
		for {
			if _, err := fmt.Fprintln(w, "<p>और खबरें…</p>"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	s.handle("GET /silent", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c := testClient(Options{Timeout: 300 * time.Millisecond})
	for _, path := range []string{"/stream", "/silent"} {
		t.Run(path, func(t *testing.T) {
			start := time.Now()
			_, err := c.Get(t.Context(), Request{URL: s.URL + path})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want context.DeadlineExceeded", err)
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("cut off after %v, want about 300ms", took)
			}
		})
	}
}
