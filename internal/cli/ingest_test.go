package cli

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/internal/api"
	_ "modernc.org/sqlite" // the driver, to watch the child's database
)

func TestIngestSeedsTwiceAndSearch(t *testing.T) {
	paths := seeds(t)
	data := t.TempDir()
	args := append([]string{"ingest", "-q", "--data", data}, paths...)
	r := khabar(t, t.Context(), "", args...)
	if r.code != 0 || !strings.Contains(r.stdout, "2 new, 0 updated, 0 unchanged, 0 failed") {
		t.Fatalf("first ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "time per stage: extract") {
		t.Errorf("no stage times in summary:\n%s", r.stdout)
	}
	r = khabar(t, t.Context(), "", args...)
	if r.code != 0 || !strings.Contains(r.stdout, "0 new, 0 updated, 2 unchanged, 0 failed") {
		t.Fatalf("second ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, _ := d.store.Count(t.Context()); n != 2 {
		t.Fatalf("stored %d articles, want 2", n)
	}
	srv := httptest.NewServer(api.New(api.Options{Articles: d.store, Searcher: d.index}).Handler())
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/v1/articles?q=" + url.QueryEscape("पुतिन"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		Articles []json.RawMessage `json:"articles"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil || resp.StatusCode != 200 {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	if len(page.Articles) != 2 {
		t.Errorf("q=पुतिन found %d articles, want 2", len(page.Articles))
	}

	// The CLI search and export see the same, beside this reader.
	r = khabar(t, t.Context(), "", "search", "--data", data, "पुतिन")
	if r.code != 0 || !strings.Contains(r.stdout, "2 hits") {
		t.Errorf("search: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "search", "--data", data, "--json", "पेस्कोव")
	if recs := decodeRecords(t, r.stdout); len(recs) != 2 {
		t.Errorf("search --json: %d records", len(recs))
	}
	r = khabar(t, t.Context(), "", "export", "--data", data)
	if recs := decodeRecords(t, r.stdout); r.code != 0 || len(recs) != 2 {
		t.Errorf("export jsonl: exit %d, %d records", r.code, len(recs))
	}
	out := filepath.Join(t.TempDir(), "all.csv")
	r = khabar(t, t.Context(), "", "export", "--data", data, "--format", "csv", "-o", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatalf("export csv: %v\n%s", err, r.stderr)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 3 || rows[0][0] != "id" || rows[1][4] != "hi" {
		t.Errorf("csv: %v, %d rows", err, len(rows))
	}
	r = khabar(t, t.Context(), "", "export", "--data", data, "--lang", "en")
	if strings.TrimSpace(r.stdout) != "" {
		t.Errorf("--lang en exported Hindi articles")
	}
}

func TestIngestBadInputs(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string]string{
		"good/one.txt":      "दिल्ली में बारिश\n\nनयी दिल्ली में सोमवार को तेज बारिश हुई। कई इलाकों में पानी भर गया।\n",
		"good/two.txt":      "Rain lashes Mumbai\n\nHeavy rain lashed Mumbai on Monday, disrupting local trains.\n",
		"empty.txt":         "",
		"blank.txt":         " \n\t\n",
		"binary.txt":        "\x00\x01\x02\x03ELF\x00\x00\x00\x7f\x00\x10" + strings.Repeat("\x00", 200),
		"invalid.txt":       "पटना में \xff\xfe बाढ़ का पानी उतरा। राहत शिविरों से लोग घर लौटे।\n",
		"lines.jsonl":       `{"url":"https://example.in/1","title":"एक","text":"पहली खबर का पाठ यहां है।"}` + "\n" + "this is not json\n" + `{"url":"https://example.in/2","title":"दो","text":"दूसरी खबर का पाठ यहां है।"}` + "\n",
		"noperm/secret.txt": "यह फ़ाइल पढ़ी नहीं जा सकती।\n",
	})
	big, err := os.Create(filepath.Join(in, "big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(50 << 20); err != nil { // 50 MB, sparse
		t.Fatal(err)
	}
	big.Close()
	secret := filepath.Join(in, "noperm", "secret.txt")
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	unreadable := true
	if f, err := os.Open(secret); err == nil { // root reads anything
		f.Close()
		unreadable = false
	}

	data := t.TempDir()
	r := khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	wantFailed := map[string]string{
		"empty.txt":     "empty",
		"blank.txt":     "empty",
		"binary.txt":    "binary",
		"big.txt":       "too large",
		"lines.jsonl:2": "JSON",
	}
	if unreadable {
		wantFailed["secret.txt"] = "permission denied"
	}
	for name, reason := range wantFailed {
		found := false
		for _, line := range strings.Split(r.stdout, "\n") {
			if strings.Contains(line, name) && strings.Contains(strings.ToLower(line), strings.ToLower(reason)) {
				found = true
			}
		}
		if !found {
			t.Errorf("summary does not report %s (%s):\n%s", name, reason, r.stdout)
		}
	}
	// The good files, the invalid-UTF-8 one and the two good JSONL lines are
	// stored (and the "unreadable" one when the test runs as root).
	want := 5
	if !unreadable {
		want++
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d new", want)) {
		t.Errorf("want %d new articles:\n%s", want, r.stdout)
	}
	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, _ := d.store.Count(t.Context()); n != want {
		t.Errorf("stored %d, want %d", n, want)
	}
}

// TestIngestKilled kills an ingest with SIGKILL part-way, runs it again, and
// checks that the store and the index hold every article exactly once.
func TestIngestKilled(t *testing.T) {
	if os.Getenv("KHABAR_TEST_INGEST_CHILD") != "" {
		return // the child's work is done by TestMain's hook below
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const n = 1500
	if _, err := generateArticles(in, n, 3000, 7); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
	cmd.Env = append(os.Environ(), "KHABAR_TEST_INGEST_CHILD="+data+"|"+in)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the child has stored some articles, then kill it hard. The
	// database is only read here, never migrated, so the child owns it.
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.After(90 * time.Second)
	killedAt := -1
poll:
	for {
		select {
		case err := <-exited:
			if err == nil {
				t.Skip("the child finished before it could be killed")
			}
			t.Fatalf("the child failed (%v) before it was killed", err)
		case <-deadline:
			break poll
		case <-time.After(50 * time.Millisecond):
		}
		if c := countArticles(filepath.Join(data, "khabar.db")); c >= 100 {
			killedAt = c
			break
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	if killedAt < 0 {
		t.Fatal("the child stored nothing in time")
	}
	if killedAt >= n {
		t.Skipf("the child finished (%d articles) before it could be killed", killedAt)
	}
	t.Logf("killed after %d stored articles", killedAt)

	r := khabar(t, t.Context(), "", "ingest", "-q", "--data", data, in)
	if r.code != 0 {
		t.Fatalf("re-run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if c, _ := d.store.Count(t.Context()); c != n {
		t.Errorf("store holds %d articles, want %d", c, n)
	}
	if c, err := d.index.(interface{ Count() (uint64, error) }).Count(); err != nil || c != uint64(n) {
		t.Errorf("index holds %d documents (%v), want %d", c, err, n)
	}
	if p, _ := d.store.Pending(t.Context(), 10); len(p) != 0 {
		t.Errorf("%d articles left unindexed", len(p))
	}
}

// countArticles counts the stored articles of a database another process
// is writing, read-only; -1 when it cannot be read yet.
func countArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return -1
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		return -1
	}
	defer db.Close()
	n := -1
	if err := db.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return -1
	}
	return n
}

func TestMain(m *testing.M) {
	if v := os.Getenv("KHABAR_TEST_CHILD_ARGS"); v != "" {
		// A test runs a whole command in a child process, to kill it.
		e := &env{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: os.Stderr, getenv: func(string) string { return "" }}
		os.Exit(run(context.Background(), strings.Split(v, "\x1f"), e))
	}
	if v := os.Getenv("KHABAR_TEST_INGEST_CHILD"); v != "" {
		data, in, _ := strings.Cut(v, "|")
		e := &env{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: os.Stderr, getenv: func(string) string { return "" }}
		os.Exit(run(context.Background(), []string{"ingest", "-q", "-j", "1", "--data", data, in}, e))
	}
	os.Exit(m.Run())
}
