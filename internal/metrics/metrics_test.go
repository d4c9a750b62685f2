package metrics

import (
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"khabar/internal/fetch"
	"khabar/internal/store"
)

func TestMetrics(t *testing.T) {
	m := New(func() int { return 7 })
	m.Fetch(fetch.Observation{Host: "hi.example", Status: 200, Bytes: 1234, Duration: 30 * time.Millisecond})
	m.Fetch(fetch.Observation{Host: "hi.example", Status: 304, Duration: time.Millisecond})
	m.Fetch(fetch.Observation{Host: "en.example", Robots: true, Duration: time.Millisecond})
	m.Stored(store.New)
	m.Stored(store.New)
	m.Stored(store.Updated)
	m.Stage("entities", 3*time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	out := string(b)
	for _, want := range []string{
		`khabar_fetch_requests_total{host="hi.example",status="200"} 1`,
		`khabar_fetch_requests_total{host="hi.example",status="304"} 1`,
		`khabar_fetch_requests_total{host="en.example",status="0"} 1`,
		`khabar_fetch_bytes_total{host="hi.example"} 1234`,
		`khabar_articles_stored_total{outcome="new"} 2`,
		`khabar_articles_stored_total{outcome="updated"} 1`,
		`khabar_stage_duration_seconds_count{stage="entities"} 1`,
		`khabar_queue_depth 7`,
		`go_goroutines`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
