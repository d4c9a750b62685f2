package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// Articles reads stored articles. store.Store satisfies it.
type Articles interface {
	// Get returns the article with id, or an error wrapping news.ErrNotFound.
	Get(ctx context.Context, id string) (*news.Article, error)
	// GetMany returns the stored articles among ids, in the order of ids.
	GetMany(ctx context.Context, ids []string) ([]*news.Article, error)
	// List returns a page of articles, newest published first.
	List(ctx context.Context, f store.Filter) (store.Page, error)
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
}

// Searcher runs full-text queries. The search index satisfies it.
type Searcher interface {
	// Search returns one page of matching article ids, best first.
	Search(ctx context.Context, q search.Query) (search.Result, error)
}

// ErrNoSearch is returned by Lookup for a search when there is no Searcher.
var ErrNoSearch = errors.New("search is not available on this server")

// errStaleCursor answers a cursor that decodes but that the backend
// refuses: tampered with, or issued by an older build.
var errStaleCursor = &ParamError{Param: "cursor", Msg: "is not valid any more; leave cursor out to start again from the first page"}

// Found is one page of articles for a Query.
type Found struct {
	// Articles are the page's articles: best first for a search, newest
	// first for a listing.
	Articles []*news.Article
	// Next is the API cursor of the following page, "" on the last.
	Next string
	// Total is the number of matches of a search; Searched says whether
	// the query was one.
	Total    uint64
	Searched bool
	// Facets count a search's matches by outlet, language, entity and
	// event type: FacetsOf of them (all, or the best 2,000 of more).
	Facets   map[string][]search.FacetCount
	FacetsOf int
	// Days counts a search's matches per IST day, when q.Days asked.
	Days []search.FacetCount
}

// Lookup fetches the page q asks for: with Text, ranked ids from s and then
// their articles from a; without, a listing from a. s may be nil, in which
// case searches fail with ErrNoSearch. Errors of a bad cursor are
// *ParamError.
func Lookup(ctx context.Context, a Articles, s Searcher, q Query) (Found, error) {
	searching := q.Text != ""
	inner := ""
	if q.Cursor != "" {
		c, err := decodeCursor(q.Cursor, searching)
		if err != nil {
			return Found{}, err
		}
		inner = c
	}
	if !searching {
		p, err := a.List(ctx, store.Filter{Lang: q.Lang, From: q.From, To: q.To, Limit: q.Limit, Cursor: inner})
		if errors.Is(err, store.ErrBadCursor) {
			return Found{}, errStaleCursor
		}
		if err != nil {
			return Found{}, fmt.Errorf("list articles: %w", err)
		}
		return Found{Articles: p.Articles, Next: encodeCursor(p.Next, false)}, nil
	}
	if s == nil {
		return Found{}, ErrNoSearch
	}
	r, err := s.Search(ctx, search.Query{Text: q.Text, Lang: q.Lang, From: q.From, To: q.To, Limit: q.Limit, Cursor: inner,
		ByDate: q.ByDate, Facets: true, Days: q.Days})
	if errors.Is(err, search.ErrNoTerms) {
		return Found{}, paramErr("q", "has no searchable words, only stop words or punctuation; add a word that names what you look for")
	}
	if err != nil {
		return Found{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	f := Found{Next: encodeCursor(r.Next, true), Total: r.Total, Searched: true, Facets: r.Facets, FacetsOf: r.FacetsOf, Days: r.Days}
	if len(r.IDs) == 0 {
		return f, nil
	}
	if f.Articles, err = a.GetMany(ctx, r.IDs); err != nil {
		return Found{}, fmt.Errorf("get %d search hits: %w", len(r.IDs), err)
	}
	return f, nil
}

// Options configure a Server.
type Options struct {
	// Articles is where articles are read from. Required.
	Articles Articles
	// Searcher answers queries with q; nil answers them with 503.
	Searcher Searcher
	// Links reads groups and stories; nil uses Articles when it reads
	// them too, and otherwise answers their endpoints with 503.
	Links Links
	// Logger receives one record per request and the errors behind 5xx
	// answers; nil discards them.
	Logger *slog.Logger
	// Version is the build's version, reported by /healthz and the OpenAPI
	// document.
	Version string
	// Ingest takes uploaded articles (POST /api/v1/articles); nil answers
	// uploads with 503.
	Ingest Ingester
	// Sources manages followed sources (/api/v1/sources); nil answers
	// with 503.
	Sources Sources
	// Write guards the write routes.
	Write Write
	// Metrics, when set, is served at GET /metrics.
	Metrics http.Handler
	// Analyst answers the entity, quote and event routes; nil uses
	// Articles when it answers them too, and otherwise answers with 503.
	Analyst store.Analyst
	// Alerts keeps saved searches; nil uses Articles when it keeps them
	// too, and otherwise answers with 503.
	Alerts store.Alerts
}

// Server serves the JSON API.
type Server struct {
	arts    Articles
	search  Searcher
	links   Links
	log     *slog.Logger
	version string
	openapi []byte
	routes  []route
	ingest  Ingester
	sources Sources
	write   Write
	analyst store.Analyst
	alerts  store.Alerts
}

// route is one pattern the API serves.
type route struct {
	pattern string
	handler http.HandlerFunc
}

//go:embed openapi.json
var openapiDoc []byte

// New returns a Server reading from o.Articles.
func New(o Options) *Server {
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{arts: Shared(o.Articles), search: o.Searcher, links: linksFrom(o), log: log, version: o.Version,
		ingest: o.Ingest, sources: o.Sources, write: o.Write, analyst: o.Analyst}
	if s.analyst == nil {
		s.analyst, _ = o.Articles.(store.Analyst)
	}
	s.alerts = o.Alerts
	if s.alerts == nil {
		s.alerts, _ = o.Articles.(store.Alerts)
	}
	s.openapi = versioned(openapiDoc, o.Version)
	s.routes = []route{
		{"GET /healthz", s.health},
		{"GET /api/v1/articles", s.list},
		{"GET /api/v1/articles/{id}", s.article},
		{"GET /api/v1/articles/{id}/diff", s.diff},
		{"GET /api/v1/groups/{id}", s.group},
		{"GET /api/v1/stories", s.stories},
		{"GET /api/v1/stories/{id}", s.story},
		{"GET /api/v1/openapi.json", s.openAPI},
		{"GET /api/v1/entities", s.entities},
		{"GET /api/v1/entities/{id}", s.entity},
		{"GET /api/v1/quotes", s.quotes},
		{"GET /api/v1/events", s.events},
		{"GET /api/v1/alerts", s.listAlerts},
		{"POST /api/v1/alerts", s.addAlert},
		{"DELETE /api/v1/alerts/{name}", s.removeAlert},
		{"GET /feeds/{file}", s.feed},
	}
	if o.Ingest != nil {
		s.routes = append(s.routes, route{"POST /api/v1/articles", s.postArticles})
	}
	if o.Sources != nil {
		s.routes = append(s.routes, route{"GET /api/v1/sources", s.listSources},
			route{"POST /api/v1/sources", s.addSource},
			route{"DELETE /api/v1/sources/{id}", s.removeSource})
	}
	if o.Metrics != nil {
		s.routes = append(s.routes, route{"GET /metrics", o.Metrics.ServeHTTP})
	}
	return s
}

// versioned returns doc with info.version set to v, or doc unchanged when v
// is empty.
func versioned(doc []byte, v string) []byte {
	if v == "" {
		return doc
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return doc
	}
	var info map[string]json.RawMessage
	if err := json.Unmarshal(m["info"], &info); err != nil {
		return doc
	}
	info["version"], _ = json.Marshal(v)
	m["info"], _ = json.Marshal(info)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return doc
	}
	return append(out, '\n')
}

// Register adds the API's routes to mux, and a JSON 404 for every other path
// under /api/. It adds no middleware; Handler and Mux do.
func (s *Server) Register(mux *http.ServeMux) {
	for _, r := range s.routes {
		mux.HandleFunc(r.pattern, r.handler)
	}
	mux.HandleFunc("GET /api/", s.notFound)
}

// Patterns returns the ServeMux patterns the API serves, as registered.
func (s *Server) Patterns() []string {
	out := make([]string, len(s.routes))
	for i, r := range s.routes {
		out[i] = r.pattern
	}
	return out
}

// Handler returns the API alone, behind the middleware, answering every
// unknown path with a JSON 404.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.Register(mux)
	mux.HandleFunc("GET /", s.notFound)
	return s.Middleware(limit(mux, inFlight()))
}

// listResponse is the body of GET /api/v1/articles.
// Each article is bounded by ListLimits; its truncated field says what
// was cut, and the article endpoint gives more.
type listResponse struct {
	Articles []json.RawMessage              `json:"articles"`
	Next     *string                        `json:"next"`
	Total    *uint64                        `json:"total,omitempty"`
	Facets   map[string][]search.FacetCount `json:"facets,omitempty"`
	// FacetsOf is how many of the matches the facets count: every one,
	// or the best 2,000 when there are more.
	FacetsOf *int `json:"facets_of,omitempty"`
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	if p := readParams(r.URL.Query(), "q", "lang", "from", "to", "limit", "cursor", "sort"); p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	q, err := ParseQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, err := Lookup(r.Context(), s.arts, s.search, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := listResponse{Articles: make([]json.RawMessage, 0, len(f.Articles))}
	for _, a := range f.Articles {
		b, err := boundedJSON(Bound(a, ListLimits, 0, 0))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		resp.Articles = append(resp.Articles, b)
	}
	if f.Next != "" {
		resp.Next = &f.Next
	}
	if f.Searched {
		resp.Facets = f.Facets
		resp.Total = &f.Total
		if f.Facets != nil {
			resp.FacetsOf = &f.FacetsOf
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// maxID is the longest article id looked up.
const maxID = 256

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > maxID {
		writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("id is longer than %d bytes; use the id field of an article record", maxID))
		return
	}
	q := r.URL.Query()
	offset, err := intParam(q.Get("offset"), "offset")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	textFrom, err := intParam(q.Get("text_from"), "text_from")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.arts.Get(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := boundedJSON(Bound(a, ArticleLimits, offset, textFrom))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, json.RawMessage(b))
}

// maxOffset bounds the offset and text_from parameters.
const maxOffset = 1 << 30

// intParam reads a whole number 0..maxOffset; "" is 0.
func intParam(v, name string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > maxOffset {
		return 0, paramErr(name, "must be a whole number from 0 to %d", maxOffset)
	}
	return n, nil
}

// boundedJSON is the record of a, with a "truncated" member holding c when
// Bound cut something.
func boundedJSON(a *news.Article, c Cut) ([]byte, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	if !c.Any() {
		return b, nil
	}
	cb, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	b = append(b[:len(b)-1], `,"truncated":`...)
	b = append(b, cb...)
	return append(b, '}'), nil
}

// healthResponse is the body of GET /healthz.
type healthResponse struct {
	Status   string `json:"status"`
	Articles int    `json:"articles"`
	Version  string `json:"version,omitempty"`
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	n, err := s.arts.Count(r.Context())
	if err != nil {
		s.log.LogAttrs(r.Context(), slog.LevelError, "health check", slog.String("error", err.Error()))
		writeError(w, http.StatusServiceUnavailable, "unavailable", "the article store does not answer; check the server's log")
		return
	}
	writeJSON(w, http.StatusOK, healthResponse{Status: "ok", Articles: n, Version: s.version})
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.openapi))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "not_found", "no such endpoint; see /api/v1/openapi.json for the ones there are")
}

// fail answers with the error err stands for and logs server-side failures.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *ParamError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, "bad_request", pe.Error())
	case errors.Is(err, news.ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "no article has this id; ids come from the id field of a listing or search")
	case errors.Is(err, ErrNoSearch):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "search is not available on this server; leave out q to list articles")
	case errors.Is(err, errNoAlerts):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "saved searches are not available on this server; serve a data folder made by khabar ingest")
	case errors.Is(err, errNoAnalyst):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "entities, quotes and events are not available on this server; serve a data folder made by khabar ingest")
	case errors.Is(err, errNoLinks):
		writeError(w, http.StatusServiceUnavailable, "unavailable", "stories and groups are not available on this server; serve a data folder made by khabar ingest")
	case errors.Is(err, context.Canceled):
		// The client went away and reads no answer; 499 is the code
		// proxies log for that.
		w.WriteHeader(statusClientClosed)
	default:
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("error", err.Error()))
		writeError(w, http.StatusInternalServerError, "internal", "the server failed to answer; try again, and report it if it persists")
	}
}

// statusClientClosed is the status logged for a request its client gave up.
const statusClientClosed = 499

// errorBody is the body of every error answer.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// writeError writes a JSON error answer.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, errorBody{errorDetail{Code: code, Message: msg}})
}

// writeJSON writes v as the JSON body of an answer with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"the answer could not be encoded; report this"}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
