// Package gazetteer is khabar's one source of place knowledge: every place
// the entity linker may link and every place a dateline may name, one row
// per place, in one format, read once. Package press reads the rows flagged
// as dateline places; the knowledge base (internal/entity/kb) reads the
// rest, and reads its people and organisations in the same format with
// Read.
//
// The rows are tab-separated: type, canonical English name, Devanagari
// names (any language written in Devanagari; "|" between names), Latin
// aliases, Wikidata id, flags ("," between them). A name may carry a
// marker:
//   - "~": the linker links the name when the tagger finds it, but never
//     takes it from running text alone;
//   - "+": a spelling datelines use that the linker does not index;
//   - "-": on a dateline row, a name the linker reads that datelines do
//     not ("-~इंडिया" carries two markers).
//
// Flags:
//   - kind=country|state|city|district|region: what sort of place it is;
//   - noscan: every name of the row is "~";
//   - dateline=place: a place that dates news ("मास्को, 19 मार्च (एपी)");
//     dateline=region: a state or country a dateline may name after a
//     city ("Porto Alegre, Brazil");
//   - nokb: a dateline place the linker does not read from this row.
//
// data/world.tsv is written by hand; data/places.tsv is generated from
// Unicode CLDR (see GeneratePlaces and data/NOTICE-CLDR.txt).
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

//go:embed data/world.tsv data/places.tsv
var dataFS embed.FS

// Types a row may have.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Dateline roles of a place.
const (
	// DatelinePlace is a place that dates news.
	DatelinePlace = "place"
	// DatelineRegion is a state or country a dateline names after a city.
	DatelineRegion = "region"
)

// Name is one name of a row.
type Name struct {
	// Text is the name as written, without its marker.
	Text string
	// LinkOnly ("~") is a name the linker links but never takes from
	// running text alone.
	LinkOnly bool
	// DatelineOnly ("+") is a spelling datelines use that the linker does
	// not index.
	DatelineOnly bool
	// NotDateline ("-") is a name of a dateline row that datelines do not
	// read.
	NotDateline bool
}

// Row is one entry: a place, or (in the knowledge base's own files) a
// person or organisation.
type Row struct {
	// Type is PER, ORG, LOC or MISC.
	Type string
	// Name is the canonical English name.
	Name string
	// Names are the Devanagari names, the canonical one first.
	Names []Name
	// Aliases are the Latin-script names besides Name.
	Aliases []Name
	// Wikidata is the Wikidata id, or "".
	Wikidata string
	// Kind is the kind= flag: country, state, city, district, region.
	Kind string
	// NoScan is the noscan flag: every name is link only.
	NoScan bool
	// Dateline is DatelinePlace, DatelineRegion or "".
	Dateline string
	// NoKB is a row only datelines read.
	NoKB bool
	// Generated is a row of the CLDR-generated file.
	Generated bool
}

// Read parses rows in the gazetteer's format from r. Blank lines and lines
// starting with "#" are skipped; an unknown type or flag, or a row without
// an English name, fails with its line number.
func Read(r io.Reader) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows []Row
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		row, err := parseRow(text)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rows, nil
}

func parseRow(text string) (Row, error) {
	cols := strings.Split(text, "\t")
	for len(cols) < 6 {
		cols = append(cols, "")
	}
	row := Row{Type: strings.TrimSpace(cols[0]), Name: strings.TrimSpace(cols[1]), Wikidata: strings.TrimSpace(cols[4])}
	switch row.Type {
	case PER, ORG, LOC, MISC:
	default:
		return Row{}, fmt.Errorf("type %q is not PER, ORG, LOC or MISC", row.Type)
	}
	if row.Name == "" {
		return Row{}, fmt.Errorf("no English name")
	}
	for _, f := range strings.Split(cols[5], ",") {
		switch k, v, _ := strings.Cut(strings.TrimSpace(f), "="); k {
		case "":
		case "kind":
			row.Kind = v
		case "noscan":
			row.NoScan = true
		case "nokb":
			row.NoKB = true
		case "dateline":
			if v != DatelinePlace && v != DatelineRegion {
				return Row{}, fmt.Errorf("flag %q: dateline is place or region", f)
			}
			row.Dateline = v
		default:
			return Row{}, fmt.Errorf("unknown flag %q", f)
		}
	}
	if row.NoKB && row.Dateline == "" {
		return Row{}, fmt.Errorf("flag nokb on a row no dateline reads")
	}
	row.Names = splitNames(cols[2])
	row.Aliases = splitNames(cols[3])
	if row.Dateline == "" {
		for _, n := range append(slices.Clip(row.Names), row.Aliases...) {
			if n.DatelineOnly || n.NotDateline {
				return Row{}, fmt.Errorf("name %q: a \"+\" or \"-\" marker on a row no dateline reads", n.Text)
			}
		}
	}
	return row, nil
}

// splitNames splits a column of names at "|" and reads their markers.
func splitNames(col string) []Name {
	var out []Name
	for _, n := range strings.Split(col, "|") {
		var nm Name
		n = strings.TrimSpace(n)
	markers:
		for n != "" {
			switch n[0] {
			case '~':
				nm.LinkOnly = true
			case '+':
				nm.DatelineOnly = true
			case '-':
				nm.NotDateline = true
			default:
				break markers
			}
			n = n[1:]
		}
		if n == "" {
			continue
		}
		nm.Text = n
		out = append(out, nm)
	}
	return out
}

// Places returns every place row: the hand-written ones first, then the
// generated ones, in file order. The rows are read once and shared: a
// caller must not change them.
func Places() ([]Row, error) { return loadPlaces() }

var loadPlaces = sync.OnceValues(func() ([]Row, error) {
	var all []Row
	for _, name := range []string{"data/world.tsv", "data/places.tsv"} {
		f, err := dataFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		rows, err := Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %s: %w", name, err)
		}
		if name == "data/places.tsv" {
			for i := range rows {
				rows[i].Generated = true
			}
		}
		for _, r := range rows {
			if r.Type != LOC {
				return nil, fmt.Errorf("gazetteer: %s: %q is a %s, not a place", name, r.Name, r.Type)
			}
		}
		all = append(all, rows...)
	}
	return slices.Clip(all), nil
})

// Datelines returns the rows datelines read (flag dateline=…), in file
// order.
func Datelines() ([]Row, error) {
	rows, err := Places()
	if err != nil {
		return nil, err
	}
	var out []Row
	for _, r := range rows {
		if r.Dateline != "" {
			out = append(out, r)
		}
	}
	return out, nil
}
