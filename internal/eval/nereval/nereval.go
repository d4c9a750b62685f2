// Package nereval measures the entities stage on real Hindi news: whole
// articles of the five-papers data (read from the shared data at run
// time), labelled by annotators who had not read the stage, its knowledge
// base or its output, following docs/ner-news.md. It is the check that
// the stage's names hold beyond the IL-NER split it was trained on: other
// text (news, not government prose) and other annotators.
//
// The labels (testdata/news-ner.tsv) hold no text: article keys as
// dedupeval.LoadPapers cuts the day files, code-point offsets into the
// article body, the type, and a hash of the name that catches a change in
// the cutting. The articles run through the segment and entities stages
// as the pipeline runs them, and each PER, LOC and ORG mention is scored
// by exact span and type. Articles are also scored in two halves (A: the
// first, third, … in key order; B: the others), so that rules may be
// studied on A and checked on B.
package nereval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"

	"khabar/internal/entity"
	"khabar/internal/eval"
	"khabar/internal/eval/dedupeval"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/segment"
)

// The label sets: dev (its misses may be studied) and test (held out:
// scored, never studied).
var (
	//go:embed testdata/news-ner.tsv
	devLabels []byte
	//go:embed testdata/news-ner-test.tsv
	testLabels []byte
)

// Sets are the built-in label sets by name.
var Sets = map[string][]byte{"dev": devLabels, "test": testLabels}

// Types are the scored entity types, in report order.
var Types = []string{"PER", "LOC", "ORG"}

// Label is one annotated name: code points [Start, End) of the body of
// the article Key.
type Label struct {
	Key        string
	Start, End int
	Type       string
	// Check is the first eight hex digits of the FNV-1a 32-bit hash of
	// the name's text.
	Check string
	line  int
}

// Labels is a parsed label file: the articles annotated whole and their
// names.
type Labels struct {
	Articles []string
	Names    []Label
}

// ParseLabels reads a label file (format in docs/ner-news.md). A malformed
// line is an error naming it.
func ParseLabels(r io.Reader) (*Labels, error) {
	l := &Labels{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 2 && f[1] == "*" {
			if !seen[f[0]] {
				seen[f[0]] = true
				l.Articles = append(l.Articles, f[0])
			}
			continue
		}
		if len(f) != 5 {
			return nil, fmt.Errorf("nereval: labels line %d: want ARTICLE START END TYPE CHECK or ARTICLE *", n)
		}
		start, err1 := strconv.Atoi(f[1])
		end, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || start < 0 || end <= start {
			return nil, fmt.Errorf("nereval: labels line %d: bad offsets %q %q", n, f[1], f[2])
		}
		if !slices.Contains(Types, f[3]) {
			return nil, fmt.Errorf("nereval: labels line %d: type %q is not PER, LOC or ORG", n, f[3])
		}
		if len(f[4]) != 8 {
			return nil, fmt.Errorf("nereval: labels line %d: check %q is not 8 hex digits", n, f[4])
		}
		l.Names = append(l.Names, Label{Key: f[0], Start: start, End: end, Type: f[3], Check: f[4], line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nereval: labels: %w", err)
	}
	for _, x := range l.Names {
		if !seen[x.Key] {
			return nil, fmt.Errorf("nereval: labels line %d: article %q is not listed as annotated (ARTICLE<TAB>*)", x.line, x.Key)
		}
	}
	return l, nil
}

// Check returns the check value of a name's text.
func Check(name string) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("%08x", h.Sum32())
}

// Miss is one disagreement, for reading.
type Miss struct {
	// Half is "A" or "B"; Kind is "missed" (annotated, not found
	// exactly) or "spurious" (found, not annotated).
	Half, Key, Kind, Type, Text string
	// Got is what the stage found over a missed name, or the annotated
	// names over a spurious one ("" when nothing).
	Got string
}

// Part is the score of some of the articles.
type Part struct {
	Articles int
	// ByType holds PER, LOC and ORG; Target is the three together.
	ByType map[string]eval.PRF
	Target eval.PRF
}

// Report is the outcome: all articles, each half, and the misses.
type Report struct {
	Part
	Halves [2]Part
	Misses []Miss
}

// Options are the stage and the data to run on.
type Options struct {
	// Stage is the entities stage (the embedded model and knowledge base
	// when nil).
	Stage *entity.Stage
	// Labels is the label file to score (the built-in dev set when nil;
	// see Sets).
	Labels []byte
	// Dir is the five-papers folder (the shared data's when "").
	Dir string
	// Verbose lists every miss after the scores.
	Verbose bool
}

// span is a name in code points.
type span struct {
	start, end int
	typ        string
}

// Run scores the stage on the labelled articles and writes the report to
// w (may be nil).
func Run(ctx context.Context, w io.Writer, opts Options) (Report, error) {
	raw := opts.Labels
	if raw == nil {
		raw = devLabels
	}
	labels, err := ParseLabels(bytes.NewReader(raw))
	if err != nil {
		return Report{}, err
	}
	if len(labels.Articles) == 0 {
		return Report{}, fmt.Errorf("nereval: the label file lists no articles")
	}
	dir := opts.Dir
	if dir == "" {
		if dir, err = evaldata.Path(dedupeval.PapersDir); err != nil {
			return Report{}, fmt.Errorf("nereval: %w", err)
		}
	}
	docs, err := dedupeval.LoadPapers(dir)
	if err != nil {
		return Report{}, fmt.Errorf("nereval: %w", err)
	}
	byKey := make(map[string]dedupeval.Doc, len(docs))
	for _, d := range docs {
		byKey[d.Key()] = d
	}
	st := opts.Stage
	if st == nil {
		if st, err = entity.New(entity.Options{}); err != nil {
			return Report{}, fmt.Errorf("nereval: %w", err)
		}
	}
	gold := map[string][]span{}
	for _, x := range labels.Names {
		d, ok := byKey[x.Key]
		if !ok {
			return Report{}, fmt.Errorf("nereval: labels line %d: no article %q in %s", x.line, x.Key, dir)
		}
		body := []rune(d.Text())
		if x.End > len(body) {
			return Report{}, fmt.Errorf("nereval: labels line %d: offsets %d-%d past the end of %q (%d code points)", x.line, x.Start, x.End, x.Key, len(body))
		}
		if got := Check(string(body[x.Start:x.End])); got != x.Check {
			return Report{}, fmt.Errorf("nereval: labels line %d: the text at %d-%d of %q does not match its check (%s, want %s): has the cutting of the day files changed?", x.line, x.Start, x.End, x.Key, got, x.Check)
		}
		gold[x.Key] = append(gold[x.Key], span{x.Start, x.End, x.Type})
	}
	keys := slices.Clone(labels.Articles)
	slices.Sort(keys)
	var r Report
	counts := [2]tally{{}, {}}
	for i, key := range keys {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		d, ok := byKey[key]
		if !ok {
			return r, fmt.Errorf("nereval: article %q is not in %s", key, dir)
		}
		a := &news.Article{Text: d.Text(), Title: d.Title, Lang: "hi"}
		if err := (segment.Stage{}).Process(ctx, a); err != nil {
			return r, fmt.Errorf("nereval: %s: %w", key, err)
		}
		if err := st.Process(ctx, a); err != nil {
			return r, fmt.Errorf("nereval: %s: %w", key, err)
		}
		var pred []span
		for _, e := range a.Entities {
			if !slices.Contains(Types, e.Type) {
				continue
			}
			for _, m := range e.Mentions {
				pred = append(pred, span{m.Start, m.End, e.Type})
			}
		}
		half := i % 2
		r.Halves[half].Articles++
		r.Misses = append(r.Misses, compare("AB"[half:half+1], key, []rune(a.Text), gold[key], pred, counts[half])...)
	}
	for h := range r.Halves {
		r.Halves[h].finish(counts[h])
	}
	all := tally{}
	for _, c := range counts {
		for t, v := range c {
			for k := range v {
				all.add(t, k, v[k])
			}
		}
	}
	r.Articles = r.Halves[0].Articles + r.Halves[1].Articles
	r.finish(all)
	if w != nil {
		r.write(w, opts.Verbose)
	}
	return r, nil
}

// tally counts true positives, false positives and false negatives (0,
// 1, 2) by type.
type tally map[string][3]int

func (c tally) add(typ string, k, n int) {
	v := c[typ]
	v[k] += n
	c[typ] = v
}

// compare counts exact matches of one article into c and returns the
// misses.
func compare(half, key string, body []rune, gold, pred []span, c tally) []Miss {
	text := func(s span) string { return string(body[s.start:s.end]) }
	over := func(s span, in []span) string {
		var out []string
		for _, x := range in {
			if x.start < s.end && s.start < x.end {
				out = append(out, x.typ+" "+text(x))
			}
		}
		return strings.Join(out, "; ")
	}
	var misses []Miss
	for _, g := range gold {
		if slices.Contains(pred, g) {
			c.add(g.typ, 0, 1)
			continue
		}
		c.add(g.typ, 2, 1)
		misses = append(misses, Miss{Half: half, Key: key, Kind: "missed", Type: g.typ, Text: text(g), Got: over(g, pred)})
	}
	for _, p := range pred {
		if !slices.Contains(gold, p) {
			c.add(p.typ, 1, 1)
			misses = append(misses, Miss{Half: half, Key: key, Kind: "spurious", Type: p.typ, Text: text(p), Got: over(p, gold)})
		}
	}
	return misses
}

func (p *Part) finish(c tally) {
	p.ByType = map[string]eval.PRF{}
	var tp, fp, fn int
	for _, t := range Types {
		v := c[t]
		p.ByType[t] = eval.NewPRF(v[0], v[1], v[2])
		tp, fp, fn = tp+v[0], fp+v[1], fn+v[2]
	}
	p.Target = eval.NewPRF(tp, fp, fn)
}

func (r Report) write(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "news NER: %d articles of the five-papers data, exact spans\n", r.Articles)
	r.Part.write(w)
	for h := range r.Halves {
		fmt.Fprintf(w, "half %c (%d articles):\n", 'A'+h, r.Halves[h].Articles)
		r.Halves[h].write(w)
	}
	if !verbose {
		return
	}
	for _, m := range r.Misses {
		got := m.Got
		if got == "" {
			got = "-"
		}
		fmt.Fprintf(w, "%s %-8s %-3s %-40s %s  | %s\n", m.Half, m.Kind, m.Type, m.Text, m.Key, got)
	}
}

func (p Part) write(w io.Writer) {
	fmt.Fprintf(w, "%-12s %6s %6s %6s %5s %5s %5s\n", "type", "P", "R", "F1", "tp", "fp", "fn")
	row := func(name string, s eval.PRF) {
		fmt.Fprintf(w, "%-12s %6.4f %6.4f %6.4f %5d %5d %5d\n", name, s.Precision, s.Recall, s.F1, s.TP, s.FP, s.FN)
	}
	for _, t := range Types {
		row(t, p.ByType[t])
	}
	row("PER+LOC+ORG", p.Target)
}
