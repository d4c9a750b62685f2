package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// An invented wire story, written for these tests.
var wire = strings.Join([]string{
	"पटना, तीन फरवरी (भाषा) बिहार सरकार ने मंगलवार को राज्य के सभी प्रखंडों में किसानों के लिए मिट्टी जांच केंद्र खोलने की घोषणा की, जहां किसान अपने खेत की मिट्टी की मुफ्त जांच करा सकेंगे।",
	"कृषि मंत्री ने संवाददाताओं को बताया कि पहले चरण में दो सौ केंद्र अप्रैल तक काम शुरू कर देंगे और हर केंद्र पर दो प्रशिक्षित तकनीशियन तैनात होंगे। जांच रिपोर्ट किसानों के मोबाइल पर भेजी जाएगी।",
	"मंत्री ने कहा कि रिपोर्ट के आधार पर किसानों को उर्वरक के संतुलित उपयोग की सलाह दी जाएगी, जिससे लागत घटेगी और उपज बढ़ेगी। कृषि विज्ञान केंद्र भी इस काम में मदद करेंगे।",
	"किसान संगठनों ने फैसले का स्वागत किया, लेकिन मांग की कि केंद्रों पर जांच के लिए लंबा इंतजार न करना पड़े और रिपोर्ट स्थानीय भाषा में दी जाए।",
}, "\n\n")

// body is a stage that takes title and text from the input: the title
// on the first line, the text after a blank line.
type body struct{}

func (body) Name() string { return "body" }
func (body) Process(_ context.Context, a *news.Article) error {
	a.Title, a.Text, _ = strings.Cut(a.Raw.Body, "\n\n")
	a.Lang, a.Published = "hi", a.Raw.Hints.Published
	return nil
}

type page struct {
	id, title, text string
	pub             time.Time
}

func feedPages(pages []page) func(context.Context, func(pipeline.Job) error) error {
	return func(_ context.Context, send func(pipeline.Job) error) error {
		for _, p := range pages {
			a := &news.Article{ID: p.id, Raw: news.Raw{Body: p.title + "\n\n" + p.text, Hints: news.Hints{Published: p.pub}}}
			if err := send(pipeline.Job{Name: p.id, Article: a}); err != nil {
				return err
			}
		}
		return nil
	}
}

func linkedIngester(t *testing.T, st store.Store) *Ingester {
	t.Helper()
	g, err := New(Options{
		Store: st, Index: &memIndex{docs: map[string]string{}}, Pipeline: pipeline.New([]pipeline.Stage{body{}}, pipeline.Options{Workers: 2}),
		Hash: func(a *news.Article) string { return a.Raw.Body }, Version: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func openSQLite(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func linksOf(t *testing.T, st store.Store, id string) store.Link {
	t.Helper()
	a, err := st.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return store.Link{ID: id, DuplicateOf: a.DuplicateOf, Group: a.Group, Story: a.Story}
}

// TestIngestLinks stores copies, stories and the bad inputs of copy
// detection: a headline alone, a body of boilerplate, identical text
// under another URL, and the same URL with changed text.
func TestIngestLinks(t *testing.T) {
	st := openSQLite(t)
	at := func(h int) time.Time { return time.Date(2026, 2, 3, h, 0, 0, 0, time.FixedZone("IST", 19800)) }
	edited := strings.Replace(strings.Replace(wire, "संवाददाताओं", "पत्रकारों", 1), "स्वागत", "समर्थन", 1)
	cut := strings.Join(strings.Split(edited, "\n\n")[:3], "\n\n")
	other := "मुंबई में बुधवार को हुई भारी बारिश से लोकल ट्रेन सेवाएं दो घंटे तक बाधित रहीं। कई इलाकों में जलभराव से यातायात धीमा रहा और स्कूलों में छुट्टी कर दी गई। नगर निगम ने पंप लगाकर पानी निकालने का काम शुरू किया और लोगों से घरों में रहने की अपील की।"
	s, err := linkedIngester(t, st).Run(t.Context(), feedPages([]page{
		{"wire", "बिहार में मिट्टी जांच केंद्र खुलेंगे", wire, at(10)},
		{"copy", "किसानों को मुफ्त मिट्टी जांच", "ऐप डाउनलोड करें\n\n" + cut, at(12)},
		{"mirror", "मिट्टी जांच केंद्र", wire, at(13)},
		{"headline1", "बारिश से फसलें बर्बाद", "", at(9)},
		{"headline2", "बारिश से फसलें बर्बाद", "", at(11)},
		{"boiler1", "रेल किराया बढ़ा", "यह खबर अपडेट की जा रही है", at(9)},
		{"boiler2", "सोने के दाम गिरे", "यह खबर अपडेट की जा रही है", at(10)},
		{"rain", "मुंबई में बारिश", other, at(14)},
	}))
	if err != nil {
		t.Fatal(err)
	}
	if s.New != 8 || s.Copies != 2 {
		t.Fatalf("summary %+v", s)
	}
	for id, want := range map[string]store.Link{
		"wire":   {ID: "wire", Group: "gwire", Story: "swire"},
		"copy":   {ID: "copy", DuplicateOf: "wire", Group: "gwire", Story: "swire"},
		"mirror": {ID: "mirror", DuplicateOf: "wire", Group: "gwire", Story: "swire"},
		// Headlines without text are never grouped, nor is the same
		// boilerplate under other headlines.
		"headline1": {ID: "headline1", Story: "sheadline1"},
		"boiler1":   {ID: "boiler1", Story: "sboiler1"},
		"boiler2":   {ID: "boiler2", Story: "sboiler2"},
		"rain":      {ID: "rain", Story: "srain"},
	} {
		if got := linksOf(t, st, id); got != want {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}
	if got := linksOf(t, st, "headline2"); got.Group != "" || got.DuplicateOf != "" {
		t.Errorf("headline2: %+v", got)
	}
	// Next run: the wire page's URL now carries other text; its copies
	// stay together under the earliest of them.
	s, err = linkedIngester(t, st).Run(t.Context(), feedPages([]page{
		{"wire", "मुंबई में बारिश", other + " शाम तक हालात सामान्य हुए।", at(10)},
		{"copy", "किसानों को मुफ्त मिट्टी जांच", "ऐप डाउनलोड करें\n\n" + cut, at(12)},
	}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Updated != 1 || s.Unchanged != 1 {
		t.Fatalf("second run %+v", s)
	}
	if got := linksOf(t, st, "wire"); got.Group != "" || got.DuplicateOf != "" {
		t.Errorf("changed wire page still grouped: %+v", got)
	}
	if got := linksOf(t, st, "copy"); got.Group != "gwire" || got.DuplicateOf != "" {
		t.Errorf("copy after the original left: %+v", got)
	}
	if got := linksOf(t, st, "mirror"); got.DuplicateOf != "copy" {
		t.Errorf("mirror after the original left: %+v", got)
	}
	members, err := st.Group(t.Context(), "gwire")
	if err != nil || len(members) != 2 {
		t.Fatalf("group: %d members, %v", len(members), err)
	}
}

// refusing is a store that refuses one article, as a store refuses one too
// large for it.
type refusing struct {
	*sqlite.Store
	id string
}

func (r refusing) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	for i, it := range items {
		if it.Article.ID == r.id {
			return nil, &store.ItemError{Index: i, ID: r.id, Err: errors.New("refused for the test")}
		}
	}
	return r.Store.PutLinkedBatch(ctx, items)
}

// TestIngestRefusedInBatch: an article the store refuses in the middle of
// a batch, after it was linked, leaves the links of the others as they are
// without it: the articles linked after it are linked again.
func TestIngestRefusedInBatch(t *testing.T) {
	pages := refusalPages()
	for _, refused := range []string{"first", "later", "mirror"} {
		t.Run(refused, func(t *testing.T) {
			without := pagesWithout(pages, refused)
			want := openSQLite(t)
			if _, err := linkedIngester(t, want).Run(t.Context(), feedPages(without)); err != nil {
				t.Fatal(err)
			}
			st := openSQLite(t)
			s, err := linkedIngester(t, refusing{st, refused}).Run(t.Context(), feedPages(pages))
			if err != nil {
				t.Fatal(err)
			}
			checkRefused(t, s, st, want, without, refused)
		})
	}
}

// slowRefusing stores a batch slowly, so that the linker runs batches
// ahead of the store, and refuses one article.
type slowRefusing struct {
	refusing
	delay time.Duration
}

func (r slowRefusing) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	time.Sleep(r.delay)
	return r.refusing.PutLinkedBatch(ctx, items)
}

// TestIngestRefusedQueued: an article refused while the batches linked
// after it wait for the store: they are unlinked and linked again, and
// every link is as in an ingest without it.
func TestIngestRefusedQueued(t *testing.T) {
	pages := append(refusalPages(), page{"last", "मिट्टी जांच केंद्र", wire, refusalHour(9)})
	for _, batch := range []int{1, 2} {
		for _, refused := range []string{"later", "first", "mirror"} {
			t.Run(fmt.Sprint(refused, batch), func(t *testing.T) {
				without := pagesWithout(pages, refused)
				want := openSQLite(t)
				if _, err := linkedIngester(t, want).Run(t.Context(), feedPages(without)); err != nil {
					t.Fatal(err)
				}
				st := openSQLite(t)
				g := linkedIngester(t, slowRefusing{refusing{st, refused}, 30 * time.Millisecond})
				g.opt.Batch = batch
				s, err := g.Run(t.Context(), feedPages(pages))
				if err != nil {
					t.Fatal(err)
				}
				checkRefused(t, s, st, want, without, refused)
			})
		}
	}
}

// refusalHour is an hour of the day the refusal tests' pages were
// published, in IST.
func refusalHour(h int) time.Time {
	return time.Date(2026, 2, 3, h, 0, 0, 0, time.FixedZone("IST", 19800))
}

// refusalPages are the pages of the refusal tests: a wire story, its
// edited copy, a mirror and a later edit, published out of order.
func refusalPages() []page {
	at := refusalHour
	edited := strings.Replace(wire, "संवाददाताओं", "पत्रकारों", 1)
	return []page{
		{"later", "मिट्टी जांच", edited, at(12)},
		{"first", "बिहार में मिट्टी जांच केंद्र खुलेंगे", wire, at(8)},
		{"mirror", "मिट्टी जांच केंद्र", wire, at(13)},
		{"again", "मिट्टी जांच केंद्र खुलेंगे", edited, at(14)},
	}
}

// pagesWithout is pages less the one with id.
func pagesWithout(pages []page, id string) []page {
	var out []page
	for _, p := range pages {
		if p.id != id {
			out = append(out, p)
		}
	}
	return out
}

// checkRefused checks an ingest in which the store refused the article
// refused: the others are stored, each with the links it has in want, an
// ingest of them alone, and refused is not stored.
func checkRefused(t *testing.T, s Summary, st, want store.Store, without []page, refused string) {
	t.Helper()
	if s.New != len(without) || s.Failed != 1 || s.Failures[0].Name != refused {
		t.Fatalf("summary %+v", s)
	}
	for _, p := range without {
		if got, w := linksOf(t, st, p.id), linksOf(t, want, p.id); got != w {
			t.Errorf("%s: %+v, want %+v", p.id, got, w)
		}
	}
	if _, err := st.Get(t.Context(), refused); err == nil {
		t.Errorf("%s stored", refused)
	}
}
