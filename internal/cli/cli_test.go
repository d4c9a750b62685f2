package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"khabar/internal/evaldata"
	"khabar/internal/news"
)

// syncBuffer is a bytes.Buffer safe for a command writing while a test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type result struct {
	stdout, stderr string
	code           int
}

// khabar runs the command line in-process with a clean environment.
func khabar(t testing.TB, ctx context.Context, stdin string, args ...string) result {
	t.Helper()
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(ctx, args, e)
	return result{out.String(), errb.String(), code}
}

func seeds(t testing.TB) []string {
	t.Helper()
	s, err := evaldata.Seeds()
	if errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("seeds absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func decodeRecords(t testing.TB, jsonl string) []*news.Article {
	t.Helper()
	var out []*news.Article
	for _, line := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if line == "" {
			continue
		}
		var a news.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("not a v1 record: %v\n%s", err, line)
		}
		out = append(out, &a)
	}
	return out
}

func TestUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Commands:"},
		{[]string{"help"}, 0, "ingest"},
		{[]string{"nonsense"}, 2, `unknown command "nonsense"`},
		{[]string{"analyze"}, 2, "Usage: khabar analyze"},
		{[]string{"ingest", "-h"}, 0, "-data"},
		{[]string{"ingest", "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"export", "--format", "xml"}, 2, "use jsonl or csv"},
		{[]string{"search", "--data", "/nonexistent/khabar", "x"}, 1, "run \"khabar ingest"},
		{[]string{"version"}, 0, Version},
		{[]string{"eval"}, 2, "clean"},
	} {
		t.Run(strings.Join(c.args, "_"), func(t *testing.T) {
			r := khabar(t, t.Context(), "", c.args...)
			if r.code != c.code || !strings.Contains(r.stdout+r.stderr, c.want) {
				t.Errorf("code %d (want %d), output:\n%s%s", r.code, c.code, r.stdout, r.stderr)
			}
		})
	}
}

func TestAnalyzeSeeds(t *testing.T) {
	paths := seeds(t)
	r := khabar(t, t.Context(), "", append([]string{"analyze"}, paths...)...)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	recs := decodeRecords(t, r.stdout)
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	for i, a := range recs {
		if a.Lang != "hi" || len(a.ID) != 16 || a.Text == "" || a.Source.URI != paths[i] || a.Source.Format != news.FormatText {
			t.Errorf("record %d: lang %q id %q uri %q format %q text %d bytes", i, a.Lang, a.ID, a.Source.URI, a.Source.Format, len(a.Text))
		}
		if !strings.Contains(a.Text, "पुतिन") {
			t.Errorf("record %d lost its body", i)
		}
	}
	// Same input, same ids.
	again := decodeRecords(t, khabar(t, t.Context(), "", append([]string{"analyze"}, paths...)...).stdout)
	if again[0].ID != recs[0].ID || again[1].ID != recs[1].ID || recs[0].ID == recs[1].ID {
		t.Error("ids are not stable and distinct")
	}
}

func TestAnalyzeStdinAndPretty(t *testing.T) {
	in := `{"url":"https://example.in/a","title":"बैठक","text":"नयी दिल्ली में आज बैठक हुई। इसमें कई नेता शामिल हुए।","published":"2025-03-12T10:00:00+05:30","lang":"hi"}` + "\n"
	r := khabar(t, t.Context(), in, "analyze", "--pretty", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var a news.Article
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if a.URL != "https://example.in/a" || a.Title != "बैठक" || a.Published.Format("2006-01-02T15:04") != "2025-03-12T10:00" {
		t.Errorf("hints lost: %+v", a)
	}
	if !strings.Contains(r.stdout, "\n  \"schema\"") {
		t.Error("--pretty did not indent")
	}
}

// writeFiles creates files under dir from a map of relative path to content.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
