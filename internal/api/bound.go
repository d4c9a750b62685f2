package api

import (
	"unicode/utf8"

	"khabar/internal/news"
)

// Responses are bounded: however many entities, quotes or events one
// article carries, and however long its text, no response (page or JSON)
// grows past a few hundred kilobytes. Bound cuts an article to Limits and
// says in a Cut what it left out; the article endpoint and the web page
// page through the rest.

// Limits bound the parts of one article a response carries.
type Limits struct {
	// Text is the most bytes of text, cut at a character boundary.
	Text int
	// List is the most items of each list (entities, times, quotes,
	// events, removed).
	List int
	// Mentions is the most mentions given per entity.
	Mentions int
	// Field is the most bytes of any other string (a title, a publisher, a
	// quote, an event's sentence, a name), and Names the most items of a
	// small list (byline, agencies, via, actors, targets, names).
	Field, Names int
}

// Limits of the article endpoint and of each article in a list.
var (
	ArticleLimits = Limits{Text: 96 << 10, List: 50, Mentions: 20, Field: 1 << 10, Names: 20}
	ListLimits    = Limits{Text: 2 << 10, List: 10, Mentions: 3, Field: 512, Names: 5}
)

// Cut says what Bound left out of an article: the whole size of each part
// it cut (0 for a part it kept whole). Lists are counted in items, text in
// code points; TextFrom and TextTo are the code points of text given.
type Cut struct {
	TextLength int `json:"text_length,omitempty"`
	TextFrom   int `json:"text_from,omitempty"`
	TextTo     int `json:"text_to,omitempty"`
	Entities   int `json:"entities,omitempty"`
	Times      int `json:"times,omitempty"`
	Quotes     int `json:"quotes,omitempty"`
	Events     int `json:"events,omitempty"`
	Removed    int `json:"removed,omitempty"`
	// Offset is the index of the first item given of every cut list.
	Offset int `json:"offset,omitempty"`
	// Fields is true when a string or a small list was shortened.
	Fields bool `json:"fields,omitempty"`
}

// Any reports whether anything was cut.
func (c Cut) Any() bool { return c != (Cut{}) }

// Bound returns a copy of a cut to l: of each list the items from offset
// on, of the text the code points from textFrom on. The copy shares no
// slice that it changes with a.
func Bound(a *news.Article, l Limits, offset, textFrom int) (*news.Article, Cut) {
	b := *a
	var c Cut
	field := func(s string) string {
		if len(s) <= l.Field {
			return s
		}
		c.Fields = true
		return cutBytes(s, l.Field)
	}
	names := func(ss []string) []string {
		if ss == nil {
			return nil
		}
		if len(ss) > l.Names {
			c.Fields = true
			ss = ss[:l.Names]
		}
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = field(s)
		}
		return out
	}
	offset = max(offset, 0)
	b.Title, b.TitleEn, b.Publisher, b.URL = field(a.Title), field(a.TitleEn), field(a.Publisher), field(a.URL)
	b.Source.URI = field(a.Source.URI)
	b.Byline, b.Agencies = names(a.Byline), names(a.Agencies)
	if a.Dateline != nil {
		d := *a.Dateline
		d.Place, d.PlaceText = field(d.Place), field(d.PlaceText)
		b.Dateline = &d
	}
	b.Text, c.TextLength, c.TextFrom, c.TextTo = cutText(a.Text, textFrom, l.Text)

	var cutList bool
	b.Entities = page(a.Entities, offset, l.List, &c.Entities, &cutList)
	for i, e := range b.Entities {
		e.Name = field(e.Name)
		if len(e.Names) > l.Names {
			c.Fields = true
		}
		nm := make(map[string]string, min(len(e.Names), l.Names))
		for k, v := range e.Names {
			if len(nm) == l.Names {
				break
			}
			nm[field(k)] = field(v)
		}
		e.Names = nm
		if len(e.Mentions) > l.Mentions {
			c.Fields = true
			e.Mentions = e.Mentions[:l.Mentions]
		}
		ms := make([]news.Mention, len(e.Mentions))
		for j, m := range e.Mentions {
			m.Text = field(m.Text)
			ms[j] = m
		}
		e.Mentions = ms
		b.Entities[i] = e
	}
	b.Times = page(a.Times, offset, l.List, &c.Times, &cutList)
	for i, t := range b.Times {
		t.Text, t.Value = field(t.Text), field(t.Value)
		b.Times[i] = t
	}
	b.Quotes = page(a.Quotes, offset, l.List, &c.Quotes, &cutList)
	for i, q := range b.Quotes {
		q.Text, q.SpeakerName, q.Cue, q.Speaker = field(q.Text), field(q.SpeakerName), field(q.Cue), field(q.Speaker)
		q.Via = names(q.Via)
		b.Quotes[i] = q
	}
	b.Events = page(a.Events, offset, l.List, &c.Events, &cutList)
	for i, e := range b.Events {
		e.Sentence, e.Trigger, e.Place, e.Date = field(e.Sentence), field(e.Trigger), field(e.Place), field(e.Date)
		e.Actors, e.Targets = names(e.Actors), names(e.Targets)
		b.Events[i] = e
	}
	b.Removed = page(a.Removed, offset, l.List, &c.Removed, &cutList)
	for i, r := range b.Removed {
		r.Text = field(r.Text)
		b.Removed[i] = r
	}
	if cutList {
		c.Offset = offset
	}
	return &b, c
}

// page returns a copy of the items of s from offset on, at most n; when
// that is not all of s it sets *whole to len(s) and *cut.
func page[T any](s []T, offset, n int, whole *int, cut *bool) []T {
	if s == nil {
		return nil
	}
	if offset == 0 && len(s) <= n {
		return append([]T(nil), s...)
	}
	*whole, *cut = len(s), true
	if offset >= len(s) {
		return []T{}
	}
	return append([]T(nil), s[offset:min(offset+n, len(s))]...)
}

// cutBytes cuts s to at most n bytes at a character boundary.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cutText returns at most n bytes of text from code point from on, cut at
// a character boundary, with the text's length in code points and the
// code points given — all three 0 when the whole text is given.
func cutText(text string, from, n int) (out string, length, start, end int) {
	if from <= 0 && len(text) <= n {
		return text, 0, 0, 0
	}
	length = utf8.RuneCountInString(text)
	from = min(max(from, 0), length)
	b := news.Byte(text, from)
	out = cutBytes(text[b:], n)
	return out, length, from, from + utf8.RuneCountInString(out)
}
