// Package kb is the knowledge base that ships with khabar: countries,
// capitals, world and Indian cities, Indian states and districts (from
// Unicode CLDR), and a curated set of the people and organisations that
// dominate Hindi news, each with a canonical English name, Hindi names and
// spelling variants, a type, and a Wikidata id only where it is certain.
//
// Entry ids are "kb:" followed by the canonical English name in lower case
// with every run of other characters than letters and digits written "-"
// ("kb:vladimir-putin", "kb:new-delhi"). They are stable across runs and
// releases as long as the canonical name is.
package kb

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"

	"khabar/internal/entity/internal/fold"
	"khabar/internal/entity/translit"
	"khabar/internal/gazetteer"
)

//go:embed data/*.tsv data/nameparts.txt
var dataFS embed.FS

// Types an entry may have: the gazetteer's row types.
const (
	PER  = gazetteer.PER
	ORG  = gazetteer.ORG
	LOC  = gazetteer.LOC
	MISC = gazetteer.MISC
)

// Entry is one known entity.
type Entry struct {
	// ID is "kb:" and the slug of Name.
	ID string
	// Type is PER, ORG, LOC or MISC.
	Type string
	// Name is the canonical English name.
	Name string
	// Hindi is the canonical Hindi name, the first Hindi alias.
	Hindi string
	// Aliases are every name the entry is known by, in both scripts.
	Aliases []string
	// Wikidata is the Wikidata id ("Q7747"), or "" when not certain.
	Wikidata string
	// Kind says what sort of place a LOC is: country, state, district,
	// city, region; "" for others.
	Kind string
}

// alias is one indexed name of an entry.
type alias struct {
	words []string // folded words
	entry int
	// scan is true when the alias may be found in running text without
	// the tagger's help.
	scan bool
	// latin is true for an alias written in Latin letters: found in text
	// only when its words there are capitalised.
	latin bool
	// places is true for an alias from the generated places list.
	places bool
}

// KB is a loaded knowledge base. It is read-only and safe for concurrent
// use.
type KB struct {
	entries []Entry
	byID    map[string]int
	aliases []alias
	// byFirst maps the first folded word of an alias to its aliases.
	byFirst map[string][]int32
	// byKey maps a folded alias to entries.
	byKey map[string][]int32
	// byPhon maps the translit.Key of a person's alias to entries.
	byPhon map[string][]int32

	// nameParts maps common given names (bit 0) and family names (bit 1),
	// folded, for the tagger's gazetteer.
	nameParts map[string]uint8
	// soundWord maps the translit.Key of one-word aliases to a bit per
	// type (PER, LOC, ORG, MISC as bits 0..3).
	soundWord map[string]uint8
	// keys keeps the translit.Key of names met in documents, names the
	// index keys of names looked up
	keys  keyCache
	names nameCache

	// pending holds aliases read but not yet indexed, by entry.
	pending map[int][]rawAlias
	// latin maps type and a folded Latin alias to its entry while reading.
	latin map[string]int
}

// Load reads the knowledge base embedded in the binary: its people and
// organisations, then the places of internal/gazetteer (the hand-written
// rows, then the generated ones).
func Load() (*KB, error) {
	k := newKB()
	files, err := fs.Glob(dataFS, "data/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	// curated files first: they own canonical names
	slices.Sort(files)
	for _, name := range files {
		f, err := dataFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		rows, err := gazetteer.Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("kb: %s: %w", name, err)
		}
		k.add(rows)
	}
	places, err := gazetteer.Places()
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	k.add(places)
	f, err := dataFS.Open("data/nameparts.txt")
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	if err := k.readNameParts(f); err != nil {
		return nil, fmt.Errorf("kb: nameparts.txt: %w", err)
	}
	k.index()
	return k, nil
}

// readNameParts reads lines "first<TAB>name" and "last<TAB>name".
func (k *KB) readNameParts(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		kind, name, ok := strings.Cut(text, "\t")
		var bit uint8
		switch {
		case !ok:
			return fmt.Errorf("line %d: want kind<TAB>name", line)
		case kind == "first":
			bit = 1
		case kind == "last":
			bit = 2
		default:
			return fmt.Errorf("line %d: kind %q is not first or last", line, kind)
		}
		if w := Word(strings.TrimSpace(name)); w != "" {
			k.nameParts[w] |= bit
		}
	}
	return sc.Err()
}

// Parse reads a knowledge base from r (the format of the embedded files),
// for tests and for callers that bring their own.
func Parse(r io.Reader) (*KB, error) {
	k := newKB()
	rows, err := gazetteer.Read(r)
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	k.add(rows)
	k.index()
	return k, nil
}

func newKB() *KB {
	return &KB{
		byID:      map[string]int{},
		byFirst:   map[string][]int32{},
		byKey:     map[string][]int32{},
		byPhon:    map[string][]int32{},
		soundWord: map[string]uint8{},
		nameParts: map[string]uint8{},
		pending:   map[int][]rawAlias{},
		latin:     map[string]int{},
	}
}

// Slug is the id form of a name: lower case, runs of other characters than
// ASCII letters and digits written "-".
func Slug(name string) string {
	name = fold.String(name)
	var b strings.Builder
	dash := false
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// rawAlias is an alias as read, before indexing.
type rawAlias struct {
	text   string
	scan   bool
	places bool
}

// add takes the rows read from a file in the gazetteer's format (type,
// English name, Hindi names, English aliases, Wikidata id, flags). A
// name marked "~", or every name of a noscan row, is only linked, never
// looked for in running text; rows only datelines read (nokb) and
// spellings only datelines use ("+") are left out. A generated place
// row joins the entry a hand-written row already made under one of its
// English names.
func (k *KB) add(rows []gazetteer.Row) {
	pa := k.pending
	for _, row := range rows {
		if row.NoKB {
			continue
		}
		typ, name, places := row.Type, row.Name, row.Generated
		id := "kb:" + Slug(name)
		idx, ok := k.byID[id]
		if !ok && places {
			// a place the curated files already know under another name
			if j, found := k.findLatin(name, typ); found {
				idx, ok = j, true
			}
			for _, e := range row.Aliases {
				if ok {
					break
				}
				if e.DatelineOnly {
					continue
				}
				// A link-only alias is looked up with its marker, so it
				// never joins a curated entry (as when the files were
				// read line by line).
				t := e.Text
				if e.LinkOnly {
					t = "~" + t
				}
				if j, found := k.findLatin(t, typ); found {
					idx, ok = j, true
				}
			}
		}
		if !ok {
			idx = len(k.entries)
			k.entries = append(k.entries, Entry{ID: id, Type: typ, Name: name, Kind: row.Kind})
			k.byID[id] = idx
		}
		e := &k.entries[idx]
		if e.Wikidata == "" {
			e.Wikidata = row.Wikidata
		}
		if e.Kind == "" {
			e.Kind = row.Kind
		}
		for _, h := range row.Names {
			if h.DatelineOnly {
				continue
			}
			if e.Hindi == "" {
				e.Hindi = h.Text
			}
			pa[idx] = append(pa[idx], rawAlias{text: h.Text, scan: !h.LinkOnly && !row.NoScan, places: places})
		}
		english := append([]gazetteer.Name{{Text: name}}, row.Aliases...)
		for _, en := range english {
			if en.DatelineOnly {
				continue
			}
			pa[idx] = append(pa[idx], rawAlias{text: en.Text, scan: !en.LinkOnly && !row.NoScan, places: places})
			k.latin[typ+"\x00"+fold.String(en.Text)] = idx
		}
	}
}

// findLatin finds an entry of type typ with the Latin alias name among
// those read so far.
func (k *KB) findLatin(name, typ string) (int, bool) {
	idx, ok := k.latin[typ+"\x00"+fold.String(name)]
	return idx, ok
}

// index builds the lookup tables from the pending aliases.
func (k *KB) index() {
	pa := k.pending
	k.pending, k.latin = nil, nil
	for idx := range k.entries {
		seen := map[string]bool{}
		for _, ra := range pa[idx] {
			for _, form := range aliasForms(ra.text) {
				words := Words(form)
				if len(words) == 0 {
					continue
				}
				key := strings.Join(words, " ")
				if seen[key] {
					continue
				}
				seen[key] = true
				k.entries[idx].Aliases = appendUnique(k.entries[idx].Aliases, ra.text)
				ai := int32(len(k.aliases))
				k.aliases = append(k.aliases, alias{
					words: words, entry: idx, scan: ra.scan,
					latin: !translit.HasDevanagari(form), places: ra.places,
				})
				k.byFirst[words[0]] = append(k.byFirst[words[0]], ai)
				k.byKey[key] = appendEntry(k.byKey[key], int32(idx))
				if len(words) == 1 && translit.HasDevanagari(form) {
					if sk := translit.Key(words[0]); len(sk) >= 3 {
						k.soundWord[sk] |= 1 << typeBit[k.entries[idx].Type]
					}
				}
				if k.entries[idx].Type == PER {
					pk := translit.Key(form)
					if strings.Contains(pk, "-") || len(pk) >= 4 {
						k.byPhon[pk] = appendEntry(k.byPhon[pk], int32(idx))
					}
				}
			}
		}
	}
	// longest aliases first, so a scan tries them first
	for w, list := range k.byFirst {
		slices.SortStableFunc(list, func(a, b int32) int {
			return len(k.aliases[b].words) - len(k.aliases[a].words)
		})
		k.byFirst[w] = list
	}
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

func appendEntry(list []int32, e int32) []int32 {
	if slices.Contains(list, e) {
		return list
	}
	return append(list, e)
}

// aliasForms lists the spellings an alias is indexed under: as written,
// and with hyphens as words of their own and as spaces.
func aliasForms(a string) []string {
	forms := []string{a}
	if strings.Contains(a, "-") {
		forms = append(forms, strings.ReplaceAll(a, "-", " - "), strings.ReplaceAll(a, "-", " "))
	}
	return forms
}

// Words splits a name into folded words, as the index keys them: each word
// folded (fold rules of the entity packages), a final full stop dropped
// from each word, and words that are only punctuation skipped.
func Words(name string) []string {
	f := strings.Fields(name)
	out := make([]string, 0, len(f))
	for _, w := range f {
		if w = Word(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Word is the folded form of one token used for lookups: folded (the fold
// rules of the entity packages), with a final full stop dropped and a Latin
// possessive "'s" removed. A token of punctuation alone, other than "-" and
// "&", is "".
func Word(tok string) string { return fold.Word(tok) }

// GivenName reports whether the folded word w is a common given name
// (data/nameparts.txt).
func (k *KB) GivenName(w string) bool { return k.nameParts[w]&1 != 0 }

// FamilyName reports whether the folded word w is a common family name
// (data/nameparts.txt).
func (k *KB) FamilyName(w string) bool { return k.nameParts[w]&2 != 0 }

// Len is the number of entries.
func (k *KB) Len() int { return len(k.entries) }

// Entry returns the entry with the id, if known.
func (k *KB) Entry(id string) (Entry, bool) {
	i, ok := k.byID[id]
	if !ok {
		return Entry{}, false
	}
	return k.entries[i], true
}

// Entries returns every entry, in file order.
func (k *KB) Entries() []Entry { return k.entries }

// Lookup finds the entries one of whose names is name (any script), after
// folding. When typ is not "", entries of that type come first.
func (k *KB) Lookup(name, typ string) []Entry {
	key := k.names.get(name) // "" when the name has no words
	if key == "" {
		return nil
	}
	return k.entriesOf(k.byKey[key], typ)
}

// LookupSound finds people whose name sounds like name: the same
// translit.Key as one of their names. It joins spelling variants the
// curated lists do not hold (दमित्री पेस्कोव for Dmitry Peskov). Only keys
// of two words or of four letters and more are indexed.
func (k *KB) LookupSound(name string) []Entry {
	pk := k.Key(name)
	if pk == "" {
		return nil
	}
	return k.entriesOf(k.byPhon[pk], PER)
}

func (k *KB) entriesOf(ids []int32, typ string) []Entry {
	if len(ids) == 0 {
		return nil
	}
	out := make([]Entry, 0, len(ids))
	for _, i := range ids {
		out = append(out, k.entries[i])
	}
	if typ != "" {
		slices.SortStableFunc(out, func(a, b Entry) int {
			switch {
			case a.Type == typ && b.Type != typ:
				return -1
			case b.Type == typ && a.Type != typ:
				return 1
			}
			return 0
		})
	}
	return out
}
