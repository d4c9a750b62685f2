package cli

import (
	"strings"
	"testing"
)

// TestNERLangFlags checks that train ner and eval ner refuse a language
// they do not know and flags of the other language, naming what to do.
func TestNERLangFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "ner", "--lang", "fr"}, `--lang "fr": want hi or en`},
		{[]string{"train", "ner", "--lang", "en", "--train", "x.conll"}, "--train and --dev are for Hindi"},
		{[]string{"train", "ner", "--data", "x"}, "--data is for English"},
		{[]string{"eval", "ner", "--lang", "fr"}, `--lang "fr": want hi or en`},
		{[]string{"eval", "ner", "--lang", "en", "--nosuch"}, `unknown flag "--nosuch"`},
	} {
		r := khabar(t, t.Context(), "", c.args...)
		if r.code == 0 || !strings.Contains(strings.ToLower(r.stderr), strings.ToLower(c.want)) {
			t.Errorf("khabar %s: exit %d, stderr %q; want an error saying %q", strings.Join(c.args, " "), r.code, r.stderr, c.want)
		}
	}
}
