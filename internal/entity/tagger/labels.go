package tagger

import (
	"fmt"
	"strings"
)

// Entity types the tagger learns. TIME and NUM are learned but never
// output.
var types = []string{"PER", "LOC", "ORG", "MISC", "TIME", "NUM"}

// outputTypes are the types Tag reports.
var outputTypes = map[string]bool{"PER": true, "LOC": true, "ORG": true, "MISC": true}

// typeAliases maps the type names of training corpora to ours.
var typeAliases = map[string]string{
	"NEP": "PER", "NEL": "LOC", "NEO": "ORG", "NEAR": "MISC", "NETI": "TIME", "NEN": "NUM",
	"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "TIME": "TIME", "NUM": "NUM",
	"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "GPE": "LOC",
	"DATE": "TIME",
	// WNUT-17: groups (bands, teams, bodies) and corporations are
	// organisations; creative works and products are other names
	"CORPORATION": "ORG", "GROUP": "ORG", "CREATIVE-WORK": "MISC", "PRODUCT": "MISC",
}

// ignoredTypes are annotated in training corpora but too rare or too far
// from names to learn: they read as O.
var ignoredTypes = map[string]bool{"NEU": true, "NED": true, "NEMI": true}

// labelSet is the list of BIO labels of a model: O, then B- and I- of each
// type.
type labelSet struct {
	names []string
	index map[string]int
	// typ[l] is the type of label l ("" for O); begin[l] is true for B-.
	typ   []string
	begin []bool
	// preds[c] lists, in increasing order, the labels that label c may
	// follow (see allowed); first lists the labels a sentence may start
	// with.
	preds [][]int16
	first []int16
}

func newLabelSet(types []string) *labelSet {
	ls := &labelSet{index: map[string]int{}}
	ls.add("O", "", false)
	for _, t := range types {
		ls.add("B-"+t, t, true)
		ls.add("I-"+t, t, false)
	}
	L := ls.len()
	ls.preds = make([][]int16, L)
	for c := range L {
		if ls.allowed(-1, c) {
			ls.first = append(ls.first, int16(c))
		}
		for p := range L {
			if ls.allowed(p, c) {
				ls.preds[c] = append(ls.preds[c], int16(p))
			}
		}
	}
	return ls
}

func (ls *labelSet) add(name, typ string, begin bool) {
	ls.index[name] = len(ls.names)
	ls.names = append(ls.names, name)
	ls.typ = append(ls.typ, typ)
	ls.begin = append(ls.begin, begin)
}

func (ls *labelSet) len() int { return len(ls.names) }

// allowed reports whether label cur may follow label prev (-1 at the start
// of a sentence): an I- label only continues its own type.
func (ls *labelSet) allowed(prev, cur int) bool {
	if ls.begin[cur] || ls.typ[cur] == "" {
		return true
	}
	return prev >= 0 && ls.typ[prev] == ls.typ[cur]
}

// normTag turns a corpus tag into one of ours: "B-NEP" → "B-PER",
// "E-LOC" → "I-LOC", "S-ORG" → "B-ORG", "-NEL" (a tag that lost its B) →
// "B-LOC", "-" → "O". prev is the normalised tag of the token before, for
// the lost-prefix repair. Unknown types are an error.
func normTag(tag, prev string) (string, error) {
	tag = strings.TrimSpace(tag)
	if tag == "" || tag == "O" || tag == "-" || tag == "0" {
		return "O", nil
	}
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok {
		return "", fmt.Errorf("tag %q: want O or B-/I- and a type", tag)
	}
	up := strings.ToUpper(typ)
	if ignoredTypes[up] {
		return "O", nil
	}
	t, known := typeAliases[up]
	if !known {
		return "", fmt.Errorf("tag %q: unknown type %q", tag, typ)
	}
	switch strings.ToUpper(prefix) {
	case "B", "S", "U":
		return "B-" + t, nil
	case "I", "E", "L", "M":
		if prev == "B-"+t || prev == "I-"+t {
			return "I-" + t, nil
		}
		return "B-" + t, nil
	case "":
		return "B-" + t, nil
	}
	return "", fmt.Errorf("tag %q: unknown prefix %q", tag, prefix)
}

// outputTag maps a label to what Tag reports: the label for output types,
// O for the rest.
func outputTag(label string) string {
	if label == "O" {
		return label
	}
	if outputTypes[label[2:]] {
		return label
	}
	return "O"
}
