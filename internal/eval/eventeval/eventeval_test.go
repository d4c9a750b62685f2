package eventeval

import (
	"errors"
	"os"
	"strings"
	"testing"

	"khabar/internal/entity"
	"khabar/internal/evaldata"
	"khabar/internal/pipeline"
	"khabar/internal/segment"
)

func TestFIRE(t *testing.T) {
	if _, err := evaldata.Path(DefaultDir); errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("FIRE data absent:", err)
	}
	var b strings.Builder
	// Places need the entity stage; measure without it when it cannot
	// load (its model is another package's).
	opts := Options{}
	if ent, err := entity.New(entity.Options{}); err == nil {
		opts.Before = []pipeline.Stage{segment.Stage{}, ent}
	} else {
		t.Log("entity stage unavailable, places not measured:", err)
	}
	r, err := RunWith(t.Context(), "", &b, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	// EVENTEVAL_ERRORS=all|missed|spurious lists errors; study half A
	// only (EVENTEVAL_HALF=A, the default) and keep B for checking.
	if kind := os.Getenv("EVENTEVAL_ERRORS"); kind != "" {
		half := os.Getenv("EVENTEVAL_HALF")
		if half == "" {
			half = "A"
		}
		for _, e := range r.Errors {
			if (kind == "all" || kind == e.Kind) && (half == "all" || half == e.Half) {
				t.Logf("%-8s %-30.30s gold=%-20s got=%-20s %s", e.Kind, e.File, e.Gold, e.Got, e.Text)
			}
		}
	}
	// The target is 0.70; these guard against regressions below what the
	// rules reach today (see the package documentation).
	if r.Trigger.F1 < 0.67 {
		t.Errorf("trigger+subtype F1 %.3f fell below 0.67 (target 0.70)", r.Trigger.F1)
	}
	for i, h := range r.Halves {
		if h.Trigger.F1 < 0.65 {
			t.Errorf("half %c: trigger+subtype F1 %.3f fell below 0.65", 'A'+i, h.Trigger.F1)
		}
	}
}
