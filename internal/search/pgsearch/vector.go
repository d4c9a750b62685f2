package pgsearch

import (
	"slices"
	"strconv"
	"strings"

	"khabar/internal/search"
)

// Limits of PostgreSQL's tsvector: a lexeme is at most 2047 bytes,
// positions go up to 16383 (larger ones are stored as 16383), a lexeme
// keeps at most 256 positions, and a whole tsvector is under 1 MB.
const (
	maxLexeme    = 2047
	maxPos       = 16383
	maxPositions = 256
	maxVector    = 1000_000
)

// fieldGap separates fields, and the names of the entities, in the
// positions of a tsvector, so that no phrase runs from one into the
// next.
const fieldGap = 8

// Weights of the fields in a tsvector.
const (
	weightTitle     = 'A' // title and English title
	weightEntities  = 'B'
	weightText      = 'C'
	weightPublisher = 'D'
)

type posting struct {
	pos    int
	weight byte
}

// soundPrefix marks the lexemes that are sound keys (see vectors): no
// analysed term starts with it, as the analyzer splits words at it.
const soundPrefix = "~"

// vectors returns the tsvectors of d in PostgreSQL's text form, their
// lexemes khabar's analyzer's terms: tsv, every field, and the sound keys
// of every word (see search.SoundKey), for matching; and
// head, the headlines, names and publisher alone with the sound keys of
// the headlines and names, for ranking, small enough to read for every
// match. The text comes last in tsv, as it is the field that may run past
// the largest position. dropped reports that the article was so large
// that tsv leaves out positions, which keeps every word findable but
// phrases not.
func vectors(d search.Doc) (tsv, head string, dropped bool) {
	postings := map[string][]posting{}
	base := 0
	add := func(text string, w byte) {
		last := base
		for _, t := range search.Analyze(text) {
			if len(t.Text) > maxLexeme {
				continue
			}
			p := min(base+t.Pos, maxPos)
			last = max(last, p)
			ps := postings[t.Text]
			if len(ps) < maxPositions && (len(ps) == 0 || ps[len(ps)-1].pos != p) {
				postings[t.Text] = append(ps, posting{p, w})
			}
		}
		base = min(last+fieldGap, maxPos)
	}
	add(d.Title, weightTitle)
	add(d.TitleEn, weightTitle)
	for _, n := range d.Names {
		add(n, weightEntities)
	}
	add(d.Publisher, weightPublisher)
	heads := make(map[string][]posting, len(postings))
	for l, ps := range postings {
		heads[l] = slices.Clone(ps)
	}
	for _, k := range search.SoundKeys(d.Title, d.TitleEn) {
		heads[soundPrefix+k] = []posting{{1, weightTitle}}
	}
	for _, k := range search.SoundKeys(d.Names...) {
		if _, ok := heads[soundPrefix+k]; !ok {
			heads[soundPrefix+k] = []posting{{1, weightEntities}}
		}
	}
	add(d.Text, weightText)
	// Every word's sound key, as a lexeme without a position: a word
	// finds itself in the other script through the same index.
	for _, k := range d.Sound {
		if _, ok := postings[soundPrefix+k]; !ok {
			postings[soundPrefix+k] = nil
		}
	}
	head = format(heads, true)
	tsv = format(postings, true)
	if len(tsv) < maxVector/2 {
		return tsv, head, false
	}
	// Too large with positions: the lexemes alone (a lexeme without
	// positions matches a word, not a phrase; it keeps no weight).
	return format(postings, false), head, true
}

// format writes postings as tsvector text, with positions and weights or
// (when that would be too large) without.
func format(postings map[string][]posting, positions bool) string {
	lexemes := make([]string, 0, len(postings))
	for l := range postings {
		lexemes = append(lexemes, l)
	}
	slices.Sort(lexemes)
	var b strings.Builder
	for _, l := range lexemes {
		if !positions && b.Len()+len(l)+3 >= maxVector/2 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		quote(&b, l)
		if !positions || len(postings[l]) == 0 {
			continue
		}
		b.WriteByte(':')
		for i, p := range postings[l] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p.pos))
			if p.weight != 'D' {
				b.WriteByte(p.weight)
			}
		}
	}
	return b.String()
}

// quote writes s as a quoted lexeme of tsvector or tsquery text: in
// single quotes, with quotes and backslashes doubled or escaped.
func quote(b *strings.Builder, s string) {
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteByte(s[i])
		}
	}
	b.WriteByte('\'')
}
