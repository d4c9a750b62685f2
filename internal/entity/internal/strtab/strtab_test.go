package strtab

import (
	"fmt"
	"sync"
	"testing"
	"unsafe"
)

func TestTable(t *testing.T) {
	tab := New[int](100)
	if _, ok := tab.Get("a"); ok {
		t.Fatal("an empty table holds a")
	}
	text := "मोहन ने पटना में"
	k := text[:len("मोहन")]
	if v, ok := tab.Add(k, 1); v != 1 || !ok {
		t.Fatalf("Add = %d, %v", v, ok)
	}
	if v, ok := tab.Add("मोहन", 2); v != 1 || !ok {
		t.Fatalf("second Add = %d, %v, want the first value", v, ok)
	}
	if v, ok := tab.Get("मोहन"); v != 1 || !ok {
		t.Fatalf("Get = %d, %v", v, ok)
	}
	for i := range tab.slots {
		if e := tab.slots[i].Load(); e != nil && unsafe.StringData(e.key) == unsafe.StringData(text) {
			t.Error("the table keeps the text's bytes")
		}
	}
	for i := range 200 {
		tab.Add(fmt.Sprint(i), i)
	}
	if tab.Len() != 100 || !tab.Full() {
		t.Fatalf("Len = %d, Full = %v; want 100, true", tab.Len(), tab.Full())
	}
	if v, ok := tab.Add("over", 7); v != 7 || ok {
		t.Fatalf("Add to a full table = %d, %v", v, ok)
	}
	if _, ok := tab.Get("over"); ok {
		t.Fatal("a full table took a key")
	}
}

// TestTableConcurrent adds the same keys from several goroutines: each key
// ends with one value, the one every Add of it returned.
func TestTableConcurrent(t *testing.T) {
	tab := New[string](1 << 10)
	const workers = 8
	type answer struct {
		v  string
		ok bool
	}
	got := make([][]answer, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range 2000 {
				v, ok := tab.Add(fmt.Sprint(i%1500), fmt.Sprint(w))
				got[w] = append(got[w], answer{v, ok})
			}
		})
	}
	wg.Wait()
	if tab.Len() != 1<<10 {
		t.Fatalf("Len = %d, want %d", tab.Len(), 1<<10)
	}
	for i := range 1500 {
		k := fmt.Sprint(i)
		v, held := tab.Get(k)
		for w := range workers {
			a := got[w][i]
			switch {
			case a.ok && (!held || a.v != v):
				t.Fatalf("key %s: worker %d was given %q as held, the table holds %q (%v)", k, w, a.v, v, held)
			case !a.ok && a.v != fmt.Sprint(w):
				t.Fatalf("key %s: worker %d was refused with %q, not its own value", k, w, a.v)
			}
		}
	}
}

func BenchmarkGet(b *testing.B) {
	tab := New[int](1 << 14)
	keys := make([]string, 1<<14)
	for i := range keys {
		keys[i] = fmt.Sprintf("शब्द%d", i)
		tab.Add(keys[i], i)
	}
	i := 0
	for b.Loop() {
		tab.Get(keys[i&(1<<14-1)])
		i++
	}
}
