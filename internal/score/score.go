// Package score holds the scoring arithmetic that stages and evaluation
// code share: precision, recall and F1 from match counts. It is a leaf: it
// imports nothing of khabar, so a stage (the NER tagger reports its own
// scores) can use it without depending on evaluation code.
package score

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
