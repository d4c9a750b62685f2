package newstest

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// Golden compares v, as indented JSON, with the golden file beside the case
// file path (testdata/x.txt → testdata/x.golden.json). With update set it
// writes the golden file instead. what names v in the failure message.
func Golden(t testing.TB, path, what string, v any, update bool) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := strings.TrimSuffix(path, ".txt") + ".golden.json"
	if update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differ from %s (run go test -update and review the diff):\n%s", what, golden, got)
	}
}
