package tagger

import (
	"fmt"
	"io"
	"slices"

	"khabar/internal/score"
)

// Span is a named-entity span of a tagged sentence, in token indexes, end
// exclusive.
type Span struct {
	Start, End int
	Type       string
}

// Spans reads the spans of a BIO tag sequence. An I- tag that does not
// continue a span of its type starts one (the conlleval convention).
func Spans(tags []string) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		if t == "O" || len(t) < 3 {
			cur = -1
			continue
		}
		typ := t[2:]
		if t[0] == 'I' && cur >= 0 && out[cur].Type == typ && out[cur].End == i {
			out[cur].End = i + 1
			continue
		}
		out = append(out, Span{Start: i, End: i + 1, Type: typ})
		cur = len(out) - 1
	}
	return out
}

// PRF is precision, recall and F1 with the counts they come from.
type PRF = score.PRF

// finish fills in p's ratios from its counts.
func finish(p *PRF) { *p = score.NewPRF(p.TP, p.FP, p.FN) }

// Scores are exact-span scores of a tagging.
type Scores struct {
	// ByType holds the scores of each type seen.
	ByType map[string]PRF
	// Target is the micro average over PER, LOC and ORG.
	Target PRF
	// All is the micro average over PER, LOC, ORG and MISC.
	All PRF
	// Sentences and Tokens evaluated.
	Sentences, Tokens int
}

// Evaluator accumulates exact-span matches over sentences.
type Evaluator struct {
	byType            map[string]*PRF
	sentences, tokens int
}

// Add counts one sentence: gold and predicted tags of the same tokens.
// Only PER, LOC, ORG and MISC spans count.
func (e *Evaluator) Add(gold, pred []string) {
	if e.byType == nil {
		e.byType = map[string]*PRF{}
	}
	e.sentences++
	e.tokens += len(gold)
	g := map[Span]bool{}
	for _, s := range Spans(gold) {
		if outputTypes[s.Type] {
			g[s] = true
		}
	}
	for _, s := range Spans(pred) {
		if !outputTypes[s.Type] {
			continue
		}
		p := e.prf(s.Type)
		if g[s] {
			p.TP++
			delete(g, s)
		} else {
			p.FP++
		}
	}
	for s := range g {
		e.prf(s.Type).FN++
	}
}

func (e *Evaluator) prf(t string) *PRF {
	p := e.byType[t]
	if p == nil {
		p = &PRF{}
		e.byType[t] = p
	}
	return p
}

// Scores computes the scores of everything added.
func (e *Evaluator) Scores() Scores {
	s := Scores{ByType: map[string]PRF{}, Sentences: e.sentences, Tokens: e.tokens}
	for t, p := range e.byType {
		q := *p
		finish(&q)
		s.ByType[t] = q
		s.All.TP += p.TP
		s.All.FP += p.FP
		s.All.FN += p.FN
		if t == "PER" || t == "LOC" || t == "ORG" {
			s.Target.TP += p.TP
			s.Target.FP += p.FP
			s.Target.FN += p.FN
		}
	}
	finish(&s.Target)
	finish(&s.All)
	return s
}

// Write prints the scores as a small table.
func (s Scores) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "sentences %d, tokens %d\n%-12s %6s %6s %6s %6s %6s %6s\n",
		s.Sentences, s.Tokens, "type", "P", "R", "F1", "tp", "fp", "fn")
	if err != nil {
		return err
	}
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	slices.Sort(types)
	row := func(name string, p PRF) {
		fmt.Fprintf(w, "%-12s %6.4f %6.4f %6.4f %6d %6d %6d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	for _, t := range types {
		row(t, s.ByType[t])
	}
	row("PER+LOC+ORG", s.Target)
	row("all", s.All)
	return nil
}

// Evaluate tags tagged sentences with the model and scores the result.
func (m *Model) Evaluate(sents []Sentence) Scores {
	var ev Evaluator
	for _, s := range sents {
		ev.Add(s.Tags, m.Tag(s.Tokens))
	}
	return ev.Scores()
}
