package dedup

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

func TestZZProbe(t *testing.T) {
	dir := os.Getenv("PROBE_DIR")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	sort.Strings(files)
	g := NewGrouper(Options{Bucket: probeBucket()})
	var k Sketcher
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	t0 := time.Now()
	cands := 0
	for i, f := range files {
		b, _ := os.ReadFile(f)
		s := k.Of(filepath.Base(f), "", string(b), day.AddDate(0, 0, i%365))
		g.AddAt(s, uint64(i+1))
		if (i+1)%5000 == 0 {
			fmt.Printf("%d: %.0f µs/article, held %d\n", i+1, float64(time.Since(t0).Microseconds())/5000, g.x.Len())
			t0 = time.Now()
			// bucket sizes
			mx := 0
			for b := range g.x.bands {
				cnt := map[uint32]int{}
				for _, sl := range g.x.bands[b].slots {
					if sl != 0 {
						cnt[uint32(sl>>32)]++
					}
				}
				for _, c := range cnt {
					mx = max(mx, c)
				}
			}
			fmt.Printf("  max bucket %d cands %d\n", mx, cands)
		}
	}
}

func probeBucket() int {
	var n int
	fmt.Sscan(os.Getenv("PROBE_BUCKET"), &n)
	return n
}
