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

// item is one article in a list.
type item struct {
	Href      string
	Title     string
	TitleEn   string
	Lang      string
	Publisher string
	Published time.Time
	Snippet   string
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

// articleView is an article as its page shows it.
type articleView struct {
	*news.Article
	Paragraphs []string
	SourceURL  string
	Entities   []entityView
	Quotes     []quoteView
	Events     []eventView
}

type entityView struct {
	Name, Alt, Type, Wikidata string
	Mentions                  int
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

func newArticleView(a *news.Article) *articleView {
	v := &articleView{Article: a, Paragraphs: paragraphs(a.Text), SourceURL: safeURL(a.URL)}
	if v.SourceURL == "" {
		v.SourceURL = safeURL(a.Source.URI)
	}
	names := make(map[string]string, len(a.Entities))
	alts := make(map[string]string, len(a.Entities))
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		ev := entityView{Name: e.Name, Type: e.Type, Wikidata: e.Wikidata, Mentions: len(e.Mentions)}
		if alt := e.Names[a.Lang]; alt != "" && alt != e.Name {
			ev.Alt = alt
			alts[e.ID] = alt
		}
		v.Entities = append(v.Entities, ev)
	}
	slices.SortStableFunc(v.Entities, func(x, y entityView) int { return cmp.Compare(y.Mentions, x.Mentions) })
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	nameAll := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return out
	}
	for _, q := range a.Quotes {
		sp := q.SpeakerName
		if sp == "" && q.Speaker != "" {
			sp = name(q.Speaker)
		}
		qv := quoteView{Speaker: sp, Text: q.Text, Cue: q.Cue, Direct: q.Direct, Via: q.Via}
		if alt := alts[q.Speaker]; alt != sp {
			qv.SpeakerAlt = alt
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, e := range a.Events {
		ev := eventView{Type: e.Type, Subtype: e.Subtype, Trigger: e.Trigger, Date: e.Date, Sentence: e.Sentence,
			Actors: nameAll(e.Actors), Targets: nameAll(e.Targets), Killed: e.Killed, Injured: e.Injured}
		if e.Place != "" {
			ev.Place = name(e.Place)
		}
		if !e.Happened() {
			ev.Modality = "modality_" + e.Modality
		}
		v.Events = append(v.Events, ev)
	}
	return v
}

// paragraphs splits text at blank lines, dropping empty paragraphs.
func paragraphs(text string) []string {
	var out []string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
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
