package event

import "testing"

// TestLexiconsBuild builds the stage's tables for every language with a
// pack: they are built when an article first asks for them, so a pack the
// stage cannot read would otherwise show only then.
func TestLexiconsBuild(t *testing.T) {
	if err := lexicons.Check(); err != nil {
		t.Fatal(err)
	}
}
