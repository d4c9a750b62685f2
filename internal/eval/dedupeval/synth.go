package dedupeval

import (
	"math/rand/v2"
	"strings"
)

// Copy is a synthetic syndicated copy of a Doc: what another outlet might
// print of the same wire story.
type Copy struct {
	Title string
	Paras []string
	// Edited is the number of words edited, Cut the number of paragraphs
	// cut.
	Edited, Cut int
}

// Text is the body of the copy.
func (c Copy) Text() string { return strings.Join(c.Paras, "\n\n") }

// Banners written for this evaluation: what outlets put around a wire
// story. None is taken from a real page.
var (
	topBanners = []string{
		"ताज़ा ख़बरों के लिए हमारा ऐप डाउनलोड करें",
		"ब्रेकिंग न्यूज़ अलर्ट पाने के लिए घंटी का बटन दबाएं",
		"Get the latest updates in our app | Download now",
		"होम / देश / ताज़ा समाचार",
		"यह समाचार एजेंसी फ़ीड से सीधे प्रकाशित किया गया है",
	}
	bottomBanners = []string{
		"हमें फ़ेसबुक और ट्विटर पर फ़ॉलो करें",
		"इस ख़बर पर अपनी राय नीचे कमेंट में लिखें",
		"(यह स्टोरी एजेंसी फ़ीड से ऑटो-पब्लिश की गई है। इसमें हमारी टीम ने कोई बदलाव नहीं किया है।)",
		"Copyright © 2020 all rights reserved",
		"अन्य ख़बरें पढ़ने के लिए यहां क्लिक करें",
	}
	titlePrefixes = []string{"बड़ी ख़बर:", "अपडेट:", "ताज़ा:", "देखें:", "जानिए"}
	// respellings are spelling variants outlets use interchangeably.
	respellings = [][2]string{
		{"नई", "नयी"}, {"गए", "गये"}, {"लिए", "लिये"}, {"हुई", "हुयी"}, {"दिल्ली", "देहली"},
		{"कोरोना", "करोना"}, {"प्रधानमंत्री", "पीएम"}, {"मुख्यमंत्री", "सीएम"}, {"गई", "गयी"},
	}
	datelines = []string{"नई दिल्ली, (एजेंसी)।", "(भाषा)", "एजेंसी।", "नई दिल्ली:"}
)

// Synth makes synthetic copies with a deterministic random source.
type Synth struct {
	rng   *rand.Rand
	vocab []string
	// MaxEdit is the largest share of words a copy edits (0.10).
	MaxEdit float64
}

// NewSynth returns a Synth seeded with seed, drawing replacement words
// from the vocabulary of docs.
func NewSynth(seed uint64, docs []Doc) *Synth {
	s := &Synth{rng: rand.New(rand.NewPCG(seed, seed^0x5eed)), MaxEdit: 0.10}
	seen := map[string]bool{}
	for _, d := range docs {
		for _, p := range d.Paras {
			for _, w := range strings.Fields(p) {
				if !seen[w] && len(w) > 3 {
					seen[w] = true
					s.vocab = append(s.vocab, w)
				}
			}
		}
	}
	return s
}

func (s *Synth) pick(list []string) string { return list[s.rng.IntN(len(list))] }

// Copy returns a copy of d: a changed headline, banners above and below,
// up to MaxEdit of the words edited (replaced, dropped, inserted or
// respelt, alone or in short runs), perhaps a dateline added, and one
// paragraph cut when d has three or more.
func (s *Synth) Copy(d Doc) Copy {
	c := Copy{Title: s.title(d)}
	paras := append([]string(nil), d.Paras...)
	if s.rng.Float64() < 0.7 {
		if i := s.cuttable(paras); i > 0 {
			paras = append(paras[:i], paras[i+1:]...)
			c.Cut = 1
		}
	}
	words := make([][]string, len(paras))
	total := 0
	for i, p := range paras {
		words[i] = strings.Fields(p)
		total += len(words[i])
	}
	budget := int(s.rng.Float64()*s.MaxEdit*float64(total) + 0.5)
	for c.Edited < budget {
		pi := s.rng.IntN(len(words))
		ws := words[pi]
		if len(ws) == 0 {
			continue
		}
		run := 1
		if s.rng.IntN(2) == 0 {
			run = 2 + s.rng.IntN(2)
		}
		run = min(run, budget-c.Edited, len(ws))
		at := s.rng.IntN(len(ws) - run + 1)
		switch s.rng.IntN(4) {
		case 0: // replace
			for k := range run {
				ws[at+k] = s.pick(s.vocab)
			}
		case 1: // drop
			ws = append(ws[:at], ws[at+run:]...)
		case 2: // insert
			ins := make([]string, run)
			for k := range ins {
				ins[k] = s.pick(s.vocab)
			}
			ws = append(ws[:at], append(ins, ws[at:]...)...)
		default: // respell, or replace when nothing can be respelt
			for k := range run {
				ws[at+k] = s.respell(ws[at+k])
			}
		}
		words[pi] = ws
		c.Edited += run
	}
	for i, ws := range words {
		paras[i] = strings.Join(ws, " ")
	}
	if s.rng.Float64() < 0.3 && len(paras) > 0 {
		paras[0] = s.pick(datelines) + " " + paras[0]
	}
	var out []string
	for range s.rng.IntN(3) {
		out = append(out, s.pick(topBanners))
	}
	out = append(out, paras...)
	for range s.rng.IntN(3) {
		out = append(out, s.pick(bottomBanners))
	}
	c.Paras = out
	return c
}

// MaxCut is the largest share of a story's words one cut paragraph may
// hold: an outlet trims a paragraph, it does not print a third of the
// story.
const MaxCut = 0.25

// cuttable returns a paragraph other than the first that holds at most
// MaxCut of the words, chosen at random, or 0 when there is none.
func (s *Synth) cuttable(paras []string) int {
	total := 0
	n := make([]int, len(paras))
	for i, p := range paras {
		n[i] = len(strings.Fields(p))
		total += n[i]
	}
	var ok []int
	for i := 1; i < len(paras); i++ {
		if float64(n[i]) <= MaxCut*float64(total) {
			ok = append(ok, i)
		}
	}
	if len(ok) == 0 {
		return 0
	}
	return ok[s.rng.IntN(len(ok))]
}

// respell returns w in another spelling, or a vocabulary word in its place.
func (s *Synth) respell(w string) string {
	for _, r := range respellings {
		if w == r[0] {
			return r[1]
		}
		if w == r[1] {
			return r[0]
		}
	}
	switch {
	case strings.Contains(w, "ं"):
		return strings.Replace(w, "ं", "ँ", 1)
	case strings.Contains(w, "ी"):
		return strings.Replace(w, "ी", "ि", 1)
	}
	return s.pick(s.vocab)
}

// title makes another headline for d: a prefix, a shortened or reordered
// headline, or one made from the first words of the body.
func (s *Synth) title(d Doc) string {
	ws := strings.Fields(d.Title)
	switch s.rng.IntN(3) {
	case 0:
		return s.pick(titlePrefixes) + " " + d.Title
	case 1:
		if len(ws) > 4 {
			ws = ws[:len(ws)*2/3]
		}
		if i := s.rng.IntN(len(ws)); i > 0 {
			ws = append(ws[i:], ws[:i]...)
		}
		return strings.Join(ws, " ")
	default:
		body := strings.Fields(d.Paras[0])
		return strings.Join(body[:min(len(body), 8)], " ")
	}
}
