package cli

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"khabar/internal/news"
)

// What export can write: the articles, or one of the tables made of them.
const (
	exportArticles = "articles"
	exportEntities = "entities"
	exportQuotes   = "quotes"
	exportEvents   = "events"
)

// table is an export of rows made from the stored articles, one article
// at a time, written as JSON Lines or CSV.
type table interface {
	// header is the CSV header, the JSON keys in order.
	header() []string
	// add takes one article's rows (tables that aggregate write nothing
	// yet).
	add(a *news.Article, emit func(row []string) error) error
	// flush writes what add kept back.
	flush(emit func(row []string) error) error
}

// newTable returns the table what names, or nil. With entity (an id) set,
// the quotes table keeps that speaker's quotes and the events table the
// events it is an actor, target or place of.
func newTable(what, entity string) table {
	switch what {
	case exportEntities:
		return &entityTable{byID: map[string]*entityRow{}}
	case exportQuotes:
		return quoteTable{speaker: entity}
	case exportEvents:
		return eventTable{involving: entity}
	}
	return nil
}

// rowWriter writes rows as CSV or as JSON Lines objects keyed by header;
// counted is the number of rows written.
type rowWriter struct {
	csv     *csv.Writer
	json    io.Writer
	head    []string
	ints    map[string]bool
	counted int
}

func newRowWriter(w io.Writer, format string, head []string, ints ...string) (*rowWriter, error) {
	rw := &rowWriter{head: head, ints: map[string]bool{}}
	for _, k := range ints {
		rw.ints[k] = true
	}
	if format == "csv" {
		rw.csv = csv.NewWriter(w)
		if err := rw.csv.Write(head); err != nil {
			return nil, err
		}
		return rw, nil
	}
	rw.json = w
	return rw, nil
}

func (rw *rowWriter) write(row []string) error {
	rw.counted++
	if rw.csv != nil {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = csvCell(c)
		}
		return rw.csv.Write(cells)
	}
	// JSON: numbers stay numbers, empty cells are null.
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range rw.head {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		v := row[i]
		switch {
		case v == "":
			b.WriteString("null")
		case rw.ints[k]:
			if _, err := strconv.Atoi(v); err == nil {
				b.WriteString(v)
				continue
			}
			vb, _ := json.Marshal(v)
			b.Write(vb)
		default:
			vb, _ := jsonString(v)
			b.Write(vb)
		}
	}
	b.WriteString("}\n")
	_, err := io.WriteString(rw.json, b.String())
	return err
}

func (rw *rowWriter) close() error {
	if rw.csv != nil {
		rw.csv.Flush()
		return rw.csv.Error()
	}
	return nil
}

// jsonString encodes s as a JSON string without escaping HTML characters.
func jsonString(s string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// entityRow is one entity of the entities table, over all articles.
type entityRow struct {
	e           news.Entity
	articles    int
	mentions    int
	first, last time.Time
}

// entityTable counts every entity over the articles: one row per entity,
// most articles first.
type entityTable struct {
	byID map[string]*entityRow
}

func (entityTable) header() []string {
	return []string{"id", "name", "name_hi", "name_en", "type", "wikidata", "articles", "mentions", "first_seen", "last_seen"}
}

func (t *entityTable) add(a *news.Article, _ func([]string) error) error {
	for _, e := range a.Entities {
		r := t.byID[e.ID]
		if r == nil {
			r = &entityRow{e: news.Entity{ID: e.ID, Name: e.Name, Names: e.Names, Type: e.Type, Wikidata: e.Wikidata}}
			t.byID[e.ID] = r
		}
		r.articles++
		r.mentions += len(e.Mentions)
		if !a.Published.IsZero() {
			if r.first.IsZero() || a.Published.Before(r.first) {
				r.first = a.Published
			}
			if a.Published.After(r.last) {
				r.last = a.Published
			}
		}
	}
	return nil
}

func (t *entityTable) flush(emit func([]string) error) error {
	rows := make([]*entityRow, 0, len(t.byID))
	for _, r := range t.byID {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b *entityRow) int {
		return cmp.Or(cmp.Compare(b.articles, a.articles), cmp.Compare(b.mentions, a.mentions), cmp.Compare(a.e.ID, b.e.ID))
	})
	for _, r := range rows {
		if err := emit([]string{r.e.ID, r.e.Name, r.e.Names["hi"], r.e.Names["en"], r.e.Type, r.e.Wikidata,
			strconv.Itoa(r.articles), strconv.Itoa(r.mentions), csvTime(r.first), csvTime(r.last)}); err != nil {
			return err
		}
	}
	return nil
}

// quoteTable has one row per quote, in the order of the articles; only
// speaker's, when set.
type quoteTable struct{ speaker string }

func (quoteTable) header() []string {
	return []string{"published", "speaker", "speaker_name", "speaker_type", "text", "direct", "cue", "via",
		"article", "url", "outlet", "lang"}
}

func (t quoteTable) add(a *news.Article, emit func([]string) error) error {
	ents := entitiesOf(a)
	for _, q := range a.Quotes {
		if t.speaker != "" && q.Speaker != t.speaker {
			continue
		}
		if err := emit([]string{csvTime(a.Published), q.Speaker, q.SpeakerName, ents[q.Speaker].Type, q.Text,
			strconv.FormatBool(q.Direct), q.Cue, strings.Join(q.Via, "; "), a.ID, a.URL, a.Publisher, a.Lang}); err != nil {
			return err
		}
	}
	return nil
}

func (quoteTable) flush(func([]string) error) error { return nil }

// eventTable is the events as a flat table in the spirit of GDELT's event
// table: one row per event, its actors, targets and place named and typed;
// only the events involving (as actor, target or place) an entity, when
// set.
type eventTable struct{ involving string }

func (eventTable) header() []string {
	return []string{"date", "type", "subtype", "modality", "trigger",
		"actor_ids", "actor_names", "actor_types", "target_ids", "target_names", "target_types",
		"place_id", "place_name", "killed", "injured", "article", "url", "outlet", "published", "lang", "sentence"}
}

func (t eventTable) add(a *news.Article, emit func([]string) error) error {
	ents := entitiesOf(a)
	names := func(ids []string) (string, string, string) {
		var n, t []string
		for _, id := range ids {
			e := ents[id]
			n = append(n, cmp.Or(e.Name, id))
			t = append(t, e.Type)
		}
		return strings.Join(ids, "; "), strings.Join(n, "; "), strings.Join(t, "; ")
	}
	for _, ev := range a.Events {
		if t.involving != "" && ev.Place != t.involving && !slices.Contains(ev.Actors, t.involving) && !slices.Contains(ev.Targets, t.involving) {
			continue
		}
		aid, an, at := names(ev.Actors)
		tid, tn, tt := names(ev.Targets)
		place := ""
		if ev.Place != "" {
			place = cmp.Or(ents[ev.Place].Name, ev.Place)
		}
		if err := emit([]string{ev.Date, ev.Type, ev.Subtype, cmp.Or(ev.Modality, news.ModalityAsserted), ev.Trigger,
			aid, an, at, tid, tn, tt, ev.Place, place, intCell(ev.Killed), intCell(ev.Injured),
			a.ID, a.URL, a.Publisher, csvTime(a.Published), a.Lang, ev.Sentence}); err != nil {
			return err
		}
	}
	return nil
}

func (eventTable) flush(func([]string) error) error { return nil }

// entitiesOf indexes a's entities by id.
func entitiesOf(a *news.Article) map[string]news.Entity {
	m := make(map[string]news.Entity, len(a.Entities))
	for _, e := range a.Entities {
		m[e.ID] = e
	}
	return m
}

func intCell(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
