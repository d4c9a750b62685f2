package clean

import (
	"strings"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// authorHeadings head a box about the writer below the story.
// [clean.author-headings]
var authorHeadings = vocabSet(lexicon.CleanAuthorHeadings)

// authorHeading reports a line that is only such a heading.
func authorHeading(t string) bool {
	return authorHeadings[strings.TrimRight(t, " :.-–")]
}

// listenLabel reports the label of an audio player: "Listen to this
// article", "इस खबर को सुनें", "ऑडियो सुनें".
func (lim *Limits) listenLabel(t string, sh shape) bool {
	if sh.words > lim.ListenLabel || sh.sentence {
		return false
	}
	if sh.ln.word(t, listenWord) && sh.ln.any(t, listenWordObjects) {
		return true
	}
	return sh.ln.any(t, listenVerbs) && sh.ln.any(t, listenObjects)
}

// listenVerbs and listenObjects make a Hindi "listen to this story" label;
// listenWord (a whole word) and listenWordObjects an English one.
var (
	listenWord        = phraseList(lexicon.CleanListenWord)
	listenWordObjects = phraseList(lexicon.CleanListenWordObjects)
	listenVerbs       = phraseList(lexicon.CleanListenVerbs)
	listenObjects     = phraseList(lexicon.CleanListenObjects)
)

// wireContribution reports a wire story's closing credit: "X in Y
// contributed to this report."
func (lim *Limits) wireContribution(t string, sh shape) bool {
	return sh.words <= lim.WireCredit && sh.ln.any(t, contributedPhrases)
}

// preferredSource reports a call to make the outlet a preferred source on
// a search engine: "X को गूगल पर अपना प्रेफर्ड सोर्स बनाएं", "Add X as a
// preferred source on Google".
func (lim *Limits) preferredSource(t string, sh shape) bool {
	return sh.words <= lim.PreferredSource && !strings.HasSuffix(t, ".") && sh.ln.any(t, googleWords) &&
		sh.ln.any(t, preferredWords)
}

// markAuthorBox removes the box about the writer: its heading, and the
// name and the lines of biography under it (up to the next line some rule
// removed, at most three).
func (lim *Limits) markAuthorBox(lines []*line) {
	for i, l := range lines {
		if l.reason != news.ReasonByline || !authorHeading(normalize.LineFold.String(l.text)) {
			continue
		}
		for j, n := i+1, 0; j < len(lines) && n < lim.AuthorBox; j, n = j+1, n+1 {
			m := lines[j]
			if m.reason != "" || m.sh.words > lim.AuthorBoxWords || sentenceCount(m.text) > lim.AuthorBoxSentences {
				break
			}
			m.reason = news.ReasonByline
		}
	}
}
