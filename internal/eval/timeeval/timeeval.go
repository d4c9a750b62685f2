// Package timeeval measures the time stage (package timex) on brat-annotated
// Hindi news: the IASNLP-2018 development set, where each article is a
// .txt file with a .ann file beside it holding T lines ("T1\tDate 517
// 523\tबुधवार") and AnnotatorNotes with the normalised value
// (value="2017-11-29"). It reports span precision, recall and F1, strict
// (same start and end) and lenient (overlapping), and the accuracy of the
// resolved values on the lenient matches.
package timeeval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"khabar/internal/eval"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/timex"
)

// DefaultDir is the data set Run reads when given no folder, relative to
// the shared data folder.
const DefaultDir = "temporal/iasnlp2018-hi-dev"

// Score is precision, recall and F1 over counted matches.
type Score = eval.PRF

// Error is one disagreement with the annotation, for reading.
type Error struct {
	File string
	// Kind is "missed" (annotated, not found), "spurious" (found, not
	// annotated), "value" (found, with another value) or "type" (found,
	// with another type).
	Kind      string
	Text      string
	Gold, Got string
}

// Report is the outcome of an evaluation.
type Report struct {
	Files, Gold, Predicted int
	// Strict counts a prediction right when its span is the annotated one;
	// Lenient when the two overlap.
	Strict, Lenient Score
	// ValueRight of ValueTotal lenient matches whose annotation has a value
	// got that value.
	ValueRight, ValueTotal int
	ValueAccuracy          float64
	// TypeRight of Lenient.TP matches got the annotated type.
	TypeRight int
	Errors    []Error
}

// span is an annotation or a prediction, in code points.
type span struct {
	start, end int
	typ, value string
	text       string
	unsure     bool
}

// Run evaluates the time stage on the brat files in dir (DefaultDir in the
// shared data when dir is "") and writes a summary to w.
func Run(ctx context.Context, dir string, w io.Writer) (Report, error) {
	if dir == "" {
		p, err := evaldata.Path(DefaultDir)
		if err != nil {
			return Report{}, fmt.Errorf("eval time: %w", err)
		}
		dir = p
	}
	anns, err := filepath.Glob(filepath.Join(dir, "*.ann"))
	if err != nil {
		return Report{}, fmt.Errorf("eval time: %w", err)
	}
	if len(anns) == 0 {
		return Report{}, fmt.Errorf("eval time: no .ann files in %s", dir)
	}
	sort.Strings(anns)
	var r Report
	var strictTP, lenTP int
	for _, ann := range anns {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		txt, err := os.ReadFile(strings.TrimSuffix(ann, ".ann") + ".txt")
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return r, fmt.Errorf("eval time: %w", err)
		}
		gold, err := readAnn(ann)
		if err != nil {
			return r, err
		}
		text := string(txt)
		pred := predict(text, published(text))
		name := filepath.Base(ann)
		r.Files++
		st, lt := r.compare(name, gold, pred)
		strictTP += st
		lenTP += lt
	}
	r.Strict = eval.NewPRF(strictTP, r.Predicted-strictTP, r.Gold-strictTP)
	r.Lenient = eval.NewPRF(lenTP, r.Predicted-lenTP, r.Gold-lenTP)
	if r.ValueTotal > 0 {
		r.ValueAccuracy = float64(r.ValueRight) / float64(r.ValueTotal)
	}
	if w != nil {
		r.Print(w)
	}
	return r, nil
}

// Print writes the summary.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "time expressions: %d files, %d annotated, %d found\n", r.Files, r.Gold, r.Predicted)
	for _, s := range []struct {
		name string
		s    Score
	}{{"span strict ", r.Strict}, {"span lenient", r.Lenient}} {
		fmt.Fprintf(w, "%s  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", s.name, s.s.Precision, s.s.Recall, s.s.F1, s.s.TP, s.s.FP, s.s.FN)
	}
	fmt.Fprintf(w, "value accuracy %.3f  (%d of %d lenient matches with an annotated value)\n", r.ValueAccuracy, r.ValueRight, r.ValueTotal)
	if r.Lenient.TP > 0 {
		fmt.Fprintf(w, "type accuracy  %.3f  (%d of %d)\n", float64(r.TypeRight)/float64(r.Lenient.TP), r.TypeRight, r.Lenient.TP)
	}
}

// compare matches one file's predictions to its annotations, counting into
// r; it returns the strict and lenient true positives.
func (r *Report) compare(file string, gold, pred []span) (strictTP, lenTP int) {
	var sure []span
	for _, g := range gold {
		if !g.unsure {
			sure = append(sure, g)
		}
	}
	// Predictions that only touch an annotation marked unsure count
	// neither way.
	var counted []span
	for _, p := range pred {
		hitSure, hitUnsure := false, false
		for _, g := range gold {
			if overlap(p, g) {
				if g.unsure {
					hitUnsure = true
				} else {
					hitSure = true
				}
			}
		}
		if hitUnsure && !hitSure {
			continue
		}
		counted = append(counted, p)
	}
	r.Gold += len(sure)
	r.Predicted += len(counted)
	usedS := make([]bool, len(counted))
	for _, g := range sure {
		for k, p := range counted {
			if !usedS[k] && p.start == g.start && p.end == g.end {
				usedS[k] = true
				strictTP++
				break
			}
		}
	}
	used := make([]bool, len(counted))
	for _, g := range sure {
		found := -1
		for k, p := range counted {
			if !used[k] && overlap(p, g) {
				found = k
				break
			}
		}
		if found < 0 {
			r.Errors = append(r.Errors, Error{File: file, Kind: "missed", Text: g.text, Gold: g.typ + " " + g.value})
			continue
		}
		used[found] = true
		lenTP++
		p := counted[found]
		if strings.EqualFold(p.typ, g.typ) {
			r.TypeRight++
		} else {
			r.Errors = append(r.Errors, Error{File: file, Kind: "type", Text: g.text + " | " + p.text, Gold: g.typ, Got: p.typ})
		}
		if g.value != "" {
			r.ValueTotal++
			if p.value == g.value {
				r.ValueRight++
			} else {
				r.Errors = append(r.Errors, Error{File: file, Kind: "value", Text: g.text + " | " + p.text, Gold: g.value, Got: p.value})
			}
		}
	}
	for k, p := range counted {
		if !used[k] {
			r.Errors = append(r.Errors, Error{File: file, Kind: "spurious", Text: p.text, Got: p.typ + " " + p.value})
		}
	}
	return strictTP, lenTP
}

func overlap(a, b span) bool { return a.start < b.end && b.start < a.end }

// predict runs the time expression finder on text.
func predict(text string, pub time.Time) []span {
	off := news.NewOffsets(text)
	var out []span
	for _, e := range timex.Find(text, pub) {
		out = append(out, span{start: off.Rune(e.Start), end: off.Rune(e.End), typ: e.Type, value: e.Value, text: text[e.Start:e.End]})
	}
	return out
}

var (
	ist         = news.IST
	publishLine = regexp.MustCompile(`Publish Date:\s*([A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{1,2}:\d{2} [AP]M)`)
	noteValue   = regexp.MustCompile(`value="([^"]*)"`)
)

// published reads the "Publish Date:" line the pages carry; the zero time
// when there is none.
func published(text string) time.Time {
	m := publishLine.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}
	}
	t, err := time.ParseInLocation("Mon, 2 Jan 2006 03:04 PM", m[1], ist)
	if err != nil {
		return time.Time{}
	}
	return t
}

// readAnn reads the T lines and value notes of a brat file.
func readAnn(path string) ([]span, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval time: %w", err)
	}
	defer fh.Close()
	byID := map[string]*span{}
	var order []string
	notes := map[string]string{}
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(parts[0], "T"):
			f := strings.Fields(strings.ReplaceAll(parts[1], ";", " "))
			if len(f) < 3 {
				return nil, fmt.Errorf("eval time: %s:%d: bad T line", path, n)
			}
			s := span{typ: f[0], unsure: f[0] == "Unsure", start: -1}
			for _, o := range f[1:] {
				v, err := strconv.Atoi(o)
				if err != nil {
					return nil, fmt.Errorf("eval time: %s:%d: bad offset %q", path, n, o)
				}
				if s.start < 0 || v < s.start {
					s.start = v
				}
				if v > s.end {
					s.end = v
				}
			}
			if len(parts) == 3 {
				s.text = parts[2]
			}
			byID[parts[0]] = &s
			order = append(order, parts[0])
		case strings.HasPrefix(parts[0], "#") && len(parts) == 3:
			f := strings.Fields(parts[1])
			if len(f) == 2 {
				if m := noteValue.FindStringSubmatch(parts[2]); m != nil {
					notes[f[1]] = m[1]
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval time: %s: %w", path, err)
	}
	out := make([]span, 0, len(order))
	for _, id := range order {
		s := byID[id]
		s.value = notes[id]
		out = append(out, *s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out, nil
}
