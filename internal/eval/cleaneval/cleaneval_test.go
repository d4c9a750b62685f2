package cleaneval

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/extract"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/pipeline"
)

func TestParse(t *testing.T) {
	src := "format: text\nsplit: heldout\ntitle: T\npublished: 2024-01-02T03:04:05+05:30\npublisher: P\ndateline: New Delhi\nagencies: PTI, AFP\n---\n- Banner line\n+ {नई दिल्ली:} पहला वाक्य। दूसरा वाक्य।\n\n+ Another line here."
	c, err := Parse("x", src)
	if err != nil {
		t.Fatal(err)
	}
	if c.Split != "heldout" || c.Title != "T" || !c.HasPublisher || c.Publisher != "P" {
		t.Errorf("header = %+v", c)
	}
	if !c.HasDateline || c.Dateline != "New Delhi" || !c.HasAgencies || strings.Join(c.Agencies, "+") != "PTI+AFP" {
		t.Errorf("dateline and agencies = %+v", c)
	}
	if c2, err := Parse("y", "dateline: -\nagencies: -\n---\n+ A line."); err != nil || !c2.HasDateline || c2.Dateline != "" || !c2.HasAgencies || c2.Agencies != nil {
		t.Errorf("none labels = %+v, %v", c2, err)
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

// TestDevSet scores the built-in dev set through the flow's stages (HTML
// pages through the extract stage) and holds it to the targets;
// the held-out split is reported, and held to the same targets.
// Floors of TestDevSet over all cases: at or just below what the flow
// reaches, to catch regressions.
const (
	floorBoiler    = 0.98 // 98.4% with the blind batches h6–h9 as dev
	floorTitle     = 0.99
	floorPublished = 0.99
	floorPublisher = 0.93 // h8, h9 and p9 name outlets the table does not know
)

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
	// Without normalisation (the cleaner alone) the targets hold too.
	var raw bytes.Buffer
	rawRep, err := RunWith(t.Context(), "", &raw, Options{Before: []pipeline.Stage{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("without normalize:\n" + raw.String())
	// The flow (extract, normalize, clean, meta) holds what the set
	// measures now, the blind h6 and h7 batches included (their misses are
	// the floor's slack): no body sentence lost, and the other scores at
	// or just below what the stages reach (floors against regressions).
	if a := rep.All; a.BodyKept() < 1 || a.BoilerplateRemoved() < floorBoiler || a.TitleExact() < floorTitle || a.PublishedExactShare() < floorPublished || a.PublisherExact() < floorPublisher {
		t.Errorf("all: body %.4f, boilerplate %.4f, title %.4f, published %.4f, publisher %.4f; want 1, ≥ %.3f, %.3f, %.3f, %.3f",
			a.BodyKept(), a.BoilerplateRemoved(), a.TitleExact(), a.PublishedExactShare(), a.PublisherExact(),
			floorBoiler, floorTitle, floorPublished, floorPublisher)
	}
	for name, s := range map[string]Score{"dev": rep.Dev, "heldout": rep.Heldout, "raw dev": rawRep.Dev, "raw heldout": rawRep.Heldout} {
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

func htmlCases(b *testing.B) []Case {
	b.Helper()
	cases, err := Load(builtin, "testdata/*.case")
	if err != nil {
		b.Fatal(err)
	}
	var out []Case
	for _, c := range cases {
		if c.Format == news.FormatHTML {
			out = append(out, c)
		}
	}
	return out
}

// BenchmarkExtractHTML times the extract stage on the built-in HTML pages
// (one op is one page).
func BenchmarkExtractHTML(b *testing.B) {
	cases := htmlCases(b)
	ext := extract.New(extract.Options{})
	i := 0
	for b.Loop() {
		c := cases[i%len(cases)]
		i++
		a := &news.Article{Raw: news.Raw{Body: c.Page, Format: news.FormatHTML}}
		if err := ext.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanMetaHTML times clean and meta on HTML pages as the extract
// stage leaves them, head parsing included (one op is one page).
func BenchmarkCleanMetaHTML(b *testing.B) {
	cases := htmlCases(b)
	extracted := make([]news.Article, len(cases))
	ext := extract.New(extract.Options{})
	for i, c := range cases {
		a := &news.Article{Raw: news.Raw{Body: c.Page, Format: news.FormatHTML}}
		if err := ext.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
		extracted[i] = *a
	}
	cl, mt := clean.New(), meta.New()
	i := 0
	for b.Loop() {
		k := i % len(cases)
		i++
		a := extracted[k]
		a.Byline = slices.Clone(a.Byline)
		a.Removed = nil
		if err := cl.Process(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
		if err := mt.Process(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
	}
}
