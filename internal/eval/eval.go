// Package eval holds what khabar's evaluation commands share: precision,
// recall and F1 from match counts. The scorers themselves live in its
// subpackages (cleaneval, timeeval, eventeval, dedupeval, storyeval) and
// in the NER tagger.
package eval

// PRF is precision, recall and F1 with the counts they come from.
type PRF struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

// NewPRF computes precision, recall and F1 from true positives, false
// positives and false negatives; a ratio with nothing to count is 0.
func NewPRF(tp, fp, fn int) PRF {
	p := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		p.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		p.Recall = float64(tp) / float64(tp+fn)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}
