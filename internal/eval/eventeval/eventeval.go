// Package eventeval measures the events stage (package event) on the
// FIRE-2018 Hindi event data: one XML file per article, words in <W>,
// triggers in <MAN_MADE_EVENT TYPE=…> and <NATURAL_EVENT TYPE=…>,
// arguments in <PLACE-ARG>, <TIME-ARG>, <CASUALTIES-ARG>, … linked to their
// event by <LINK EVENT_ARG=…>.
//
// The article text is rebuilt from the words (one space between words, a
// blank line between paragraphs), the time stage and any stages the
// caller adds (the entity stage, for places) run on it, and every event
// mention is compared with the annotation: a predicted trigger matches an
// annotated one when the two overlap and the subtype agrees. FIRE marks
// every mention of an event, later references ("इस हादसे") included, so
// mentions, not events, are counted. For matched mentions it reports how
// often the place, time and casualty phrases overlap an argument the
// annotation links to that event (or to another mention of it).
//
// The files are also scored in two fixed halves, by their place in the
// sorted list of names: A holds the first, third, fifth, … file and B the
// others. Rules are studied on the errors of half A only, and a change is
// kept when it helps on half B too, so that the scores say how the rules
// do on text they were not fitted to.
package eventeval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"khabar/internal/entity"
	"khabar/internal/eval"
	"khabar/internal/evaldata"
	"khabar/internal/event"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/quote"
	"khabar/internal/segment"
	"khabar/internal/timex"
)

// DefaultDir is the data set Run reads when given no folder, relative to
// the shared data folder.
const DefaultDir = "events/fire2018-hi-dev"

// Score is precision, recall and F1 over counted matches.
type Score = eval.PRF

// ArgScore counts one argument over matched mentions whose event has it
// annotated: how many had a prediction, and how many of those overlapped.
type ArgScore struct {
	Annotated, Predicted, Right int
	// Accuracy is Right / Annotated.
	Accuracy float64
}

// Error is one disagreement, for reading.
type Error struct {
	// Half is "A" or "B" (see the package documentation).
	Half                        string
	File, Kind, Text, Gold, Got string
}

// Part is the score of some of the files.
type Part struct {
	Files, Gold, Predicted int
	// Trigger counts a match when spans overlap and subtypes agree;
	// TriggerOnly when spans overlap.
	Trigger, TriggerOnly  Score
	Place, Time, Casualty ArgScore
	tp, tpOnly            int
}

// finish computes the scores from the counts.
func (p *Part) finish() {
	p.Trigger = eval.NewPRF(p.tp, p.Predicted-p.tp, p.Gold-p.tp)
	p.TriggerOnly = eval.NewPRF(p.tpOnly, p.Predicted-p.tpOnly, p.Gold-p.tpOnly)
	for _, a := range []*ArgScore{&p.Place, &p.Time, &p.Casualty} {
		a.Accuracy = 0
		if a.Annotated > 0 {
			a.Accuracy = float64(a.Right) / float64(a.Annotated)
		}
	}
}

// add counts q into p.
func (p *Part) add(q Part) {
	p.Files += q.Files
	p.Gold += q.Gold
	p.Predicted += q.Predicted
	p.tp += q.tp
	p.tpOnly += q.tpOnly
	for i, a := range []*ArgScore{&p.Place, &p.Time, &p.Casualty} {
		b := []ArgScore{q.Place, q.Time, q.Casualty}[i]
		a.Annotated += b.Annotated
		a.Predicted += b.Predicted
		a.Right += b.Right
	}
}

// Report is the outcome of an evaluation: the whole set, and each half.
type Report struct {
	Part
	// Halves are the scores of half A and half B.
	Halves [2]Part
	// PerSubtype is Trigger by annotated (for FN) or predicted subtype.
	PerSubtype map[string]Score
	Errors     []Error
}

// Options sets the stages to run on each article before the time, quotes
// and events stages (Run uses segment and entities).
type Options struct {
	Before []pipeline.Stage
}

// Run evaluates the events stage on the FIRE files in dir (DefaultDir in
// the shared data when dir is "") and writes a summary to w. The segment
// and entity stages run first, as in the pipeline, so that places are
// found.
func Run(ctx context.Context, dir string, w io.Writer) (Report, error) {
	ent, err := entity.New(entity.Options{})
	if err != nil {
		return Report{}, fmt.Errorf("eval events: %w", err)
	}
	return RunWith(ctx, dir, w, Options{Before: []pipeline.Stage{segment.Stage{}, ent}})
}

// RunWith is Run with extra stages.
func RunWith(ctx context.Context, dir string, w io.Writer, opts Options) (Report, error) {
	if dir == "" {
		p, err := evaldata.Path(DefaultDir)
		if err != nil {
			return Report{}, fmt.Errorf("eval events: %w", err)
		}
		dir = p
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return Report{}, fmt.Errorf("eval events: %w", err)
	}
	if len(files) == 0 {
		return Report{}, fmt.Errorf("eval events: no .xml files in %s", dir)
	}
	sort.Strings(files)
	r := Report{PerSubtype: map[string]Score{}}
	per := map[string][3]int{}
	ts, qs := timex.New(), quote.New()
	for fi, path := range files {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		g, err := readFile(path)
		if err != nil {
			return r, err
		}
		a := &news.Article{Text: g.text, Source: news.Source{URI: path}}
		for _, st := range opts.Before {
			if err := st.Process(ctx, a); err != nil {
				return r, fmt.Errorf("eval events: %s: %s: %w", filepath.Base(path), st.Name(), err)
			}
		}
		if err := ts.Process(ctx, a); err != nil {
			return r, fmt.Errorf("eval events: %w", err)
		}
		if err := qs.Process(ctx, a); err != nil {
			return r, fmt.Errorf("eval events: %w", err)
		}
		var preds []event.Mention
		for _, m := range event.Extract(a) {
			if _, ok := fireSubtypes[m.Event.Subtype]; ok {
				preds = append(preds, m)
			}
		}
		h := &r.Halves[fi%2]
		h.Files++
		r.compare(h, "AB"[fi%2:fi%2+1], filepath.Base(path), g, preds, per)
	}
	for i := range r.Halves {
		r.Halves[i].finish()
		r.add(r.Halves[i])
	}
	r.finish()
	for sub, c := range per {
		r.PerSubtype[sub] = eval.NewPRF(c[0], c[1], c[2])
	}
	if w != nil {
		r.Print(w)
	}
	return r, nil
}

// fireSubtypes are the event types the FIRE data annotates (its
// development set has no TSUNAMI, so tsunami warnings are not counted).
var fireSubtypes = map[string]bool{}

func init() {
	for _, s := range []string{"EARTHQUAKE", "FLOODS", "CYCLONE", "STORM", "TORNADO", "HURRICANE", "LAND_SLIDE",
		"AVALANCHES", "VOLCANO", "HEAT_WAVE", "COLD_WAVE", "HAIL_STORMS", "BLIZZARD", "DROUGHT", "FOREST_FIRE",
		"FIRE", "VEHICULAR_COLLISION", "TRAIN_COLLISION", "AVIATION_HAZARD", "TRANSPORT_HAZARDS",
		"INDUSTRIAL_ACCIDENT", "TERRORIST_ATTACK", "SUICIDE_ATTACK", "SHOOT_OUT", "NORMAL_BOMBING",
		"ARMED_CONFLICTS", "RIOTS"} {
		fireSubtypes[s] = true
	}
}

// Print writes the summary.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "events: %d files, %d annotated trigger mentions, %d found\n", r.Files, r.Gold, r.Predicted)
	r.Part.print(w)
	for i, h := range r.Halves {
		fmt.Fprintf(w, "half %c (%d files, %d annotated, %d found):\n", 'A'+i, h.Files, h.Gold, h.Predicted)
		h.print(w)
	}
	subs := make([]string, 0, len(r.PerSubtype))
	for s := range r.PerSubtype {
		subs = append(subs, s)
	}
	sort.Strings(subs)
	for _, s := range subs {
		sc := r.PerSubtype[s]
		fmt.Fprintf(w, "  %-20s P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d)\n", s, sc.Precision, sc.Recall, sc.F1, sc.TP, sc.FP, sc.FN)
	}
}

// print writes the scores of a part.
func (p Part) print(w io.Writer) {
	for _, s := range []struct {
		name string
		s    Score
	}{{"trigger+subtype", p.Trigger}, {"trigger only   ", p.TriggerOnly}} {
		fmt.Fprintf(w, "%s  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", s.name, s.s.Precision, s.s.Recall, s.s.F1, s.s.TP, s.s.FP, s.s.FN)
	}
	for _, a := range []struct {
		name string
		a    ArgScore
	}{{"place   ", p.Place}, {"time    ", p.Time}, {"casualty", p.Casualty}} {
		fmt.Fprintf(w, "%s accuracy %.3f  (%d right, %d predicted, of %d matched mentions with one annotated)\n",
			a.name, a.a.Accuracy, a.a.Right, a.a.Predicted, a.a.Annotated)
	}
}

// compare matches one file's predictions to its annotation, counting
// into part h.
func (r *Report) compare(h *Part, half, file string, g *goldDoc, preds []event.Mention, per map[string][3]int) {
	h.Gold += len(g.events)
	h.Predicted += len(preds)
	used := make([]bool, len(preds))
	usedOnly := make([]bool, len(preds))
	for _, ge := range g.events {
		for k, p := range preds {
			if !usedOnly[k] && overlap(ge.span, p.Trigger) {
				usedOnly[k] = true
				h.tpOnly++
				break
			}
		}
		found := -1
		for k, p := range preds {
			if !used[k] && overlap(ge.span, p.Trigger) && p.Event.Subtype == ge.typ {
				found = k
				break
			}
		}
		c := per[ge.typ]
		if found < 0 {
			c[2]++
			per[ge.typ] = c
			got := ""
			for _, p := range preds {
				if overlap(ge.span, p.Trigger) {
					got = p.Event.Subtype
				}
			}
			r.Errors = append(r.Errors, Error{Half: half, File: file, Kind: "missed", Text: g.text[ge.span.Start:ge.span.End], Gold: ge.typ, Got: got})
			continue
		}
		used[found] = true
		c[0]++
		per[ge.typ] = c
		h.tp++
		h.args(g, ge, preds[found])
	}
	for k, p := range preds {
		if !used[k] {
			c := per[p.Event.Subtype]
			c[1]++
			per[p.Event.Subtype] = c
			r.Errors = append(r.Errors, Error{Half: half, File: file, Kind: "spurious", Text: around(g.text, p.Trigger), Got: p.Event.Subtype})
		}
	}
}

func around(text string, s event.Span) string {
	lo, hi := max(0, s.Start-60), min(len(text), s.End+60)
	for lo > 0 && !isStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !isStart(text[hi]) {
		hi++
	}
	return text[lo:s.Start] + "[" + text[s.Start:s.End] + "]" + text[s.End:hi]
}

func isStart(b byte) bool { return b < 0x80 || b >= 0xC0 }

// args scores the place, time and casualties of a matched mention.
func (r *Part) args(g *goldDoc, ge goldEvent, p event.Mention) {
	check := func(a *ArgScore, kind string, got []event.Span) {
		spans := g.argsOf(ge, kind)
		if len(spans) == 0 {
			return
		}
		a.Annotated++
		any := false
		for _, s := range got {
			if s.End > 0 {
				any = true
			}
		}
		if !any {
			return
		}
		a.Predicted++
		for _, s := range spans {
			for _, x := range got {
				if x.End > 0 && overlap(s, x) {
					a.Right++
					return
				}
			}
		}
	}
	check(&r.Place, "PLACE-ARG", []event.Span{p.Place})
	check(&r.Time, "TIME-ARG", []event.Span{p.Time})
	check(&r.Casualty, "CASUALTIES-ARG", []event.Span{p.Killed, p.Injured})
}

func overlap(a, b event.Span) bool { return a.Start < b.End && b.Start < a.End }

// goldEvent is an annotated trigger mention.
type goldEvent struct {
	id, typ string
	coref   string // the event id this one refers back to
	span    event.Span
}

// goldArg is an annotated argument.
type goldArg struct {
	kind   string
	span   event.Span
	events []string
}

type goldDoc struct {
	text   string
	events []goldEvent
	args   []goldArg
}

// argsOf returns the spans of arguments of one kind linked to the event
// or to any mention in its coreference chain.
func (g *goldDoc) argsOf(ge goldEvent, kind string) []event.Span {
	chain := map[string]bool{ge.id: true}
	root := ge.id
	if ge.coref != "" {
		root = ge.coref
	}
	chain[root] = true
	for _, e := range g.events {
		if e.coref == root || e.id == root {
			chain[e.id] = true
		}
	}
	var out []event.Span
	for _, a := range g.args {
		if a.kind != kind {
			continue
		}
		for _, id := range a.events {
			if chain[id] {
				out = append(out, a.span)
				break
			}
		}
	}
	return out
}

// readFile parses one FIRE XML file.
func readFile(path string) (*goldDoc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	defer fh.Close()
	dec := xml.NewDecoder(fh)
	dec.Strict = false
	var b strings.Builder
	g := &goldDoc{}
	type open struct {
		name  string
		id    string
		typ   string
		coref string
		links []string
		start int
		words int
	}
	var stack []*open
	inW := false
	var word strings.Builder
	paraWords := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval events: %s: %w", filepath.Base(path), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range t.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch name := t.Name.Local; {
			case name == "P":
				if paraWords > 0 {
					b.WriteString("\n\n")
				}
				paraWords = 0
			case name == "W":
				inW = true
				word.Reset()
			case name == "LINK" && len(stack) > 0:
				stack[len(stack)-1].links = append(stack[len(stack)-1].links, attr("EVENT_ARG"))
			case name == "EVENT-COREF-LINK" && len(stack) > 0:
				stack[len(stack)-1].coref = attr("EVENT_ID")
			case name == "MAN_MADE_EVENT" || name == "NATURAL_EVENT" || strings.HasSuffix(name, "-ARG"):
				stack = append(stack, &open{name: name, id: attr("ID"), typ: attr("TYPE"), start: -1})
			}
		case xml.CharData:
			if inW {
				word.Write(t)
			}
		case xml.EndElement:
			switch name := t.Name.Local; {
			case name == "W":
				inW = false
				w := strings.Join(strings.Fields(word.String()), " ")
				if w == "" {
					continue
				}
				if paraWords > 0 {
					b.WriteByte(' ')
				}
				paraWords++
				s := b.Len()
				b.WriteString(w)
				for _, o := range stack {
					if o.start < 0 {
						o.start = s
					}
					o.words++
				}
			case name == "MAN_MADE_EVENT" || name == "NATURAL_EVENT" || strings.HasSuffix(name, "-ARG"):
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.start < 0 {
					continue
				}
				span := event.Span{Start: o.start, End: b.Len()}
				if strings.HasSuffix(o.name, "-ARG") {
					g.args = append(g.args, goldArg{kind: o.name, span: span, events: o.links})
				} else {
					g.events = append(g.events, goldEvent{id: o.id, typ: o.typ, coref: o.coref, span: span})
				}
			}
		}
	}
	g.text = b.String()
	sort.SliceStable(g.events, func(i, j int) bool { return g.events[i].span.Start < g.events[j].span.Start })
	return g, nil
}
