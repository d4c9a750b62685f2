package gazetteer

import (
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "# comment\n\n" +
		"LOC\tNew Delhi\tनई दिल्ली|+नयी दिल्ली|-~दिल्ली शहर\tNEW DELHI\tQ987\tkind=city,dateline=place\n" +
		"LOC\tKanpur\tकानपुर\t\t\tdateline=place,nokb\n" +
		"PER\tVladimir Putin\tव्लादिमीर पुतिन|~पुतिन\tPutin\tQ7747\n"
	rows, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{
		{Type: LOC, Name: "New Delhi", Wikidata: "Q987", Kind: "city", Dateline: DatelinePlace,
			Names:   []Name{{Text: "नई दिल्ली"}, {Text: "नयी दिल्ली", DatelineOnly: true}, {Text: "दिल्ली शहर", LinkOnly: true, NotDateline: true}},
			Aliases: []Name{{Text: "NEW DELHI"}}},
		{Type: LOC, Name: "Kanpur", Dateline: DatelinePlace, NoKB: true, Names: []Name{{Text: "कानपुर"}}},
		{Type: PER, Name: "Vladimir Putin", Wikidata: "Q7747",
			Names: []Name{{Text: "व्लादिमीर पुतिन"}, {Text: "पुतिन", LinkOnly: true}}, Aliases: []Name{{Text: "Putin"}}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("Read:\n got %+v\nwant %+v", rows, want)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"type", "PLACE\tDelhi\n", `line 1: type "PLACE"`},
		{"no name", "LOC\t \tदिल्ली\n", "line 1: no English name"},
		{"flag", "# c\nLOC\tDelhi\t\t\t\tkind=city,capital\n", `line 2: unknown flag "capital"`},
		{"dateline value", "LOC\tDelhi\t\t\t\tdateline=city\n", "dateline is place or region"},
		{"nokb alone", "LOC\tDelhi\t\t\t\tnokb\n", "nokb on a row no dateline reads"},
		{"marker", "LOC\tDelhi\t+दिल्ली\n", `name "दिल्ली": a "+" or "-" marker`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestPlaces checks the embedded files: they load, hold places only, and
// the dateline rows name the places datelines are read with.
func TestPlaces(t *testing.T) {
	rows, err := Places()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 1500 {
		t.Fatalf("%d places, want the CLDR list and the hand-written ones", len(rows))
	}
	dl, err := Datelines()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, r := range dl {
		if r.Generated {
			t.Errorf("%s: a generated row read by datelines", r.Name)
		}
		for _, n := range r.Names {
			if !n.NotDateline {
				names[n.Text] = r.Name
			}
		}
	}
	for name, want := range map[string]string{
		"नई दिल्ली": "New Delhi", "नवी दिल्ली": "New Delhi", "मुंबई": "Mumbai", "पुणे": "Pune",
		"मास्को": "Moscow", "बिहार": "Bihar", "ठाणे": "Thane",
	} {
		if names[name] != want {
			t.Errorf("dateline name %s: %q, want %q", name, names[name], want)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("LOC\tNew Delhi\tनई दिल्ली|+नयी दिल्ली\tNEW DELHI\tQ987\tkind=city,dateline=place\n")
	f.Add("PER\tX\t~|+|-\t\t\tnoscan\n")
	f.Add("LOC\t\t\n#\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Name == "" {
				t.Fatalf("row without a name: %+v", r)
			}
			for _, n := range append(r.Names, r.Aliases...) {
				if n.Text == "" {
					t.Fatalf("empty name in %+v", r)
				}
			}
		}
	})
}
