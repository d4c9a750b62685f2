package press

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// datelineView is what the dateline golden files hold of each paragraph.
type datelineView struct {
	Paragraph string        `json:"paragraph"`
	Dateline  *DatelineInfo `json:"dateline,omitempty"`
	English   string        `json:"english_place,omitempty"`
}

// TestMarathiDatelines reads the datelines of Marathi paragraphs written
// for this test (testdata/marathi-datelines.txt, one paragraph a line)
// and compares them with testdata/marathi-datelines.golden.json: Marathi
// spellings of places (नवी दिल्ली, नागपूर, कोल्हापूर) come from the
// gazetteer, months and agencies from the Marathi pack.
func TestMarathiDatelines(t *testing.T) {
	const path = "testdata/marathi-datelines.txt"
	in, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []datelineView
	for _, p := range strings.Split(strings.TrimSpace(string(in)), "\n") {
		v := datelineView{Paragraph: p}
		if d, ok := ParseDateline(p); ok {
			v.Dateline, v.English = &d, d.EnglishPlace()
		}
		got = append(got, v)
	}
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
	if *update {
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("%s differs from %s (go test -run TestMarathiDatelines -update rewrites it):\n%s", path, golden, b)
	}
}
