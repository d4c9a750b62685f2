package story

import (
	"slices"
	"strings"
	"time"

	"khabar/internal/news"
)

// Item kinds of a timeline.
const (
	KindEvent  = "event"
	KindQuote  = "quote"
	KindReport = "report"
)

// Source is an article an item of a timeline comes from.
type Source struct {
	Article   string    `json:"article"`
	Publisher string    `json:"publisher,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Via names the agencies or outlets the article credits for it.
	Via []string `json:"via,omitempty"`
}

// Item is one entry of a story's timeline: an event, a quote, or (for an
// article that carries neither) the report itself.
type Item struct {
	// Date is the day it happened or was said (YYYY-MM-DD), from the
	// event's date or the article's published time; "" when unknown.
	Date string `json:"date"`
	Kind string `json:"kind"`
	// Text is the event's sentence, the quote, or the report's headline.
	Text string `json:"text"`
	// Type and Subtype are the event's.
	Type    string `json:"type,omitempty"`
	Subtype string `json:"subtype,omitempty"`
	// Speaker (entity id) and SpeakerName are the quote's.
	Speaker     string `json:"speaker,omitempty"`
	SpeakerName string `json:"speaker_name,omitempty"`
	// Sources are the articles that carry it, earliest first; copies of
	// one wire story count once each.
	Sources []Source `json:"sources"`

	when time.Time
}

// Timeline returns the events and quotes of arts (a story's articles) in
// date order, each with its sources; the same event or quote carried by
// several articles (copies, or the same words quoted again) is one item.
// An article with neither events nor quotes contributes its headline.
func Timeline(arts []*news.Article) []Item {
	var items []*Item
	byKey := map[string]*Item{}
	put := func(key string, it Item, src Source) {
		if old, ok := byKey[key]; ok {
			for _, s := range old.Sources {
				if s.Article == src.Article {
					return
				}
			}
			old.Sources = append(old.Sources, src)
			if !it.when.IsZero() && (old.when.IsZero() || it.when.Before(old.when)) {
				old.when = it.when
			}
			return
		}
		it.Sources = []Source{src}
		p := &it
		byKey[key] = p
		items = append(items, p)
	}
	for _, a := range arts {
		src := Source{Article: a.ID, Publisher: a.Publisher, URL: a.URL, Title: a.Title, Published: a.Published, Via: a.Agencies}
		day := ""
		if !a.Published.IsZero() {
			day = a.Published.Format(time.DateOnly)
		}
		for _, ev := range a.Events {
			if !ev.Happened() {
				continue // a timeline is of what happened
			}
			d := ev.Date
			if len(d) >= 10 {
				d = d[:10]
			}
			if d == "" {
				d = day
			}
			text := strings.TrimSpace(ev.Sentence)
			if text == "" {
				text = ev.Trigger
			}
			key := "e\x00" + ev.Type + "\x00" + ev.Subtype + "\x00" + d + "\x00" + strings.Join(slices.Sorted(slices.Values(ev.Actors)), ",") + "\x00" + textKey(text)
			put(key, Item{Date: d, Kind: KindEvent, Text: text, Type: ev.Type, Subtype: ev.Subtype, when: a.Published}, src)
		}
		for _, q := range a.Quotes {
			qs := src
			if len(q.Via) > 0 {
				qs.Via = q.Via
			}
			key := "q\x00" + q.Speaker + "\x00" + textKey(q.Text)
			put(key, Item{Date: day, Kind: KindQuote, Text: q.Text, Speaker: q.Speaker, SpeakerName: q.SpeakerName, when: a.Published}, qs)
		}
		if len(a.Events) == 0 && len(a.Quotes) == 0 && a.Title != "" {
			key := "r\x00" + a.Group + "\x00" + a.ID
			if a.Group != "" {
				key = "r\x00" + a.Group
			}
			put(key, Item{Date: day, Kind: KindReport, Text: a.Title, when: a.Published}, src)
		}
	}
	out := make([]Item, len(items))
	for i, p := range items {
		slices.SortStableFunc(p.Sources, func(a, b Source) int { return a.Published.Compare(b.Published) })
		out[i] = *p
	}
	kind := map[string]int{KindEvent: 0, KindQuote: 1, KindReport: 2}
	slices.SortStableFunc(out, func(a, b Item) int {
		switch {
		case a.Date != b.Date:
			if a.Date == "" || b.Date == "" {
				// Unknown dates last.
				if a.Date == "" {
					return 1
				}
				return -1
			}
			return strings.Compare(a.Date, b.Date)
		case !a.when.Equal(b.when):
			return a.when.Compare(b.when)
		}
		return kind[a.Kind] - kind[b.Kind]
	})
	return out
}

// textKey is a matching key for a quote or sentence: its words, lower
// case, without punctuation.
func textKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '\n' || strings.ContainsRune(`.,;:!?"'“”‘’()[]।|-–—`, r)
	})
	return strings.Join(f, " ")
}
