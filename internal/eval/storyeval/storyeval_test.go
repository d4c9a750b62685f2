package storyeval

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/entity"
	"khabar/internal/extract"
	"khabar/internal/lang"
	"khabar/internal/link"
	"khabar/internal/meta"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/segment"
	"khabar/internal/story"
)

// flow is the pipeline up to entities, as the CLI runs it.
func flow(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	ent, err := entity.New(entity.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.New([]pipeline.Stage{
		extract.New(extract.Options{}), normalize.Stage{}, clean.New(), meta.New(), lang.New(), segment.Stage{}, ent,
	}, pipeline.Options{Workers: 2})
}

func TestSweep(t *testing.T) {
	if os.Getenv("SWEEP") == "" {
		t.Skip()
	}
	c, err := Corpus(t.Context(), Config{Pipeline: flow(t)})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Papers(t.Context(), Config{Pipeline: flow(t)}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, ms := range []float64{0.12, 0.15, 0.2, 0.25, 0.3} {
		for _, tw := range []float64{0.4, 0.5, 0.7, 1} {
			o := link.Options{Stories: story.Options{MinScore: ms, TermWeight: tw}}
			a, b := c.Link(o), p.Link(o)
			fmt.Printf("min %.2f tw %.1f: corpus P %.3f R %.3f F %.3f | papers P %.3f R %.3f F %.3f\n", ms, tw, a.Precision, a.Recall, a.F1, b.Precision, b.Recall, b.F1)
		}
	}
}

// TestTargets holds the story target (B-cubed F1 >= 0.80) on both
// labelled sets, and the sample corpus's wire story as one group of six.
func TestTargets(t *testing.T) {
	var buf bytes.Buffer
	ss, err := Run(t.Context(), Config{Pipeline: flow(t)}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(buf.String())
	for _, s := range ss {
		if s.F1 < 0.8 {
			t.Errorf("%s: B-cubed F1 %.3f", s.Set, s.F1)
		}
	}
	if c := ss[0]; c.CopyPairs != 15 || c.CopyPredicted != 15 || c.CopyCorrect != 15 {
		t.Errorf("corpus copies: %d true, %d predicted, %d correct; want 15 of each", c.CopyPairs, c.CopyPredicted, c.CopyCorrect)
	}
}

func TestCorpusLabels(t *testing.T) {
	dir, err := FindCorpus()
	if err != nil {
		t.Skip(err)
	}
	labels, err := corpusLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, l := range labels {
		n[l]++
	}
	if len(labels) != 51 || n["W1"] != 6 || n["S1"] != 5 || n["S2"] != 5 || n["S3"] != 4 || n["S4"] != 3 {
		t.Errorf("labels: %d articles, per label %v", len(labels), n)
	}
	if got := corpusName(dir, dir+"/jsonl/2025_mixed-feed-sample.jsonl#L3"); got != "jsonl/2025_mixed-feed-sample.jsonl#3" {
		t.Errorf("corpusName = %q", got)
	}
}
