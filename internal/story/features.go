package story

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/dedup"
	"khabar/internal/news"
)

// maxArticleTerms bounds an article's term vector: its strongest terms.
const maxArticleTerms = 100

// weight is one component of a sparse vector.
type weight struct {
	key uint64
	w   float64
}

// vector is a sparse vector sorted by key, usually of unit length.
type vector []weight

func (v vector) norm() float64 {
	s := 0.0
	for _, x := range v {
		s += x.w * x.w
	}
	return math.Sqrt(s)
}

func (v vector) normalize() vector {
	if n := v.norm(); n > 0 {
		for i := range v {
			v[i].w /= n
		}
	}
	return v
}

// dot returns the dot product of two key-sorted vectors.
func dot(a, b vector) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].key < b[j].key:
			i++
		case a[i].key > b[j].key:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// cosine of a and b.
func cosine(a, b vector) float64 {
	na, nb := a.norm(), b.norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / (na * nb)
}

// key is an entity of an article (or, without entities, a headline word
// or a capitalised name).
type key struct {
	id, name, typ string
	mentions      int
}

// features are what clustering compares of an article.
type features struct {
	id    string
	title string
	lang  string
	when  time.Time
	// terms counts the article's words, title words twice; keys are its
	// entities.
	terms map[uint64]float64
	words map[uint64]string
	keys  []key
	// fallback is set when keys are headline words and names, not
	// entities.
	fallback bool
}

// termKey and entKey put terms and entity ids in separate key spaces.
func termKey(h uint64) uint64 { return h &^ (1 << 63) }
func entKey(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h | 1<<63
}

// featuresOf reads the features of a.
func featuresOf(a *news.Article) *features {
	f := &features{id: a.ID, title: a.Title, lang: a.Lang, when: a.Published, terms: map[uint64]float64{}, words: map[uint64]string{}}
	if f.lang == "" {
		f.lang = "und"
	}
	if f.when.IsZero() {
		f.when = a.Source.Fetched
	}
	add := func(text string, n float64) {
		dedup.Words(text, func(w []byte, h uint64) {
			if isNumber(w) || utf8.RuneCount(w) < 2 {
				return
			}
			k := termKey(h)
			f.terms[k] += n
			if _, ok := f.words[k]; !ok {
				f.words[k] = string(w)
			}
		})
	}
	add(a.Title, 2)
	add(a.TitleEn, 1)
	add(a.Text, 1)
	for _, e := range a.Entities {
		if e.ID == "" {
			continue
		}
		name := e.Name
		if name == "" && len(e.Mentions) > 0 {
			name = e.Mentions[0].Text
		}
		f.keys = append(f.keys, key{id: e.ID, name: name, typ: e.Type, mentions: max(1, len(e.Mentions))})
	}
	if len(f.keys) == 0 {
		f.fallback = true
		f.keys = fallbackKeys(a)
	}
	return f
}

func isNumber(w []byte) bool {
	for _, c := range w {
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// fallbackKeys stands in for entities when an article has none: the
// content words of the headline, and capitalised words of Latin text that
// do not start a sentence (names, in English copy).
func fallbackKeys(a *news.Article) []key {
	count := map[string]int{}
	var order []string
	put := func(w string) {
		if count[w] == 0 {
			order = append(order, w)
		}
		count[w]++
	}
	dedup.Words(a.Title, func(w []byte, _ uint64) {
		if !isNumber(w) && utf8.RuneCount(w) >= 2 {
			put(string(w))
		}
	})
	start := true
	for _, f := range strings.Fields(a.Text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		r, _ := utf8.DecodeRuneInString(w)
		if !start && len(w) > 2 && unicode.IsUpper(r) && r < 0x250 {
			if lw := strings.ToLower(w); !dedup.IsStopword(lw) {
				put(lw)
			}
		}
		last, _ := utf8.DecodeLastRuneInString(f)
		start = last == '.' || last == '?' || last == '!' || last == '।' || last == '"'
	}
	keys := make([]key, len(order))
	for i, w := range order {
		keys[i] = key{id: "term:" + w, name: w, mentions: count[w]}
	}
	return keys
}

// idf is a document-frequency table.
type idf struct {
	df map[uint64]uint32
	n  uint32
	// limit is the size past which add prunes (see maxVocabulary).
	limit int
}

// priorDocs is the smallest number of documents idf assumes: the first
// articles of a new store are weighed as if a background of other
// documents without their words existed, so that a word seen once in a
// handful of articles is not taken for a common one.
const priorDocs = 200

func (d *idf) of(k uint64) float64 {
	return math.Log(float64(max(d.n, priorDocs)+1) / float64(d.df[k]+1))
}

// maxVocabulary bounds a frequency table: past it, the words seen in one
// document only (typos, one-off names; most of a table) are dropped, and
// count as unseen, which weighs them about as much.
const maxVocabulary = 1 << 21

// add counts one more document with the keys of v.
func (d *idf) add(v vector) {
	d.n++
	for _, x := range v {
		d.df[x.key]++
	}
	if len(d.df) > max(maxVocabulary, d.limit) {
		for k, n := range d.df {
			if n <= 1 {
				delete(d.df, k)
			}
		}
		// Should most words be seen twice, prune again only once the
		// table has doubled, so pruning stays rare.
		d.limit = 2 * len(d.df)
	}
}

// termVector is the article's tf-idf vector over its strongest terms, of
// unit length.
func (f *features) termVector(d *idf) vector {
	v := make(vector, 0, len(f.terms))
	for k, tf := range f.terms {
		v = append(v, weight{k, (1 + math.Log(tf)) * d.of(k)})
	}
	if len(v) > maxArticleTerms {
		slices.SortFunc(v, func(a, b weight) int { return cmpWeight(b, a) })
		v = v[:maxArticleTerms]
	}
	slices.SortFunc(v, func(a, b weight) int { return cmpKey(a.key, b.key) })
	return v.normalize()
}

// entityVector is the article's entity vector, of unit length: mentions
// (damped) times rarity, places counting half.
func (f *features) entityVector(d *idf) vector {
	m := map[uint64]float64{}
	for _, k := range f.keys {
		w := (1 + math.Log(float64(k.mentions))) * d.of(entKey(k.id))
		if k.typ == news.LOC {
			w /= 2
		}
		m[entKey(k.id)] += w
	}
	v := make(vector, 0, len(m))
	for k, w := range m {
		v = append(v, weight{k, w})
	}
	slices.SortFunc(v, func(a, b weight) int { return cmpKey(a.key, b.key) })
	return v.normalize()
}

func cmpKey(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cmpWeight orders by weight, then by key for determinism.
func cmpWeight(a, b weight) int {
	switch {
	case a.w < b.w:
		return -1
	case a.w > b.w:
		return 1
	}
	return cmpKey(a.key, b.key)
}
