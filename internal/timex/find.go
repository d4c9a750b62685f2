package timex

import (
	"strings"
	"time"
	"unicode/utf8"

	"khabar/internal/lexicon"
)

// Expression types, as in TIMEX3.
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Expr is one time expression of a text.
type Expr struct {
	// Start and End are the byte span of the expression in the text.
	Start, End int
	// Type is Date, Time, Duration or Set.
	Type string
	// Value is the ISO 8601 / TIMEX3 value, resolved against the
	// publication time; "" when it cannot be resolved.
	Value string
}

// Find returns the time expressions of text in order, resolved against
// published (the zero time when unknown), reading Hindi and English. It
// never fails: text without time expressions gives none.
func Find(text string, published time.Time) []Expr {
	return FindLang(text, published, lexicon.Fallback)
}

// FindLang is Find for text in lang (an ISO 639-1 code): it reads the words
// of that language's pack and English (see lexicon.Packs).
func FindLang(text string, published time.Time, lang string) []Expr {
	return FindLangWith(text, published, lang, Options{})
}

// FindLangWith is FindLang with the thresholds of opt (zero fields take
// the defaults).
func FindLangWith(text string, published time.Time, lang string, opt Options) []Expr {
	f := &finder{text: text, toks: tokenize(text), lex: lexFor(lang), opt: opt.withDefaults()}
	if !published.IsZero() {
		f.hasPub = true
		f.pubT = published
		f.pub = dayOf(published)
		h, m, s := published.Clock()
		f.clock = h != 0 || m != 0 || s != 0
		f.anchor, f.hasAnchor = f.pub, true
	}
	f.urls = urlSpans(text)
	f.run()
	return f.out
}

// finder holds the state of one Find.
type finder struct {
	lex  *table
	opt  Options
	text string
	toks []token
	urls [][2]int

	hasPub bool
	pubT   time.Time
	pub    day
	clock  bool // the publication time carries a time of day

	// anchor is the last day the text mentioned (the publication day at
	// first): the day a bare "शाम" or "10 बजे" falls on.
	anchor    day
	hasAnchor bool

	out []Expr
}

func (f *finder) run() {
	matchers := []func(int) int{
		f.iso, f.dateExpr, f.weekdayExpr, f.relDayExpr, f.setExpr, f.modExpr,
		f.countExpr, f.clockExpr, f.yearExpr, f.monthExpr,
	}
	u := 0
	for i := 0; i < len(f.toks); {
		for u < len(f.urls) && f.urls[u][1] <= f.toks[i].Start {
			u++
		}
		if u < len(f.urls) && f.toks[i].Start >= f.urls[u][0] {
			i++
			continue
		}
		end := -1
		for _, m := range matchers {
			if end = m(i); end > i {
				break
			}
		}
		if end > i {
			i = end
		} else {
			i++
		}
	}
}

// emit records an expression over tokens [i, j).
func (f *finder) emit(i, j int, typ, value string) {
	f.out = append(f.out, Expr{Start: f.toks[i].Start, End: f.toks[j-1].End, Type: typ, Value: value})
}

// setAnchor makes d the day later bare times fall on.
func (f *finder) setAnchor(d day) { f.anchor, f.hasAnchor = d, true }

func (f *finder) key(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].Key
}

func (f *finder) isNum(i int) bool { return i >= 0 && i < len(f.toks) && f.toks[i].Kind == kNum }

func (f *finder) isPunct(i int, marks string) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != kPunct {
		return false
	}
	return strings.Contains(marks, f.toks[i].Key)
}

// tight reports whether token i follows token i-1 with no space between.
func (f *finder) tight(i int) bool { return i > 0 && i < len(f.toks) && !f.toks[i].Space }

// upper reports whether token i starts with an upper-case Latin letter.
func (f *finder) upper(i int) bool {
	c := f.text[f.toks[i].Start]
	return c >= 'A' && c <= 'Z'
}

// latin reports whether token i is an ASCII word.
func (f *finder) latin(i int) bool {
	t := f.toks[i]
	return t.Kind == kWord && f.text[t.Start] < utf8.RuneSelf
}

// tense looks at the clause from token j on for the tense of its verb:
// +1 future, -1 past, 0 unknown. Hindi puts the verb after the time
// expression; for English it also looks back for an auxiliary ("will",
// "was") before the expression that ends at j.
func (f *finder) tense(j int) int {
	if j > 0 && j <= len(f.toks) && f.latin(j-1) {
		start := j - 1
		for start > 0 && j-start < f.opt.ClauseBack && f.toks[start].Kind != kPunct {
			start--
		}
		for k := j - 2; k >= start && k > j-f.opt.TenseAhead; k-- {
			t := f.toks[k]
			if t.Kind == kPunct {
				break
			}
			if f.lex.clause.Has(t.Key) {
				break
			}
			if f.lex.future.Has(t.Key) {
				return 1
			}
			if f.lex.past.Has(t.Key) {
				return -1
			}
		}
	}
	weak := 0
	for k := j; k < len(f.toks) && k < j+f.opt.TenseAhead; k++ {
		t := f.toks[k]
		if k > j && t.Break {
			break
		}
		if t.Kind == kPunct {
			if isStop(t.Key) || t.Key == "," || t.Key == ";" {
				break
			}
			continue
		}
		if f.lex.clause.Has(t.Key) {
			break
		}
		// "होने वाली बैठक" looks ahead, unless a past verb follows
		// ("होने वाली बैठक रद्द कर दी").
		if f.lex.weakFuture.Has(t.Key) {
			weak = 1
			continue
		}
		if f.lex.future.Has(t.Key) || f.futureVerb(t.Key) {
			return 1
		}
		if f.lex.past.Has(t.Key) {
			// A past participle before a future auxiliary is a future
			// passive: "किया जाएगा", "केले जाईल".
			if n := f.key(k + 1); f.lex.future.Has(n) || f.futureVerb(n) {
				return 1
			}
			return -1
		}
	}
	return weak
}

// futureVerb reports whether a word is a future-tense verb form
// ("मिलेंगे", "जाएगा"): it has four letters or more and a
// time.future-suffix ending.
func (f *finder) futureVerb(w string) bool {
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, s := range f.lex.futureSuf {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// count reads an amount at token i: digits ("3", "1.5", "1,200"), number
// words ("तीन", "ढाई", "twenty"), a multiplier ("सौ", "दो सौ", "58 हजार"),
// or a vague word ("कुछ", "कई", "few"). It returns the amount, the token
// after it, and whether the amount was vague.
func (f *finder) count(i int) (n float64, end int, vague, ok bool) {
	if i >= len(f.toks) {
		return 0, i, false, false
	}
	t := f.toks[i]
	j := i + 1
	switch {
	case t.Kind == kNum:
		if t.Num < 0 || (i > 0 && f.tight(i) && f.isPunct(i-1, ".,:/-")) {
			return 0, i, false, false
		}
		n = float64(t.Num)
		// A decimal fraction: "1.5".
		if f.isPunct(j, ".") && f.tight(j) && f.isNum(j+1) && f.tight(j+1) && f.toks[j+1].Digits <= 2 {
			frac := f.toks[j+1]
			div := 10.0
			if frac.Digits == 2 {
				div = 100
			}
			n += float64(frac.Num) / div
			j += 2
		}
		if f.tight(j) && (f.isNum(j) || f.isPunct(j, ".,:/-")) {
			return 0, i, false, false
		}
	case f.lex.vague.Has(t.Key):
		if t.Key == "some" || t.Key == "many" {
			return 0, i, false, false
		}
		j = i + 1
		if f.key(i) == "कुछ" && (f.key(j) == "ही" || f.key(j) == "एक") {
			j++
		}
		return 0, j, true, true
	case f.lex.article.Has(t.Key):
		return 0, i, false, false // only in "a week ago"; see countExpr
	default:
		v, isNum := f.lex.numbers.get(t.Key)
		if !isNum {
			if m, isMult := f.lex.mult.get(t.Key); isMult {
				return m, j, false, true
			}
			// Fractions of an hour ("सवा", "साढ़े") are read by clockAt.
			return 0, i, false, false
		}
		n = v
		// English tens and units: "twenty-five", "twenty five".
		if n >= 20 && n < 100 && f.latin(i) {
			k := j
			if f.isPunct(k, "-") && f.tight(k) {
				k++
			}
			if u, ok := f.lex.numbers.get(f.key(k)); ok && u > 0 && u < 10 && f.latin(k) {
				n += u
				j = k + 1
			}
		}
	}
	if m, isMult := f.lex.mult.get(f.key(j)); isMult {
		n *= m
		j++
	}
	return n, j, false, true
}

// urlSpans finds the byte spans of URLs and e-mail addresses, where no time
// expression is looked for.
func urlSpans(text string) [][2]int {
	var spans [][2]int
	for _, mark := range []string{"://", "www.", "@"} {
		off := 0
		for {
			k := strings.Index(text[off:], mark)
			if k < 0 {
				break
			}
			k += off
			s := k
			for s > 0 && !isSpaceByte(text[s-1]) {
				s--
			}
			e := k + len(mark)
			for e < len(text) && !isSpaceByte(text[e]) {
				e++
			}
			spans = append(spans, [2]int{s, e})
			off = e
		}
	}
	// Sort and merge.
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j][0] < spans[j-1][0]; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			if s[1] > merged[n-1][1] {
				merged[n-1][1] = s[1]
			}
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
