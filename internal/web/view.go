package web

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"khabar/internal/api"
	"khabar/internal/news"
)

// base is what every page's data holds: the UI language and its strings.
type base struct {
	*catalog
	// Lang is the UI language; Other is the one the toggle switches to.
	Lang, Other string
	// Toggle is the URL of this page in the other language.
	Toggle string
	// Stored is the number of stored articles, -1 when unknown.
	Stored int
}

// URLText is u as people read it: without the scheme and a trailing "/".
func (b base) URLText(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}

// Tf formats the string for key with args, as fmt.Sprintf.
func (b base) Tf(key string, args ...any) string {
	return fmt.Sprintf(b.T(key), args...)
}

// Date renders t in IST in the UI language: "10 March 2025, 09:30 IST".
func (b base) Date(t time.Time) string {
	if t.IsZero() {
		return b.T("no_date")
	}
	t = t.In(api.IST())
	return fmt.Sprintf("%d %s %d, %02d:%02d IST", t.Day(), b.T("month_"+strconv.Itoa(int(t.Month()))), t.Year(), t.Hour(), t.Minute())
}

// Day renders a YYYY-MM-DD date in the UI language ("10 March 2025"), and
// any other value as it is.
func (b base) Day(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", t.Day(), b.T("month_"+strconv.Itoa(int(t.Month()))), t.Year())
}

// ISO renders t as RFC 3339 in IST, for <time datetime>; "" when zero.
func (b base) ISO(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(api.IST()).Format(time.RFC3339)
}

// LangName names a language code in the UI language, or shows the code.
func (b base) LangName(code string) string {
	if s, ok := b.lookup("lang_" + code); ok {
		return s
	}
	return strings.ToUpper(code)
}

// Reason names why text was removed, in the UI language when known.
func (b base) Reason(r string) string {
	if s, ok := b.lookup("reason_" + r); ok {
		return s
	}
	return r
}

// EntityType names an entity type in the UI language.
func (b base) EntityType(t string) string {
	if s, ok := b.lookup("ent_" + t); ok {
		return s
	}
	return t
}

// EventType names an event type in the UI language.
func (b base) EventType(t string) string {
	if s, ok := b.lookup("ev_" + t); ok {
		return s
	}
	return t
}

// item is one article in a list.
type item struct {
	Href      string
	Title     string
	TitleEn   string
	Lang      string
	Publisher string
	Published time.Time
	Snippet   string
	// Marked, for a search, is the snippet around the first match with the
	// query's words marked (Snippet otherwise).
	Marked []snipPart
	// Copies counts the wire copies of this article folded into it in a
	// list; GroupHref is its syndication group's page.
	Copies    int
	GroupHref string
}

// snippetLen is the most characters of text a list item shows.
const snippetLen = 220

func newItem(a *news.Article) item {
	it := item{
		Href:      articleHref(a.ID),
		Title:     a.Title,
		TitleEn:   a.TitleEn,
		Lang:      a.Lang,
		Publisher: a.Publisher,
		Published: a.Published,
	}
	first, _, _ := strings.Cut(strings.TrimSpace(a.Text), "\n\n")
	it.Snippet = truncate(strings.Join(strings.Fields(first), " "), snippetLen)
	return it
}

// articleHref is the URL of an article's page.
func articleHref(id string) string { return "/a/" + url.PathEscape(id) }

// truncate cuts s to at most n characters, at a space when one is near,
// marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut*3/4 {
		cut = sp
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

// articleView is an article as its page shows it: a window of each long
// part (see pageLimits), with links to the rest.
type articleView struct {
	*news.Article
	Paragraphs []string
	SourceURL  string
	Entities   []entityView
	Quotes     []quoteView
	Events     []eventView
	Removed    []news.Removal
	// More holds, by part ("text", "entities", "quotes", "events",
	// "removed"), the links to the rest of a part the page cut.
	More map[string]*more
}

// more is where a part cut on a page goes on.
type more struct {
	// From and To are the items shown (0-based, To exclusive) of Total.
	From, To, Total int
	// Next is the URL of the page showing the following items, First of
	// the one showing the first; "" when there is none.
	Next, First string
}

// What one article page shows of each part; the "more" links page through
// the rest, so that no article makes a page larger than a few hundred KB
// however many entities, quotes or events it holds.
const (
	pageText     = 96 << 10 // bytes of text
	pageEntities = 100
	pageQuotes   = 30
	pageEvents   = 30
	pageRemoved  = 50
	// pageField is the most characters of one quote, sentence, name or
	// removed line shown; pageListNames the most names of one list.
	pageField     = 600
	pageListNames = 10
)

// window is the part of an article a page shows: part and the index of its
// first item (the other parts start at 0).
type window struct {
	part   string
	offset int
}

// windowOf reads the window a request asks for (?part=…&offset=…).
func windowOf(q url.Values) window {
	w := window{part: q.Get("part")}
	if n, err := strconv.Atoi(q.Get("offset")); err == nil && n > 0 {
		w.offset = n
	}
	return w
}

// span returns the items [from, to) of a part of total items that the page
// shows, n at a time, and the "more" links when that is not all of them.
func (w window) span(id, part string, total, n int) (from, to int, m *more) {
	if w.part == part {
		from = min(w.offset, total)
	}
	to = min(from+n, total)
	if from == 0 && to == total {
		return from, to, nil
	}
	m = &more{From: from, To: to, Total: total}
	href := func(off int) string {
		v := url.Values{"part": {part}}
		if off > 0 {
			v.Set("offset", strconv.Itoa(off))
		}
		return articleHref(id) + "?" + v.Encode() + "#" + part
	}
	if to < total {
		m.Next = href(to)
	}
	if from > 0 {
		m.First = href(0)
	}
	return from, to, m
}

type entityView struct {
	Name, Alt, Type, Wikidata string
	Mentions                  int
	// Href is the entity's page.
	Href string
}

type quoteView struct {
	// Speaker is the speaker's canonical name; SpeakerAlt the name in the
	// article's language, when it differs.
	Speaker, SpeakerAlt, Text, Cue string
	Direct                         bool
	Via                            []string
}

type eventView struct {
	Type, Subtype, Trigger, Date, Place, Sentence string
	// Modality is "" for an event the text says happened, else the key of
	// its label (negated, future, hypothetical).
	Modality        string
	Actors, Targets []string
	Killed, Injured *int
}

func newArticleView(a *news.Article, w window) *articleView {
	// The page shows a copy with every short field bounded too.
	c := *a
	c.Title, c.TitleEn, c.Publisher = truncate(a.Title, pageField), truncate(a.TitleEn, pageField), truncate(a.Publisher, pageField)
	c.Byline, c.Agencies = truncateAll(a.Byline), truncateAll(a.Agencies)
	if a.Dateline != nil {
		d := *a.Dateline
		d.Place, d.PlaceText = truncate(d.Place, pageField), truncate(d.PlaceText, pageField)
		c.Dateline = &d
	}
	v := &articleView{Article: &c, SourceURL: safeURL(a.URL), More: map[string]*more{}}
	if len(v.SourceURL) > pageField {
		v.SourceURL = ""
	}
	if v.SourceURL == "" && len(a.Source.URI) <= pageField {
		v.SourceURL = safeURL(a.Source.URI)
	}
	paras := paragraphs(a.Text)
	from, to := 0, len(paras)
	if w.part == "text" {
		from = min(w.offset, len(paras))
	}
	size := 0
	for i := from; i < len(paras); i++ {
		if size += len(paras[i]); size > pageText && i > from {
			to = i
			break
		}
	}
	if from > 0 || to < len(paras) {
		_, _, m := window{part: "text", offset: from}.span(a.ID, "text", len(paras), to-from)
		v.More["text"] = m
	}
	v.Paragraphs = paras[from:to]

	names := make(map[string]string, len(a.Entities))
	alts := make(map[string]string, len(a.Entities))
	var ents []entityView
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		ev := entityView{Name: truncate(e.Name, pageField), Type: e.Type, Wikidata: e.Wikidata, Mentions: len(e.Mentions), Href: entityHref(e.ID)}
		if alt := e.Names[a.Lang]; alt != "" && alt != e.Name {
			ev.Alt = truncate(alt, pageField)
			alts[e.ID] = alt
		}
		ents = append(ents, ev)
	}
	slices.SortStableFunc(ents, func(x, y entityView) int { return cmp.Compare(y.Mentions, x.Mentions) })
	from, to, v.More["entities"] = w.span(a.ID, "entities", len(ents), pageEntities)
	v.Entities = ents[from:to]

	name := func(id string) string {
		if n, ok := names[id]; ok {
			return truncate(n, pageField)
		}
		return truncate(id, pageField)
	}
	nameAll := func(ids []string) []string {
		out := make([]string, 0, min(len(ids), pageListNames))
		for _, id := range ids[:min(len(ids), pageListNames)] {
			out = append(out, name(id))
		}
		return out
	}
	from, to, v.More["quotes"] = w.span(a.ID, "quotes", len(a.Quotes), pageQuotes)
	for _, q := range a.Quotes[from:to] {
		sp := q.SpeakerName
		if sp == "" && q.Speaker != "" {
			sp = name(q.Speaker)
		}
		qv := quoteView{Speaker: truncate(sp, pageField), Text: truncate(q.Text, pageField), Cue: truncate(q.Cue, pageField),
			Direct: q.Direct, Via: q.Via[:min(len(q.Via), pageListNames)]}
		if alt := alts[q.Speaker]; alt != sp {
			qv.SpeakerAlt = truncate(alt, pageField)
		}
		v.Quotes = append(v.Quotes, qv)
	}
	from, to, v.More["events"] = w.span(a.ID, "events", len(a.Events), pageEvents)
	for _, e := range a.Events[from:to] {
		ev := eventView{Type: e.Type, Subtype: e.Subtype, Trigger: truncate(e.Trigger, pageField), Date: e.Date,
			Sentence: truncate(e.Sentence, pageField), Actors: nameAll(e.Actors), Targets: nameAll(e.Targets),
			Killed: e.Killed, Injured: e.Injured}
		if e.Place != "" {
			ev.Place = name(e.Place)
		}
		if !e.Happened() {
			ev.Modality = "modality_" + e.Modality
		}
		v.Events = append(v.Events, ev)
	}
	from, to, v.More["removed"] = w.span(a.ID, "removed", len(a.Removed), pageRemoved)
	for _, r := range a.Removed[from:to] {
		v.Removed = append(v.Removed, news.Removal{Text: truncate(r.Text, pageField), Reason: r.Reason})
	}
	for k, m := range v.More {
		if m == nil {
			delete(v.More, k)
		}
	}
	return v
}

// paragraphs splits text at blank lines, dropping empty paragraphs; a
// paragraph longer than a page holds is split into parts that fit.
func paragraphs(text string) []string {
	var out []string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		p = strings.TrimSpace(p)
		for len(p) > pageText {
			cut := pageText
			for cut > 0 && !utf8.RuneStart(p[cut]) {
				cut--
			}
			if sp := strings.LastIndexByte(p[:cut], ' '); sp > cut/2 {
				cut = sp
			}
			out = append(out, strings.TrimSpace(p[:cut]))
			p = strings.TrimSpace(p[cut:])
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// safeURL returns s when it is an absolute http or https URL, else "".
func safeURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// Kind names a kind of timeline item in the UI language.
func (b base) Kind(k string) string {
	if s, ok := b.lookup("kind_" + k); ok {
		return s
	}
	return k
}

// truncateAll is the first pageListNames of names, each truncated.
func truncateAll(names []string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, 0, min(len(names), pageListNames))
	for _, n := range names[:min(len(names), pageListNames)] {
		out = append(out, truncate(n, pageField))
	}
	return out
}

// Start is the 1-based number of the first item shown.
func (m *more) Start() int { return m.From + 1 }
