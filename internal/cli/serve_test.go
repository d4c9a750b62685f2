package cli

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// waitURL waits for a command's output to announce the URL it serves.
func waitURL(t *testing.T, out *syncBuffer, done <-chan int) string {
	t.Helper()
	re := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.After(60 * time.Second)
	for {
		if u := re.FindString(out.String()); u != "" {
			return u
		}
		select {
		case code := <-done:
			t.Fatalf("exited with %d before serving:\n%s", code, out.String())
		case <-deadline:
			t.Fatalf("no URL announced:\n%s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestDemoServesCorpusAndStops(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the sample corpus")
	}
	data := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"demo", "--data", data, "--addr", "127.0.0.1:0"}, e) }()
	base := waitURL(t, &out, done)

	code, body := get(t, base+"healthz")
	if code != 200 || !strings.Contains(body, `"status":"ok"`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	code, body = get(t, base+"api/v1/articles?limit=100")
	if code != 200 || strings.Count(body, `"schema":"khabar.article/v1"`) < 40 {
		t.Errorf("articles: %d, %d records", code, strings.Count(body, `"schema"`))
	}
	code, body = get(t, base)
	if code != 200 || !strings.Contains(body, "<html") {
		t.Errorf("home page: %d", code)
	}
	if !strings.Contains(out.String(), "0 failed") {
		t.Errorf("the sample corpus did not ingest cleanly:\n%s", out.String())
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 && code != 1 {
			t.Errorf("demo exited %d\n%s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("demo did not stop on cancel")
	}
	if !strings.Contains(out.String(), "stopped") {
		t.Errorf("no graceful shutdown:\n%s", out.String())
	}
}

// TestServeNewFolder: serve makes a new data folder its own, to follow
// sources into (khabar sources add, POST /api/v1/articles).
func TestServeNewFolder(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}, e) }()
	base := waitURL(t, &out, done)
	if code, body := get(t, base+"healthz"); code != 200 || !strings.Contains(body, `"articles":0`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	if code, body := get(t, base+"api/v1/sources"); code != 200 || !strings.Contains(body, `"sources":[]`) {
		t.Errorf("sources: %d %s", code, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}
