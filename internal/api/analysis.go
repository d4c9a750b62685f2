package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/news"
	"khabar/internal/store"
)

// errNoAnalyst answers the entity, quote and event routes of a server
// whose store does not answer them.
var errNoAnalyst = errors.New("entities, quotes and events are not available on this server")

// params reads the query parameters of an analysis route: only those in
// allowed (an unknown one is a 400, so that a misspelt filter is never
// silently ignored), each at most once, as plain text.
type params struct {
	v   url.Values
	err error
}

func readParams(v url.Values, allowed ...string) *params {
	p := &params{v: v}
	for k, vs := range v {
		if !slices.Contains(allowed, k) {
			p.err = paramErr(k, "is not a parameter of this route; it takes %s", strings.Join(allowed, ", "))
			return p
		}
		if len(vs) > 1 {
			p.err = paramErr(k, "is given %d times; give it once", len(vs))
			return p
		}
	}
	return p
}

// text returns parameter k, checked.
func (p *params) text(k string) string {
	if p.err != nil {
		return ""
	}
	s := strings.TrimSpace(p.v.Get(k))
	if len(s) > MaxQueryText {
		p.err = paramErr(k, "is longer than %d bytes", MaxQueryText)
	} else if !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl) {
		p.err = paramErr(k, "holds invalid or control characters; send plain UTF-8 text")
	}
	return s
}

// oneOf returns parameter k, which must be one of vals (compared in upper
// case; the value returned is as vals writes it), or "".
func (p *params) oneOf(k string, vals ...string) string {
	s := p.text(k)
	if s == "" || p.err != nil {
		return ""
	}
	for _, v := range vals {
		if strings.EqualFold(s, v) {
			return v
		}
	}
	p.err = paramErr(k, "must be one of %s", strings.Join(vals, ", "))
	return ""
}

// span returns from and to.
func (p *params) span() (from, to time.Time) {
	var err error
	if s := p.text("from"); s != "" && p.err == nil {
		if from, err = parseBound(s, false); err != nil {
			p.err = paramErr("from", "%q is not a date; use YYYY-MM-DD (read in IST) or an RFC 3339 time", clip(s))
		}
	}
	if s := p.text("to"); s != "" && p.err == nil {
		if to, err = parseBound(s, true); err != nil {
			p.err = paramErr("to", "%q is not a date; use YYYY-MM-DD (read in IST, the whole day included) or an RFC 3339 time", clip(s))
		}
	}
	if p.err == nil && !from.IsZero() && !to.IsZero() && !from.Before(to) {
		p.err = paramErr("to", "must be after from")
	}
	return from, to
}

// limit returns the page size.
func (p *params) limit() int {
	s := p.text("limit")
	if s == "" || p.err != nil {
		return DefaultLimit
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		p.err = paramErr("limit", "must be a whole number from 1 to %d", MaxLimit)
	}
	return n
}

var entityTypes = []string{news.PER, news.ORG, news.LOC, news.MISC}

// entitiesResponse is the body of GET /api/v1/entities.
type entitiesResponse struct {
	Entities []store.EntityCount `json:"entities"`
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) {
	p := readParams(r.URL.Query(), "q", "type", "from", "to", "limit")
	f := store.EntityFilter{Query: p.text("q"), Type: p.oneOf("type", entityTypes...), Limit: p.limit()}
	f.From, f.To = p.span()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	if s.analyst == nil {
		s.fail(w, r, errNoAnalyst)
		return
	}
	got, err := s.analyst.Entities(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, entitiesResponse{Entities: got})
}

// entityResponse is the body of GET /api/v1/entities/{id}.
type entityResponse struct {
	store.EntityCount
	// Days are the articles per IST day naming it.
	Days []store.DayCount `json:"days"`
	// With are the entities most often named beside it.
	With []store.EntityCount `json:"with"`
	// Quotes are its latest quotes (speaker), Events those where it is an
	// actor or a target: the first page of each, with the route for more.
	Quotes   []store.QuoteHit  `json:"quotes"`
	Events   []store.EventHit  `json:"events"`
	Articles []json.RawMessage `json:"articles"`
	// Next is the cursor of the next page of Articles.
	Next *string `json:"next"`
}

// entityItems is how many quotes, events and co-mentioned entities an
// entity's answer carries.
const entityItems = 20

func (s *Server) entity(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if len(id) > maxID {
		writeError(w, http.StatusBadRequest, "bad_request", "id is too long; use the id field of an entity")
		return
	}
	p := readParams(r.URL.Query(), "limit", "cursor")
	limit := p.limit()
	cursor := p.text("cursor")
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	if s.analyst == nil {
		s.fail(w, r, errNoAnalyst)
		return
	}
	ctx := r.Context()
	e, err := s.analyst.Entity(ctx, id)
	if errors.Is(err, news.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not_found", "no stored article names an entity with this id; ids come from /api/v1/entities or an article's entities")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := entityResponse{EntityCount: *e}
	if resp.Days, err = s.analyst.EntityDays(ctx, id, time.Time{}, time.Time{}); err != nil {
		s.fail(w, r, err)
		return
	}
	if resp.With, err = s.analyst.CoMentioned(ctx, id, entityItems); err != nil {
		s.fail(w, r, err)
		return
	}
	qp, err := s.analyst.Quotes(ctx, store.QuoteFilter{Speaker: id, Limit: entityItems})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp.Quotes = boundQuotes(qp.Quotes)
	for _, role := range []store.EventFilter{{Actor: id, Limit: entityItems}, {Target: id, Limit: entityItems}} {
		ep, err := s.analyst.Events(ctx, role)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		resp.Events = append(resp.Events, boundEvents(ep.Events)...)
	}
	page, err := s.analyst.EntityArticles(ctx, id, limit, cursor)
	if errors.Is(err, store.ErrBadCursor) {
		s.fail(w, r, errStaleCursor)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp.Articles = make([]json.RawMessage, 0, len(page.Articles))
	for _, a := range page.Articles {
		b, err := boundedJSON(Bound(a, ListLimits, 0, 0))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		resp.Articles = append(resp.Articles, b)
	}
	if page.Next != "" {
		resp.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, resp)
}

// maxItemText bounds the text of a quote or the sentence of an event in
// an answer, in bytes (cut at a character boundary).
const maxItemText = 4 << 10

func cutItem(s string) string {
	if len(s) <= maxItemText {
		return s
	}
	i := maxItemText
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

func boundQuotes(qs []store.QuoteHit) []store.QuoteHit {
	for i := range qs {
		qs[i].Text = cutItem(qs[i].Text)
	}
	return qs
}

func boundEvents(es []store.EventHit) []store.EventHit {
	for i := range es {
		es[i].Sentence = cutItem(es[i].Sentence)
	}
	return es
}

// quotesResponse is the body of GET /api/v1/quotes.
type quotesResponse struct {
	Quotes []store.QuoteHit `json:"quotes"`
	Next   *string          `json:"next"`
}

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) {
	p := readParams(r.URL.Query(), "speaker", "q", "via", "from", "to", "limit", "cursor")
	f := store.QuoteFilter{Speaker: p.text("speaker"), Text: p.text("q"), Via: p.text("via"), Limit: p.limit(), Cursor: p.text("cursor")}
	f.From, f.To = p.span()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	if s.analyst == nil {
		s.fail(w, r, errNoAnalyst)
		return
	}
	page, err := s.analyst.Quotes(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		s.fail(w, r, errStaleCursor)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := quotesResponse{Quotes: boundQuotes(page.Quotes)}
	if page.Next != "" {
		resp.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, resp)
}

// eventsResponse is the body of GET /api/v1/events.
type eventsResponse struct {
	Events []store.EventHit `json:"events"`
	Next   *string          `json:"next"`
}

var modalities = []string{news.ModalityAsserted, news.ModalityNegated, news.ModalityFuture, news.ModalityHypothetical}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	p := readParams(r.URL.Query(), "type", "subtype", "actor", "target", "place", "modality", "from", "to", "limit", "cursor")
	f := store.EventFilter{Type: strings.ToUpper(p.text("type")), Subtype: strings.ToUpper(p.text("subtype")),
		Actor: p.text("actor"), Target: p.text("target"), Place: p.text("place"),
		Modality: p.oneOf("modality", modalities...), Limit: p.limit(), Cursor: p.text("cursor")}
	f.From, f.To = p.span()
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	if s.analyst == nil {
		s.fail(w, r, errNoAnalyst)
		return
	}
	page, err := s.analyst.Events(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		s.fail(w, r, errStaleCursor)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := eventsResponse{Events: boundEvents(page.Events)}
	if page.Next != "" {
		resp.Next = &page.Next
	}
	writeJSON(w, http.StatusOK, resp)
}
