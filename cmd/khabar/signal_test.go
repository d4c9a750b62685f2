package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/examples"
)

// These tests build the real binary and stop it with a signal while it
// works: it must exit within a second, with nothing half-written.

const stopWithin = time.Second

func buildKhabar(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "khabar")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// corpusText returns the text of the sample corpus's files, joined.
func corpusText(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	err := fs.WalkDir(examples.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		data, err := examples.Corpus.ReadFile(path)
		b.Write(data)
		b.WriteString("\n\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// bigInput writes one article of about size bytes and a folder of n
// articles of the sample corpus's text, and returns both paths.
func bigInput(t *testing.T, size, n int) (file, dir string) {
	t.Helper()
	text := corpusText(t)
	tmp := t.TempDir()
	file = filepath.Join(tmp, "big.txt")
	if err := os.WriteFile(file, []byte(strings.Repeat(text, size/len(text)+1)[:size]), 0o644); err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(tmp, "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		k := (i * 4099) % (len(text) - 6000)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text[k:k+6000]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return file, dir
}

// stopAfter starts cmd, sends sig once ready reports true (polled, for
// at most a minute) and then wait has passed, and returns how long the
// process took to exit after the signal and its error.
func stopAfter(t *testing.T, cmd *exec.Cmd, ready func() bool, wait time.Duration, sig syscall.Signal) (time.Duration, error) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(time.Minute)
	for ready != nil && !ready() && time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("%s finished before the signal (%v): make the input larger", cmd.Args[1], err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	select {
	case err := <-done:
		t.Fatalf("%s finished before the signal (%v): make the input larger", cmd.Args[1], err)
	case <-time.After(wait):
	}
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		return time.Since(sent), err
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		return time.Since(sent), fmt.Errorf("still running 30 s after %v", sig)
	}
}

// grown reports whether the file at path is not empty.
func grown(path string) func() bool {
	return func() bool {
		st, err := os.Stat(path)
		return err == nil && st.Size() > 0
	}
}

// checkRecords fails unless every line of path is a whole JSON record.
func checkRecords(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	n := 0
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Errorf("record %d is cut short: %v", n+1, err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSignalAnalyze(t *testing.T) {
	bin := buildKhabar(t)
	big, many := bigInput(t, 3<<20, 1500)
	for _, c := range []struct {
		name string
		args []string
		// wait is the time after the first record (with many articles)
		// or the start (else) before the signal
		wait time.Duration
		sig  syscall.Signal
	}{
		{"one big article, SIGINT", []string{"analyze", "--max-bytes", "8000000", "--article-timeout", "0", big}, 1000 * time.Millisecond, syscall.SIGINT},
		{"one big article, SIGTERM", []string{"analyze", "--max-bytes", "8000000", "--article-timeout", "0", big}, 1500 * time.Millisecond, syscall.SIGTERM},
		{"many articles, SIGINT", []string{"analyze", "-j", "2", many}, 300 * time.Millisecond, syscall.SIGINT},
		{"many articles, SIGTERM", []string{"analyze", "-j", "2", many}, 500 * time.Millisecond, syscall.SIGTERM},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			f, err := os.Create(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cmd := exec.Command(bin, c.args...)
			cmd.Stdout = f
			var ready func() bool
			if strings.HasPrefix(c.name, "many") {
				ready = grown(out)
			}
			took, err := stopAfter(t, cmd, ready, c.wait, c.sig)
			if took > stopWithin {
				t.Errorf("exited %v after %v, want within %v (%v)", took, c.sig, stopWithin, err)
			}
			if err == nil {
				t.Errorf("exit status 0 after %v, want a failure", c.sig)
			}
			n := checkRecords(t, out)
			t.Logf("stopped in %v with %d whole records", took, n)
		})
	}
}

func TestSignalIngest(t *testing.T) {
	bin := buildKhabar(t)
	_, many := bigInput(t, 1, 3000)
	data := filepath.Join(t.TempDir(), "data")
	cmd := exec.Command(bin, "ingest", "-q", "--data", data, many)
	took, err := stopAfter(t, cmd, nil, 2*time.Second, syscall.SIGTERM)
	if took > stopWithin {
		t.Errorf("ingest exited %v after SIGTERM, want within %v (%v)", took, stopWithin, err)
	}
	t.Logf("stopped in %v", took)
	// the store is whole: a second run completes it
	out, err := exec.Command(bin, "ingest", "-q", "--data", data, many).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest after the interrupted one: %v\n%s", err, out)
	}
}

func TestSignalServe(t *testing.T) {
	bin := buildKhabar(t)
	_, few := bigInput(t, 1, 3)
	data := filepath.Join(t.TempDir(), "data")
	if out, err := exec.Command(bin, "ingest", "-q", "--data", data, few).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--data", data, "--addr", "127.0.0.1:0")
	took, err := stopAfter(t, cmd, nil, time.Second, syscall.SIGTERM)
	if took > stopWithin {
		t.Errorf("serve exited %v after SIGTERM, want within %v (%v)", took, stopWithin, err)
	}
	t.Logf("stopped in %v", took)
}

// TestSignalFetch stops a following fetch while its pages are slow to
// come: out within a second, and a rerun finds everything in order.
func TestSignalFetch(t *testing.T) {
	bin := buildKhabar(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/rss.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>`)
			for i := range 20 {
				fmt.Fprintf(&b, `<item><title>%d</title><link>http://%s/a/%d</link></item>`, i, r.Host, i)
			}
			b.WriteString(`</channel></rss>`)
			w.Write([]byte(b.String()))
		default:
			select { // a page that takes its time
			case <-time.After(3 * time.Second):
			case <-r.Context().Done():
				return
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><body><p>MUMBAI, Aug 8 (PTI) Page %s of a slow site.</p></body></html>", r.URL.Path)
		}
	}))
	defer srv.Close()
	data := filepath.Join(t.TempDir(), "data")
	if out, err := exec.Command(bin, "sources", "add", "--data", data, "--allow-private", "--delay", "0", srv.URL+"/rss.xml").CombinedOutput(); err != nil {
		t.Fatalf("sources add: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "fetch", "--data", data, "--allow-private", "--delay", "0")
	took, err := stopAfter(t, cmd, nil, 2*time.Second, syscall.SIGTERM)
	if took > stopWithin {
		t.Errorf("fetch exited %v after SIGTERM, want within %v (%v)", took, stopWithin, err)
	}
	t.Logf("stopped in %v", took)
	if out, err := exec.Command(bin, "sources", "list", "--data", data).CombinedOutput(); err != nil {
		t.Fatalf("sources list after the stop: %v\n%s", err, out)
	}
}
