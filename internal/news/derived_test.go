package news

import "testing"

func TestDerived(t *testing.T) {
	type key struct{}
	builds := 0
	build := func(text string) any { builds++; return len(text) }
	a := &Article{Text: "नई दिल्ली"}
	if got := a.Derived(key{}, build).(int); got != len(a.Text) || builds != 1 {
		t.Fatalf("first call: %d after %d builds", got, builds)
	}
	a.Derived(key{}, build)
	if builds != 1 {
		t.Fatalf("second call built again (%d builds)", builds)
	}
	// a copy reads what was made, and keeps its own additions to itself
	c := *a
	c.Derived(key{}, build)
	type other struct{}
	c.Derived(other{}, build)
	if builds != 2 {
		t.Fatalf("copy: %d builds, want 2", builds)
	}
	if _, ok := a.derived.vals[other{}]; ok {
		t.Fatal("the copy's value reached the original")
	}
	// a new text makes the values stale
	a.Text = "मुंबई"
	if got := a.Derived(key{}, build).(int); got != len(a.Text) || builds != 3 {
		t.Fatalf("new text: %d after %d builds", got, builds)
	}
	if o := a.Offsets(); o.Len() != 5 || a.Offsets() != o {
		t.Fatalf("Offsets: %d code points, or made twice", o.Len())
	}
	a.ForgetDerived()
	if a.derived != nil {
		t.Fatal("ForgetDerived kept the values")
	}
}
