package lang

import (
	"context"
	"math"
	"strings"

	"github.com/abadojack/whatlanggo"

	"khabar/internal/news"
)

// Methods, as LangDetail.Method records them.
const (
	MethodHint    = "hint"
	MethodScript  = "script"
	MethodNgram   = "ngram"
	MethodMarkers = "markers"
)

// Tuning of the decision; see Detect.
const (
	// mixedShare is the share of letters a second script needs for the
	// text to count as mixed, and mixedMin the letters it needs at least;
	// it needs two words too, so that one borrowed word does not count.
	mixedShare = 0.05
	mixedMin   = 4
	// markerMin is the marker score the leading Devanagari language needs
	// to decide alone, and markerRatio how far ahead of the next one it
	// must be.
	markerMin   = 3
	markerRatio = 2.0
	// hindiPrior is added to the Hindi marker score when the n-gram model
	// has to help; ngramWeight is the most its answer adds, reached at
	// ngramWords words.
	hindiPrior  = 1.0
	ngramWeight = 2.0
	ngramWords  = 12
	// sampleBytes caps the Devanagari text given to the n-gram model.
	sampleBytes = 1500
	// scanWords caps the Devanagari words scored for markers; scoring
	// stops earlier once the leading language has settled points and
	// settledRatio times the next one's.
	scanWords    = 600
	settled      = 15
	settledRatio = 4.0
)

// Stage is the pipeline stage that identifies an article's language. Build
// it with New; it is safe for concurrent use.
type Stage struct {
	// deva and other are the n-gram model's options for Devanagari (Hindi,
	// Marathi, Nepali) and for the scripts lang does not decide alone.
	deva, other whatlanggo.Options
}

// New returns a language identification stage.
func New() *Stage {
	return &Stage{
		deva: whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
			whatlanggo.Hin: true, whatlanggo.Mar: true, whatlanggo.Nep: true,
		}},
	}
}

// Name returns "lang".
func (*Stage) Name() string { return "lang" }

// Process sets a.Lang and a.LangDetail. A language the input declared
// (a.Raw.Hints.Lang) is trusted; otherwise it is detected from a.Text.
// Text without letters leaves a.Lang empty and a.LangDetail nil.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if h := HintCode(a.Raw.Hints.Lang); h != "" {
		d := detail(countScripts(a.Text))
		d.Confidence, d.Method = 1, MethodHint
		a.Lang, a.LangDetail = h, d
		return nil
	}
	a.Lang, a.LangDetail = s.Detect(a.Text)
	return nil
}

// HintCode turns a declared language ("hi", "hi-IN", "HI", "hin", "Hindi")
// into an ISO 639-1 code, or "" when it names no language.
func HintCode(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if i := strings.IndexAny(h, "-_"); i >= 0 {
		h = h[:i]
	}
	switch len(h) {
	case 0:
		return ""
	case 2:
		return h
	case 3:
		if l := whatlanggo.CodeToLang(h); l >= 0 {
			if c := l.Iso6391(); c != "" {
				return c
			}
		}
		return ""
	}
	for code, name := range whatlanggo.Langs {
		if strings.EqualFold(name, h) {
			if c := code.Iso6391(); c != "" {
				return c
			}
		}
	}
	return ""
}

// Detect returns the ISO 639-1 code of the language of text and how it was
// decided:
//
//   - Letters are counted by script (digits and punctuation count for
//     none); no letters, no language ("", nil).
//   - The script with most words leads (most letters on a tie). Latin means English (the only
//     Latin-script language served). Arabic script means Urdu; Bengali,
//     Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam and
//     Sinhala scripts each mean their one language. Method "script".
//   - Devanagari is Hindi, Marathi, Nepali or Sanskrit: function words and
//     inflections typical of each are scored ("markers"); when one
//     language leads clearly the markers decide (method "markers"),
//     otherwise the whatlanggo n-gram model restricted to Hindi, Marathi
//     and Nepali does, with the marker scores as a prior (method "ngram").
//   - Any other script goes to the unrestricted n-gram model.
func (s *Stage) Detect(text string) (string, *news.LangDetail) {
	st := countScripts(text)
	if st.total == 0 {
		return "", nil
	}
	d := detail(st)
	// The script of most words leads (of most letters on a tie): a Hindi
	// sentence with a few long English terms is still Hindi.
	lead := sLatn
	for i := range st.words {
		if st.words[i] > st.words[lead] || (st.words[i] == st.words[lead] && st.letters[i] > st.letters[lead]) {
			lead = script(i)
		}
	}
	// share, the lead script's part of all words, scales the confidence.
	words := 0
	for _, n := range st.words {
		words += n
	}
	share := float64(st.words[lead]) / float64(words)
	switch {
	case lead == sLatn:
		d.Confidence, d.Method = round(share), MethodScript
		return "en", d
	case scriptLang[lead] != "":
		d.Confidence, d.Method = round(share), MethodScript
		return scriptLang[lead], d
	case lead == sDeva:
		l, conf, method := s.devanagari(text)
		d.Confidence, d.Method = round(conf*share), method
		return l, d
	}
	info := whatlanggo.DetectWithOptions(sample(text, sampleBytes), s.other)
	d.Method = MethodNgram
	if info.Lang < 0 || info.Lang.Iso6391() == "" {
		return "", d
	}
	d.Confidence = round(info.Confidence * share)
	return info.Lang.Iso6391(), d
}

// detail builds the script part of a LangDetail.
func detail(st stats) *news.LangDetail {
	d := &news.LangDetail{Scripts: map[string]float64{}}
	if st.total == 0 {
		return d
	}
	notable := 0
	for i, n := range st.letters {
		if n == 0 {
			continue
		}
		share := float64(n) / float64(st.total)
		if r := round(share); r > 0 {
			d.Scripts[scriptCodes[i]] = r
		}
		if share >= mixedShare && n >= mixedMin && st.words[i] >= 2 {
			notable++
		}
	}
	d.Mixed = notable > 1
	return d
}

func round(f float64) float64 {
	return math.Round(f*1000) / 1000
}

// devanagari decides between Hindi, Marathi, Nepali and Sanskrit, and
// returns the language, a confidence and the method.
func (s *Stage) devanagari(text string) (string, float64, string) {
	sc := markerScores(text)
	best, second := argmax2(sc[:])
	total := 0.0
	for _, v := range sc {
		total += v
	}
	if sc[best] >= markerMin && sc[best] >= markerRatio*sc[second] {
		return devaCodes[best], sc[best] / total, MethodMarkers
	}
	// Not clear from markers: ask the n-gram model, and weigh its answer,
	// by how much text it saw, against the markers and a prior for Hindi,
	// by far the commonest of the four in the news khabar reads. On a
	// headline of five words the model alone cannot overturn the prior;
	// one marker with it can.
	smp, words := devaSample(text, sampleBytes)
	info := whatlanggo.DetectWithOptions(smp, s.deva)
	combined := sc
	combined[hi] += hindiPrior
	if ng, ok := ngramDeva[info.Lang]; ok {
		combined[ng] += ngramWeight * math.Min(1, float64(words)/ngramWords) * info.Confidence
	}
	best, second = argmax2(combined[:])
	conf := (combined[best] - combined[second]) / combined[best]
	return devaCodes[best], math.Max(conf, 0.1), MethodNgram
}

// ngramDeva maps the n-gram model's Devanagari languages to lang's.
var ngramDeva = map[whatlanggo.Lang]deva{whatlanggo.Hin: hi, whatlanggo.Mar: mr, whatlanggo.Nep: ne}

// argmax2 returns the indexes of the largest and second largest values.
func argmax2(v []float64) (deva, deva) {
	var a, b deva = 0, 1
	if v[b] > v[a] {
		a, b = b, a
	}
	for i := 2; i < len(v); i++ {
		switch {
		case v[i] > v[a]:
			a, b = deva(i), a
		case v[i] > v[b]:
			b = deva(i)
		}
	}
	return a, b
}

// markerScores scores the Devanagari words of text for each language.
func markerScores(text string) [numDeva]float64 {
	var sc [numDeva]float64
	var prev string
	n, stopped := 0, false
	eachDevaWord(text, func(w string, special int) bool {
		score(w, &sc)
		// Marathi writes ळ and the eyelash ऱ often, Hindi and Nepali
		// hardly ever.
		if special > 0 {
			sc[mr] += 0.5
		}
		// "होता/होते/होती" are Marathi past forms, and Hindi habituals
		// that a Hindi auxiliary follows ("होता है").
		if isHota(prev) && !hindiAux[w] {
			sc[mr]++
		}
		prev = w
		n++
		// Stop early once one language leads beyond doubt.
		if n%32 == 0 {
			if b, c := argmax2(sc[:]); sc[b] >= settled && sc[b] >= settledRatio*sc[c] {
				stopped = true
				return false
			}
		}
		return n < scanWords
	})
	if isHota(prev) && !stopped {
		sc[mr]++
	}
	return sc
}

func isHota(w string) bool {
	return w == "होता" || w == "होते" || w == "होती"
}

// hindiAux are the words that follow "होता" in Hindi.
var hindiAux = map[string]bool{
	"है": true, "हैं": true, "था": true, "थे": true, "थी": true, "हो": true, "थीं": true,
	"गया": true, "रहा": true, "रहे": true, "रही": true, "जा": true, "जाता": true, "चला": true,
}

// eachDevaWord calls f with each Devanagari word of text (letters, signs,
// ZWJ and ZWNJ) and the number of ळ and ऱ in it, until f returns false.
func eachDevaWord(text string, f func(word string, special int) bool) {
	start, special := -1, 0
	for i := 0; i < len(text); {
		b := text[i]
		inWord := false
		size := 1
		if b == 0xE0 && i+2 < len(text) && (text[i+1] == 0xA4 || text[i+1] == 0xA5) {
			size = 3
			r := rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F) // U+0900..U+097F
			inWord = r <= 0x0963 || r >= 0x0971
			if r == 0x0933 || r == 0x0931 {
				special++
			}
		} else if b == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x8C || text[i+2] == 0x8D) {
			size = 3
			inWord = start >= 0
		} else if b >= 0xC0 {
			for size < 4 && i+size < len(text) && text[i+size]&0xC0 == 0x80 {
				size++
			}
		}
		if inWord {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if !f(text[start:i], special) {
				return
			}
			start, special = -1, 0
		}
		i += size
	}
	if start >= 0 {
		f(text[start:], special)
	}
}

// devaSample returns the first Devanagari words of text, joined by
// spaces, up to about max bytes, and how many words it holds.
func devaSample(text string, max int) (string, int) {
	var b strings.Builder
	n := 0
	eachDevaWord(text, func(w string, _ int) bool {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		n++
		return b.Len() < max
	})
	return b.String(), n
}

// sample returns text cut to about max bytes at a character boundary.
func sample(text string, max int) string {
	if len(text) <= max {
		return text
	}
	for max > 0 && text[max]&0xC0 == 0x80 {
		max--
	}
	return text[:max]
}
