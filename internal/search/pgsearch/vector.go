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

// vector returns the tsvector of d in PostgreSQL's text form, its
// lexemes khabar's analyzer's terms. The text comes last, as it is the
// field that may run past the largest position. dropped reports that the
// article was so large that its positions were left out, which keeps
// every word findable but phrases not.
func vector(d search.Doc) (tsv string, dropped bool) {
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
	add(d.Text, weightText)

	lexemes := make([]string, 0, len(postings))
	for l := range postings {
		lexemes = append(lexemes, l)
	}
	slices.Sort(lexemes)
	var b strings.Builder
	for _, l := range lexemes {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		quote(&b, l)
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
	if b.Len() < maxVector/2 {
		return b.String(), false
	}
	// Too large with positions: the lexemes alone (a lexeme without
	// positions matches a word, not a phrase; it keeps no weight).
	b.Reset()
	for _, l := range lexemes {
		if b.Len()+len(l)+3 >= maxVector/2 {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		quote(&b, l)
	}
	return b.String(), true
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
