package event

import (
	"strings"
	"testing"
	"testing/fstest"

	"khabar/internal/lexicon"
)

// TestLexiconTargetsChecked checks that a pack whose trigger or cue names a
// subtype, family or type the stage does not know fails when the tables
// are built, instead of matching nothing.
func TestLexiconTargetsChecked(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"subtype", "[event.trigger]\nभूकंप*\tEARTHQUAKES\n", `unknown subtype "EARTHQUAKES"`},
		{"family", "[event.trigger]\nआग\t@fires\n", `unknown family "@fires"`},
		{"plover", "[event.trigger]\nबैठक\t+CONSLUT\n", `unknown PLOVER type "+CONSLUT"`},
		{"cue", "[event.cue]\nबम\tBOMBING\n", `unknown subtype "BOMBING"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := lexicon.Load(fstest.MapFS{"xx/a.txt": {Data: []byte(tc.file)}}, "xx")
			if err != nil {
				t.Fatal(err)
			}
			_, err = buildLexicon([]*lexicon.Pack{p})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	p, err := lexicon.Load(fstest.MapFS{"xx/a.txt": {Data: []byte("[event.trigger]\nभूकंप*\tEARTHQUAKE\nआग\t@fire\nबैठक\t+CONSULT\n")}}, "xx")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := buildLexicon([]*lexicon.Pack{p}); err != nil {
		t.Errorf("valid pack: %v", err)
	}
}
