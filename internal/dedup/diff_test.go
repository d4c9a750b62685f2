package dedup

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// apply rebuilds both texts from a diff.
func apply(edits []Edit) (from, to string) {
	var f, t []string
	for _, e := range edits {
		switch e.Op {
		case Equal:
			f, t = append(f, e.Text), append(t, e.Text)
		case Delete:
			f = append(f, e.Text)
		case Insert:
			t = append(t, e.Text)
		}
	}
	return strings.Join(f, " "), strings.Join(t, " ")
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name, from, to string
		want           []Edit
	}{
		{"same", "एक दो तीन", "एक  दो\n\nतीन", []Edit{{Equal, "एक दो तीन"}}},
		{"empty", "", "", nil},
		{"all new", "", "नया पाठ", []Edit{{Insert, "नया पाठ"}}},
		{"all gone", "पुराना पाठ", "", []Edit{{Delete, "पुराना पाठ"}}},
		{"word replaced", "मंत्री ने संवाददाताओं से कहा", "मंत्री ने पत्रकारों से कहा",
			[]Edit{{Equal, "मंत्री ने"}, {Delete, "संवाददाताओं"}, {Insert, "पत्रकारों"}, {Equal, "से कहा"}}},
		{"paragraph cut", "क ख ग\n\nघ ङ\n\nच छ", "क ख ग\n\nच छ",
			[]Edit{{Equal, "क ख ग"}, {Delete, "घ ङ"}, {Equal, "च छ"}}},
		{"sentence added", "a b c d", "a b x y c d",
			[]Edit{{Equal, "a b"}, {Insert, "x y"}, {Equal, "c d"}}},
		{"moved word", "a b c", "b c a",
			[]Edit{{Delete, "a"}, {Equal, "b c"}, {Insert, "a"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Diff(tc.from, tc.to)
			if len(got) != len(tc.want) {
				t.Fatalf("Diff = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("Diff = %q, want %q", got, tc.want)
				}
			}
		})
	}
}

// TestDiffRandom checks on random edits that a diff rebuilds both texts
// and is no longer than the edits made.
func TestDiffRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"क", "ख", "ग", "घ", "च", "छ", "ज", "झ"}
	for range 300 {
		var a []string
		for range rng.IntN(40) {
			a = append(a, words[rng.IntN(len(words))])
		}
		b := append([]string(nil), a...)
		edits := rng.IntN(6)
		for range edits {
			switch i := rng.IntN(len(b) + 1); {
			case i < len(b) && rng.IntN(2) == 0:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i], append([]string{words[rng.IntN(len(words))]}, b[i:]...)...)
			}
		}
		from, to := strings.Join(a, " "), strings.Join(b, " ")
		d := Diff(from, to)
		f, g := apply(d)
		if strings.Join(strings.Fields(f), " ") != from || strings.Join(strings.Fields(g), " ") != to {
			t.Fatalf("Diff(%q, %q) = %q rebuilds %q, %q", from, to, d, f, g)
		}
		st := CountWords(d)
		if st.Added+st.Removed > edits {
			t.Fatalf("Diff(%q, %q) = %q: %d edits, made %d", from, to, d, st.Added+st.Removed, edits)
		}
	}
}

func TestDiffLimit(t *testing.T) {
	var a, b []string
	for i := range 3000 {
		a = append(a, "अ"+strings.Repeat("क", i%7))
		b = append(b, "ब"+strings.Repeat("ख", i%5))
	}
	d := Diff(strings.Join(a, " "), strings.Join(b, " "))
	if len(d) != 2 || d[0].Op != Delete || d[1].Op != Insert {
		t.Fatalf("unrelated long texts: %d edits, want one delete and one insert", len(d))
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("एक दो तीन", "एक तीन चार")
	f.Add("", "a")
	f.Fuzz(func(t *testing.T, from, to string) {
		d := Diff(from, to)
		a, b := apply(d)
		if strings.Join(strings.Fields(a), " ") != strings.Join(strings.Fields(from), " ") ||
			strings.Join(strings.Fields(b), " ") != strings.Join(strings.Fields(to), " ") {
			t.Fatalf("Diff(%q, %q) = %q does not rebuild the texts", from, to, d)
		}
	})
}
