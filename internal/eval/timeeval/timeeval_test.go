package timeeval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"khabar/internal/evaldata"
)

func TestIASNLP(t *testing.T) {
	if _, err := evaldata.Path(DefaultDir); errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("IASNLP data absent:", err)
	}
	var b strings.Builder
	r, err := Run(t.Context(), "", &b)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if os.Getenv("TIMEEVAL_ERRORS") != "" {
		for _, e := range r.Errors {
			t.Logf("%-8s %-16s %-40q gold=%-22s got=%s", e.Kind, e.File, e.Text, e.Gold, e.Got)
		}
	}
	if r.Lenient.F1 < 0.85 || r.ValueAccuracy < 0.80 {
		t.Errorf("below target: lenient F1 %.3f (want >= 0.85), value accuracy %.3f (want >= 0.80)", r.Lenient.F1, r.ValueAccuracy)
	}
}
