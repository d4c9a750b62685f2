package normalize

import "testing"

// The Cmp benchmarks run each folding beside the fold it replaced
// (folding_old_test.go) on short page lines, the inputs of the cleaner
// and the recognisers.

var cmpLines = []string{
	"Published: Mar 5, 2025 23:40 IST | Updated  by Reuters Desk",
	"नई दिल्ली, 12 मार्च (भाषा) प्रधानमंत्री  नरेंद्र मोदी ने कहा",
	"Follow us on Facebook, Twitter and Instagram",
	"यह भी पढ़ें: ख़बर",
	"NEW DELHI",
	"Donald",
}

func BenchmarkCmpLineOld(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = oldLine(s)
		}
	}
}
func BenchmarkCmpLineNew(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = LineFold.String(s)
		}
	}
}
func BenchmarkCmpWordOld(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = oldWordFold(s)
		}
	}
}
func BenchmarkCmpWordNew(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = WordFold.String(s)
		}
	}
}
func BenchmarkCmpTermOld(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = oldTermFold(s)
		}
	}
}
func BenchmarkCmpTermNew(b *testing.B) {
	for b.Loop() {
		for _, s := range cmpLines {
			_ = TermFold.String(s)
		}
	}
}

func BenchmarkCmpKeyOld(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		oldFold(s)
	}
}

func BenchmarkCmpKeyNew(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		KeyFold.String(s)
	}
}
