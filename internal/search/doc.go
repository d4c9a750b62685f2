package search

import (
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"

	"khabar/internal/news"
)

// Doc is what a search index holds of an article, whatever the backend:
// the texts it analyses and the whole values it filters and counts by.
// The bleve index and the PostgreSQL one (search/pgsearch) are both made
// from it, so they search the same words of the same fields.
type Doc struct {
	ID        string
	Title     string
	TitleEn   string
	Text      string
	Lang      string
	Publisher string
	// Published is the UTC publication time; zero when unknown.
	Published time.Time
	// Names are the names of every entity the article names, in every
	// script, each once.
	Names []string
	// Sound are the sound keys of the words of the title, the text and
	// the names (see SoundKey).
	Sound []string
	// Entities are the canonical names of the entities (facet values);
	// EventTypes the types of its events.
	Entities   []string
	EventTypes []string
}

// NewDoc returns what an index holds of a.
func NewDoc(a *news.Article) Doc {
	d := Doc{ID: a.ID, Title: a.Title, TitleEn: a.TitleEn, Text: a.Text, Lang: a.Lang, Publisher: a.Publisher}
	if !a.Published.IsZero() {
		d.Published = a.Published.UTC()
	}
	seen := map[string]bool{}
	for _, e := range a.Entities {
		for _, n := range append([]string{e.Name}, mapValues(e.Names)...) {
			if n != "" && !seen[n] {
				seen[n] = true
				d.Names = append(d.Names, n)
			}
		}
	}
	d.Sound = soundKeys(append([]string{a.Title, a.TitleEn, a.Text}, d.Names...)...)
	for _, e := range a.Entities {
		if e.Name != "" && !slices.Contains(d.Entities, e.Name) {
			d.Entities = append(d.Entities, e.Name)
		}
	}
	for _, ev := range a.Events {
		if ev.Type != "" && !slices.Contains(d.EventTypes, ev.Type) {
			d.EventTypes = append(d.EventTypes, ev.Type)
		}
	}
	return d
}

// Term is one term the analyzer makes of a text, at its position (1 for
// the first word; a stop word left out leaves a gap).
type Term struct {
	Text string
	Pos  int
}

var analyzer = sync.OnceValue(func() analysis.Analyzer {
	return newMapping().AnalyzerNamed(AnalyzerName)
})

// Analyze returns the terms khabar's Hindi+English analyzer makes of text:
// the terms every backend indexes and searches.
func Analyze(text string) []Term {
	toks := analyzer().Analyze([]byte(text))
	out := make([]Term, len(toks))
	for i, t := range toks {
		out[i] = Term{Text: string(t.Term), Pos: t.Position}
	}
	return out
}

// SoundKey returns the sound key of one word, by which it finds itself in
// the other script or spelt another way ("corona" and कोरोना), or "" for a
// word too short to key safely.
func SoundKey(word string) string { return soundKey(word) }

// SoundKeys returns the distinct sound keys of the words of texts.
func SoundKeys(texts ...string) []string { return soundKeys(texts...) }
