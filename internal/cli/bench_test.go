package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"khabar/internal/pipeline"
	"khabar/internal/source"
)

// corpusDir writes the embedded sample corpus to a temporary folder and
// returns it with its size in bytes and number of articles.
func corpusDir(b *testing.B) (string, int64, int) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "corpus")
	if err := writeCorpus(dir); err != nil {
		b.Fatal(err)
	}
	var size int64
	n := 0
	err := source.Walk(b.Context(), []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			return it.Err
		}
		n++
		size += int64(len(it.Article.Raw.Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return dir, size, n
}

// BenchmarkAnalyzeCorpus runs the whole pipeline over the sample corpus on
// all CPUs; articles/s and MB/s are reported per run.
func BenchmarkAnalyzeCorpus(b *testing.B) { benchAnalyze(b, "") }

// BenchmarkAnalyzeCorpusSpine runs the spine's stages only: extract,
// normalize, clean, meta, lang and segment.
func BenchmarkAnalyzeCorpusSpine(b *testing.B) { benchAnalyze(b, "segment") }

func benchAnalyze(b *testing.B, upto string) {
	dir, size, n := corpusDir(b)
	p, err := newPipeline(b.Context(), runtime.NumCPU(), upto, 0)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		err := p.Run(b.Context(), feed([]string{dir}, source.Options{}), func(j pipeline.Job) error { return j.Err })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkIngestCorpus ingests the sample corpus into a fresh data folder
// each run: pipeline, storage and indexing.
func BenchmarkIngestCorpus(b *testing.B) {
	dir, size, n := corpusDir(b)
	e := &env{stdout: discard{}, stderr: discard{}, getenv: func(string) string { return "" }}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		data := filepath.Join(b.TempDir(), "data")
		sum, err := ingestPaths(context.Background(), e, data, []string{dir}, runtime.NumCPU(), defaultLimits(), false, "")
		if err != nil || sum.Failed > 0 {
			b.Fatal(err, sum.Failures)
		}
		b.StopTimer()
		os.RemoveAll(data)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
