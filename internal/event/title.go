package event

import (
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
)

// titleEvents finds the political events the headline reports when the
// clean stage has taken it out of the text (Article.Title): "रूस ने ट्रंप
// से जल्द मुलाकात से किया इनकार" while the body only says that there is
// "no need" for a meeting. An event of the headline that no event of the
// body already tells (same type, a shared party) is anchored on the body
// mention it sums up (the body's own event of that type by the same actor
// counts as telling it): a mention of its own type, or of what it acts on
// (the meeting refused), sharing a party with it, and for a refusal one
// the text denies ("कोई आवश्यकता नहीं") rather than cancels; of those,
// the one whose sentence shares most words with the headline. The event
// keeps the headline's type and parties and takes the body mention's
// trigger, sentence, date and place, so that its offsets point into the
// text; a headline event with no such mention is left out.
func (d *doc) titleEvents() []*Mention {
	title := d.a.Title
	if title == "" || strings.Contains(d.text, title) {
		return nil
	}
	t := &news.Article{Text: title, Published: d.a.Published, Dateline: d.a.Dateline, Entities: titleEntities(title, d.a.Entities)}
	heads := ExtractWith(t, d.opt)
	words := d.senses(title)
	var out []*Mention
	for hi, h := range heads {
		if h.Modality != Asserted || h.Event.Subtype != "" || len(h.Event.Actors)+len(h.Event.Targets) == 0 {
			continue
		}
		parties := union(append([]string{}, h.Event.Actors...), h.Event.Targets)
		// What the headline event acts on: the mentions before it.
		objects := map[string]bool{}
		for _, o := range heads[:hi] {
			objects[o.Event.Type] = true
		}
		told := false
		var best *Mention
		bestScore := -1
		for _, b := range d.out {
			bp := union(append([]string{}, b.Event.Actors...), b.Event.Targets)
			if !overlaps(parties, bp) {
				continue
			}
			if b.Event.Type == h.Event.Type && b.Modality == Asserted &&
				(len(h.Event.Actors) == 0 || overlaps(h.Event.Actors, b.Event.Actors)) {
				told = true
				break
			}
			switch {
			case b.Event.Type == h.Event.Type:
			case objects[b.Event.Type]:
				if h.Event.Type == Reject && (b.Modality != Negated || d.cancelled(b)) {
					continue
				}
			default:
				continue
			}
			score := 0
			for w := range d.senses(b.Event.Sentence) {
				if words[w] {
					score++
				}
			}
			if score > bestScore {
				best, bestScore = b, score
			}
		}
		if told || best == nil {
			continue
		}
		m := *best
		m.Event.Type, m.Event.Subtype = h.Event.Type, ""
		m.Event.Actors = append([]string(nil), h.Event.Actors...)
		m.Event.Targets = append([]string(nil), h.Event.Targets...)
		m.Event.Killed, m.Event.Injured = nil, nil
		m.Killed, m.Injured = Span{}, Span{}
		m.Modality, m.anaphoric = Asserted, false
		out = append(out, &m)
	}
	return out
}

// cancelled reports whether a cancel word ("रद्द") follows mention m in
// its clause: the meeting was called off, not refused.
func (d *doc) cancelled(m *Mention) bool {
	end := d.tokOf(m.Trigger.End)
	_, hi := d.clauseBounds(d.tokOf(m.Trigger.Start))
	for k := end; k < hi; k++ {
		if d.lex.r.calledOff.Has(d.key(k)) {
			return true
		}
	}
	return false
}

// senses returns the words of s that say something (no postpositions or
// auxiliaries), each as its sense ("मुलाकात" and "बैठक" are one).
func (d *doc) senses(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s) {
		if t.kind != kWord || d.is(lexicon.EventPostposition, t.key) || d.is(lexicon.EventVerbs, t.key) || utf8.RuneCountInString(t.key) < 2 {
			continue
		}
		out[d.lex.sense(t.key)] = true
	}
	return out
}

// titleEntities returns the entities of the text as mentioned in the
// headline: every whole-word occurrence there of a form the text or the
// entity's names use.
func titleEntities(title string, ents []news.Entity) []news.Entity {
	off := news.NewOffsets(title)
	taken := make([]bool, len(title))
	type hit struct {
		form string
		ent  int
	}
	var forms []hit
	for i, e := range ents {
		seen := map[string]bool{}
		add := func(f string) {
			if f != "" && !seen[f] {
				seen[f] = true
				forms = append(forms, hit{f, i})
			}
		}
		for _, m := range e.Mentions {
			add(m.Text)
		}
		for _, n := range e.Names {
			add(n)
		}
	}
	// Longest forms first, so that "डोनाल्ड ट्रंप" wins over "ट्रंप".
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].form) > len(forms[j].form) })
	out := make([]news.Entity, len(ents))
	for i, e := range ents {
		out[i] = news.Entity{ID: e.ID, Name: e.Name, Names: e.Names, Type: e.Type}
	}
	for _, f := range forms {
		for from := 0; from < len(title); {
			k := strings.Index(title[from:], f.form)
			if k < 0 {
				break
			}
			s, e := from+k, from+k+len(f.form)
			from = e
			if taken[s] || taken[e-1] || !wordEdge(title, s, e) {
				continue
			}
			for b := s; b < e; b++ {
				taken[b] = true
			}
			out[f.ent].Mentions = append(out[f.ent].Mentions, news.Mention{Text: f.form, Start: off.Rune(s), End: off.Rune(e)})
		}
	}
	kept := out[:0]
	for _, e := range out {
		if len(e.Mentions) > 0 {
			sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
			kept = append(kept, e)
		}
	}
	return kept
}

// wordEdge reports whether [s, e) of text starts and ends at word
// boundaries.
func wordEdge(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if isWordRune(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if isWordRune(r) {
			return false
		}
	}
	return true
}
