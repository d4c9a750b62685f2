package score

import (
	"math"
	"testing"
)

func TestNewPRF(t *testing.T) {
	tests := []struct {
		tp, fp, fn int
		p, r, f1   float64
	}{
		{3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35},
		{0, 0, 0, 0, 0, 0},
		{0, 4, 2, 0, 0, 0},
		{5, 0, 0, 1, 1, 1},
	}
	for _, tt := range tests {
		got := NewPRF(tt.tp, tt.fp, tt.fn)
		if got.TP != tt.tp || got.FP != tt.fp || got.FN != tt.fn ||
			math.Abs(got.Precision-tt.p) > 1e-12 || math.Abs(got.Recall-tt.r) > 1e-12 || math.Abs(got.F1-tt.f1) > 1e-12 {
			t.Errorf("NewPRF(%d, %d, %d) = %+v, want P %.3f R %.3f F1 %.3f", tt.tp, tt.fp, tt.fn, got, tt.p, tt.r, tt.f1)
		}
	}
}
