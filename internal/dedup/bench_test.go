package dedup

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// gen writes synthetic Hindi-like news: words from a Zipf-distributed
// vocabulary, half of them from the article's topic (one of 2000), with
// the function words of real text between them, so that articles of one
// topic share some shingles as real news does.
type gen struct {
	rng    *rand.Rand
	common *rand.Zipf
	topic  *rand.Zipf
	vocab  []string
	func_  []string
}

func newGen(seed uint64) *gen {
	rng := rand.New(rand.NewPCG(seed, 1))
	syll := []string{"क", "का", "कि", "ला", "रा", "मा", "ना", "सी", "ती", "पु", "दे", "वे", "शा", "गो", "हि", "री", "जन", "मं", "त्र", "स्व"}
	g := &gen{rng: rng, func_: []string{"के", "में", "की", "है", "और", "से", "को", "ने", "पर", "कि", "भी", "था"}}
	seen := map[string]bool{}
	for len(g.vocab) < 60000 {
		var b strings.Builder
		for range 2 + rng.IntN(3) {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.common = rand.NewZipf(rng, 1.1, 2, uint64(len(g.vocab)-1))
	g.topic = rand.NewZipf(rng, 1.3, 1, 199)
	return g
}

// article returns a text of about n words on topic t.
func (g *gen) article(t, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case g.rng.IntN(3) == 0:
			b.WriteString(g.func_[g.rng.IntN(len(g.func_))])
		case g.rng.IntN(2) == 0:
			b.WriteString(g.vocab[(t*200+int(g.topic.Uint64()))%len(g.vocab)])
		default:
			b.WriteString(g.vocab[g.common.Uint64()])
		}
		if i%18 == 17 {
			b.WriteString("।")
		}
	}
	return b.String()
}

var million struct {
	once  sync.Once
	idx   *Index
	probe []*Sketch
	build time.Duration
	// heap is the heap the index holds, measured.
	heap uint64
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// millionIndex builds (once) an index of one million generated articles
// and a set of probe sketches: half copies of stored articles, half new.
func millionIndex(tb testing.TB) (*Index, []*Sketch) {
	million.once.Do(func() {
		const n = 1_000_000
		start := time.Now()
		sk := make([]*Sketch, n)
		workers := runtime.GOMAXPROCS(0)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				g := newGen(uint64(w) + 1)
				var k Sketcher
				for i := w; i < n; i += workers {
					sk[i] = k.Of(fmt.Sprint(i), "", g.article(i%2000, 200+g.rng.IntN(300)), time.Time{})
				}
			}()
		}
		wg.Wait()
		before := heapInUse()
		x := NewIndex(Options{})
		for _, s := range sk {
			x.Add(s)
		}
		million.heap = heapInUse() - before
		g := newGen(99)
		var k Sketcher
		for i := range 1000 {
			if i%2 == 0 {
				// A new article.
				million.probe = append(million.probe, k.Of("new", "", g.article(i%2000, 300), time.Time{}))
			} else {
				// A stored one with its id changed: a copy.
				c := *sk[i*997]
				c.ID = "copy"
				million.probe = append(million.probe, &c)
			}
		}
		million.idx, million.build = x, time.Since(start)
		runtime.KeepAlive(sk)
	})
	return million.idx, million.probe
}

// BenchmarkCopiesMillion is one dedup check (LSH lookup and verification,
// the sketch made beforehand) against one million stored articles.
func BenchmarkCopiesMillion(b *testing.B) {
	x, probe := millionIndex(b)
	found := 0
	i := 0
	for b.Loop() {
		if len(x.Copies(probe[i%len(probe)])) > 0 {
			found++
		}
		i++
	}
	st := x.Stats()
	b.ReportMetric(float64(st.Bytes)/float64(st.Sketches), "estimated-B/article")
	b.ReportMetric(float64(million.heap)/float64(st.Sketches), "heap-B/article")
	b.ReportMetric(float64(found)/float64(i), "found/op")
}

// BenchmarkCheckMillion is a whole dedup check of a new article against
// one million stored: make its sketch, then look it up.
func BenchmarkCheckMillion(b *testing.B) {
	x, _ := millionIndex(b)
	g := newGen(7)
	texts := make([]string, 100)
	for i := range texts {
		texts[i] = g.article(i, 350)
	}
	var k Sketcher
	i := 0
	for b.Loop() {
		x.Copies(k.Of("new", "", texts[i%len(texts)], time.Time{}))
		i++
	}
}

// BenchmarkSketch makes the sketch of a 350-word article.
func BenchmarkSketch(b *testing.B) {
	text := newGen(3).article(1, 350)
	b.SetBytes(int64(len(text)))
	var k Sketcher
	for b.Loop() {
		k.Of("a", "", text, time.Time{})
	}
}

// stockSketches returns the sketches of n articles made of sentences
// drawn from a pool of 300, as khabar bench generates them: most of them
// are loose copies of many others, in groups of thousands.
func stockSketches(n int) []*Sketch {
	g := newGen(11)
	pool := make([]string, 300)
	for i := range pool {
		pool[i] = g.article(i%50, 25)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var k Sketcher
	out := make([]*Sketch, n)
	for i := range out {
		var b strings.Builder
		for range 12 {
			b.WriteString(pool[rng.IntN(len(pool))])
			fmt.Fprintf(&b, " (%d) ", rng.IntN(1000))
		}
		out[i] = k.Of(fmt.Sprintf("a%06d", i), "", b.String(), day.AddDate(0, 0, (i*7)%300))
	}
	return out
}

// BenchmarkAddStock is Grouper.AddAt of one article after 4,000 or 16,000
// made of stock sentences (see stockSketches), in groups that grow with
// the stream: the cost per article must not grow with them.
func BenchmarkAddStock(b *testing.B) {
	for _, held := range []int{4000, 16000} {
		b.Run(fmt.Sprint("held=", held), func(b *testing.B) {
			sk := stockSketches(held + 512)
			g := NewGrouper(Options{Window: -1})
			for i, s := range sk[:held] {
				g.AddAt(s, uint64(i+1))
			}
			i := held
			for b.Loop() {
				s := sk[held+(i-held)%512]
				g.Remove(s.ID)
				g.AddAt(s, uint64(i+1))
				i++
			}
			gs, copies := g.Counts()
			b.ReportMetric(float64(copies)/float64(max(gs, 1)), "copies/group")
		})
	}
}
