package story

import (
	"slices"
	"testing"
	"time"

	"khabar/internal/news"
)

var ist = time.FixedZone("IST", 5*3600+1800)

func day(d, h int) time.Time { return time.Date(2026, 2, d, h, 0, 0, 0, ist) }

func ent(id, name, typ string, n int) news.Entity {
	e := news.Entity{ID: id, Name: name, Type: typ}
	for range n {
		e.Mentions = append(e.Mentions, news.Mention{Text: name})
	}
	return e
}

// Invented reports: a bridge collapse over three days (Hindi, then one in
// English), a cricket match the same days, and a bridge inquiry two
// months later.
var (
	bridge1 = &news.Article{ID: "b1", Lang: "hi", Published: day(2, 9),
		Title: "सोनपुर में गंडक नदी पर बना पुल ढहा, दो मजदूर घायल",
		Text:  "सोनपुर में गंडक नदी पर निर्माणाधीन पुल का एक हिस्सा सोमवार सुबह ढह गया। हादसे में दो मजदूर घायल हुए। पुल निर्माण निगम ने जांच के आदेश दिए।",
		Entities: []news.Entity{ent("kb:sonpur", "Sonpur", news.LOC, 2), ent("x:LOC:gndk", "Gandak", news.LOC, 1),
			ent("x:ORG:pl-nrmn-ngm", "Pul Nirman Nigam", news.ORG, 1)}}
	bridge2 = &news.Article{ID: "b2", Lang: "hi", Published: day(3, 11),
		Title: "सोनपुर पुल हादसा: निर्माण कंपनी के दो इंजीनियर निलंबित",
		Text:  "गंडक नदी पर सोनपुर में पुल ढहने के मामले में पुल निर्माण निगम ने दो इंजीनियरों को निलंबित कर दिया। घायल मजदूरों का इलाज जारी है।",
		Entities: []news.Entity{ent("kb:sonpur", "Sonpur", news.LOC, 2), ent("x:LOC:gndk", "Gandak", news.LOC, 1),
			ent("x:ORG:pl-nrmn-ngm", "Pul Nirman Nigam", news.ORG, 1)}}
	bridge3 = &news.Article{ID: "b3", Lang: "en", Published: day(4, 15),
		Title: "Sonpur bridge collapse: two engineers suspended, probe ordered",
		Text:  "Two engineers were suspended after a section of the under-construction bridge over the Gandak at Sonpur collapsed. The Pul Nirman Nigam has ordered a probe.",
		Entities: []news.Entity{ent("kb:sonpur", "Sonpur", news.LOC, 2), ent("x:LOC:gndk", "Gandak", news.LOC, 1),
			ent("x:ORG:pl-nrmn-ngm", "Pul Nirman Nigam", news.ORG, 1)}}
	cricket = &news.Article{ID: "c1", Lang: "hi", Published: day(3, 20),
		Title: "रणजी ट्रॉफी: बिहार ने मणिपुर को पारी से हराया",
		Text:  "पटना में खेले गए रणजी ट्रॉफी मुकाबले में बिहार ने मणिपुर को एक पारी और बीस रन से हराया। कप्तान ने शतक जमाया।",
		Entities: []news.Entity{ent("kb:bihar", "Bihar", news.LOC, 1), ent("kb:manipur", "Manipur", news.LOC, 1),
			ent("x:MISC:rnj-trf", "Ranji Trophy", news.MISC, 1)}}
	inquiry = &news.Article{ID: "q1", Lang: "hi", Published: day(2, 10).AddDate(0, 2, 0),
		Title: "सोनपुर पुल हादसे की जांच रिपोर्ट सौंपी गई, निगम पर जुर्माना",
		Text:  "गंडक नदी पर सोनपुर में ढहे पुल की जांच रिपोर्ट सरकार को सौंप दी गई। रिपोर्ट के आधार पर पुल निर्माण निगम पर जुर्माना लगाया गया।",
		Entities: []news.Entity{ent("kb:sonpur", "Sonpur", news.LOC, 2), ent("x:LOC:gndk", "Gandak", news.LOC, 1),
			ent("x:ORG:pl-nrmn-ngm", "Pul Nirman Nigam", news.ORG, 1)}}
)

func clone(a *news.Article) *news.Article {
	c := *a
	return &c
}

func TestClustering(t *testing.T) {
	e := New(Options{})
	r1 := e.Add(clone(bridge1), "")
	if r1.Story != "sb1" || len(r1.Put) != 1 || r1.Put[0].Title != bridge1.Title {
		t.Fatalf("first article: %+v", r1)
	}
	if r := e.Add(clone(cricket), ""); r.Story == "sb1" {
		t.Fatal("cricket joined the bridge story")
	}
	r2 := e.Add(clone(bridge2), "")
	if r2.Story != "sb1" {
		t.Fatalf("follow-up report: story %q", r2.Story)
	}
	// An English report of the same event joins through its entities.
	r3 := e.Add(clone(bridge3), "")
	if r3.Story != "sb1" {
		t.Fatalf("English report: story %q", r3.Story)
	}
	s := r3.Put[0]
	if !slices.Equal(s.Articles, []string{"b1", "b2", "b3"}) || !s.Start.Equal(bridge1.Published) || !s.End.Equal(bridge3.Published) {
		t.Fatalf("story %+v", s)
	}
	if len(s.Entities) == 0 || s.Entities[0].Articles != 3 {
		t.Fatalf("key entities %+v", s.Entities)
	}
	// A copy joins its original's story, whatever its words.
	cp := &news.Article{ID: "b1copy", Lang: "hi", Published: day(2, 12), Title: "अलग शीर्षक", Text: "कुछ और"}
	if r := e.Add(cp, "b1"); r.Story != "sb1" {
		t.Fatalf("copy: story %q", r.Story)
	}
	// Two months later the inquiry is a new story, in the bridge's thread.
	rq := e.Add(clone(inquiry), "")
	if rq.Story == "sb1" {
		t.Fatal("inquiry joined a story two months old")
	}
	var th, old string
	for _, p := range rq.Put {
		if p.ID == rq.Story {
			th = p.Thread
		}
		if p.ID == "sb1" {
			old = p.Thread
		}
	}
	if th != "tsb1" || old != "tsb1" {
		t.Fatalf("threads: new %q, old %q (puts %d)", th, old, len(rq.Put))
	}
	if got := e.Threads("tsb1"); !slices.Equal(got, []string{"sb1", rq.Story}) {
		t.Fatalf("thread stories %v", got)
	}
	if e.ThreadCount() != 1 || e.Len() != 3 {
		t.Fatalf("threads %d, stories %d", e.ThreadCount(), e.Len())
	}
}

func TestRemoveAndChange(t *testing.T) {
	e := New(Options{})
	e.Add(clone(bridge1), "")
	e.Add(clone(bridge2), "")
	r := e.Remove("b1")
	if len(r.Put) != 1 || !slices.Equal(r.Put[0].Articles, []string{"b2"}) || !r.Put[0].Start.Equal(bridge2.Published) {
		t.Fatalf("remove: %+v", r)
	}
	if e.StoryOf("b1") != "" {
		t.Fatal("removed article still has a story")
	}
	// Re-adding with other text (the same URL changed) moves it.
	changed := clone(cricket)
	changed.ID = "b2"
	r = e.Add(changed, "")
	if r.Story == "sb1" || !slices.Contains(r.Delete, "sb1") {
		t.Fatalf("changed article: %+v", r)
	}
	if e.Remove("nope").Story != "" {
		t.Fatal("removing an unknown article")
	}
}

func TestWindow(t *testing.T) {
	e := New(Options{Window: 24 * time.Hour})
	e.Add(clone(bridge1), "")
	late := clone(bridge2)
	late.Published = day(6, 9)
	if r := e.Add(late, ""); r.Story == "sb1" {
		t.Fatal("article four days after a story with a one-day window joined it")
	}
	// An article without a time can join any story.
	undated := clone(bridge2)
	undated.ID, undated.Published = "u", time.Time{}
	if r := e.Add(undated, ""); r.Story != "sb1" && r.Story != "sb2" {
		t.Fatalf("undated article: %q", r.Story)
	}
}

func TestFallbackKeys(t *testing.T) {
	a := &news.Article{Title: "Floods hit Assam", Text: "Heavy rain in Guwahati. The Brahmaputra rose above the danger mark near Dibrugarh, officials said."}
	var got []string
	for _, k := range fallbackKeys(a) {
		got = append(got, k.id)
	}
	want := []string{"term:floods", "term:hit", "term:assam", "term:guwahati", "term:brahmaputra", "term:dibrugarh"}
	if !slices.Equal(got, want) {
		t.Errorf("fallback keys %v, want %v", got, want)
	}
}

func TestStateRoundTrip(t *testing.T) {
	e := New(Options{})
	for _, a := range []*news.Article{bridge1, bridge2, bridge3, cricket} {
		e.Add(clone(a), "")
	}
	var stories []*news.Story
	for _, id := range []string{"sb1", "sc1"} {
		stories = append(stories, e.record(e.stories[e.byID[id]]))
	}
	f := New(Options{})
	if err := f.LoadFrequencies(e.Frequencies()); err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		f.Load(s)
	}
	if f.StoryOf("b2") != "sb1" || f.StoryOf("c1") != "sc1" {
		t.Fatalf("loaded: b2 in %q, c1 in %q", f.StoryOf("b2"), f.StoryOf("c1"))
	}
	for i, s := range stories {
		got := f.record(f.stories[f.byID[s.ID]])
		if got.Title != s.Title || !slices.Equal(got.Articles, s.Articles) || !slices.Equal(got.Entities, s.Entities) ||
			string(got.State) != string(s.State) {
			t.Errorf("story %d: reloaded %+v, want %+v", i, got, s)
		}
	}
	// The loaded engine clusters as the original would.
	next := clone(bridge2)
	next.ID, next.Published = "b4", day(5, 8)
	if a, b := e.Add(clone(next), ""), f.Add(clone(next), ""); a.Story != b.Story || a.Story != "sb1" {
		t.Errorf("after load: %q, original: %q", b.Story, a.Story)
	}
	// A state of another version is ignored: the story keeps its members.
	g := New(Options{})
	s := *stories[0]
	s.State = []byte{99}
	g.Load(&s)
	if g.StoryOf("b1") != "sb1" {
		t.Error("story with unreadable state lost its members")
	}
	if err := g.LoadFrequencies([]byte{stateVersion, 0xff}); err == nil {
		t.Error("corrupt frequencies accepted")
	}
}

func FuzzDecodeState(f *testing.F) {
	e := New(Options{})
	e.Add(clone(bridge1), "")
	f.Add(e.record(e.stories[0]).State, e.Frequencies())
	f.Fuzz(func(t *testing.T, state, freq []byte) {
		c := &cluster{articles: []string{"b1"}, terms: map[string]vector{}}
		decodeState(c, state)
		_ = New(Options{}).LoadFrequencies(freq)
	})
}

func TestTimeline(t *testing.T) {
	killed := 2
	a := &news.Article{ID: "a", Publisher: "Outlet A", Title: "पुल ढहा", Published: day(2, 9), Group: "g1",
		Events: []news.Event{{Type: "ACCIDENT", Subtype: "INDUSTRIAL_ACCIDENT", Date: "2026-02-02", Sentence: "पुल का हिस्सा ढह गया।", Injured: &killed}},
		Quotes: []news.Quote{{Speaker: "kb:x", SpeakerName: "मंत्री", Text: "जांच होगी"}}}
	b := &news.Article{ID: "b", Publisher: "Outlet B", Title: "पुल ढहा: कॉपी", Published: day(2, 11), Group: "g1",
		Events: []news.Event{{Type: "ACCIDENT", Subtype: "INDUSTRIAL_ACCIDENT", Date: "2026-02-02", Sentence: "पुल का हिस्सा ढह गया"}},
		Quotes: []news.Quote{{Speaker: "kb:x", SpeakerName: "मंत्री", Text: "जांच होगी।", Via: []string{"PTI-Bhasha"}}}}
	c := &news.Article{ID: "c", Publisher: "Outlet C", Title: "इंजीनियर निलंबित", Published: day(3, 10)}
	d := &news.Article{ID: "d", Title: "पुराना संदर्भ", Events: []news.Event{{Type: "CONSULT", Sentence: "बैठक हुई", Date: "2026-01-30"}}}
	items := Timeline([]*news.Article{c, b, a, d})
	var got []string
	for _, it := range items {
		got = append(got, it.Date+" "+it.Kind+" "+it.Text)
	}
	want := []string{
		"2026-01-30 event बैठक हुई",
		"2026-02-02 event पुल का हिस्सा ढह गया",
		"2026-02-02 quote जांच होगी।",
		"2026-02-03 report इंजीनियर निलंबित",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("timeline:\n%q\nwant\n%q", got, want)
	}
	if s := items[1].Sources; len(s) != 2 || s[0].Article != "a" || s[1].Article != "b" {
		t.Errorf("event sources %+v", s)
	}
	if s := items[2].Sources; len(s) != 2 || !slices.Equal(s[0].Via, nil) || !slices.Equal(s[1].Via, []string{"PTI-Bhasha"}) {
		t.Errorf("quote sources %+v", s)
	}
	if Timeline(nil) == nil || len(Timeline(nil)) != 0 {
		t.Error("empty timeline should be an empty list")
	}
}

func TestShortArticles(t *testing.T) {
	e := New(Options{})
	h := &news.Article{ID: "h", Lang: "hi", Published: day(2, 9), Title: "सोनपुर में पुल ढहा"}
	r := e.Add(h, "")
	if r.Story != "sh" {
		t.Fatalf("headline alone: %+v", r)
	}
	// A full report of the event does not join the headline's story.
	if r := e.Add(clone(bridge1), ""); r.Story == "sh" {
		t.Fatal("report joined a headline-only story")
	}
	// Reloaded, the headline's story stays closed.
	f := New(Options{})
	f.Load(e.record(e.stories[e.byID["sh"]]))
	if r := f.Add(clone(bridge2), ""); r.Story == "sh" {
		t.Fatal("report joined a reloaded headline-only story")
	}
}

// TestVocabularyBound: a frequency table past maxVocabulary drops the words
// seen once, and keeps the others.
func TestVocabularyBound(t *testing.T) {
	d := idf{df: map[uint64]uint32{}}
	d.add(vector{{key: 1}, {key: 2}})
	d.add(vector{{key: 1}})
	for k := uint64(10); k < 10+maxVocabulary; k++ {
		d.add(vector{{key: k}})
	}
	if len(d.df) > maxVocabulary || len(d.df) < 2 || d.df[1] != 2 {
		t.Fatalf("table of %d words after pruning; df[1] = %d", len(d.df), d.df[1])
	}
	if _, ok := d.df[2]; ok {
		t.Error("a word seen once survived pruning")
	}
}
