package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/follow/newsroom"
)

// BenchmarkFetchIngest measures following end to end: khabar fetch --once
// against a fake newsroom of four outlets on loopback with no delay (so
// that khabar, not politeness, is what is measured), every page fetched,
// analysed by the whole pipeline, linked, stored and indexed. It reports
// articles/s. Run it with -benchtime 3x: each round starts a new folder.
func BenchmarkFetchIngest(b *testing.B) {
	const n, size = 400, 5000
	dir := b.TempDir()
	if _, err := generateArticles(filepath.Join(dir, "gen"), n, size, 11); err != nil {
		b.Fatal(err)
	}
	var arts []newsroom.Article
	files, _ := filepath.Glob(filepath.Join(dir, "gen", "*", "*.txt"))
	for i, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		title, _, _ := strings.Cut(string(t), "\n")
		arts = append(arts, newsroom.Article{Path: fmt.Sprintf("/a/%05d", i), Title: title, Body: string(t),
			Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)})
	}
	outlets, _ := newsroom.Outlets(b, []string{"127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"}, arts)
	var urls []string
	for _, o := range outlets {
		urls = append(urls, o.URL+"/rss.xml")
	}
	round := 0
	for b.Loop() {
		b.StopTimer()
		round++
		data := filepath.Join(dir, fmt.Sprintf("data%d", round))
		r := khabar(b, b.Context(), "", append([]string{"sources", "add", "--data", data, "--allow-private", "--delay", "0"}, urls...)...)
		if r.code != 0 {
			b.Fatalf("sources add: %s%s", r.stdout, r.stderr)
		}
		b.StartTimer()
		start := time.Now()
		r = khabar(b, b.Context(), "", "fetch", "--once", "--data", data, "--allow-private", "--delay", "0")
		el := time.Since(start)
		if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("%d new", n)) {
			b.Fatalf("fetch: %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		b.ReportMetric(float64(n)/el.Seconds(), "articles/s")
	}
}
