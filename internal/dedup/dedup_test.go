package dedup

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// wire is an invented agency story, written for these tests.
var wire = []string{
	"जयपुर, चार मार्च (भाषा) राजस्थान सरकार ने बुधवार को राज्य के सभी जिलों में पेयजल आपूर्ति की नई योजना शुरू करने की घोषणा की, जिसके तहत अगले दो वर्षों में चौदह हजार गांवों तक पाइपलाइन पहुंचाई जाएगी।",
	"जल संसाधन मंत्री ने संवाददाताओं को बताया कि योजना पर कुल नौ हजार करोड़ रुपये खर्च होंगे और पहले चरण में रेगिस्तानी जिलों को प्राथमिकता दी जाएगी। उन्होंने कहा कि बाड़मेर, जैसलमेर और बीकानेर में काम अप्रैल से आरंभ होगा।",
	"मंत्री के अनुसार हर गांव में जल समिति बनाई जाएगी, जिसमें महिलाओं की भागीदारी आधी रहेगी। समिति टंकियों की देखरेख, बिलों की वसूली और शिकायतों के निपटारे का काम संभालेगी।",
	"विपक्ष के नेता ने योजना का स्वागत किया, लेकिन सवाल उठाया कि पिछली घोषणाओं में शामिल सैकड़ों गांव अब भी टैंकरों पर निर्भर क्यों हैं। उन्होंने मांग की कि सरकार हर तिमाही प्रगति रिपोर्ट सार्वजनिक करे।",
	"अधिकारियों ने बताया कि योजना की निगरानी के लिए एक ऑनलाइन डैशबोर्ड बनाया गया है, जिस पर हर पंचायत में बिछाई गई पाइपलाइन की लंबाई और कनेक्शनों की संख्या रोज अपडेट की जाएगी।",
}

var other = []string{
	"लखनऊ, चार मार्च (भाषा) उत्तर प्रदेश विधानसभा में बुधवार को बजट पर चर्चा के दौरान सत्ता पक्ष और विपक्ष के सदस्यों के बीच तीखी नोकझोंक हुई, जिसके बाद कार्यवाही आधे घंटे के लिए स्थगित करनी पड़ी।",
	"संसदीय कार्य मंत्री ने कहा कि सरकार हर सवाल का जवाब देने को तैयार है, पर सदन की मर्यादा बनाए रखना सबकी जिम्मेदारी है। विपक्षी सदस्यों ने किसानों के बकाया भुगतान का मुद्दा उठाया।",
	"बाद में अध्यक्ष ने दोनों पक्षों के नेताओं से अपने कक्ष में बात की और सदन की कार्यवाही फिर शुरू हुई। चर्चा शाम सात बजे तक चली।",
}

var ist = time.FixedZone("IST", 5*3600+1800)

func at(day, hour int) time.Time { return time.Date(2026, 3, day, hour, 0, 0, 0, ist) }

func text(paras ...string) string { return strings.Join(paras, "\n\n") }

func sketch(id, title, body string, pub time.Time) *Sketch {
	var k Sketcher
	return k.Of(id, title, body, pub)
}

func TestTokenizer(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		{"nukta and chandrabindu", "ज़िले में आँधी", "जिले में आंधी", true},
		{"devanagari digits", "१४ हजार", "14 हजार", true},
		{"case and punctuation", "The Minister, said: \"yes\".", "the minister said yes", true},
		{"danda", "काम शुरू हुआ। फिर रुका।", "काम शुरू हुआ फिर रुका", true},
		{"stop words do not count", "योजना की घोषणा", "योजना घोषणा", true},
		{"zwj dropped", "क्\u200dष", "क्ष", true},
		{"other word", "पेयजल योजना", "सिंचाई योजना", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var k tokenizer
			var a, b []uint64
			k.words(tc.a, func(h uint64) { a = append(a, h) })
			k.words(tc.b, func(h uint64) { b = append(b, h) })
			if slices.Equal(a, b) != tc.same {
				t.Errorf("words(%q) = %x, words(%q) = %x, same = %v", tc.a, a, tc.b, b, !tc.same)
			}
		})
	}
}

func TestSketchRoundTrip(t *testing.T) {
	for _, s := range []*Sketch{
		sketch("a", "शीर्षक", text(wire...), at(4, 18)),
		sketch("b", "", "", time.Time{}),
		sketch("c", "केवल शीर्षक", "दो शब्द", at(5, 0)),
	} {
		got, err := UnmarshalSketch(s.ID, s.Marshal())
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		if got.ID != s.ID || !slices.Equal(got.Sig, s.Sig) || got.Shingles != s.Shingles || got.Words != s.Words ||
			got.Text != s.Text || got.Content != s.Content || !got.Published.Equal(s.Published) {
			t.Errorf("%s: round trip %+v, want %+v", s.ID, got, s)
		}
		if whenOf(got.Published) != whenOf(s.Published) {
			t.Errorf("%s: published %v, want %v", s.ID, got.Published, s.Published)
		}
	}
	if _, err := UnmarshalSketch("x", []byte{9, 1, 2}); err != ErrSketchVersion {
		t.Errorf("other version: %v", err)
	}
	if _, err := UnmarshalSketch("x", []byte{sketchVersion, 1}); err == nil {
		t.Error("truncated sketch decoded")
	}
}

func FuzzUnmarshalSketch(f *testing.F) {
	f.Add(sketch("a", "t", text(wire...), at(4, 18)).Marshal())
	f.Add(sketch("b", "", "", time.Time{}).Marshal())
	f.Add([]byte{sketchVersion})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := UnmarshalSketch("x", b)
		if err != nil {
			return
		}
		if s.Sig != nil && len(s.Sig) != Hashes {
			t.Fatalf("signature of %d values", len(s.Sig))
		}
		if _, err := UnmarshalSketch("x", s.Marshal()); err != nil {
			t.Fatalf("re-encoded sketch: %v", err)
		}
	})
}

func FuzzSketch(f *testing.F) {
	f.Add("शीर्षक", text(wire...))
	f.Add("", "a-b.c 'd' १२")
	f.Fuzz(func(t *testing.T, title, body string) {
		var k Sketcher
		s := k.Of("x", title, body, time.Time{})
		if s.Words > 0 && (len(s.Sig) != Hashes || s.Shingles == 0) {
			t.Fatalf("%d words but %d values, %d shingles", s.Words, len(s.Sig), s.Shingles)
		}
		if r := Resemblance(s, k.Of("y", title, body, time.Time{})); s.Words > 0 && r != 1 {
			t.Fatalf("resemblance with itself %v", r)
		}
	})
}

// copyOf makes an outlet's copy of wire: another headline, banners, a few
// words changed and, when cut is set, the fourth paragraph cut.
func copyOf(cut bool) string {
	p := slices.Clone(wire)
	p[1] = strings.Replace(p[1], "संवाददाताओं", "पत्रकारों", 1)
	p[2] = strings.Replace(p[2], "देखरेख", "रखरखाव", 1)
	if cut {
		p = slices.Delete(p, 3, 4)
	}
	return text(append(append([]string{"ऐप डाउनलोड करें और पाएं हर खबर सबसे पहले"}, p...), "हमें सोशल मीडिया पर फॉलो करें")...)
}

func TestGrouping(t *testing.T) {
	g := NewGrouper(Options{})
	add := func(id, title, body string, pub time.Time) Result {
		t.Helper()
		return g.Add(sketch(id, title, body, pub))
	}
	// An article alone has no group.
	if r := add("base", "राजस्थान में पेयजल की नई योजना", text(wire...), at(4, 18)); r.Group != "" || r.DuplicateOf != "" || r.Match != nil {
		t.Fatalf("first article: %+v", r)
	}
	if r := add("other", "विधानसभा में हंगामा", text(other...), at(4, 17)); r.Group != "" {
		t.Fatalf("unrelated article grouped: %+v", r)
	}
	// A copy under another headline and banners, with words changed and a
	// paragraph cut, joins the base; the group is named after the base.
	r := add("copy1", "नौ हजार करोड़ से गांवों तक पाइपलाइन", copyOf(true), at(4, 20))
	if r.Group != "gbase" || r.DuplicateOf != "base" || r.Match == nil || r.Match.ID != "base" {
		t.Fatalf("copy: %+v", r)
	}
	if want := []Change{{ID: "base", Group: "gbase"}}; !slices.Equal(r.Changes, want) {
		t.Fatalf("copy changes %+v, want %+v", r.Changes, want)
	}
	// Identical text under another URL is a copy too.
	r = add("same", "राजस्थान: पेयजल योजना", text(wire...), at(5, 9))
	if r.Group != "gbase" || r.DuplicateOf != "base" || !r.Match.Exact {
		t.Fatalf("identical text: %+v", r)
	}
	// An earlier copy becomes the canonical one, and every member hears it.
	r = add("early", "पेयजल योजना की घोषणा", copyOf(false), at(4, 11))
	if r.Group != "gbase" || r.DuplicateOf != "" {
		t.Fatalf("earlier copy: %+v", r)
	}
	slices.SortFunc(r.Changes, func(a, b Change) int { return strings.Compare(a.ID, b.ID) })
	want := []Change{{"base", "gbase", "early"}, {"copy1", "gbase", "early"}, {"same", "gbase", "early"}}
	if !slices.Equal(r.Changes, want) {
		t.Fatalf("changes %+v, want %+v", r.Changes, want)
	}
	if got := g.Group("gbase"); !slices.Equal(got, []string{"early", "base", "copy1", "same"}) {
		t.Fatalf("group = %v", got)
	}
	// Adding an article again unchanged changes nothing.
	if r := add("copy1", "नौ हजार करोड़ से गांवों तक पाइपलाइन", copyOf(true), at(4, 20)); !r.Unchanged || r.DuplicateOf != "early" || len(r.Changes) != 0 {
		t.Fatalf("unchanged: %+v", r)
	}
	// The canonical copy changes its text (same URL): it leaves, and the
	// earliest of the rest takes its place.
	r = add("early", "पेयजल योजना की घोषणा", "पेज नहीं मिला। हो सकता है यह लेख हटा दिया गया हो या इसका पता बदल गया हो। मुखपृष्ठ पर लौटें और खोज का उपयोग करें, वहां ताज़ा समाचार, वीडियो, फोटो गैलरी और राशिफल के साथ मौसम का हाल भी देखें। सहायता के लिए पाठक सेवा केंद्र से संपर्क करें, जो सोमवार से शनिवार सुबह दस से शाम छह बजे तक खुला रहता है।", at(4, 11))
	if r.Group != "" {
		t.Fatalf("changed text still grouped: %+v", r)
	}
	slices.SortFunc(r.Changes, func(a, b Change) int { return strings.Compare(a.ID, b.ID) })
	want = []Change{{"base", "gbase", ""}, {"copy1", "gbase", "base"}, {"same", "gbase", "base"}}
	if !slices.Equal(r.Changes, want) {
		t.Fatalf("changes %+v, want %+v", r.Changes, want)
	}
	// A group of two dissolves when one leaves.
	g.Remove("same")
	if ch := g.Remove("copy1"); !slices.Equal(ch, []Change{{ID: "base"}}) {
		t.Fatalf("dissolve: %+v", ch)
	}
	if grp, _, _ := g.Lookup("base"); grp != "" {
		t.Fatalf("base still in %q", grp)
	}
}

func TestGroupingBadInput(t *testing.T) {
	tests := []struct {
		name string
		a, b *Sketch
		same bool
	}{
		{"empty texts", sketch("a", "शीर्षक", "", at(1, 9)), sketch("b", "शीर्षक", "", at(1, 9)), false},
		{"headline only, same", sketch("a", "बारिश से फसलें बर्बाद", "बारिश से फसलें बर्बाद", at(1, 9)),
			sketch("b", "बारिश से फसलें बर्बाद", "बारिश से फसलें बर्बाद", at(1, 10)), true},
		{"same boilerplate, other headlines", sketch("a", "बारिश से फसलें बर्बाद", "यह खबर अपडेट की जा रही है", at(1, 9)),
			sketch("b", "रेल किराए में बढ़ोतरी", "यह खबर अपडेट की जा रही है", at(1, 10)), false},
		{"short and similar, not identical", sketch("a", "t", "राज्य में पेयजल योजना के पहले चरण का काम अप्रैल से", at(1, 9)),
			sketch("b", "t", "राज्य में पेयजल योजना के पहले चरण का काम मई से", at(1, 10)), false},
		{"unrelated long texts", sketch("a", "t", text(wire...), at(1, 9)), sketch("b", "t", text(other...), at(1, 9)), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(Options{})
			g.Add(tc.a)
			r := g.Add(tc.b)
			if (r.Group != "") != tc.same {
				t.Errorf("grouped = %v, want %v (%+v)", r.Group != "", tc.same, r)
			}
		})
	}
}

func TestCanonicalOrder(t *testing.T) {
	long, short := text(wire...), text(wire[:4]...)
	midnight := time.Date(2026, 3, 4, 0, 0, 0, 0, ist)
	tests := []struct {
		name  string
		first *Sketch
		then  *Sketch
		want  string
	}{
		{"earlier day wins", sketch("a", "", short, at(3, 23)), sketch("b", "", long, at(4, 1)), "a"},
		{"timed beats date-only of the same day", sketch("a", "", long, midnight), sketch("b", "", long, at(4, 18)), "b"},
		{"same time: longer wins", sketch("a", "", short, at(4, 9)), sketch("b", "", long, at(4, 9)), "b"},
		{"unknown time last", sketch("a", "", long, time.Time{}), sketch("b", "", long, at(9, 9)), "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := NewGrouper(Options{})
			g.Add(tc.first)
			g.Add(tc.then)
			if got := g.Group("ga"); len(got) != 2 || got[0] != tc.want {
				t.Errorf("group = %v, want %s first", got, tc.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	g := NewGrouper(Options{})
	g.Load(sketch("b", "", copyOf(true), at(4, 20)), "gx", 0, 0)
	g.Load(sketch("a", "", text(wire...), at(4, 18)), "gx", 0, 0)
	g.Load(sketch("c", "", text(other...), at(4, 18)), "", 0, 0)
	if grp, dup, _ := g.Lookup("b"); grp != "gx" || dup != "a" {
		t.Fatalf("loaded b: %q %q", grp, dup)
	}
	// A new copy joins the loaded group.
	r := g.Add(sketch("d", "", copyOf(false), at(5, 8)))
	if r.Group != "gx" || r.DuplicateOf != "a" {
		t.Fatalf("new copy after load: %+v", r)
	}
	if st := g.Index().Stats(); st.Sketches != 4 || st.Bytes <= 0 {
		t.Fatalf("stats %+v", st)
	}
}
