package api

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Request size limits.
const (
	// MaxBody is the most bytes a request body may hold. The API and UI
	// only answer GET and HEAD, so bodies carry nothing.
	MaxBody = 1 << 10
	// MaxPath is the longest request path served, in bytes.
	MaxPath = 1 << 10
	// MaxRawQuery is the longest raw query string served, in bytes.
	MaxRawQuery = 4 << 10
	// MaxHeaderBytes is the most bytes of request headers NewHTTPServer
	// reads.
	MaxHeaderBytes = 32 << 10
)

// Middleware wraps next in the server's middleware, outermost first:
// request logging (method, path, status, duration_ms), panic recovery with a
// 500 answer, security headers, and limits — only GET and HEAD (405), paths
// and query strings of bounded length (414), bodies of at most MaxBody bytes.
// Answers under /api/ and /healthz are JSON, others plain text.
func (s *Server) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
					panic(v)
				}
				s.log.LogAttrs(r.Context(), slog.LevelError, "panic serving request",
					slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("panic", v))
				if !rec.wrote {
					answer(rec, r, http.StatusInternalServerError, "internal", "the server failed to answer; try again, and report it if it persists")
				}
			}
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(r.Context(), level, "http request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", rec.code()),
				slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
				slog.Int64("bytes", rec.bytes),
			)
		}()

		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		write := s.writePath(r.Method, r.URL.Path)
		limit := int64(MaxBody)
		if write {
			limit = MaxUpload
		}
		switch {
		case r.Method != http.MethodGet && r.Method != http.MethodHead && !write:
			h.Set("Allow", "GET, HEAD")
			answer(rec, r, http.StatusMethodNotAllowed, "method_not_allowed", "only GET and HEAD are served here; the write routes are POST /api/v1/articles, POST /api/v1/sources and DELETE /api/v1/sources/{id}")
			return
		case len(r.URL.Path) > MaxPath || len(r.URL.RawQuery) > MaxRawQuery:
			answer(rec, r, http.StatusRequestURITooLong, "uri_too_long", "the URL is too long; shorten the query parameters")
			return
		case r.ContentLength > limit && !write:
			answer(rec, r, http.StatusRequestEntityTooLarge, "request_too_large", "requests carry no body; send the parameters in the URL")
			return
		case r.ContentLength > limit:
			answer(rec, r, http.StatusRequestEntityTooLarge, "request_too_large", fmt.Sprintf("the body is over %d bytes: send it in several requests", limit))
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rec, r.Body, limit)
		}
		next.ServeHTTP(rec, r)
	})
}

// isAPIPath reports whether path answers in JSON.
func isAPIPath(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/healthz"
}

// answer writes an error answer from the middleware: JSON for API paths,
// plain text for the UI.
func answer(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	if isAPIPath(r.URL.Path) {
		writeError(w, status, code, msg)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(http.StatusText(status) + ": " + msg + "\n"))
}

// recorder notes the status and size of an answer for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// code is the status the answer carried: 200 when the handler wrote nothing.
func (r *recorder) code() int {
	if !r.wrote {
		return http.StatusOK
	}
	return r.status
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Routes registers a set of handlers on a mux. *web.UI satisfies it. Its
// patterns must name the GET method ("GET /a/{id}") so they combine with
// the API's, and may include "GET /" for the paths nobody else serves.
type Routes interface {
	Register(mux *http.ServeMux)
}

// Mux returns the handler of `khabar serve`: the API of s and the routes of
// ui (which may be nil) on one mux, behind s's middleware. Without ui,
// unknown paths answer with a JSON 404; with it, ui answers them.
func Mux(s *Server, ui Routes) http.Handler {
	if ui == nil {
		return s.Handler()
	}
	mux := http.NewServeMux()
	s.Register(mux)
	ui.Register(mux)
	return s.Middleware(limit(mux, inFlight()))
}

// NewHTTPServer returns an http.Server for h on addr with timeouts and a
// header limit suited to a public read-only service. The caller starts it
// and shuts it down.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    MaxHeaderBytes,
	}
}
