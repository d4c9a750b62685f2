package apitest

import (
	"fmt"
	"strings"
	"time"

	"khabar/internal/news"
)

// Hostile returns an article built to make responses large, as a hostile
// or broken input could (the reliability probe's worst article had 10,000
// entities): 10,000 entities with up to 30 mentions each, 1,000 quotes,
// 1,000 events and 1,000 removed lines, 2 MB of text in a single
// paragraph, and long metadata. Its record is about 7 MB. Its id is id.
func Hostile(id string) *news.Article {
	word := "शब्द "
	text := strings.Repeat(word, (2<<20)/len(word))
	long := strings.Repeat("लंबा नाम ", 2000)
	a := &news.Article{
		ID: id, Source: news.Source{URI: "https://example.com/" + strings.Repeat("x", 5000), Format: news.FormatHTML},
		URL: "https://example.com/a", Title: long, TitleEn: strings.Repeat("long ", 4000), Lang: "hi",
		Publisher: long, Byline: make([]string, 500), Agencies: make([]string, 500),
		Published: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC), Text: text,
	}
	for i := range a.Byline {
		a.Byline[i] = fmt.Sprintf("लेखक %d %s", i, long[:300])
		a.Agencies[i] = fmt.Sprintf("Agency %d", i)
	}
	for i := range 10000 {
		e := news.Entity{ID: fmt.Sprintf("e%05d", i), Name: fmt.Sprintf("Entity %d %s", i, strings.Repeat("n", 200)),
			Names: map[string]string{"hi": fmt.Sprintf("नाम %d", i), "en": fmt.Sprintf("Name %d", i)}, Type: "PER"}
		for j := range 1 + i%30 {
			e.Mentions = append(e.Mentions, news.Mention{Text: "शब्द", Start: 5 * j, End: 5*j + 4})
		}
		a.Entities = append(a.Entities, e)
	}
	for i := range 1000 {
		a.Quotes = append(a.Quotes, news.Quote{Speaker: fmt.Sprintf("e%05d", i), SpeakerName: "Entity", Text: strings.Repeat("कहा ", 60),
			Direct: true, Cue: "कहा", Via: []string{"PTI", "AP"}, Start: 0, End: 10})
		a.Events = append(a.Events, news.Event{Type: "ASSAULT", Trigger: "हमला", Actors: []string{"e00001", "e00002"},
			Targets: []string{"e00003"}, Place: "e00004", Sentence: strings.Repeat("वाक्य ", 40), Modality: news.ModalityAsserted})
		a.Removed = append(a.Removed, news.Removal{Text: strings.Repeat("हटाया ", 30), Reason: "banner"})
	}
	return a
}
