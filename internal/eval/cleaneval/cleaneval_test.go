package cleaneval

import (
	"bytes"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := "format: text\nsplit: heldout\ntitle: T\npublished: 2024-01-02T03:04:05+05:30\npublisher: P\n---\n- Banner line\n+ {नई दिल्ली:} पहला वाक्य। दूसरा वाक्य।\n\n+ Another line here."
	c, err := Parse("x", src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Split != "heldout" || c.Title != "T" || !c.HasPublisher || c.Publisher != "P" {
		t.Errorf("header = %+v", c)
	}
	if want := "Banner line\nनई दिल्ली: पहला वाक्य। दूसरा वाक्य।\n\nAnother line here."; c.Page != want {
		t.Errorf("page = %q, want %q", c.Page, want)
	}
	if len(c.Body) != 2 || c.Body[0] != "पहला वाक्य। दूसरा वाक्य।" {
		t.Errorf("body = %q", c.Body)
	}
	if len(c.Boiler) != 2 || c.Boiler[1] != "नई दिल्ली: पहला वाक्य। दूसरा वाक्य।" {
		t.Errorf("boiler = %q", c.Boiler)
	}
	for _, bad := range []string{"title: x\n", "title: x\n---\nunlabelled", "bogus: 1\n---\n", "published: yesterday\n---\n", "---\n+ {open"} {
		if _, err := Parse("bad", bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("पहला वाक्य। दूसरा? Third one. Last")
	want := []string{"पहला वाक्य।", "दूसरा?", "Third one.", "Last"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

// TestDevSet scores the built-in dev set and holds it to the issue's
// targets; the held-out split is reported, and held to the same targets.
func TestDevSet(t *testing.T) {
	var out bytes.Buffer
	rep, err := RunWith(t.Context(), "", &out, Options{Verbose: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	if rep.Dev.Cases < 30 || rep.Heldout.Cases < 10 {
		t.Errorf("dev set has %d dev and %d held-out cases, want at least 30 and 10", rep.Dev.Cases, rep.Heldout.Cases)
	}
	for name, s := range map[string]Score{"dev": rep.Dev, "heldout": rep.Heldout} {
		if s.BodyKept() < 0.99 {
			t.Errorf("%s: body sentences kept %.3f < 0.99", name, s.BodyKept())
		}
		if s.BoilerplateRemoved() < 0.95 {
			t.Errorf("%s: boilerplate removed %.3f < 0.95", name, s.BoilerplateRemoved())
		}
		if s.TitleExact() < 0.95 {
			t.Errorf("%s: title exact %.3f < 0.95", name, s.TitleExact())
		}
		if s.PublishedExactShare() < 0.90 {
			t.Errorf("%s: published exact %.3f < 0.90", name, s.PublishedExactShare())
		}
	}
}
