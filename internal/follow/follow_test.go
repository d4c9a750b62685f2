package follow_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/fetch"
	"khabar/internal/follow"
	"khabar/internal/follow/newsroom"
	"khabar/internal/ingest"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// firstWords is a stage that stands in for the pipeline: the page's
// title tag as the title, and its text.
type firstWords struct{}

func (firstWords) Name() string { return "words" }
func (firstWords) Process(_ context.Context, a *news.Article) error {
	body := a.Raw.Body
	if _, rest, ok := strings.Cut(body, "<title>"); ok {
		a.Title, _, _ = strings.Cut(rest, "</title>")
	}
	a.Text = body
	a.Lang = "hi"
	return nil
}

// clock is a time the test moves.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type rig struct {
	store  *sqlite.Store
	index  *search.Index
	ingest *ingest.Ingester
	follow *follow.Follower
	clock  *clock
	stop   func()
}

const delay = 60 * time.Millisecond

func newRig(t *testing.T) *rig {
	t.Helper()
	dir := t.TempDir()
	st, err := sqlite.Open(t.Context(), filepath.Join(dir, "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := ingest.New(ingest.Options{Store: st, Index: ix, Version: "test",
		Pipeline: pipeline.New([]pipeline.Stage{firstWords{}}, pipeline.Options{Workers: 2}),
		Hash:     func(a *news.Article) string { return a.Source.URI + "\x00" + a.Raw.Body }})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan struct{})
	go func() {
		defer close(served)
		if _, err := g.Serve(ctx); err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	c := &clock{t: time.Now()}
	client := fetch.New(fetch.Options{AllowPrivate: true, Delay: delay, Timeout: 2 * time.Second, UserAgent: "khabar-test/1 (+https://khabar.example/bot)"})
	r := &rig{store: st, index: ix, ingest: g, clock: c,
		follow: follow.New(follow.Options{Store: st, Fetcher: client, Ingest: g, Now: c.now,
			MinInterval: time.Minute, MaxInterval: time.Hour})}
	r.stop = func() {
		cancel()
		<-served
		ix.Close()
		st.Close()
	}
	t.Cleanup(r.stop)
	// Wait for the ingester to serve.
	for {
		if _, err := g.Submit(t.Context(), nil); !errors.Is(err, ingest.ErrStopped) {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	return r
}

func (r *rig) add(t *testing.T, u string) []*store.Source {
	t.Helper()
	srcs, err := r.follow.Add(t.Context(), u)
	if err != nil {
		t.Fatalf("Add(%s): %v", u, err)
	}
	return srcs
}

// TestNewsroom follows a fake newsroom of three outlets for two rounds and
// checks what a site operator and a researcher expect: robots.txt and the
// per-host delay respected, conditional second rounds that fetch no stored
// page again, Retry-After honoured, every fault contained, and each article
// stored once however many ways it was listed.
func TestNewsroom(t *testing.T) {
	if testing.Short() {
		t.Skip("fetches a fake newsroom over loopback")
	}
	room := newsroom.New(t, 6)
	r := newRig(t)

	// A feed, a home page whose feed and sitemaps are discovered, and the
	// faulty outlet's feed.
	hi := r.add(t, room.Hindi.URL+"/rss.xml")
	if len(hi) != 1 || hi[0].Kind != store.KindRSS || hi[0].Title != "हिंदी समाचार" {
		t.Fatalf("Hindi feed added as %+v", hi[0])
	}
	en := r.add(t, room.English.URL+"/")
	kinds := map[string]bool{}
	for _, s := range en {
		kinds[s.Kind] = true
		if s.Site == "" {
			t.Errorf("discovered source %s has no site", s.URL)
		}
	}
	if !kinds[store.KindAtom] || !kinds[store.KindSitemap] {
		t.Fatalf("home page discovery found %v, want the Atom feed and the news sitemap", en)
	}
	r.add(t, room.Faults.URL+"/rss.xml")
	if _, err := r.follow.Add(t.Context(), room.Faults.URL+"/malformed.xml"); err == nil {
		t.Fatal("a malformed feed was added")
	}
	if _, err := r.follow.Add(t.Context(), "ftp://example.org/feed"); err == nil {
		t.Fatal("an ftp URL was added")
	}
	// The malformed feed is followed anyway when imported (OPML): it fails
	// at every fetch, and says so.
	bad := &store.Source{URL: room.Faults.URL + "/malformed.xml", Kind: store.KindRSS}
	if _, err := r.store.AddSource(t.Context(), bad); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	sum, err := r.follow.Round(t.Context())
	if err != nil {
		t.Fatalf("round 1: %v", err)
	}
	t.Logf("round 1 in %s: %+v", time.Since(start).Round(time.Millisecond), sum)
	wantArticles := 6 + 6 + 2 // Hindi, English, and the faults outlet's two good pages
	if sum.New != wantArticles || sum.Failed != 1 {
		t.Errorf("round 1: %d new (want %d), %d failed sources (want 1): %+v", sum.New, wantArticles, sum.Failed, sum)
	}
	if n, _ := r.store.Count(t.Context()); n != wantArticles {
		t.Errorf("stored %d articles, want %d", n, wantArticles)
	}

	reqs := room.Requests()
	checkPolite(t, reqs)
	for _, q := range reqs {
		if strings.HasPrefix(q.Path, "/private/") {
			t.Errorf("fetched %s, which robots.txt forbids", q.Path)
		}
		if strings.Contains(q.Path, "utm_source") {
			t.Errorf("fetched %s: a tracking-parameter copy of a listed page", q.Path)
		}
		if !strings.HasPrefix(q.UserAgent, "khabar-test/1") {
			t.Errorf("request with User-Agent %q", q.UserAgent)
		}
	}
	srcs, _ := r.store.Sources(t.Context())
	for _, s := range srcs {
		switch {
		case strings.HasSuffix(s.URL, "/malformed.xml"):
			if s.Errors != 1 || s.LastError == "" || !s.NextFetch.After(r.clock.now()) {
				t.Errorf("malformed feed state: %+v", s)
			}
		default:
			if s.Errors != 0 || s.LastStatus != 200 || s.ETag == "" && s.Kind != store.KindRSS {
				t.Errorf("source state after round 1: %+v", s)
			}
		}
	}

	// Round 2, as soon as everything is due again: feeds answer 304 to
	// conditional requests, and no stored page is asked for again; the
	// faulty host asked us to wait, so it is not asked at all.
	r.clock.add(2 * time.Hour)
	before := len(reqs)
	sum2, err := r.follow.Round(t.Context())
	if err != nil {
		t.Fatalf("round 2: %v", err)
	}
	t.Logf("round 2: %+v", sum2)
	if sum2.New != 0 || sum2.NotModified < 2 {
		t.Errorf("round 2: %+v, want nothing new and the feeds not modified", sum2)
	}
	reqs = room.Requests()
	rateLimited := time.Time{}
	for _, q := range reqs[:before] {
		if q.Path == "/429" {
			rateLimited = q.End
		}
	}
	pages := map[string]int{}
	for _, q := range reqs {
		if strings.HasPrefix(q.Path, "/a/") || q.Path == "/ok" || q.Path == "/slow" {
			pages[q.Host+q.Path]++
		}
	}
	for p, n := range pages {
		if n != 1 {
			t.Errorf("page %s fetched %d times", p, n)
		}
	}
	for _, q := range reqs[before:] {
		if (q.Path == "/rss.xml" || q.Path == "/atom.xml" || q.Path == "/news-sitemap.xml") && q.Host != room.Faults.Host() && !q.Conditional {
			t.Errorf("round 2 asked for %s%s without a validator", q.Host, q.Path)
		}
		if q.Host == room.Faults.Host() && !rateLimited.IsZero() && q.Start.Sub(rateLimited) < room.RetryAfter {
			t.Errorf("asked the rate-limited host for %s %s after the 429, before its Retry-After of %s",
				q.Path, q.Start.Sub(rateLimited).Round(time.Millisecond), room.RetryAfter)
		}
	}
	checkPolite(t, reqs)

	// A new article: found in the next round, stored, and searchable.
	a := room.Hindi.Articles()[0]
	a.Path, a.Title = "/a/naya-lekh", "नया लेख: पटना में बारिश"
	a.Body = "पटना, आठ अगस्त (भाषा) पटना में शुक्रवार को भारी बारिश हुई।\n\nनगर निगम ने पानी निकालने के लिए पंप लगाए।"
	room.Hindi.Publish(a)
	r.clock.add(2 * time.Hour)
	sum3, err := r.follow.Round(t.Context())
	if err != nil || sum3.New != 1 {
		t.Fatalf("round 3: %+v, %v; want the new article", sum3, err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		res, err := r.index.Search(t.Context(), search.Query{Text: "पंप", Limit: 5})
		if err == nil && res.Total > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new article is not searchable 5 s after it was stored (%v)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// A changed article: its Atom <updated> moves, it is fetched again and
	// updated in place.
	en0 := room.English.Articles()[0]
	if !room.English.Update(en0.Path, en0.Body+"\n\nUpdate: the port is fully open again, officials said.", time.Now().Add(time.Minute)) {
		t.Fatal("no article to update")
	}
	r.clock.add(2 * time.Hour)
	sum4, err := r.follow.Round(t.Context())
	if err != nil || sum4.Updated != 1 || sum4.New != 0 {
		t.Fatalf("round 4: %+v, %v; want the changed article updated", sum4, err)
	}
	if n, _ := r.store.Count(t.Context()); n != wantArticles+1 {
		t.Errorf("stored %d articles after the update, want %d", n, wantArticles+1)
	}

	got, _ := r.store.SourceByURL(t.Context(), room.Hindi.URL+"/rss.xml")
	if got.Articles != 7 || got.LastNew.IsZero() {
		t.Errorf("Hindi source after round 3: %d articles, last new %v; want 7", got.Articles, got.LastNew)
	}
}

// checkPolite checks that no host answered two requests at once and that
// consecutive requests to a host were at least the delay apart (the Hindi
// outlet's Crawl-delay, which is longer).
func checkPolite(t *testing.T, reqs []newsroom.Request) {
	t.Helper()
	byHost := map[string][]newsroom.Request{}
	for _, q := range reqs {
		byHost[q.Host] = append(byHost[q.Host], q)
	}
	for host, qs := range byHost {
		min := delay
		if strings.HasPrefix(host, "127.0.0.1:") {
			min = newsroom.CrawlDelay
		}
		for i := 1; i < len(qs); i++ {
			gap := qs[i].Start.Sub(qs[i-1].End)
			if gap < 0 {
				t.Errorf("%s: %s and %s overlapped", host, qs[i-1].Path, qs[i].Path)
			} else if gap < min-5*time.Millisecond {
				t.Errorf("%s: %s began %s after %s ended, want at least %s", host, qs[i].Path, gap.Round(time.Millisecond), qs[i-1].Path, min)
			}
		}
	}
}
