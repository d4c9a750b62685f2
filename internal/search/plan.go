package search

import (
	"fmt"
	"strings"
	"unicode"
)

// PartKind says what one part of a Plan matches.
type PartKind int

// Kinds of Part.
const (
	// PartWord is one analysed term in any text field, or the word's
	// sound key (Sound, when not "") in any script.
	PartWord PartKind = iota
	// PartPhrase is Terms at their relative positions in one text field.
	PartPhrase
	// PartPrefix is any term of a text field that starts with Prefix.
	PartPrefix
	// PartLang is articles of language Value; PartType articles with an
	// event of type Value.
	PartLang
	PartType
	// PartField is Terms as a phrase in one field: Field is "outlet" (the
	// publisher) or "entity" (the entity names).
	PartField
)

// Part is one word, phrase, prefix or filter of a query, analysed.
type Part struct {
	Kind   PartKind
	Terms  []Term
	Sound  string
	Prefix string
	Value  string
	Field  string
}

// Plan is a parsed and analysed query, for a backend to run: every group
// of All is required, and within a group any one part is enough (a group
// of more than one part is an OR); no article may match a part of None.
// Scored says whether there is anything to rank by; without, every
// article but those of None matches, newest first.
type Plan struct {
	All    [][]Part
	None   []Part
	Scored bool
}

// Compile parses and analyses a query's text as the bleve index does (see
// Index.Search). A query whose words are all stop words or punctuation
// fails with an error wrapping ErrNoTerms.
func Compile(text string) (Plan, error) {
	var p Plan
	clauses := parse(text)
	var group []Part
	flush := func() {
		if len(group) > 0 {
			p.All = append(p.All, group)
		}
		group = nil
	}
	made := 0
	for _, c := range clauses {
		part, ok := compileClause(c)
		if !c.or {
			flush()
		}
		if !ok {
			continue
		}
		made++
		if c.op == mustNot {
			p.None = append(p.None, part)
			continue
		}
		group = append(group, part)
		p.Scored = true
	}
	flush()
	if len(clauses) > 0 && made == 0 {
		return Plan{}, fmt.Errorf("search %q: %w", text, ErrNoTerms)
	}
	return p, nil
}

// compileClause is clauseQuery's Part: false when c has no searchable
// terms.
func compileClause(c clause) (Part, bool) {
	if c.field != "" {
		switch filterFields[c.field] {
		case fieldLang:
			return Part{Kind: PartLang, Value: strings.ToLower(c.text)}, true
		case fieldFacetEvent:
			return Part{Kind: PartType, Value: strings.ToUpper(c.text)}, true
		}
		terms := Analyze(c.text)
		if len(terms) == 0 {
			return Part{}, false
		}
		f := "entity"
		if filterFields[c.field] == fieldPublisher {
			f = "outlet"
		}
		return Part{Kind: PartField, Field: f, Terms: terms}, true
	}
	if c.prefix {
		p := strings.ToLower(c.text)
		if strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) }) == "" {
			return Part{}, false
		}
		return Part{Kind: PartPrefix, Prefix: p}, true
	}
	terms := Analyze(c.text)
	if len(terms) == 0 {
		return Part{}, false
	}
	if c.phrase || len(terms) > 1 {
		return Part{Kind: PartPhrase, Terms: terms}, true
	}
	return Part{Kind: PartWord, Terms: terms, Sound: soundKey(c.text)}, true
}

// Paging, as every backend pages.

// PageSize is the page size of a query's Limit: 0 or less means 20, and
// it is capped at 1000.
func PageSize(limit int) int {
	if limit <= 0 {
		return defaultLimit
	}
	return min(limit, maxLimit)
}

// Cursor is the cursor of the page that starts at offset.
func Cursor(offset int) string { return cursor(offset) }

// ParseCursor returns the offset of a cursor made by Cursor ("" is 0), or
// an error wrapping ErrBadCursor.
func ParseCursor(c string) (int, error) { return parseCursor(c) }

// NextCursor is the cursor of the page after one of hits hits that
// started at offset, of total matches; "" when it was the last.
func NextCursor(offset, hits int, total uint64) string {
	if next := offset + hits; hits > 0 && uint64(next) < total && next <= maxOffset {
		return cursor(next)
	}
	return ""
}

// FacetSize is how many values of each facet a result gives.
const FacetSize = facetSize
