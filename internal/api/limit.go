package api

import (
	"net/http"
	"runtime"
	"strconv"
	"time"
)

// One stored article may decode to tens of megabytes (an article with
// thousands of entities); a response is bounded (see Bound), but the
// decoding is not. So the number of requests handled at once, not the
// number of clients, is what bounds the server's memory: the others wait
// their turn, and answer 503 with Retry-After when the wait grows too
// long for the server's write timeout.

// inFlight is how many requests are handled at once.
func inFlight() int { return max(2, runtime.GOMAXPROCS(0)) }

// queueWait is the longest a request waits for its turn.
const queueWait = 15 * time.Second

// limit serves next at most n reads at a time; /healthz and /metrics do
// not wait, and neither do writes (uploads, new sources and alerts): they
// are few, need the token where the server is reachable beyond loopback,
// bounded by the upload limits and the ingester's own queue, and may take
// longer than a read may wait.
func limit(next http.Handler, n int) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			next.ServeHTTP(w, r)
			return
		}
		t := time.NewTimer(queueWait)
		defer t.Stop()
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		case <-t.C:
			w.Header().Set("Retry-After", strconv.Itoa(int(queueWait/time.Second)))
			answer(w, r, http.StatusServiceUnavailable, "busy", "the server is busy; try again shortly")
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}
