package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed hi en mr
var files embed.FS

// English is the language whose pack is read alongside every other one.
const English = "en"

// Fallback is the language whose pack reads articles in a language khabar
// has no pack of its own for (and English articles, which quote Hindi).
const Fallback = "hi"

// Entry is one entry of a class: the word or phrase as written, and its
// value ("" for a class without values).
type Entry struct {
	Text  string
	Value string
}

// Int returns the entry's value as an integer; Load has checked that it is
// one for the classes of kind Int.
func (e Entry) Int() int {
	n, _ := strconv.Atoi(e.Value)
	return n
}

// Float returns the entry's value as a number; Load has checked that it is
// one for the classes of kind Number.
func (e Entry) Float() float64 {
	f, _ := strconv.ParseFloat(e.Value, 64)
	return f
}

// Pack is the knowledge of one language. It is read-only once loaded.
//
// A pack lives as long as the program, so it is kept free of pointers the
// garbage collector would have to trace on every cycle: the text of every
// entry and value is one string, and the entries are offsets into it.
// (Kept as strings and Entry slices, the three packs were some 5,000 heap
// objects, which made each collection, and so every stage, measurably
// slower.)
type Pack struct {
	// Lang is the ISO 639-1 code of the language: the pack's folder.
	Lang    string
	text    string           // every entry's text and value, one after another
	spans   []span           // every entry, class by class
	classes map[Class][2]int // the entries of each class: spans[lo:hi]
	loading map[Class][]span // the entries while loading
	buf     []byte           // text while loading
}

// span is one entry: its text and value as offsets into Pack.text.
type span struct{ ts, te, vs, ve uint32 }

// Entries returns the entries of class c in the order the files list them
// (files in name order). It panics when c is not a class of classes.go: a
// typo in a stage is a programming error, caught when the stage builds its
// tables at start-up.
func (p *Pack) Entries(c Class) []Entry {
	if _, ok := schema[c]; !ok {
		panic(fmt.Sprintf("lexicon: unknown class %q", c))
	}
	r := p.classes[c]
	ss := p.spans[r[0]:r[1]]
	if len(ss) == 0 {
		return nil
	}
	out := make([]Entry, len(ss))
	for i, e := range ss {
		out[i] = Entry{Text: p.text[e.ts:e.te], Value: p.text[e.vs:e.ve]}
	}
	return out
}

// Words returns the text of every entry of class c.
func (p *Pack) Words(c Class) []string {
	es := p.Entries(c)
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Text
	}
	return out
}

var (
	loadOnce sync.Once
	packs    map[string]*Pack
	errLoad  error
)

func loadAll() {
	packs = map[string]*Pack{}
	dirs, err := fs.ReadDir(files, ".")
	if err != nil {
		errLoad = err
		return
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		p, err := Load(files, d.Name())
		if err != nil {
			errLoad = err
			return
		}
		packs[p.Lang] = p
	}
}

// Get returns the embedded pack of lang, or nil when there is none. It
// panics when the embedded files do not load (a broken build, which this
// package's tests catch).
func Get(lang string) *Pack {
	loadOnce.Do(loadAll)
	if errLoad != nil {
		panic(errLoad)
	}
	return packs[lang]
}

// Langs returns the languages with an embedded pack, sorted.
func Langs() []string {
	loadOnce.Do(loadAll)
	if errLoad != nil {
		panic(errLoad)
	}
	out := make([]string, 0, len(packs))
	for l := range packs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Primary returns the pack language an article in lang is read with: lang
// itself when khabar has a pack for it, other than English; Fallback
// otherwise.
func Primary(lang string) string {
	if lang != English && Get(lang) != nil {
		return lang
	}
	return Fallback
}

// Primaries returns every language Primary can return, sorted: the ones a
// stage builds its tables for.
func Primaries() []string {
	var out []string
	for _, l := range Langs() {
		if l != English {
			out = append(out, l)
		}
	}
	return out
}

// Packs returns the packs an article in lang is read with: its primary
// pack, then English.
func Packs(lang string) []*Pack {
	return []*Pack{Get(Primary(lang)), Get(English)}
}

// Load reads the pack of lang from the folder of that name in fsys: every
// ".txt" file in it, in name order. It fails, naming the file and line, on
// a class not listed in classes.go, a missing or unparsable value, a value
// the class does not take, or an entry outside any section.
func Load(fsys fs.FS, lang string) (*Pack, error) {
	names, err := fs.Glob(fsys, path.Join(lang, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", lang, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("lexicon: %s: no .txt files", lang)
	}
	sort.Strings(names)
	p := &Pack{Lang: lang, loading: map[Class][]span{}}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		if err := p.parse(name, string(b)); err != nil {
			return nil, err
		}
	}
	if uint64(len(p.buf)) > math.MaxUint32 {
		return nil, fmt.Errorf("lexicon: %s: the pack holds more than 4 GB of text", lang)
	}
	p.text, p.buf = string(p.buf), nil
	// One slice for all the entries, not one per class: fewer objects for
	// the collector to mark on every cycle.
	n := 0
	for _, ss := range p.loading {
		n += len(ss)
	}
	p.spans = make([]span, 0, n)
	p.classes = make(map[Class][2]int, len(p.loading))
	for c, ss := range p.loading {
		p.classes[c] = [2]int{len(p.spans), len(p.spans) + len(ss)}
		p.spans = append(p.spans, ss...)
	}
	p.loading = nil
	return p, nil
}

// add appends an entry of class c to the pack.
func (p *Pack) add(c Class, text, value string) {
	e := span{ts: uint32(len(p.buf))}
	p.buf = append(p.buf, text...)
	e.te = uint32(len(p.buf))
	if value == text {
		e.vs, e.ve = e.ts, e.te
	} else {
		e.vs = e.te
		p.buf = append(p.buf, value...)
		e.ve = uint32(len(p.buf))
	}
	p.loading[c] = append(p.loading[c], e)
}

// parse adds the sections of one file.
func (p *Pack) parse(name, text string) error {
	var (
		cur  Class
		spec classSpec
		have bool
	)
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			c := Class(strings.TrimSpace(trimmed[1 : len(trimmed)-1]))
			s, ok := schema[c]
			if !ok {
				return fmt.Errorf("lexicon: %s:%d: unknown class %q (see classes.go)", name, n, c)
			}
			// The constant, so that no line of the file stays in memory.
			cur, spec, have = canon[c], s, true
			continue
		}
		if !have {
			return fmt.Errorf("lexicon: %s:%d: entry %q before any [class] line", name, n, trimmed)
		}
		words, value, hasValue := strings.Cut(line, "\t")
		words, value = strings.TrimSpace(words), strings.TrimSpace(value)
		if words == "" {
			return fmt.Errorf("lexicon: %s:%d: [%s]: a value with no words", name, n, cur)
		}
		if err := spec.check(value, hasValue); err != nil {
			return fmt.Errorf("lexicon: %s:%d: [%s] %q: %w", name, n, cur, words, err)
		}
		if spec.phrase {
			text := strings.Join(strings.Fields(words), " ")
			if len(words) >= 2 && words[0] == '"' && words[len(words)-1] == '"' {
				// A phrase in double quotes keeps its spaces: " you ".
				text = words[1 : len(words)-1]
			}
			p.add(cur, text, value)
			continue
		}
		for _, w := range strings.Fields(words) {
			p.add(cur, w, value)
		}
	}
	return sc.Err()
}

// check reports whether value suits the class.
func (s classSpec) check(value string, has bool) error {
	if s.kind == None {
		if has && value != "" {
			return fmt.Errorf("takes no value, got %q", value)
		}
		return nil
	}
	if value == "" {
		return fmt.Errorf("needs a value (%s)", s.kind)
	}
	switch s.kind {
	case Int:
		if _, err := strconv.Atoi(value); err != nil {
			return fmt.Errorf("value %q is not an integer", value)
		}
	case Number:
		if _, err := strconv.ParseFloat(value, 64); err != nil {
			return fmt.Errorf("value %q is not a number", value)
		}
	case Text:
		if len(s.values) > 0 && !s.values[value] {
			return fmt.Errorf("value %q is none of %s", value, s.valueList())
		}
	}
	return nil
}

func (s classSpec) valueList() string {
	vs := make([]string, 0, len(s.values))
	for v := range s.values {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	return strings.Join(vs, ", ")
}
