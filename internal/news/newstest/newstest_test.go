package newstest

import "testing"

func TestEntities(t *testing.T) {
	text := "व्लादिमीर पुतिन ने कहा। पुतिनजी नहीं, पुतिन हां।"
	es := Entities(text, Ent{"kb:vladimir-putin", "Vladimir Putin", "PER", []string{"व्लादिमीर पुतिन", "पुतिन"}}, Ent{"kb:x", "X", "LOC", []string{"लंदन"}})
	if len(es) != 1 {
		t.Fatalf("%d entities, want 1 (absent ones dropped)", len(es))
	}
	m := es[0].Mentions
	if len(m) != 2 || m[0].Text != "व्लादिमीर पुतिन" || m[0].Start != 0 || m[1].Text != "पुतिन" {
		t.Errorf("mentions %+v: want the full name then the whole-word short form only", m)
	}
	r := []rune(text)
	if string(r[m[1].Start:m[1].End]) != "पुतिन" {
		t.Errorf("offsets %d-%d are not code points of the mention", m[1].Start, m[1].End)
	}
}
