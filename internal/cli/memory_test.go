package cli

import (
	"fmt"
	"runtime"
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
// before it, per byte of the article ("heap-B/B"; the target is at most 20),
// and what the analysed article keeps ("kept-B/B"). The collector runs at
// its default pace, as in khabar analyze.
func BenchmarkArticleMemory(b *testing.B) {
	for _, kb := range []int{5, 64, 512, 2048} {
		text := newsText(b, kb<<10)
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			st, err := stages("")
			if err != nil {
				b.Fatal(err)
			}
			p := pipeline.New(st, pipeline.Options{Workers: 1})
			// warm the stages' caches and pools on another article first
			warm := &news.Article{Raw: news.Raw{Body: newsText(b, 4<<10), Format: news.FormatText}}
			if err := p.Process(b.Context(), warm); err != nil {
				b.Fatal(err)
			}
			var peak, kept float64
			for b.Loop() {
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
				peak = max(peak, float64(pk)-float64(before.HeapAlloc))
				kept = max(kept, float64(after.HeapAlloc)-float64(before.HeapAlloc))
			}
			b.ReportMetric(peak/float64(len(text)), "heap-B/B")
			b.ReportMetric(kept/float64(len(text)), "kept-B/B")
		})
	}
}
