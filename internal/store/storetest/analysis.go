package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// AnalystStore is a store that answers questions across articles.
type AnalystStore interface {
	store.Store
	store.Analyst
}

// RunAnalyst runs the contract of store.Analyst: open returns a new, empty
// store for each subtest; RunAnalyst closes it.
func RunAnalyst(t *testing.T, open func(t *testing.T) AnalystStore) {
	t.Helper()
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, AnalystStore)
	}{
		{"Entities", testEntities},
		{"QuotesAndEvents", testQuotesEvents},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

var (
	putin = news.Entity{ID: "kb:vladimir-putin", Name: "Vladimir Putin", Type: news.PER, Wikidata: "Q7747",
		Names: map[string]string{"hi": "व्लादिमीर पुतिन", "en": "Vladimir Putin"}}
	trump = news.Entity{ID: "kb:donald-trump", Name: "Donald Trump", Type: news.PER,
		Names: map[string]string{"hi": "डोनाल्ड ट्रंप", "en": "Donald Trump"}}
	moscow  = news.Entity{ID: "kb:moscow", Name: "Moscow", Type: news.LOC, Names: map[string]string{"hi": "मास्को"}}
	kremlin = news.Entity{ID: "kb:kremlin", Name: "Kremlin", Type: news.ORG, Names: map[string]string{"hi": "क्रेमलिन"}}
)

// named returns e with n mentions.
func named(e news.Entity, n int) news.Entity {
	e.Mentions = make([]news.Mention, n)
	return e
}

// analysed returns three articles of two days naming Putin, Trump, Moscow
// and the Kremlin, with quotes and events.
func analysed() []*news.Article {
	day := func(d, h int) time.Time { return time.Date(2025, 8, d, h, 0, 0, 0, time.UTC) }
	two := 2
	a1 := article("an1", -1, "hi")
	a1.Published = day(1, 4)
	a1.Entities = []news.Entity{named(putin, 3), named(trump, 1), named(kremlin, 1)}
	a1.Quotes = []news.Quote{{Speaker: kremlin.ID, SpeakerName: "Kremlin", Text: "बैठक की तैयारी चल रही है", Cue: "कहा", Via: []string{"TASS"}}}
	a1.Events = []news.Event{{Type: "CONSULT", Trigger: "मुलाकात", Actors: []string{trump.ID}, Targets: []string{putin.ID}, Modality: news.ModalityFuture, Date: "2025-08"}}
	a2 := article("an2", -1, "en")
	a2.Published = day(1, 9)
	a2.Entities = []news.Entity{named(putin, 1), named(moscow, 2)}
	a2.Quotes = []news.Quote{{Speaker: putin.ID, SpeakerName: "Vladimir Putin", Text: "We are ready to talk", Direct: true, Cue: "said", Via: []string{"AP"}},
		{SpeakerName: "an official", Text: "Talks in Moscow soon", Cue: "said"}}
	a2.Events = []news.Event{{Type: "ASSAULT", Subtype: "NORMAL_BOMBING", Place: moscow.ID, Killed: &two, Modality: news.ModalityAsserted}}
	a3 := article("an3", -1, "hi")
	a3.Published = day(2, 6)
	a3.Entities = []news.Entity{named(putin, 2), named(trump, 2)}
	a3.Events = []news.Event{{Type: "CONSULT", Actors: []string{putin.ID, trump.ID}, Place: moscow.ID}}
	return []*news.Article{a1, a2, a3}
}

func testEntities(t *testing.T, s AnalystStore) {
	ctx := t.Context()
	arts := analysed()
	for _, a := range arts {
		put(t, s, a, "h1", store.New)
	}
	got, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0].ID != putin.ID || got[0].Articles != 3 || got[0].Mentions != 6 || got[1].ID != trump.ID ||
		got[0].Names["hi"] != "व्लादिमीर पुतिन" || got[0].Wikidata != "Q7747" {
		t.Fatalf("Entities = %+v", got)
	}
	for _, tc := range []struct {
		f    store.EntityFilter
		want []string
	}{
		{store.EntityFilter{Query: "पुतिन"}, []string{putin.ID}},
		{store.EntityFilter{Query: "PUTIN"}, []string{putin.ID}},
		{store.EntityFilter{Query: "100%"}, []string{}},
		{store.EntityFilter{Type: news.LOC}, []string{moscow.ID}},
		{store.EntityFilter{From: time.Date(2025, 8, 2, 0, 0, 0, 0, time.UTC)}, []string{trump.ID, putin.ID}},
		{store.EntityFilter{To: time.Date(2025, 8, 1, 5, 0, 0, 0, time.UTC)}, []string{putin.ID, trump.ID, kremlin.ID}},
		{store.EntityFilter{Limit: 1}, []string{putin.ID}},
	} {
		got, err := s.Entities(ctx, tc.f)
		var ids []string
		for _, c := range got {
			ids = append(ids, c.ID)
		}
		if err != nil || !slices.Equal(ids, tc.want) && !(len(ids) == 0 && len(tc.want) == 0) {
			t.Errorf("Entities(%+v) = %v, %v; want %v", tc.f, ids, err, tc.want)
		}
	}
	e, err := s.Entity(ctx, putin.ID)
	if err != nil || e.Articles != 3 || e.Mentions != 6 {
		t.Errorf("Entity = %+v, %v", e, err)
	}
	if _, err := s.Entity(ctx, "kb:nobody"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Entity(unknown) = %v", err)
	}
	days, err := s.EntityDays(ctx, putin.ID, time.Time{}, time.Time{})
	if err != nil || len(days) != 2 || days[0].Count != 2 || days[1].Count != 1 {
		t.Errorf("EntityDays = %v, %v", days, err)
	}
	co, err := s.CoMentioned(ctx, putin.ID, 10)
	if err != nil || len(co) != 3 || co[0].ID != trump.ID || co[0].Articles != 2 {
		t.Errorf("CoMentioned = %+v, %v", co, err)
	}
	p, err := s.EntityArticles(ctx, putin.ID, 2, "")
	if err != nil || len(p.Articles) != 2 || p.Articles[0].ID != "an3" || p.Next == "" {
		t.Fatalf("EntityArticles = %v, %v", ids(p.Articles), err)
	}
	p, err = s.EntityArticles(ctx, putin.ID, 2, p.Next)
	if err != nil || len(p.Articles) != 1 || p.Articles[0].ID != "an1" || p.Next != "" {
		t.Errorf("EntityArticles page 2 = %v, %q, %v", ids(p.Articles), p.Next, err)
	}
	// An article changed: its old names go, its new ones count.
	a2 := arts[1]
	a2.Entities = []news.Entity{named(moscow, 1)}
	put(t, s, a2, "h2", store.Updated)
	if e, _ := s.Entity(ctx, putin.ID); e.Articles != 2 {
		t.Errorf("after update Putin is named in %d articles, want 2", e.Articles)
	}
}

func testQuotesEvents(t *testing.T, s AnalystStore) {
	ctx := t.Context()
	for _, a := range analysed() {
		put(t, s, a, "h1", store.New)
	}
	q, err := s.Quotes(ctx, store.QuoteFilter{})
	if err != nil || len(q.Quotes) != 3 || q.Quotes[0].Article.ID != "an1" || q.Quotes[1].Text != "We are ready to talk" {
		t.Fatalf("Quotes = %+v, %v", q, err)
	}
	for _, tc := range []struct {
		f    store.QuoteFilter
		want int
	}{
		{store.QuoteFilter{Speaker: putin.ID}, 1},
		{store.QuoteFilter{Text: "ready"}, 1},
		{store.QuoteFilter{Text: "तैयारी"}, 1},
		{store.QuoteFilter{Via: "tass"}, 1},
		{store.QuoteFilter{Via: "PTI"}, 0},
		{store.QuoteFilter{From: time.Date(2025, 8, 1, 5, 0, 0, 0, time.UTC)}, 2},
	} {
		got, err := s.Quotes(ctx, tc.f)
		if err != nil || len(got.Quotes) != tc.want {
			t.Errorf("Quotes(%+v) = %d, %v; want %d", tc.f, len(got.Quotes), err, tc.want)
		}
	}
	page, err := s.Quotes(ctx, store.QuoteFilter{Limit: 2})
	if err != nil || len(page.Quotes) != 2 || page.Next == "" {
		t.Fatalf("Quotes(limit 2) = %d, %q, %v", len(page.Quotes), page.Next, err)
	}
	rest, err := s.Quotes(ctx, store.QuoteFilter{Limit: 2, Cursor: page.Next})
	if err != nil || len(rest.Quotes) != 1 || rest.Next != "" || rest.Quotes[0].Text != "Talks in Moscow soon" {
		t.Errorf("Quotes page 2 = %+v, %v", rest, err)
	}
	if _, err := s.Quotes(ctx, store.QuoteFilter{Cursor: "garbage!"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}

	ev, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(ev.Events) != 3 {
		t.Fatalf("Events = %+v, %v", ev, err)
	}
	if e := ev.Events[0]; e.Type != "CONSULT" || e.Entities[putin.ID].Names["hi"] != "व्लादिमीर पुतिन" || e.Article.ID != "an1" {
		t.Errorf("first event %+v", e)
	}
	for _, tc := range []struct {
		f    store.EventFilter
		want []string // article ids
	}{
		{store.EventFilter{Type: "CONSULT"}, []string{"an1", "an3"}},
		{store.EventFilter{Actor: putin.ID}, []string{"an3"}},
		{store.EventFilter{Target: putin.ID}, []string{"an1"}},
		{store.EventFilter{Actor: trump.ID}, []string{"an1", "an3"}},
		{store.EventFilter{Actor: trump.ID, Target: putin.ID}, []string{"an1"}},
		{store.EventFilter{Actor: trump.ID, Type: "CONSULT", Place: moscow.ID}, []string{"an3"}},
		{store.EventFilter{Actor: trump.ID, From: time.Date(2025, 8, 2, 0, 0, 0, 0, time.UTC)}, []string{"an3"}},
		{store.EventFilter{Actor: trump.ID, Modality: news.ModalityFuture}, []string{"an1"}},
		{store.EventFilter{Target: putin.ID, Actor: putin.ID}, nil},
		{store.EventFilter{Place: moscow.ID}, []string{"an2", "an3"}},
		{store.EventFilter{Modality: news.ModalityFuture}, []string{"an1"}},
		{store.EventFilter{Modality: news.ModalityAsserted}, []string{"an2", "an3"}},
		{store.EventFilter{Subtype: "NORMAL_BOMBING"}, []string{"an2"}},
		{store.EventFilter{To: time.Date(2025, 8, 2, 0, 0, 0, 0, time.UTC)}, []string{"an1", "an2"}},
	} {
		got, err := s.Events(ctx, tc.f)
		var arts []string
		for _, h := range got.Events {
			arts = append(arts, h.Article.ID)
		}
		if err != nil || !slices.Equal(arts, tc.want) {
			t.Errorf("Events(%+v) = %v, %v; want %v", tc.f, arts, err, tc.want)
		}
	}
	// An actor's events, a page at a time.
	first, err := s.Events(ctx, store.EventFilter{Actor: trump.ID, Limit: 1})
	if err != nil || len(first.Events) != 1 || first.Events[0].Article.ID != "an1" || first.Next == "" {
		t.Fatalf("Events(actor, limit 1) = %+v, %v", first, err)
	}
	second, err := s.Events(ctx, store.EventFilter{Actor: trump.ID, Limit: 1, Cursor: first.Next})
	if err != nil || len(second.Events) != 1 || second.Events[0].Article.ID != "an3" || second.Next != "" {
		t.Errorf("Events(actor, page 2) = %+v, %v", second, err)
	}
}
