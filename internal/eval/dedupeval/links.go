package dedupeval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"khabar/internal/dedup"
	"khabar/internal/news"
)

// Checking copy links where there is no labelled truth: a stored copy
// (an article with duplicate_of) is checked against the article it is said
// to copy by what two copies of one story must share — whole sentences —
// and by the exact shingle sets the MinHash estimates stand for.

// Store is what CheckLinks reads: every article, and articles by id.
type Store interface {
	Each(ctx context.Context, fn func(*news.Article) error) error
	Get(ctx context.Context, id string) (*news.Article, error)
}

// LinkReport is what CheckLinks measured.
type LinkReport struct {
	Articles, Copies, Groups, MaxGroup int
	// GroupSizes counts groups by size bucket: 2, 3-5, 6-20, 21-100, >100.
	GroupSizes [5]int
	// Sampled copy links, and how many of them share at least one sentence
	// (of MinSentenceWords words or more) with the canonical, and how many
	// share at least half the sentences of the shorter.
	Sampled, ShareOne, ShareHalf int
	// Exact shingle measures of the sampled pairs: how many pass the
	// default thresholds on the exact values (resemblance >= 0.2, or
	// containment >= 0.5 with resemblance >= 0.1).
	ExactPass int
	// Worst lists a few sampled pairs that share no sentence.
	Worst []LinkPair
	// Pairs are all the sampled pairs.
	Pairs []LinkPair
}

// LinkPair is one sampled copy link.
type LinkPair struct {
	ID, Of                   string
	Sentences, OfSentences   int
	Shared                   int
	Resemblance, Containment float64
}

// MinSentenceWords is the fewest words a sentence needs to count.
const MinSentenceWords = 5

// CheckLinks samples up to n copy links of st (deterministically from
// seed) and measures them; it writes a report to w.
func CheckLinks(ctx context.Context, st Store, n int, seed uint64, w io.Writer) (LinkReport, error) {
	var rep LinkReport
	type link struct{ id, of string }
	var links []link
	groups := map[string]int{}
	err := st.Each(ctx, func(a *news.Article) error {
		rep.Articles++
		if a.Group != "" {
			groups[a.Group]++
		}
		if a.DuplicateOf != "" {
			links = append(links, link{a.ID, a.DuplicateOf})
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	rep.Copies, rep.Groups = len(links), len(groups)
	for _, size := range groups {
		rep.MaxGroup = max(rep.MaxGroup, size)
		switch {
		case size <= 2:
			rep.GroupSizes[0]++
		case size <= 5:
			rep.GroupSizes[1]++
		case size <= 20:
			rep.GroupSizes[2]++
		case size <= 100:
			rep.GroupSizes[3]++
		default:
			rep.GroupSizes[4]++
		}
	}
	rng := rand.New(rand.NewPCG(seed, 17))
	rng.Shuffle(len(links), func(i, j int) { links[i], links[j] = links[j], links[i] })
	links = links[:min(n, len(links))]
	var k dedup.Sketcher
	for _, l := range links {
		a, err := st.Get(ctx, l.id)
		if err != nil {
			return rep, err
		}
		b, err := st.Get(ctx, l.of)
		if err != nil {
			return rep, fmt.Errorf("copy %s of %s: %w", l.id, l.of, err)
		}
		p := LinkPair{ID: l.id, Of: l.of}
		sa, sb := Sentences(a.Text), Sentences(b.Text)
		p.Sentences, p.OfSentences = len(sa), len(sb)
		for s := range sa {
			if sb[s] {
				p.Shared++
			}
		}
		p.Resemblance, p.Containment = exact(k.Shingles(a.Text), k.Shingles(b.Text))
		rep.Sampled++
		rep.Pairs = append(rep.Pairs, p)
		if p.Shared > 0 {
			rep.ShareOne++
		} else if len(rep.Worst) < 5 {
			rep.Worst = append(rep.Worst, p)
		}
		if small := min(p.Sentences, p.OfSentences); small > 0 && 2*p.Shared >= small {
			rep.ShareHalf++
		}
		if p.Resemblance >= 0.2 || (p.Containment >= 0.5 && p.Resemblance >= 0.1) {
			rep.ExactPass++
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(w, "articles %d, copies %d (%.1f%%), groups %d, largest %d; groups of 2: %d, 3-5: %d, 6-20: %d, 21-100: %d, >100: %d\n",
		rep.Articles, rep.Copies, pct(rep.Copies, rep.Articles), rep.Groups, rep.MaxGroup,
		rep.GroupSizes[0], rep.GroupSizes[1], rep.GroupSizes[2], rep.GroupSizes[3], rep.GroupSizes[4])
	fmt.Fprintf(w, "sampled %d copy links: %d (%.1f%%) share a sentence of %d+ words with the article they copy, %d (%.1f%%) share half the sentences of the shorter; %d (%.1f%%) pass the thresholds on exact shingle sets\n",
		rep.Sampled, rep.ShareOne, pct(rep.ShareOne, rep.Sampled), MinSentenceWords, rep.ShareHalf, pct(rep.ShareHalf, rep.Sampled),
		rep.ExactPass, pct(rep.ExactPass, rep.Sampled))
	for _, p := range rep.Worst {
		fmt.Fprintf(w, "  no shared sentence: %s (%d sentences) → %s (%d): exact resemblance %.3f, containment %.3f\n",
			p.ID, p.Sentences, p.Of, p.OfSentences, p.Resemblance, p.Containment)
	}
	return rep, nil
}

// Sentences returns the set of sentences of text with MinSentenceWords
// words or more: cut at danda, full stop, question and exclamation marks
// and line breaks, and compared by their words alone (digits, punctuation
// and spacing dropped, so "(482) सरकार ने कहा" is "सरकार ने कहा").
func Sentences(text string) map[string]bool {
	out := map[string]bool{}
	for s := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return r == '।' || r == '॥' || r == '.' || r == '?' || r == '!' || r == '\n' || r == '|'
	}) {
		f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
		if len(f) >= MinSentenceWords {
			out[strings.Join(f, " ")] = true
		}
	}
	return out
}

// exact returns the resemblance (Jaccard) and containment of two sorted
// sets.
func exact(a, b []uint64) (float64, float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	both := 0
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both), float64(both) / float64(min(len(a), len(b)))
}
