package news

import (
	"encoding/json"
	"fmt"
	"time"
)

// wireSource is Source as the contract writes it.
type wireSource struct {
	URI     string  `json:"uri"`
	Format  string  `json:"format"`
	Fetched *string `json:"fetched"`
}

// wireArticle is Article as the contract writes it: field order, names, and
// null for every unknown scalar, [] for every empty list.
type wireArticle struct {
	Schema      string      `json:"schema"`
	ID          string      `json:"id"`
	Source      wireSource  `json:"source"`
	URL         *string     `json:"url"`
	Title       *string     `json:"title"`
	TitleEn     *string     `json:"title_en"`
	Lang        *string     `json:"lang"`
	LangDetail  *LangDetail `json:"lang_detail"`
	Publisher   *string     `json:"publisher"`
	Byline      []string    `json:"byline"`
	Agencies    []string    `json:"agencies"`
	Dateline    *Dateline   `json:"dateline"`
	Published   *string     `json:"published"`
	Updated     *string     `json:"updated"`
	Text        string      `json:"text"`
	Removed     []Removal   `json:"removed"`
	Entities    []Entity    `json:"entities"`
	Times       []Time      `json:"times"`
	Quotes      []Quote     `json:"quotes"`
	Events      []Event     `json:"events"`
	DuplicateOf *string     `json:"duplicate_of"`
	Group       *string     `json:"group"`
	Story       *string     `json:"story"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func ptrStr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func timePtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func ptrTime(field string, p *string) (time.Time, error) {
	if p == nil || *p == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, *p)
	if err != nil {
		return time.Time{}, fmt.Errorf("article: %s: %w", field, err)
	}
	return t, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// MarshalJSON writes the article as a khabar.article/v1 record.
func (a *Article) MarshalJSON() ([]byte, error) {
	w := wireArticle{
		Schema: Schema,
		ID:     a.ID,
		Source: wireSource{
			URI:     a.Source.URI,
			Format:  a.Source.Format,
			Fetched: timePtr(a.Source.Fetched),
		},
		URL:         strPtr(a.URL),
		Title:       strPtr(a.Title),
		TitleEn:     strPtr(a.TitleEn),
		Lang:        strPtr(a.Lang),
		LangDetail:  a.LangDetail,
		Publisher:   strPtr(a.Publisher),
		Byline:      nonNil(a.Byline),
		Agencies:    nonNil(a.Agencies),
		Dateline:    a.Dateline,
		Published:   timePtr(a.Published),
		Updated:     timePtr(a.Updated),
		Text:        a.Text,
		Removed:     nonNil(a.Removed),
		Entities:    make([]Entity, len(a.Entities)),
		Times:       nonNil(a.Times),
		Quotes:      make([]Quote, len(a.Quotes)),
		Events:      make([]Event, len(a.Events)),
		DuplicateOf: strPtr(a.DuplicateOf),
		Group:       strPtr(a.Group),
		Story:       strPtr(a.Story),
	}
	for i, e := range a.Entities {
		if e.Names == nil {
			e.Names = map[string]string{}
		}
		e.Mentions = nonNil(e.Mentions)
		w.Entities[i] = e
	}
	for i, q := range a.Quotes {
		q.Via = nonNil(q.Via)
		w.Quotes[i] = q
	}
	for i, e := range a.Events {
		e.Actors = nonNil(e.Actors)
		e.Targets = nonNil(e.Targets)
		w.Events[i] = e
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads a khabar.article/v1 record. A record of another schema
// is refused with ErrSchema.
func (a *Article) UnmarshalJSON(b []byte) error {
	var w wireArticle
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	return a.fromWire(&w)
}

// skipped is a value of a record that is read past and not kept.
type skipped struct{}

// UnmarshalJSON keeps nothing.
func (*skipped) UnmarshalJSON([]byte) error { return nil }

// DecodeWithoutText reads a khabar.article/v1 record as UnmarshalJSON does
// but leaves Text and Removed empty: for readers of what was found in an
// article (entities, quotes, events), it parses the record once and keeps
// no copy of its words.
func DecodeWithoutText(b []byte) (*Article, error) {
	var w struct {
		wireArticle
		Text    skipped `json:"text"`
		Removed skipped `json:"removed"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, err
	}
	a := new(Article)
	if err := a.fromWire(&w.wireArticle); err != nil {
		return nil, err
	}
	return a, nil
}

// fromWire sets a from the record w.
func (a *Article) fromWire(w *wireArticle) error {
	if w.Schema != Schema {
		return fmt.Errorf("%w: %q", ErrSchema, w.Schema)
	}
	fetched, err := ptrTime("source.fetched", w.Source.Fetched)
	if err != nil {
		return err
	}
	pub, err := ptrTime("published", w.Published)
	if err != nil {
		return err
	}
	upd, err := ptrTime("updated", w.Updated)
	if err != nil {
		return err
	}
	*a = Article{
		ID:          w.ID,
		Source:      Source{URI: w.Source.URI, Format: w.Source.Format, Fetched: fetched},
		URL:         ptrStr(w.URL),
		Title:       ptrStr(w.Title),
		TitleEn:     ptrStr(w.TitleEn),
		Lang:        ptrStr(w.Lang),
		LangDetail:  w.LangDetail,
		Publisher:   ptrStr(w.Publisher),
		Byline:      w.Byline,
		Agencies:    w.Agencies,
		Dateline:    w.Dateline,
		Published:   pub,
		Updated:     upd,
		Text:        w.Text,
		Removed:     w.Removed,
		Entities:    w.Entities,
		Times:       w.Times,
		Quotes:      w.Quotes,
		Events:      w.Events,
		DuplicateOf: ptrStr(w.DuplicateOf),
		Group:       ptrStr(w.Group),
		Story:       ptrStr(w.Story),
	}
	return nil
}
