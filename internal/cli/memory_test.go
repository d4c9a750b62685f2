package cli

import (
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

// heapWatch samples the bytes of live and not yet collected heap objects
// every interval until stopped, keeping the largest: the peak heap of what
// runs meanwhile, to within a sample.
type heapWatch struct {
	peak atomic.Uint64
	stop chan struct{}
	done chan struct{}
}

func watchHeap(interval time.Duration) *heapWatch {
	w := &heapWatch{stop: make(chan struct{}), done: make(chan struct{})}
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() {
		metrics.Read(s)
		if v := s[0].Value.Uint64(); v > w.peak.Load() {
			w.peak.Store(v)
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

// Stop ends the sampling and returns the peak.
func (w *heapWatch) Stop() uint64 {
	close(w.stop)
	<-w.done
	return w.peak.Load()
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
// "kept-B/B" is what the analysed article keeps. The stages are warmed first on 512 KB of other
// articles (the last files of the folder), so that the bounded word caches
// they share between articles are filled as in a long run rather than
// counted against the article measured.
func BenchmarkArticleMemory(b *testing.B) {
	warmText := newsTextFromEnd(b, 512<<10)
	for _, kb := range []int{5, 64, 512, 2048} {
		text := newsText(b, kb<<10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			st, err := stages("")
			if err != nil {
				b.Fatal(err)
			}
			p := pipeline.New(st, pipeline.Options{Workers: 1})
			warm := &news.Article{Raw: news.Raw{Body: warmText, Format: news.FormatText}}
			if err := p.Process(b.Context(), warm); err != nil {
				b.Fatal(err)
			}
			measure := func() (peak, kept float64) {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				w := watchHeap(100 * time.Microsecond)
				a := &news.Article{Raw: news.Raw{Body: text, Format: news.FormatText}}
				if err := p.Process(b.Context(), a); err != nil {
					b.Fatal(err)
				}
				pk := w.Stop()
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(a)
				return float64(pk) - float64(before.HeapAlloc), float64(after.HeapAlloc) - float64(before.HeapAlloc)
			}
			var peak, live, kept float64
			for b.Loop() {
				pk, kp := measure()
				peak, kept = max(peak, pk), max(kept, kp)
				old := debug.SetGCPercent(5)
				pk, _ = measure()
				debug.SetGCPercent(old)
				live = max(live, pk)
			}
			b.ReportMetric(peak/float64(len(text)), "heap-B/B")
			b.ReportMetric(live/float64(len(text)), "live-B/B")
			b.ReportMetric(kept/float64(len(text)), "kept-B/B")
		})
	}
}
