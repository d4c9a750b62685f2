package cli

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/pipeline"
)

// heapWatch samples every interval until stopped, keeping the largest of
// each: the bytes of live and not yet collected heap objects (the peak
// heap of what runs meanwhile, to within a sample), and the bytes the last
// finished collection marked live (the peak of what runs meanwhile holds,
// at the moments the collector looked).
type heapWatch struct {
	peak, marked atomic.Uint64
	stop         chan struct{}
	done         chan struct{}
}

func watchHeap(interval time.Duration) *heapWatch {
	w := &heapWatch{stop: make(chan struct{}), done: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	read := func() {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > w.peak.Load() {
			w.peak.Store(v)
		}
		if v := s[1].Value.Uint64(); v > w.marked.Load() {
			w.marked.Store(v)
		}
	}
	read()
	go func() {
		defer close(w.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				read()
				return
			case <-t.C:
				read()
			}
		}
	}()
	return w
}

// Stop ends the sampling and returns the peaks of the heap and of the
// marked live heap.
func (w *heapWatch) Stop() (peak, marked uint64) {
	close(w.stop)
	<-w.done
	return w.peak.Load(), w.marked.Load()
}

// BenchmarkArticleMemory analyses one article of real news of growing size
// with every stage and reports the peak heap it takes, above the heap
// before it, per byte of the article, twice: with the collector at its
// default pace, as in khabar analyze ("heap-B/B"), which counts the
// garbage the collector lets pile up before it runs; and with the
// collector at GOGC=5 ("live-B/B"), close to the peak of what the analysis
// holds at once for a large article (the target is at most 20; even at
// GOGC=5 the collector lets some 5% of the program's heap, 4–5 MB, pile up
// before it runs, which is most of the figure below about 0.5 MB).
// "marked-B/B" is, at GOGC=5 as well, the peak of the heap each collection
// marked live (runtime/metrics /gc/heap/live:bytes) above the same before:
// what the analysis holds at once, without the garbage allowance, as seen
// at the moments the collector looked (with the collector running every
// 4–5 MB of allocation, often enough to see the stages' peaks).
// "kept-B/B" is what the analysed article keeps. The stages are warmed first on 512 KB of other
// articles (the last files of the folder), so that the bounded word caches
// they share between articles are filled as in a long run rather than
// counted against the article measured.
func BenchmarkArticleMemory(b *testing.B) {
	warmText := newsTextFromEnd(b, 512<<10)
	for _, kb := range []int{5, 64, 512, 2048} {
		text := newsText(b, kb<<10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			_, p := warmPipeline(b, warmText)
			measure := func() (peak, marked, kept float64) {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				w := watchHeap(100 * time.Microsecond)
				a := &news.Article{Raw: news.Raw{Body: text, Format: news.FormatText}}
				if err := p.Process(b.Context(), a); err != nil {
					b.Fatal(err)
				}
				pk, mk := w.Stop()
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(a)
				h0 := float64(before.HeapAlloc)
				return float64(pk) - h0, float64(mk) - h0, float64(after.HeapAlloc) - h0
			}
			var peak, live, marked, kept float64
			for b.Loop() {
				pk, _, kp := measure()
				peak, kept = max(peak, pk), max(kept, kp)
				old := debug.SetGCPercent(5)
				pk, mk, _ := measure()
				debug.SetGCPercent(old)
				live, marked = max(live, pk), max(marked, mk)
			}
			b.ReportMetric(peak/float64(len(text)), "heap-B/B")
			b.ReportMetric(live/float64(len(text)), "live-B/B")
			b.ReportMetric(marked/float64(len(text)), "marked-B/B")
			b.ReportMetric(kept/float64(len(text)), "kept-B/B")
		})
	}
}

// stageProbe runs a stage with the collector at GOGC=5 and keeps, per byte
// of the article, the peak heap above the heap before the stage (after a
// collection), the peak the collections marked live, and what the stage
// keeps (after a collection): which stage holds the most at its peak.
type stageProbe struct {
	pipeline.Stage
	peak, marked, kept *float64
}

func (p stageProbe) Process(ctx context.Context, a *news.Article) error {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	old := debug.SetGCPercent(5)
	w := watchHeap(100 * time.Microsecond)
	err := p.Stage.Process(ctx, a)
	pk, mk := w.Stop()
	debug.SetGCPercent(old)
	runtime.GC()
	runtime.ReadMemStats(&after)
	h0, n := float64(before.HeapAlloc), float64(len(a.Raw.Body))
	*p.peak = max(*p.peak, (float64(pk)-h0)/n)
	*p.marked = max(*p.marked, (float64(mk)-h0)/n)
	*p.kept = max(*p.kept, (float64(after.HeapAlloc)-h0)/n)
	return err
}

// BenchmarkStageMemory analyses one article of 512 KB of real news, warmed
// as BenchmarkArticleMemory, and reports for each stage, per byte of the
// article, at GOGC=5: "STAGE-live-B/B", its peak heap above the heap
// before it (after a collection), with the collector's garbage allowance;
// "STAGE-marked-B/B", the peak the collections marked live above the same;
// and "STAGE-kept-B/B", what it adds to the heap for good (the record, and
// the growth of caches shared between articles). What a stage holds at its
// peak is what the stages before it kept plus its own marked figure.
func BenchmarkStageMemory(b *testing.B) {
	warmText := newsTextFromEnd(b, 512<<10)
	text := newsText(b, 512<<10)
	st, _ := warmPipeline(b, warmText)
	figs := make([][3]float64, len(st))
	probed := make([]pipeline.Stage, len(st))
	for i, s := range st {
		probed[i] = stageProbe{Stage: s, peak: &figs[i][0], marked: &figs[i][1], kept: &figs[i][2]}
	}
	pp := pipeline.New(probed, pipeline.Options{Workers: 1})
	for b.Loop() {
		a := &news.Article{Raw: news.Raw{Body: text, Format: news.FormatText}}
		if err := pp.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
	for i, s := range st {
		b.ReportMetric(figs[i][0], s.Name()+"-live-B/B")
		b.ReportMetric(figs[i][1], s.Name()+"-marked-B/B")
		b.ReportMetric(figs[i][2], s.Name()+"-kept-B/B")
	}
}

// warmPipeline is a one-worker pipeline of every stage, and its stages,
// that has analysed warm once, so that the caches shared between articles
// are filled before anything is measured.
func warmPipeline(b *testing.B, warm string) ([]pipeline.Stage, *pipeline.Pipeline) {
	b.Helper()
	st, err := stages("")
	if err != nil {
		b.Fatal(err)
	}
	p := pipeline.New(st, pipeline.Options{Workers: 1})
	a := &news.Article{Raw: news.Raw{Body: warm, Format: news.FormatText}}
	if err := p.Process(b.Context(), a); err != nil {
		b.Fatal(err)
	}
	return st, p
}
