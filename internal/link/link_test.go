package link

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

var ist = time.FixedZone("IST", 5*3600+1800)

// Invented wire story and reports, written for these tests.
var wire = strings.Join([]string{
	"भोपाल, नौ फरवरी (भाषा) मध्य प्रदेश सरकार ने सोमवार को राज्य के सभी सरकारी स्कूलों में दोपहर के भोजन के साथ दूध देने की योजना शुरू करने की घोषणा की, जिससे करीब साठ लाख बच्चों को लाभ मिलेगा।",
	"स्कूल शिक्षा मंत्री ने संवाददाताओं को बताया कि योजना पर हर साल बारह सौ करोड़ रुपये खर्च होंगे और दूध की आपूर्ति राज्य के सहकारी दुग्ध संघ करेंगे। पहले चरण में आदिवासी बहुल जिलों को शामिल किया जाएगा।",
	"मंत्री ने कहा कि हर स्कूल में दूध की गुणवत्ता जांचने के लिए शिक्षकों और अभिभावकों की समिति बनेगी। शिकायतों के लिए एक हेल्पलाइन नंबर भी जारी किया जाएगा।",
	"विपक्ष ने योजना का स्वागत करते हुए कहा कि पिछली योजनाओं की तरह इसमें भी आपूर्ति की निगरानी कमजोर रही तो बच्चों तक लाभ नहीं पहुंचेगा।",
}, "\n\n")

func article(id, title, text string, pub time.Time) *news.Article {
	return &news.Article{ID: id, Title: title, Text: text, Lang: "hi", Published: pub,
		Source: news.Source{URI: id + ".txt", Format: news.FormatText}}
}

func open(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func put(t *testing.T, st store.Store, l *Linker, a *news.Article) {
	t.Helper()
	if _, err := st.PutLinked(t.Context(), a, "h-"+a.ID+a.Text[:10], l.Link(a)); err != nil {
		t.Fatal(err)
	}
}

func links(t *testing.T, st store.Store, id string) store.Link {
	t.Helper()
	a, err := st.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return store.Link{ID: id, DuplicateOf: a.DuplicateOf, Group: a.Group, Story: a.Story}
}

func TestLinkStoreLoad(t *testing.T) {
	st := open(t)
	l, err := Load(t.Context(), st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	base := article("base", "स्कूलों में दूध योजना", wire, time.Date(2026, 2, 9, 18, 0, 0, 0, ist))
	put(t, st, l, base)
	cp := article("copy", "बच्चों को मिलेगा दूध", strings.Replace(wire, "संवाददाताओं", "पत्रकारों", 1), time.Date(2026, 2, 9, 20, 0, 0, 0, ist))
	put(t, st, l, cp)
	if got := links(t, st, "copy"); got.Group != "gbase" || got.DuplicateOf != "base" || got.Story != "sbase" {
		t.Fatalf("copy links %+v", got)
	}
	// The base learnt its group from the copy's transaction.
	if got := links(t, st, "base"); got.Group != "gbase" || got.DuplicateOf != "" || got.Story != "sbase" {
		t.Fatalf("base links %+v", got)
	}
	// A new process loads the state and places a third copy at once.
	l2, err := Load(t.Context(), st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	early := article("early", "दूध योजना", wire, time.Date(2026, 2, 9, 12, 0, 0, 0, ist))
	put(t, st, l2, early)
	for id, want := range map[string]store.Link{
		"early": {ID: "early", Group: "gbase", Story: "sbase"},
		"base":  {ID: "base", DuplicateOf: "early", Group: "gbase", Story: "sbase"},
		"copy":  {ID: "copy", DuplicateOf: "early", Group: "gbase", Story: "sbase"},
	} {
		if got := links(t, st, id); got != want {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}
	members, err := st.Group(t.Context(), "gbase")
	if err != nil || len(members) != 3 {
		t.Fatalf("group members %d, %v", len(members), err)
	}
	sy, err := st.GetStory(t.Context(), "sbase")
	if err != nil || len(sy.Articles) != 3 || sy.Articles[0] != "early" {
		t.Fatalf("story %+v, %v", sy, err)
	}
	// Linking an unchanged article again changes nothing.
	if out := l2.Link(article("early", "दूध योजना", wire, time.Date(2026, 2, 9, 12, 0, 0, 0, ist))); !out.Empty() {
		t.Errorf("unchanged article: %+v", out)
	}
}

func TestCatchUpAndRebuild(t *testing.T) {
	st := open(t)
	// Articles stored without links, as an older khabar stored them.
	for i, a := range []*news.Article{
		article("a1", "दूध योजना", wire, time.Date(2026, 2, 9, 12, 0, 0, 0, ist)),
		article("a2", "दूध योजना शुरू", wire, time.Date(2026, 2, 9, 14, 0, 0, 0, ist)),
		article("a3", "अलग खबर", "इंदौर में रविवार को आयोजित मैराथन में बारह हजार धावकों ने हिस्सा लिया। विजेताओं को नकद पुरस्कार दिए गए और शहर के कई मार्गों पर यातायात सुबह छह से दस बजे तक बंद रहा।", time.Date(2026, 2, 10, 9, 0, 0, 0, ist)),
	} {
		if _, err := st.Put(t.Context(), a, "h"+string(rune('0'+i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Load(t.Context(), st, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := links(t, st, "a2"); got.Group != "ga1" || got.DuplicateOf != "a1" || got.Story == "" {
		t.Fatalf("caught-up links %+v", got)
	}
	if got := links(t, st, "a3"); got.Group != "" || got.Story == "" || got.Story == links(t, st, "a1").Story {
		t.Fatalf("a3 links %+v", got)
	}
	var progress []int
	stats, err := Rebuild(t.Context(), st, Options{}, func(n int) { progress = append(progress, n) })
	if err != nil {
		t.Fatal(err)
	}
	if stats != (Stats{Articles: 3, Groups: 1, Copies: 1, Stories: 2}) || len(progress) == 0 || progress[len(progress)-1] != 3 {
		t.Fatalf("rebuild stats %+v, progress %v", stats, progress)
	}
	if got := links(t, st, "a2"); got.Group != "ga1" || got.DuplicateOf != "a1" {
		t.Fatalf("rebuilt links %+v", got)
	}
	n := 0
	if err := st.EachSketch(t.Context(), func(store.Sketch) error { n++; return nil }); err != nil || n != 3 {
		t.Fatalf("sketches after rebuild: %d, %v", n, err)
	}
}

func TestForget(t *testing.T) {
	l := New(Options{})
	a := article("a", "दूध", wire, time.Date(2026, 2, 9, 12, 0, 0, 0, ist))
	b := article("b", "दूध", wire, time.Date(2026, 2, 9, 13, 0, 0, 0, ist))
	l.Link(a)
	l.Link(b)
	l.Forget("b")
	if grp, _, _ := l.Groups().Lookup("a"); grp != "" || l.Stories().StoryOf("b") != "" {
		t.Fatalf("after forgetting b: group of a %q, story of b %q", grp, l.Stories().StoryOf("b"))
	}
}

func TestMerge(t *testing.T) {
	m := merge(store.Linked{DeleteStories: []string{"s1"}}, store.Linked{Stories: []*store.Story{{ID: "s1"}}})
	if len(m.DeleteStories) != 0 || len(m.Stories) != 1 {
		t.Fatalf("put after delete: %+v", m)
	}
	m = merge(m, store.Linked{DeleteStories: []string{"s1"}, State: map[string][]byte{"x": {1}}})
	if len(m.Stories) != 0 || len(m.DeleteStories) != 1 || len(m.State) != 1 {
		t.Fatalf("delete after put: %+v", m)
	}
}
