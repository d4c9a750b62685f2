// Package alert answers saved searches: it checks an alert, renders its
// newest matches as an Atom feed any feed reader can follow, and posts new
// matches to an alert's webhook as JSON, with retries, from a loop of its
// own that never holds up ingest.
package alert

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// Searcher runs a saved search. *search.Index satisfies it.
type Searcher interface {
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

// Articles reads the articles a search names.
type Articles interface {
	GetMany(ctx context.Context, ids []string) ([]*news.Article, error)
}

var validName = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// Check reports what is wrong with a, in words for the person who made it.
func Check(a *store.Alert) error {
	if !validName.MatchString(a.Name) {
		return fmt.Errorf("name %q: use 1 to 64 letters, digits, - or _", a.Name)
	}
	if strings.TrimSpace(a.Query) == "" {
		return errors.New("query: give the words to look for")
	}
	if len(a.Query) > 512 {
		return errors.New("query: at most 512 bytes")
	}
	if a.Webhook != "" {
		u, err := url.Parse(a.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("webhook %q: want an http or https URL", a.Webhook)
		}
	}
	if !a.From.IsZero() && !a.To.IsZero() && !a.From.Before(a.To) {
		return errors.New("to: must be after from")
	}
	return nil
}

// feedSize is how many of the newest matches a feed and a round of the
// notifier look at.
const feedSize = 50

// matches returns the newest matches of a.
func matches(ctx context.Context, s Searcher, arts Articles, a *store.Alert) ([]*news.Article, error) {
	r, err := s.Search(ctx, search.Query{Text: a.Query, Lang: a.Lang, From: a.From, To: a.To, Limit: feedSize, ByDate: true})
	if err != nil {
		return nil, err
	}
	return arts.GetMany(ctx, r.IDs)
}

// atom is an Atom 1.0 feed.
type atom struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Link      []atomLink `xml:"link"`
	Author    *atomName  `xml:"author,omitempty"`
	Summary   string     `xml:"summary,omitempty"`
}

type atomName struct {
	Name string `xml:"name"`
}

// Feed renders the newest matches of a as an Atom feed; base is the
// server's URL ("http://host:port/"), which links point into.
func Feed(ctx context.Context, s Searcher, arts Articles, a *store.Alert, base string) ([]byte, error) {
	found, err := matches(ctx, s, arts, a)
	if err != nil {
		return nil, err
	}
	base = strings.TrimSuffix(base, "/")
	f := atom{
		Title: "khabar: " + a.Name + " — " + a.Query,
		ID:    base + "/feeds/" + a.Name + ".atom",
		Link:  []atomLink{{Rel: "self", Href: base + "/feeds/" + a.Name + ".atom"}, {Href: base + "/?" + url.Values{"q": {a.Query}}.Encode()}},
	}
	updated := a.Created
	for _, art := range found {
		e := atomEntry{Title: cmpOr(art.Title, art.ID), ID: "urn:khabar:article:" + art.ID,
			Link: []atomLink{{Href: base + "/a/" + url.PathEscape(art.ID)}}}
		if art.URL != "" {
			e.Link = append(e.Link, atomLink{Rel: "related", Href: art.URL})
		}
		t := art.Published
		if t.IsZero() {
			t = a.Created
		}
		e.Updated = t.UTC().Format(time.RFC3339)
		if !art.Published.IsZero() {
			e.Published = art.Published.Format(time.RFC3339)
			if art.Published.After(updated) {
				updated = art.Published
			}
		}
		if art.Publisher != "" {
			e.Author = &atomName{Name: art.Publisher}
		}
		e.Summary = summary(art.Text)
		f.Entries = append(f.Entries, e)
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// summary is the first paragraph of text, at most 400 characters.
func summary(text string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(text), "\n\n")
	r := []rune(strings.Join(strings.Fields(p), " "))
	if len(r) > 400 {
		return string(r[:399]) + "…"
	}
	return string(r)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Store is what the notifier needs of the store.
type Store interface {
	Articles
	store.Alerts
}

// Notifier posts each alert's new matches to its webhook.
type Notifier struct {
	store   Store
	search  Searcher
	client  *http.Client
	base    string
	every   time.Duration
	retries []time.Duration
	log     *slog.Logger
}

// NotifierOptions configure a Notifier.
type NotifierOptions struct {
	Store  Store
	Search Searcher
	// Client posts to the webhooks; nil means one with a 10 s timeout.
	Client *http.Client
	// Base is the server's URL, for the links posted.
	Base string
	// Every is how often the alerts are looked at; 0 means 10 s.
	Every time.Duration
	// Retries are the waits before each retry of a failed post; nil means
	// 1 s, 5 s and 25 s.
	Retries []time.Duration
	Logger  *slog.Logger
}

// NewNotifier returns a Notifier.
func NewNotifier(o NotifierOptions) *Notifier {
	n := &Notifier{store: o.Store, search: o.Search, client: o.Client, base: strings.TrimSuffix(o.Base, "/"),
		every: o.Every, retries: o.Retries, log: o.Logger}
	if n.client == nil {
		n.client = &http.Client{Timeout: 10 * time.Second}
	}
	if n.every <= 0 {
		n.every = 10 * time.Second
	}
	if n.retries == nil {
		n.retries = []time.Duration{time.Second, 5 * time.Second, 25 * time.Second}
	}
	if n.log == nil {
		n.log = slog.New(slog.DiscardHandler)
	}
	return n
}

// Run looks at the alerts every interval until ctx is done.
func (n *Notifier) Run(ctx context.Context) {
	t := time.NewTicker(n.every)
	defer t.Stop()
	for {
		if err := n.Round(ctx); err != nil && ctx.Err() == nil {
			n.log.Warn("alerts round failed", slog.String("error", err.Error()))
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// maxNotified bounds the ids an alert remembers as posted.
const maxNotified = 500

// Payload is the JSON body posted to a webhook for one match.
type Payload struct {
	Alert   string         `json:"alert"`
	Query   string         `json:"query"`
	Article PayloadArticle `json:"article"`
}

// PayloadArticle is the matching article, in short.
type PayloadArticle struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Link      string    `json:"link"`
	Publisher string    `json:"publisher,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// Round posts the new matches of every alert with a webhook: articles
// published after the alert was made (or with no date) that were not
// posted before, oldest first.
func (n *Notifier) Round(ctx context.Context) error {
	alerts, err := n.store.ListAlerts(ctx)
	if err != nil {
		return err
	}
	for _, a := range alerts {
		if a.Webhook == "" {
			continue
		}
		found, err := matches(ctx, n.search, n.store, a)
		if errors.Is(err, search.ErrNoTerms) {
			continue
		}
		if err != nil {
			return err
		}
		changed := false
		for i := len(found) - 1; i >= 0; i-- { // oldest first
			art := found[i]
			if slices.Contains(a.Notified, art.ID) {
				continue
			}
			if art.Published.IsZero() || !art.Published.Before(a.Created) {
				if err := n.post(ctx, a, art); err != nil {
					a.LastError = err.Error()
					changed = true
					break // try again next round, in order
				}
				a.LastError = ""
			}
			a.Notified = append(a.Notified, art.ID)
			changed = true
		}
		if len(a.Notified) > maxNotified {
			a.Notified = a.Notified[len(a.Notified)-maxNotified:]
		}
		if changed {
			if err := n.store.PutAlert(ctx, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// post sends one match to a's webhook, retrying with backoff.
func (n *Notifier) post(ctx context.Context, a *store.Alert, art *news.Article) error {
	body, err := json.Marshal(Payload{Alert: a.Name, Query: a.Query, Article: PayloadArticle{ID: art.ID, Title: art.Title,
		URL: art.URL, Link: n.base + "/a/" + url.PathEscape(art.ID), Publisher: art.Publisher, Lang: art.Lang, Published: art.Published}})
	if err != nil {
		return err
	}
	var last error
	for try := 0; try <= len(n.retries); try++ {
		if try > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(n.retries[try-1]):
			}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.Webhook, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := n.client.Do(req)
		if err != nil {
			last = err
			continue
		}
		resp.Body.Close()
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			n.log.Info("alert posted", slog.String("alert", a.Name), slog.String("article", art.ID))
			return nil
		}
		last = fmt.Errorf("webhook %s: status %d", a.Webhook, resp.StatusCode)
		if resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != 429 && resp.StatusCode != 408 {
			break // the hook refuses it: trying again will not help
		}
	}
	return last
}
