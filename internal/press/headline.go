package press

import (
	"strings"
	"unicode/utf8"
)

// Lead holds the content words of an article's opening paragraphs, folded
// (lower case, nukta dropped, cut to a short stem), and the script they are
// written in. Headline candidates are scored against it: a headline's
// words recur in the paragraphs under it, in the same script.
type Lead struct {
	words map[string]bool
	deva  bool
}

// LeadParas is how many opening paragraphs a Lead reads.
const LeadParas = 3

// NewLead reads the first paragraphs of paras (at most three).
func NewLead(paras []string) Lead {
	l := Lead{words: map[string]bool{}}
	var all strings.Builder
	for i, p := range paras {
		if i == LeadParas {
			break
		}
		all.WriteString(p)
		all.WriteByte('\n')
		for _, w := range splitWords(p) {
			if k := stemOf(w.text); k != "" {
				l.words[k] = true
			}
		}
	}
	l.deva = MostlyDevanagari(all.String())
	return l
}

// Empty reports a lead without words: there is nothing to score against.
func (l Lead) Empty() bool { return len(l.words) == 0 }

// Overlap returns how many of s's content words recur in the lead, and how
// many content words s has.
func (l Lead) Overlap(s string) (hit, n int) {
	seen := map[string]bool{}
	for _, w := range splitWords(s) {
		k := stemOf(w.text)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		n++
		if l.words[k] {
			hit++
		}
	}
	return hit, n
}

// stemRunes is how much of a word its stem keeps: enough to tell words
// apart, little enough to let inflections meet ("boats" and "boat",
// "चलेंगी" and "चलेगी").
const stemRunes = 5

// stemOf returns the stem of a folded word, or "" for a word too short or
// too common to be evidence.
func stemOf(w string) string {
	n := utf8.RuneCountInString(w)
	if n < 2 || stopWords[w] {
		return ""
	}
	if n <= stemRunes {
		return w
	}
	i := 0
	for k := 0; k < stemRunes; k++ {
		_, sz := utf8.DecodeRuneInString(w[i:])
		i += sz
	}
	return w[:i]
}

// stopWords are function words of headlines and sentences, in English and
// Hindi: their recurrence says nothing.
var stopWords = map[string]bool{
	"the": true, "an": true, "of": true, "to": true, "in": true, "on": true, "for": true, "and": true,
	"by": true, "at": true, "is": true, "are": true, "was": true, "were": true, "with": true, "from": true,
	"as": true, "its": true, "it": true, "be": true, "has": true, "have": true, "had": true, "this": true,
	"that": true, "will": true, "not": true, "after": true, "over": true, "into": true, "but": true, "or": true,
	"का": true, "की": true, "के": true, "को": true, "में": true, "से": true, "ने": true, "पर": true,
	"और": true, "है": true, "हैं": true, "भी": true, "तो": true, "ही": true, "यह": true, "वह": true,
	"एक": true, "लिए": true, "कर": true, "किया": true, "गया": true, "गई": true, "था": true, "थी": true,
	"हो": true, "अब": true, "तक": true,
}

// breadcrumbSeps are what navigation trails put between their items.
var breadcrumbSeps = []string{"›", "»", " > ", " / ", " | ", "→", " >> "}

// HeadlineScore weighs a candidate headline by evidence that does not
// depend on where the page put it:
//
//   - overlap with the lead: the share of its content words that recur in
//     the opening paragraphs (×4), and their number (×0.3, up to six);
//   - script: a Latin line over a Devanagari article (an SEO slug, an
//     English kicker) or the reverse loses 2;
//   - structure: two or more breadcrumb separators (navigation) lose 4, a
//     hashtag loses 3, a line that ends as a sentence does (a deck, a
//     caption; "?" and "!" may end a headline) loses 1;
//   - length: fewer than three words (a section label, "Good News") loses
//     3, fewer than four content words 1.
//
// Sources add their own evidence (a visible line, agreement between
// sources, repetition, a credit under the line) to this.
func HeadlineScore(s string, l Lead) float64 {
	hit, n := l.Overlap(s)
	score := 0.0
	if n > 0 {
		score += 4 * float64(hit) / float64(n)
	}
	score += 0.3 * float64(min(hit, 6))
	if !l.Empty() && LatinLetters(s)+devaLetters(s) > 0 && MostlyDevanagari(s) != l.deva {
		score -= 2
	}
	seps := 0
	for _, sep := range breadcrumbSeps {
		seps += strings.Count(s, sep)
	}
	if seps >= 2 {
		score -= 4
	}
	if strings.HasPrefix(strings.TrimSpace(s), "#") || strings.Count(s, " #") >= 2 {
		score -= 3
	}
	t := strings.TrimRight(s, " \u00a0")
	if !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…") && (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "।")) {
		score--
	}
	if len(splitWords(s)) < 3 {
		score -= 3
	} else if n < 4 {
		score--
	}
	return score
}

// devaLetters counts the Devanagari letters and signs of s.
func devaLetters(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x900 && r <= 0x97f {
			n++
		}
	}
	return n
}
