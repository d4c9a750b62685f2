package tagger

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"os"
	"slices"
	"testing"
)

// TestShippedRoundTrip checks that the shipped models, loaded into the
// feature table (most weights inline in their slots) and written again,
// give the same stream as the files hold.
func TestShippedRoundTrip(t *testing.T) {
	for _, name := range []string{"ner-hi", "ner-en"} {
		raw, err := os.ReadFile("../model/" + name + ".model.gz")
		if err != nil {
			t.Skipf("no model: %v", err)
		}
		m, err := Load(bytes.NewReader(raw), nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := m.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		if a, b := gunzip(t, raw), gunzip(t, buf.Bytes()); !bytes.Equal(a, b) {
			t.Errorf("%s: written again, %d bytes against %d", name, len(b), len(a))
		}
		inline := 0
		for i := range m.table.slots {
			if m.table.slots[i].ref&refInline != 0 {
				inline++
			}
		}
		if inline < m.info.Features/2 {
			t.Errorf("%s: %d of %d features inline", name, inline, m.info.Features)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFeatTableInline checks that weights a slot cannot hold exactly stay
// in ws, and that every slot gives back its weights in order.
func TestFeatTableInline(t *testing.T) {
	feats := [][]labWeight{
		{{w: 1.5, lab: 0}, {w: -0.25, lab: 12}},
		{{w: 511.984375, lab: 15}, {w: -512, lab: 1}, {w: 3, lab: 2}}, // the int16 bounds
		{{w: 512, lab: 3}},  // too large
		{{w: 0.01, lab: 3}}, // not a multiple of quantStep
		{{w: 1, lab: 16}},   // label too large
		{{w: 1, lab: 0}, {w: 2, lab: 1}, {w: 3, lab: 2}, {w: 4, lab: 3}}, // too many
		{{w: float32(math.Copysign(0, -1)), lab: 0}},                     // -0
		{{w: -7.5, lab: 4}},
	}
	wantInline := []bool{true, true, false, false, false, false, false, true}
	ft := newFeatTable(len(feats))
	for i, ws := range feats {
		first := uint32(len(ft.ws))
		for _, lw := range ws {
			ft.push(uint8(lw.lab), lw.w)
		}
		ft.put(uint64(i+1)*0x9e3779b97f4a7c15&hashMask, first, uint8(len(ws)))
	}
	for i, ws := range feats {
		sl := ft.find(uint64(i+1) * 0x9e3779b97f4a7c15 & hashMask)
		if sl == nil {
			t.Fatalf("feature %d not found", i)
		}
		if got := sl.ref&refInline != 0; got != wantInline[i] {
			t.Errorf("feature %d: inline %v, want %v", i, got, wantInline[i])
		}
		got := ft.weights(nil, sl)
		if sl.count() != len(ws) || !slices.EqualFunc(got, ws, func(a, b labWeight) bool {
			return a.lab == b.lab && math.Float32bits(a.w) == math.Float32bits(b.w)
		}) {
			t.Errorf("feature %d: weights %v, want %v", i, got, ws)
		}
		row := make([]float32, 17)
		ft.add(row, sl)
		want := make([]float32, 17)
		for _, lw := range ws {
			want[lw.lab] += lw.w
		}
		for c := range row {
			if math.Float32bits(row[c]) != math.Float32bits(want[c]) {
				t.Errorf("feature %d label %d: added %v, want %v", i, c, row[c], want[c])
			}
		}
	}
}
