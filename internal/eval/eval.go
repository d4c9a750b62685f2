// Package eval holds what khabar's evaluation commands share. The scorers
// themselves live in its subpackages (cleaneval, timeeval, eventeval,
// dedupeval, storyeval); the arithmetic of precision, recall and F1 is
// package score's, which stages may use too.
package eval

import "khabar/internal/score"

// PRF is precision, recall and F1 with the counts they come from
// (score.PRF).
type PRF = score.PRF

// NewPRF computes precision, recall and F1 from match counts
// (score.NewPRF).
func NewPRF(tp, fp, fn int) PRF { return score.NewPRF(tp, fp, fn) }
