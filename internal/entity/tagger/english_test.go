package tagger

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestLongShape(t *testing.T) {
	for tok, want := range map[string]string{
		"McDonald": "XxXx", "U.S.": "X.X.", "@bbc_news": "@x_x", "2014": "d", "iPhone": "xXx",
		"http://t.co/x1": "<url>", "NASA": "X", "Obama's": "Xx'x", "दिल्ली": "D", "Ünal": "Xx",
		"a1b2c3d4e5": "xdxdxdxd", "": "",
	} {
		if got := longShape(tok); got != want {
			t.Errorf("longShape(%q) = %q, want %q", tok, got, want)
		}
	}
}

func TestSentenceForm(t *testing.T) {
	form := func(s string) []uint8 {
		ts := prepare(strings.Fields(s), nil, nil, nil, EnglishFeatures)
		out := make([]uint8, len(ts))
		for i := range ts {
			out[i] = ts[i].form
		}
		return out
	}
	// the first word after "RT", a user name and a colon opens the sentence
	f := form("RT @bbc : Police say the road is closed . Trains run")
	if f[3]>>3 != openFirst || f[4]>>3 != 0 || f[0]&7 != styleNormal {
		t.Errorf("tweet forms %v", f)
	}
	if f[10]>>3 != openAfter {
		t.Errorf("after a full stop: %v", f)
	}
	if f := form("THIS IS THE BEST DAY EVER"); f[0]&7 != styleShout {
		t.Errorf("shouted sentence: style %d", f[0]&7)
	}
	if f := form("the best day ever in town"); f[0]&7 != styleLower {
		t.Errorf("lower-case sentence: style %d", f[0]&7)
	}
	if f := form("Watch The Best Day Ever Live"); f[0]&7 != styleTitle {
		t.Errorf("title-case sentence: style %d", f[0]&7)
	}
	if f := form("Hi there"); f[0]&7 != styleShort {
		t.Errorf("short sentence: style %d", f[0]&7)
	}
}

// TestEnglishModelRoundTrip trains a model with the English feature set
// and given names, writes and reads it: the set and the lexicon's marks
// come back, the tags are the same, and a base model's file is as before.
func TestEnglishModelRoundTrip(t *testing.T) {
	train := toySentences(t)
	opts := TrainOptions{Epochs: 3, Features: EnglishFeatures, GivenNames: []string{"राम", "priya"}}
	m, _, err := TrainSentences(t.Context(), train, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Load(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.set != EnglishFeatures || got.lex["priya"]&lexGiven == 0 {
		t.Fatalf("loaded set %d, priya %x", got.set, got.lex["priya"])
	}
	for _, s := range train {
		if a, b := m.Tag(s.Tokens), got.Tag(s.Tokens); !slices.Equal(a, b) {
			t.Errorf("%v: %v before writing, %v after", s.Tokens, a, b)
		}
	}
	checkWordVectors(t, got, [][]string{strings.Fields("RT @priya : राम and Priya Sharma in #Delhi http://t.co/x")})
	// the base set writes the feature version alone
	base, _, err := TrainSentences(t.Context(), train, nil, TrainOptions{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if _, err := base.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if got, err := Load(bytes.NewReader(buf.Bytes()), nil); err != nil || got.set != BaseFeatures {
		t.Fatalf("base model: %v, set %v", err, got)
	}
	if _, _, err := TrainSentences(t.Context(), train, nil, TrainOptions{Features: nFeatureSets}); err == nil {
		t.Error("unknown feature set: no error")
	}
}
