package cli

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store/sqlite"
)

// exportStore fills a data folder with n generated articles of about
// 2 KB of Hindi text, each with six entities, a quote and two events.
func exportStore(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	st, err := sqlite.Open(b.Context(), filepath.Join(dir, "khabar.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("सरकार मंत्री बैठक बाढ़ चुनाव अदालत पुलिस किसान बारिश समझौता हमला विरोध अस्पताल परीक्षा रेल सड़क बजट निवेश सीमा वार्ता")
	types := []string{"CONSULT", "ASSAULT", "DISASTER", "PROTEST", "ACCUSE", "AID"}
	var items []sqlite.Item
	for i := range n {
		var text strings.Builder
		for range 300 {
			text.WriteString(words[rng.IntN(len(words))] + " ")
		}
		a := &news.Article{ID: fmt.Sprintf("x%06d", i), Lang: "hi", Publisher: "Dainik Samvad", URL: "https://example.org/" + strconv.Itoa(i),
			Source: news.Source{URI: "gen", Format: news.FormatText}, Title: words[i%len(words)], Text: text.String(),
			Published: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 7 * time.Minute)}
		for k := range 6 {
			id := fmt.Sprintf("kb:e%03d", (rng.IntN(40)*rng.IntN(10)+k)%400)
			a.Entities = append(a.Entities, news.Entity{ID: id, Name: "Entity " + id, Type: news.PER,
				Names: map[string]string{"hi": "नाम " + id}, Mentions: []news.Mention{{Text: "नाम"}}})
		}
		killed := i % 4
		a.Quotes = []news.Quote{{Speaker: a.Entities[0].ID, Text: a.Text[:90], Cue: "कहा"}}
		for k := range 2 {
			a.Events = append(a.Events, news.Event{Type: types[(i+k)%len(types)], Actors: []string{a.Entities[0].ID},
				Targets: []string{a.Entities[5].ID}, Place: a.Entities[3].ID, Killed: &killed, Sentence: a.Text[:120],
				Modality: news.ModalityAsserted, Date: a.Published.Format(time.DateOnly)})
		}
		items = append(items, sqlite.Item{Article: a, Hash: "h"})
		if len(items) == 500 || i == n-1 {
			if _, err := st.PutBatch(b.Context(), items); err != nil {
				b.Fatal(err)
			}
			items = items[:0]
		}
	}
	return dir
}

// BenchmarkExportEvents measures khabar export --what events over a store
// of 5,000 articles (10,000 events), as CSV and as JSON Lines, in rows per
// second.
func BenchmarkExportEvents(b *testing.B) {
	const n = 5000
	dir := exportStore(b, n)
	for _, format := range []string{"csv", "jsonl"} {
		b.Run(format, func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "events."+format)
			for b.Loop() {
				if r := khabar(b, b.Context(), "", "export", "--data", dir, "--what", "events", "--format", format, "-o", out); r.code != 0 {
					b.Fatalf("export: %d %s", r.code, r.stderr)
				}
			}
			fi, err := os.Stat(out)
			if err != nil || fi.Size() == 0 {
				b.Fatalf("export wrote nothing: %v", err)
			}
			b.ReportMetric(float64(2*n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
