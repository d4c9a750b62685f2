package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/news"
)

func TestCSVCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"पुतिन", "पुतिन"},
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"+1+2", "'+1+2"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"a=b", "a=b"},
		{"2026-12-07T10:00:00+05:30", "2026-12-07T10:00:00+05:30"},
	}
	for _, c := range cases {
		if got := csvCell(c.in); got != c.want {
			t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVRowFormula is issue 17 #5: every cell of a row, not only the
// text, is made safe.
func TestCSVRowFormula(t *testing.T) {
	a := &news.Article{ID: "x", Title: "=HYPERLINK(\"http://evil.example\")", Publisher: "@evil",
		Byline: []string{"-1+1"}, Text: "+cmd"}
	for i, c := range csvRow(a) {
		if c != "" && (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@') {
			t.Errorf("column %s = %q starts a formula", csvHeader[i], c)
		}
	}
}

// TestExportTables exports the entities, quotes and events of a story of
// the sample corpus: CSV for spreadsheets with a byte-order mark and one
// row per item, JSON Lines with numbers as numbers.
func TestExportTables(t *testing.T) {
	dir := t.TempDir()
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", dir, "../../examples/corpus/story-trump-putin-meeting"); r.code != 0 {
		t.Fatalf("ingest: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	read := func(what, format string, extra ...string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), what+"."+format)
		args := append([]string{"export", "--data", dir, "--what", what, "--format", format, "-o", out}, extra...)
		if r := khabar(t, t.Context(), "", args...); r.code != 0 {
			t.Fatalf("export %s: %d\n%s", what, r.code, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	ev := read("events", "csv", "--excel")
	if !strings.HasPrefix(ev, "\uFEFFdate,type,subtype,modality,trigger,actor_ids,actor_names") {
		t.Errorf("events CSV starts %q", ev[:min(len(ev), 80)])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(ev, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("events CSV: %d rows, %v", len(rows), err)
	}
	consult := 0
	for _, r := range rows[1:] {
		if r[1] == "CONSULT" && strings.Contains(r[6]+r[9], "Putin") {
			consult++
		}
	}
	if consult == 0 {
		t.Errorf("no CONSULT event with Putin among:\n%s", ev)
	}
	// --entity keeps the events Putin is an actor, target or place of.
	putin := read("events", "csv", "--entity", "kb:vladimir-putin")
	prow, err := csv.NewReader(strings.NewReader(putin)).ReadAll()
	if err != nil || len(prow) < 2 || len(prow) >= len(rows) {
		t.Fatalf("events of Putin: %d rows of %d, %v", len(prow), len(rows), err)
	}
	for _, r := range prow[1:] {
		if !strings.Contains(r[5]+"; "+r[8]+"; "+r[11], "kb:vladimir-putin") {
			t.Errorf("event without Putin: %q", r)
		}
	}
	if qs := read("quotes", "csv", "--entity", "kb:nobody"); strings.Count(qs, "\n") != 1 {
		t.Errorf("quotes of nobody: %q", qs)
	}
	ents := read("entities", "csv")
	if !strings.Contains(ents, "Vladimir Putin") || !strings.Contains(ents, "पुतिन") {
		t.Errorf("entities lack Putin in both scripts:\n%s", ents)
	}
	q := read("quotes", "jsonl")
	var first map[string]any
	if err := json.Unmarshal([]byte(strings.SplitN(q, "\n", 2)[0]), &first); err != nil || first["speaker_name"] == nil || first["direct"] == nil {
		t.Errorf("quotes JSON Lines: %v %v", first, err)
	}
	jev := read("events", "jsonl")
	if !strings.Contains(jev, `"killed":`) || strings.Contains(jev, `"killed":""`) {
		t.Errorf("events JSON Lines: killed should be a number or null:\n%.400s", jev)
	}
	if r := khabar(t, t.Context(), "", "export", "--data", dir, "--what", "people"); r.code != 2 {
		t.Errorf("unknown --what: exit %d", r.code)
	}
	if r := khabar(t, t.Context(), "", "export", "--data", dir, "--excel"); r.code != 2 {
		t.Errorf("--excel without csv: exit %d", r.code)
	}
}
