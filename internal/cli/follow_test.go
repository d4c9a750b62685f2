package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/internal/follow/newsroom"
)

// post sends body to url with a bearer token and returns the status and
// answer.
func post(t *testing.T, url, ctype, token, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), "POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeFollowsLive runs khabar serve on a new folder, adds a source
// through the API, and watches its articles arrive searchable without a
// restart; then hands it more articles with khabar ingest, lists the
// sources beside it, and reads its Sources page and metrics.
func TestServeFollowsLive(t *testing.T) {
	if testing.Short() {
		t.Skip("follows a fake newsroom and analyses its pages")
	}
	room := newsroom.New(t, 4)
	data := t.TempDir()
	const token = "t0ken-for-tests"
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--token", token,
			"--allow-private", "--delay", "10ms"}, e)
	}()
	base := waitURL(t, &out, done)

	if code, body := post(t, base+"api/v1/sources", "application/json", "", `{"url":"`+room.Hindi.URL+`/rss.xml"}`); code != 401 {
		t.Fatalf("adding a source without the token: %d %s", code, body)
	}
	added := time.Now()
	if code, body := post(t, base+"api/v1/sources", "application/json", token, `{"url":"`+room.Hindi.URL+`/rss.xml"}`); code != 201 {
		t.Fatalf("adding a source: %d %s", code, body)
	}
	// Every article of the feed arrives, searchable, without a restart.
	want := room.Hindi.Articles()
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, body := get(t, base+"api/v1/articles?limit=50")
		if strings.Count(body, `"schema":"khabar.article/v1"`) == len(want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 60 s the server shows %d of %d articles:\n%s", strings.Count(body, `"schema"`), len(want), errb.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	stored := time.Now()
	word := firstDevanagariWord(want[0].Title)
	for {
		_, body := get(t, base+"api/v1/articles?q="+url.QueryEscape(word))
		if strings.Contains(body, `"total":`) && !strings.Contains(body, `"total":0`) {
			break
		}
		if time.Since(stored) > 5*time.Second {
			t.Fatalf("%q not searchable 5 s after the articles were stored: %s", word, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("%d articles fetched, analysed, stored and searchable %s after the source was added", len(want), time.Since(added).Round(time.Millisecond))

	// The sources, beside the running server.
	r := khabar(t, t.Context(), "", "sources", "list", "--json", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, `"articles": 4`) || !strings.Contains(r.stdout, `"last_status": 200`) {
		t.Errorf("sources list --json: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// A saved search with a webhook, beside the running server.
	hooked := make(chan string, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hooked <- string(b)
	}))
	defer hook.Close()
	r = khabar(t, t.Context(), "", "alerts", "add", "--data", data, "--webhook", hook.URL, "fair", "मेला")
	if r.code != 0 {
		t.Fatalf("alerts add: %d %s%s", r.code, r.stdout, r.stderr)
	}
	// Ingest into the folder the server holds: handed over to it.
	in := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(in, []byte(`{"url":"https://desk.example/a/1","title":"भोपाल में मेला","text":"भोपाल, नौ अगस्त (भाषा) भोपाल में शनिवार को पुस्तक मेला शुरू हुआ।"}`+"\n"), 0o644)
	r = khabar(t, t.Context(), "", "ingest", "-q", "--data", data, "--token", token, in)
	if r.code != 0 || !strings.Contains(r.stdout, "1 new") {
		t.Errorf("ingest into the served folder: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for start := time.Now(); ; {
		code, body := get(t, base+"api/v1/articles?q="+url.QueryEscape("मेला"))
		if code == 200 && strings.Contains(body, "desk.example") {
			break
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("the handed-over article is not searchable 5 s after it was stored: %d %s", code, body)
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	select {
	case b := <-hooked:
		if !strings.Contains(b, `"alert":"fair"`) || !strings.Contains(b, "desk.example") {
			t.Errorf("webhook got %s", b)
		}
	case <-time.After(30 * time.Second):
		t.Error("the saved search's webhook got nothing within 30 s of a matching article")
	}
	if code, body := get(t, base+"feeds/fair.atom"); code != 200 || !strings.Contains(body, "भोपाल में मेला") {
		t.Errorf("feed: %d %s", code, body)
	}
	// Search beside the running server: it answers.
	r = khabar(t, t.Context(), "", "search", "--data", data, "मेला")
	if r.code != 0 || !strings.Contains(r.stdout, "1 hits") {
		t.Errorf("search beside the server: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if code, body := get(t, base+"sources"); code != 200 || !strings.Contains(body, "हिंदी समाचार") || !strings.Contains(body, "<svg") {
		t.Errorf("sources page: %d", code)
	}
	if code, body := get(t, base+"metrics"); code != 200 || !strings.Contains(body, "khabar_fetch_requests_total") ||
		!strings.Contains(body, `khabar_articles_stored_total{outcome="new"} 5`) || !strings.Contains(body, "khabar_stage_duration_seconds_bucket") {
		t.Errorf("metrics: %d\n%s", code, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := os.Stat(filepath.Join(data, handoffFile)); !os.IsNotExist(err) {
		t.Errorf("the hand-over file outlived the server: %v", err)
	}
}

func firstDevanagariWord(s string) string {
	for _, w := range strings.Fields(s) {
		if len([]rune(w)) > 2 && w[0] >= 0xE0 {
			return w
		}
	}
	return s
}

// TestFetchWARCRoundTrip fetches a newsroom once with --warc, checks the
// second round is conditional and stores nothing again, and reads the
// archive back: into the same folder, every article unchanged; into a new
// one, the same records.
func TestFetchWARCRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches a fake newsroom and analyses its pages")
	}
	room := newsroom.New(t, 3)
	dir := t.TempDir()
	a, b, arch := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "warc")
	r := khabar(t, t.Context(), "", "sources", "add", "--data", a, "--allow-private", "--delay", "0",
		room.Hindi.URL+"/rss.xml", room.English.URL+"/")
	if r.code != 0 {
		t.Fatalf("sources add: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "fetch", "--once", "--data", a, "--allow-private", "--delay", "0", "--warc", arch)
	if r.code != 0 || !strings.Contains(r.stdout, "6 new") {
		t.Fatalf("fetch --once: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "fetch", "--once", "--data", a, "--allow-private", "--delay", "0")
	if r.code != 0 || !strings.Contains(r.stdout, "0 pages") {
		t.Errorf("second fetch --once fetched pages again: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	files, _ := filepath.Glob(filepath.Join(arch, "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("archive holds %v", files)
	}
	r = khabar(t, t.Context(), "", "ingest", "-q", "--data", a, arch)
	if r.code != 0 || !strings.Contains(r.stdout, "0 new, 0 updated, 7 unchanged") { // 6 articles and one AMP copy
		t.Errorf("ingest of the archive into the folder that fetched it: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "ingest", "-q", "--data", b, arch)
	if r.code != 0 || !strings.Contains(r.stdout, "6 new") {
		t.Fatalf("ingest of the archive into a new folder: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ea, eb := exportRecords(t, a), exportRecords(t, b)
	if !slices.Equal(ea, eb) {
		t.Errorf("the store read back from the archive differs:\n%s\n---\n%s", strings.Join(ea, "\n"), strings.Join(eb, "\n"))
	}
	r = khabar(t, t.Context(), "", "sources", "export", "--data", a)
	if r.code != 0 || strings.Count(r.stdout, "<outline") != 3 || !strings.Contains(r.stdout, `xmlUrl="`+room.Hindi.URL+`/rss.xml"`) {
		t.Errorf("sources export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The OPML list imports into another folder as the same sources.
	opml := filepath.Join(dir, "sources.opml")
	os.WriteFile(opml, []byte(r.stdout), 0o644)
	r = khabar(t, t.Context(), "", "sources", "import", "--data", b, opml)
	if r.code != 0 || !strings.Contains(r.stdout, "3 sources added") {
		t.Errorf("sources import: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = khabar(t, t.Context(), "", "sources", "remove", "--data", b, "1", room.English.URL+"/atom.xml", "99")
	if r.code != 1 || strings.Count(r.stdout, "removed") != 2 || !strings.Contains(r.stderr, "99: no such source") {
		t.Errorf("sources remove: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Reanalysis from the raw pages kept gives the same records.
	r = khabar(t, t.Context(), "", "reanalyze", "-q", "--data", a)
	if r.code != 0 || !strings.Contains(r.stdout, "6 updated") {
		t.Errorf("reanalyze: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if again := exportRecords(t, a); !slices.Equal(again, ea) {
		os.WriteFile("/tmp/khabar-reanalysed.jsonl", []byte(strings.Join(again, "\n")), 0o644)
		os.WriteFile("/tmp/khabar-fetched.jsonl", []byte(strings.Join(ea, "\n")), 0o644)
		t.Errorf("reanalysis changed the records (see /tmp/khabar-reanalysed.jsonl, /tmp/khabar-fetched.jsonl)")
	}
}

// exportRecords exports a data folder's articles as JSON Lines, one record
// a line, with the source format (warc or html) left out and story and
// group ids named by their first member in id order (an id names a cluster
// by the article that opened it, which depends on the order of ingest).
func exportRecords(t *testing.T, data string) []string {
	t.Helper()
	r := khabar(t, t.Context(), "", "export", "--data", data)
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	var recs []map[string]any
	first := map[string]string{} // "story:"+id or "group:"+id → least member id
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		if src, ok := m["source"].(map[string]any); ok {
			delete(src, "format")
		}
		id, _ := m["id"].(string)
		for _, k := range []string{"story", "group"} {
			if v, ok := m[k].(string); ok {
				if f, seen := first[k+":"+v]; !seen || id < f {
					first[k+":"+v] = id
				}
			}
		}
		recs = append(recs, m)
	}
	var out []string
	for _, m := range recs {
		for _, k := range []string{"story", "group"} {
			if v, ok := m[k].(string); ok {
				m[k] = "first member " + first[k+":"+v]
			}
		}
		b, _ := json.Marshal(m)
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

// TestFetchKilled kills khabar fetch with SIGKILL while it stores pages,
// runs it again, and checks that every article is stored exactly once and
// no page stored before the kill was fetched again.
func TestFetchKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	room := newsroom.New(t, 24)
	data := filepath.Join(t.TempDir(), "data")
	r := khabar(t, t.Context(), "", "sources", "add", "--data", data, "--allow-private", "--delay", "0",
		room.Hindi.URL+"/rss.xml", room.English.URL+"/atom.xml")
	if r.code != 0 {
		t.Fatalf("sources add: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	args := []string{"fetch", "--once", "-j", "1", "--data", data, "--allow-private", "--delay", "40ms"}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KHABAR_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
	var childOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &childOut, &childOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	killedAt := -1
	deadline := time.After(90 * time.Second)
poll:
	for {
		select {
		case err := <-exited:
			t.Fatalf("the child ended (%v) before it was killed:\n%s", err, childOut.String())
		case <-deadline:
			break poll
		case <-time.After(20 * time.Millisecond):
		}
		if c := countArticles(filepath.Join(data, "khabar.db")); c >= 5 {
			killedAt = c
			break
		}
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-exited
	if killedAt < 0 {
		t.Fatalf("the child stored nothing in time:\n%s", childOut.String())
	}
	before := len(room.Requests())
	stored := storedPages(t, filepath.Join(data, "khabar.db"))
	t.Logf("killed after %d stored articles (%d at the end), %d requests", killedAt, len(stored), before)

	r = khabar(t, t.Context(), "", "fetch", "--once", "--data", data, "--allow-private", "--delay", "0")
	if r.code != 0 {
		t.Fatalf("re-run: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	d, err := openData(t.Context(), &env{}, data, forRead)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	want := 48
	if c, _ := d.store.Count(t.Context()); c != want {
		t.Errorf("store holds %d articles, want %d", c, want)
	}
	if c, err := d.index.(interface{ Count() (uint64, error) }).Count(); err != nil || c != uint64(want) {
		t.Errorf("index holds %d (%v), want %d", c, err, want)
	}
	// Pages are asked for at most twice (one fetched, not yet stored, at
	// the kill), and no more than a batch of them.
	counts := map[string]int{}
	for _, q := range room.Requests() {
		if strings.HasPrefix(q.Path, "/a/") {
			counts[q.Host+q.Path]++
		}
	}
	twice := 0
	for p, n := range counts {
		if n > 2 {
			t.Errorf("%s fetched %d times", p, n)
		}
		if n == 2 {
			twice++
		}
	}
	// Pages not yet stored at the kill may be asked for again (how many
	// depends on how far fetching ran ahead of the analysis, i.e. on the
	// machine's load); of the stored ones, only a batch stored but not
	// yet recorded as fetched (follow.submitBatch, 16).
	for p := range stored {
		if counts[p] == 0 {
			t.Errorf("stored page %s was never asked for", p)
		}
	}
	again := 0
	for p, n := range counts {
		if n == 2 && stored[p] {
			again++
			t.Logf("%s was stored before the kill and fetched again", p)
		}
	}
	if again > 16 {
		t.Errorf("%d pages stored before the kill were fetched again; at most a batch of 16 may be", again)
	}
	t.Logf("%d pages fetched again, %d of them stored before the kill", twice, again)
	if len(counts) != want {
		t.Errorf("%d distinct pages fetched, want %d", len(counts), want)
	}
}

// storedPages returns the host and path of every article URL the folder's
// database holds (read-only, beside nothing else running), failing the test
// when one is not a page of the fake newsroom.
func storedPages(t *testing.T, path string) map[string]bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT url FROM articles")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	pages := map[string]bool{}
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(raw)
		if err != nil || !strings.HasPrefix(u.Path, "/a/") {
			t.Fatalf("stored article URL %q is not a newsroom page", raw)
		}
		pages[u.Host+u.Path] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestServeWritesNeedTokenBeyondLoopback: a server on every address
// without a token refuses writes; fetching loopback needs --allow-private.
func TestServeWritesNeedTokenBeyondLoopback(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	room := newsroom.New(t, 1)
	data := t.TempDir()
	r := khabar(t, t.Context(), "", "sources", "add", "--data", data, room.Hindi.URL+"/rss.xml")
	if r.code != 1 || !strings.Contains(r.stderr, "blocked") {
		t.Errorf("sources add of a loopback feed without --allow-private: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--data", data, "--addr", "0.0.0.0:0"}, e) }()
	var port string
	for deadline := time.Now().Add(60 * time.Second); port == ""; {
		if _, rest, ok := strings.Cut(out.String(), "serving "); ok {
			if i := strings.Index(rest, "http://"); i >= 0 {
				u, err := url.Parse(strings.Fields(rest[i:])[0])
				if err == nil {
					port = u.Port()
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL announced:\n%s%s", out.String(), errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	base := "http://127.0.0.1:" + port + "/"
	code, body := post(t, base+"api/v1/articles", "application/jsonl", "", `{"text":"The port reopened."}`)
	if code != 403 || !strings.Contains(body, "--token") {
		t.Errorf("upload to a server on every address without a token: %d %s", code, body)
	}
	if !strings.Contains(errb.String(), "writes are off") {
		t.Errorf("no warning that writes are off:\n%s", errb.String())
	}
	cancel()
	<-done
}
