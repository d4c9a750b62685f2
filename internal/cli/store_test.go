package cli

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"khabar/internal/store/postgres/pgtest"
)

// corpus is the sample corpus of the repository.
const corpus = "../../examples/corpus"

// withPassword returns the URL u with a password: the test server trusts
// loopback connections and ignores it, and no output may show it.
func withPassword(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	p.User = url.UserPassword(p.User.Username(), "s3cret-pw")
	return p.String()
}

func noPassword(t *testing.T, what string, r result) {
	t.Helper()
	if strings.Contains(r.stdout+r.stderr, "s3cret-pw") {
		t.Errorf("%s shows the password:\n%s%s", what, r.stdout, r.stderr)
	}
}

// searchIDs runs "khabar search --json" with args and returns the ids
// it prints, sorted.
func searchIDs(t *testing.T, args ...string) []string {
	t.Helper()
	r := khabar(t, t.Context(), "", append([]string{"search", "--json", "--limit", "200"}, args...)...)
	if r.code != 0 {
		t.Fatalf("search %v: exit %d\n%s", args, r.code, r.stderr)
	}
	var out []string
	for _, a := range decodeRecords(t, r.stdout) {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

// TestStorePostgres runs the commands on a PostgreSQL store, as --store
// postgres://… gives it, against the same commands on a data folder: the
// same articles stored, the same searches answered, and serve's pages,
// API, alerts and sources working on it.
func TestStorePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the sample corpus twice")
	}
	pg := withPassword(t, pgtest.URL(t))
	dir := filepath.Join(t.TempDir(), "data")
	ctx := t.Context()

	r := khabar(t, ctx, "", "ingest", "-q", "--store", pg, corpus)
	noPassword(t, "ingest", r)
	if r.code != 0 || !strings.Contains(r.stdout, "0 failed") || !strings.Contains(r.stdout, "postgres://") {
		t.Fatalf("ingest into PostgreSQL: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := khabar(t, ctx, "", "ingest", "-q", "--data", dir, corpus); r.code != 0 {
		t.Fatalf("ingest into a folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Again: nothing changes.
	if r := khabar(t, ctx, "", "ingest", "-q", "--store", pg, corpus); r.code != 0 || !strings.Contains(r.stdout, " 0 new, 0 updated") {
		t.Errorf("second ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	for _, q := range []string{"पुतिन", "corona", "कोरोना", `"पुतिन बातचीत"`, "पुति*", "lang:en", "क्रेमलिन OR Kremlin",
		"type:CONSULT", "entity:पुतिन", `outlet:"Dainik Samvad"`, "पुतिन -ट्रम्प", "Jaishankar", "Trump meeting", "बाढ़"} {
		folder, pgIDs := searchIDs(t, "--data", dir, q), searchIDs(t, "--store", pg, q)
		if !slices.Equal(folder, pgIDs) {
			t.Errorf("search %s: folder %v, PostgreSQL %v", q, folder, pgIDs)
		}
	}
	// The index is derived from the store: emptied, or made by another
	// version, it is made again by the next command that opens it.
	conn, err := pgx.Connect(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	want := searchIDs(t, "--data", dir, "पुतिन")
	for _, damage := range []string{`TRUNCATE search_docs`, `UPDATE search_version SET version = 'pg-0/old'`} {
		if _, err := conn.Exec(ctx, damage); err != nil {
			t.Fatal(err)
		}
		r := khabar(t, ctx, "", "search", "--store", pg, "पुतिन")
		if r.code != 0 || !strings.Contains(r.stderr, "rebuilding the search index") {
			t.Errorf("after %s: exit %d\n%s", damage, r.code, r.stderr)
		}
		if got := searchIDs(t, "--store", pg, "पुतिन"); !slices.Equal(got, want) {
			t.Errorf("after %s: %v, want %v", damage, got, want)
		}
	}

	// KHABAR_STORE says where the store is when no flag does.
	var out, errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "KHABAR_STORE" {
			return pg
		}
		return ""
	}}
	if code := run(ctx, []string{"search", "पुतिन"}, e); code != 0 || !strings.Contains(out.String(), "hits for") {
		t.Errorf("search with KHABAR_STORE: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if r := khabar(t, ctx, "", "search", "--store", pg, "का की"); r.code != 1 || !strings.Contains(r.stderr, "no searchable words") {
		t.Errorf("a query of stop words: exit %d\n%s", r.code, r.stderr)
	}

	// Export gives the same records.
	ex := func(args ...string) string {
		r := khabar(t, ctx, "", append([]string{"export"}, args...)...)
		if r.code != 0 {
			t.Fatalf("export %v: exit %d\n%s", args, r.code, r.stderr)
		}
		return r.stdout
	}
	if a, b := ex("--data", dir), ex("--store", pg); a != b {
		t.Errorf("export differs: folder %d bytes, PostgreSQL %d bytes", len(a), len(b))
	}
	if a, b := ex("--data", dir, "--what", "entities", "--format", "csv"), ex("--store", pg, "--what", "entities", "--format", "csv"); a != b {
		t.Errorf("entities export differs:\n%s\n---\n%s", a, b)
	}

	// Rebuilds.
	if r := khabar(t, ctx, "", "rebuild", "--store", pg, "index"); r.code != 0 || !strings.Contains(r.stdout, "51 articles") {
		t.Errorf("rebuild index: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, at := range [][]string{{"--store", pg}, {"--data", dir}} {
		if r := khabar(t, ctx, "", append(append([]string{"rebuild", "-q"}, at...), "stories")...); r.code != 0 {
			t.Errorf("rebuild stories %s: exit %d\n%s%s", at[0], r.code, r.stdout, r.stderr)
		}
	}
	if a, b := ex("--data", dir), ex("--store", pg); a != b {
		t.Errorf("export differs after rebuilding stories: folder %d bytes, PostgreSQL %d bytes", len(a), len(b))
	}

	// Reanalysis from the raw inputs the store keeps gives the same
	// records as the folder's.
	for _, at := range [][]string{{"--store", pg}, {"--data", dir}} {
		if r := khabar(t, ctx, "", append([]string{"reanalyze", "-q"}, at...)...); r.code != 0 || !strings.Contains(r.stdout, "51 items") {
			t.Errorf("reanalyze %s: exit %d\n%s%s", at[0], r.code, r.stdout, r.stderr)
		}
	}
	if a, b := ex("--data", dir), ex("--store", pg); a != b {
		t.Errorf("export differs after reanalysis: folder %d bytes, PostgreSQL %d bytes", len(a), len(b))
	}
	// fetch with nothing to follow: one round, nothing fetched.
	if r := khabar(t, ctx, "", "fetch", "--once", "--store", pg); r.code != 0 {
		t.Errorf("fetch --once: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Sources and alerts.
	opml := filepath.Join(t.TempDir(), "feeds.opml")
	if err := os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="Samvad" xmlUrl="https://samvad.example/rss.xml" htmlUrl="https://samvad.example/"/></body></opml>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := khabar(t, ctx, "", "sources", "import", "--store", pg, opml); r.code != 0 || !strings.Contains(r.stdout, "1 sources added") {
		t.Errorf("sources import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := khabar(t, ctx, "", "sources", "list", "--store", pg); r.code != 0 || !strings.Contains(r.stdout, "samvad.example") {
		t.Errorf("sources list: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := khabar(t, ctx, "", "alerts", "add", "--store", pg, "kremlin", "क्रेमलिन"); r.code != 0 {
		t.Errorf("alerts add: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := khabar(t, ctx, "", "alerts", "list", "--store", pg); r.code != 0 || !strings.Contains(r.stdout, "kremlin") {
		t.Errorf("alerts list: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// serve.
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sout, serr syncBuffer
	se := &env{stdin: strings.NewReader(""), stdout: &sout, stderr: &serr, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- run(sctx, []string{"serve", "--store", pg, "--addr", "127.0.0.1:0", "--follow=false"}, se)
	}()
	base := waitURL(t, &sout, done)
	if strings.Contains(sout.String(), "s3cret-pw") {
		t.Errorf("serve shows the password:\n%s", sout.String())
	}
	if code, body := get(t, base+"healthz"); code != 200 || !strings.Contains(body, `"articles":51`) {
		t.Errorf("healthz: %d %s", code, body)
	}
	code, body := get(t, base+"api/v1/articles?q="+url.QueryEscape("पुतिन")+"&limit=100")
	var found struct {
		Articles []struct{ ID string }
		Total    int
		Facets   map[string][]struct {
			Term  string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(body), &found); code != 200 || err != nil {
		t.Fatalf("search API: %d %v\n%s", code, err, body)
	}
	var apiIDs []string
	for _, a := range found.Articles {
		apiIDs = append(apiIDs, a.ID)
	}
	slices.Sort(apiIDs)
	if want := searchIDs(t, "--data", dir, "पुतिन"); !slices.Equal(apiIDs, want) || found.Total != len(want) {
		t.Errorf("search API: %v (total %d), want %v", apiIDs, found.Total, want)
	}
	if len(found.Facets["outlet"]) == 0 || len(found.Facets["entity"]) == 0 || len(found.Facets["lang"]) == 0 {
		t.Errorf("search API facets: %+v", found.Facets)
	}
	// The page folds wire copies into one hit and marks the words.
	code, body = get(t, base+"?q="+url.QueryEscape("जयशंकर लावरोव"))
	if code != 200 || !strings.Contains(body, "<mark>") || !strings.Contains(body, `class="copies"`) {
		t.Errorf("search page: %d, marks %v, copies %v", code, strings.Contains(body, "<mark>"), strings.Contains(body, `class="copies"`))
	}
	if code, body := get(t, base+"?q="+url.QueryEscape("का")); code != 400 {
		t.Errorf("a query of stop words: %d, want 400\n%s", code, body)
	}
	if code, body := get(t, base+"feeds/kremlin.atom"); code != 200 || !strings.Contains(body, "<entry>") {
		t.Errorf("alert feed: %d\n%s", code, body)
	}
	if code, body := get(t, base+"api/v1/sources"); code != 200 || !strings.Contains(body, "samvad.example") {
		t.Errorf("sources API: %d %s", code, body)
	}
	for _, page := range []string{"stories", "quotes", "events", "sources", "api/v1/entities", "api/v1/stories"} {
		if code, _ := get(t, base+page); code != 200 {
			t.Errorf("%s: %d", page, code)
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, serr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on cancel")
	}
}

// TestStoreUnreachable: a PostgreSQL store that cannot be reached is
// reported at once, by host and database, without the password.
func TestStoreUnreachable(t *testing.T) {
	const bad = "postgres://khabar:s3cret-pw@127.0.0.1:1/news?sslmode=disable"
	for _, args := range [][]string{
		{"search", "--store", bad, "x"}, {"sources", "list", "--store", bad}, {"export", "--store", bad},
		{"alerts", "list", "--store", bad}, {"ingest", "--store", bad, corpus}, {"rebuild", "--store", bad, "index"},
	} {
		cmd := args
		start := time.Now()
		r := khabar(t, t.Context(), "", args...)
		noPassword(t, cmd[0], r)
		if r.code != 1 || !strings.Contains(r.stderr, "127.0.0.1:1/news") || !strings.Contains(r.stderr, "is the server running") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		if d := time.Since(start); d > 15*time.Second {
			t.Errorf("%v took %s", args, d)
		}
	}
	if r := khabar(t, t.Context(), "", "search", "--store", "mysql://x/y", "x"); r.code != 1 || !strings.Contains(r.stderr, "unknown kind of store") {
		t.Errorf("unknown scheme: exit %d\n%s", r.code, r.stderr)
	}
}
