package quote

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"khabar/internal/evaldata"
	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// people of the hand-written cases.
var testEntities = []newstest.Ent{
	{ID: "kb:amit-shah", Name: "Amit Shah", Type: news.PER, Forms: []string{"अमित शाह", "शाह"}},
	{ID: "kb:randhir-jaiswal", Name: "Randhir Jaiswal", Type: news.PER, Forms: []string{"रणधीर जायसवाल", "जायसवाल"}},
	{ID: "kb:tejashwi-yadav", Name: "Tejashwi Yadav", Type: news.PER, Forms: []string{"तेजस्वी यादव", "यादव"}},
	{ID: "kb:recep-tayyip-erdogan", Name: "Recep Tayyip Erdogan", Type: news.PER, Forms: []string{"एर्दोगन"}},
	{ID: "kb:s-jaishankar", Name: "S. Jaishankar", Type: news.PER, Forms: []string{"S. Jaishankar", "Jaishankar"}},
	{ID: "kb:afp", Name: "AFP", Type: news.ORG, Forms: []string{"एएफपी"}},
	{ID: "kb:reuters", Name: "Reuters", Type: news.ORG, Forms: []string{"रॉयटर्स", "Reuters"}},
	{ID: "kb:ministry-of-external-affairs", Name: "Ministry of External Affairs", Type: news.ORG, Forms: []string{"विदेश मंत्रालय"}},
	{ID: "kb:india", Name: "India", Type: news.LOC, Forms: []string{"भारत"}},
}

type want struct {
	speaker, name, text string
	direct              bool
	via                 []string
}

func run(t *testing.T, text string) []news.Quote {
	t.Helper()
	a := &news.Article{Text: text}
	a.Entities = newstest.Entities(text, testEntities...)
	qs := Find(a)
	runes := []rune(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(runes) || string(runes[q.Start:q.End]) != q.Text {
			t.Errorf("offsets %d-%d do not select %q", q.Start, q.End, q.Text)
		}
	}
	return qs
}

func TestFind(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		wants []want
	}{
		{"reported", "गृह मंत्री अमित शाह ने सोमवार को कहा कि सीमा पर हालात नियंत्रण में हैं।",
			[]want{{"kb:amit-shah", "Amit Shah", "सीमा पर हालात नियंत्रण में हैं", false, nil}}},
		{"marks before speaker", "‘‘हम हर हाल में चुनाव लड़ेंगे,’’ यादव ने कहा।",
			[]want{{"kb:tejashwi-yadav", "Tejashwi Yadav", "हम हर हाल में चुनाव लड़ेंगे", true, nil}}},
		{"marks after cue", "तेजस्वी यादव ने संवाददाताओं से कहा, “सरकार हर मोर्चे पर विफल रही है।”",
			[]want{{"kb:tejashwi-yadav", "Tejashwi Yadav", "सरकार हर मोर्चे पर विफल रही है", true, nil}}},
		{"title and pronoun",
			"विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने ब्रीफिंग की। प्रवक्ता ने कहा, बातचीत का अगला दौर जल्द होगा। उन्होंने कहा, ‘‘हमारा रुख साफ है।’’",
			[]want{
				{"kb:randhir-jaiswal", "Randhir Jaiswal", "बातचीत का अगला दौर जल्द होगा", true, nil},
				{"kb:randhir-jaiswal", "Randhir Jaiswal", "हमारा रुख साफ है", true, nil},
			}},
		{"chain", "एजेंसी एएफपी ने स्थानीय टीवी चैनल के हवाले से बताया कि राष्ट्रपति एर्दोगन ने कहा कि युद्धविराम जरूरी है।",
			[]want{{"kb:recep-tayyip-erdogan", "Recep Tayyip Erdogan", "युद्धविराम जरूरी है", false, []string{"AFP", "स्थानीय टीवी चैनल"}}}},
		{"cited source", "समाचार एजेंसी रॉयटर्स ने अधिकारियों के हवाले से बताया कि दो जहाज रोके गए।",
			[]want{{"", "अधिकारियों", "दो जहाज रोके गए", false, []string{"Reuters"}}}},
		{"according to", "पुलिस के मुताबिक, हादसे में तीन लोगों की मौत हुई।",
			[]want{{"", "पुलिस", "हादसे में तीन लोगों की मौत हुई", false, nil}}},
		{"phrase opens the paragraph", "आपदा प्रबंधन विभाग के अनुसार, राहत शिविरों में 900 लोग हैं।",
			[]want{{"", "आपदा प्रबंधन विभाग", "राहत शिविरों में 900 लोग हैं", false, nil}}},
		{"an unnamed official is nobody named", "विदेश मंत्रालय के प्रवक्ता रणधीर जायसवाल ने ब्रीफिंग की। दूतावास के एक प्रवक्ता ने बताया कि वीजा सेवाएं जारी हैं।",
			[]want{{"", "दूतावास के एक प्रवक्ता", "वीजा सेवाएं जारी हैं", false, nil}}},
		{"parenthesis in the speaker", "जिला आपूर्ति अधिकारी (ग्रामीण) ने सोमवार को बताया कि राशन का वितरण शुरू हो गया है। उन्होंने कहा, ‘‘किसी को लौटाया नहीं जाएगा।’’",
			[]want{
				{"", "जिला आपूर्ति अधिकारी (ग्रामीण)", "राशन का वितरण शुरू हो गया है", false, nil},
				{"", "जिला आपूर्ति अधिकारी (ग्रामीण)", "किसी को लौटाया नहीं जाएगा", true, nil},
			}},
		{"information is no speaker", "मिली जानकारी के अनुसार, आग सुबह करीब चार बजे लगी।", nil},
		{"opinion", "विशेषज्ञों का कहना है कि बारिश अभी जारी रहेगी।",
			[]want{{"", "विशेषज्ञों", "बारिश अभी जारी रहेगी", false, nil}}},
		{"two in a sentence", "शाह ने कहा था कि चुनाव समय पर होंगे, हालांकि बाद में यादव ने कहा कि तैयारी अधूरी है।",
			[]want{
				{"kb:amit-shah", "Amit Shah", "चुनाव समय पर होंगे", false, nil},
				{"kb:tejashwi-yadav", "Tejashwi Yadav", "तैयारी अधूरी है", false, nil},
			}},
		{"english reported", "Foreign Minister S. Jaishankar said on Monday that the talks would continue.",
			[]want{{"kb:s-jaishankar", "S. Jaishankar", "the talks would continue", false, nil}}},
		{"english marks", `"We will not back down," Jaishankar said. "The border is calm," said Jaishankar.`,
			[]want{
				{"kb:s-jaishankar", "S. Jaishankar", "We will not back down", true, nil},
				{"kb:s-jaishankar", "S. Jaishankar", "The border is calm", true, nil},
			}},
		{"english according", "According to the police, two people were injured in the blast.",
			[]want{{"", "police", "two people were injured in the blast", false, nil}}},
		{"scare quotes", "विपक्ष ने इस विधेयक को ‘‘काला कानून’’ बताया।", nil},
		{"never closes", "‘‘यह बात कभी खत्म नहीं होती और", nil},
		{"unclosed after cue", "यादव ने कहा, ‘‘हम तैयार हैं",
			[]want{{"kb:tejashwi-yadav", "Tejashwi Yadav", "हम तैयार हैं", true, nil}}},
		{"nested", "“उन्होंने कहा, ‘हम लड़ेंगे’ और चले गए,” शाह ने बताया।",
			[]want{{"kb:amit-shah", "Amit Shah", "उन्होंने कहा, ‘हम लड़ेंगे’ और चले गए", true, nil}}},
		{"no speech", "बाढ़ से कई गांव डूब गए हैं।", nil},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := run(t, c.text)
			if len(qs) != len(c.wants) {
				t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(c.wants), qs)
			}
			for i, w := range c.wants {
				q := qs[i]
				if q.Speaker != w.speaker || q.SpeakerName != w.name || q.Text != w.text || q.Direct != w.direct || !slices.Equal(q.Via, w.via) {
					t.Errorf("quote %d:\n got  %q %q %q direct=%v via=%q\n want %q %q %q direct=%v via=%q", i,
						q.Speaker, q.SpeakerName, q.Text, q.Direct, q.Via, w.speaker, w.name, w.text, w.direct, w.via)
				}
			}
		})
	}
}

// TestSeeds checks every quote of the seed pages for its speaker, and
// Peskov's for the chain through Xinhua and TASS.
func TestSeeds(t *testing.T) {
	seeds, err := evaldata.Seeds()
	if errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("seeds absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	wantSpeakers := [][]string{
		{"kb:dmitry-peskov", "kb:dmitry-peskov", "kb:dmitry-peskov", "kb:donald-trump", "kb:donald-trump",
			"kb:vladimir-putin", "kb:vladimir-putin", "kb:sergey-lavrov", ""},
		{"kb:kremlin", "kb:vladimir-putin", "kb:dmitry-peskov", "kb:joe-biden", "kb:vladimir-putin",
			"kb:vladimir-putin", "kb:dmitry-peskov", "kb:dmitry-peskov", "kb:jen-psaki"},
	}
	for i, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Text: string(b)}
		a.Entities = newstest.Entities(a.Text, newstest.SeedEntities...)
		qs := Find(a)
		var got []string
		for _, q := range qs {
			got = append(got, q.Speaker)
		}
		if !slices.Equal(got, wantSpeakers[i]) {
			t.Errorf("%s: speakers\n got  %q\n want %q", filepath.Base(path), got, wantSpeakers[i])
		}
		if i == 0 && len(qs) > 1 && !slices.Equal(qs[1].Via, []string{"Xinhua", "TASS"}) {
			t.Errorf("Peskov's quote via %q, want Xinhua, TASS", qs[1].Via)
		}
	}
}

// goldenEntities are the named things of the golden cases.
var goldenEntities = []newstest.Ent{
	{ID: "kb:tejashwi-yadav", Name: "Tejashwi Yadav", Type: news.PER, Forms: []string{"तेजस्वी यादव", "यादव"}},
	{ID: "per:arvind-kumar", Name: "Arvind Kumar", Type: news.PER, Forms: []string{"अरविंद कुमार"}},
	{ID: "kb:bihar", Name: "Bihar", Type: news.LOC, Forms: []string{"बिहार"}},
	{ID: "kb:nepal", Name: "Nepal", Type: news.LOC, Forms: []string{"नेपाल"}},
	{ID: "kb:patna", Name: "Patna", Type: news.LOC, Forms: []string{"पटना"}},
	{ID: "kb:supaul", Name: "Supaul", Type: news.LOC, Forms: []string{"सुपौल"}},
	{ID: "kb:darbhanga", Name: "Darbhanga", Type: news.LOC, Forms: []string{"दरभंगा"}},
	{ID: "kb:kathmandu", Name: "Kathmandu", Type: news.LOC, Forms: []string{"काठमांडो"}},
	{ID: "org:ndrf", Name: "National Disaster Response Force", Type: news.ORG, Forms: []string{"राष्ट्रीय आपदा मोचन बल"}},
	{ID: "kb:un", Name: "United Nations", Type: news.ORG, Forms: []string{"United Nations"}},
	{ID: "per:maria-lopez", Name: "Maria Lopez", Type: news.PER, Forms: []string{"Maria Lopez", "Lopez"}},
	{ID: "per:vipin-itankar", Name: "Vipin Itankar", Type: news.PER, Forms: []string{"विपिन इटनकर", "इटनकर"}},
	{ID: "per:sunil-patil", Name: "Sunil Patil", Type: news.PER, Forms: []string{"सुनील पाटील"}},
}

func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatal("no golden cases", err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := &news.Article{Text: string(b)}
			if strings.HasPrefix(name, "marathi") {
				// Written for the test in Marathi: "पोलिसांच्या मते",
				// "इटनकर यांच्या मते", "त्यांचे म्हणणे आहे की".
				a.Lang = "mr"
			}
			a.Entities = newstest.Entities(a.Text, goldenEntities...)
			if err := New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			newstest.Golden(t, path, "quotes", a.Quotes, *update)
		})
	}
}

func TestStageName(t *testing.T) {
	if New().Name() != "quotes" {
		t.Error("name")
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"‘‘हम तैयार हैं,’’ यादव ने कहा।", "यादव ने कहा, ‘‘", "’’ ने कहा कि", "“a ‘b” c’", `"x," said`,
		"कहना है कि वह आएंगे।", "पोलिसांच्या मते", "मते, ते येतील",
		"उन्होंने कहा कि", "के मुताबिक", "according to", "ने के हवाले से बताया कि ने कहा कि", "\"\"\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		a.Entities = newstest.Entities(text, testEntities...)
		n := len([]rune(text))
		for _, q := range Find(a) {
			if q.Start < 0 || q.End > n || q.End <= q.Start || q.Text == "" {
				t.Fatalf("bad quote %+v in %q", q, text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	body, err := os.ReadFile("testdata/article5k.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := &news.Article{Text: string(body)}
	a.Entities = newstest.Entities(a.Text, goldenEntities...)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		// a fresh article: nothing derived from the text is kept between runs
		Find(&news.Article{Text: a.Text, Entities: a.Entities})
	}
}

// TestOptions checks that the named thresholds are the ones applied: a
// one-word answer is no reported speech by default (MinSpeech 2) and is
// with MinSpeech 1; an agent farther back than AgentWindow is not found.
func TestOptions(t *testing.T) {
	run := func(opt Options, text string) int {
		a := &news.Article{Text: text}
		if err := NewWith(opt).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		return len(a.Quotes)
	}
	short := "मंत्री ने कहा कि हां।"
	if n := run(Options{}, short); n != 0 {
		t.Errorf("default options: %d quotes of a one-word answer, want 0", n)
	}
	if n := run(Options{MinSpeech: 1}, short); n != 1 {
		t.Errorf("MinSpeech 1: %d quotes, want 1", n)
	}
	far := "मंत्री ने आज सुबह राजधानी में हुई एक लंबी बैठक के बाद पत्रकारों से कहा कि सड़कें जल्द बनेंगी।"
	if n := run(Options{}, far); n != 1 {
		t.Errorf("default options: %d quotes, want 1", n)
	}
	if n := run(Options{AgentWindow: 4}, far); n != 0 {
		t.Errorf("AgentWindow 4: %d quotes, want 0", n)
	}
}

// TestCueListsDisjoint checks, for every pack language, that no speech
// verb phrase is both a cue after the ergative and a plain cue: a phrase in
// both would be tried twice at every token and read "X कहा" without "ने"
// as speech.
func TestCueListsDisjoint(t *testing.T) {
	for _, lang := range lexicon.Primaries() {
		l := lexFor(lang)
		erg := map[string]bool{}
		for _, c := range l.cues {
			erg[strings.Join(c, " ")] = true
		}
		for _, c := range l.plainCues {
			if erg[strings.Join(c, " ")] {
				t.Errorf("%s: %q is both a quote.cue and a quote.plain-cue", lang, strings.Join(c, " "))
			}
		}
		if len(l.plainCues) == 0 || len(l.cues) == 0 {
			t.Errorf("%s: %d cues, %d plain cues", lang, len(l.cues), len(l.plainCues))
		}
	}
}
