package entity

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
	"khabar/internal/entity/translit"
	"khabar/internal/news"
)

//go:embed model/ner-hi.model.gz
var defaultModel []byte

//go:embed model/ner-en.model.gz
var defaultModelEn []byte

// ModelPath is where the shipped model lives, relative to the repository
// root: the default output of TrainNER.
const ModelPath = "internal/entity/model/ner-hi.model.gz"

// ModelPathEn is where the shipped English model lives, relative to the
// repository root: the default output of TrainNEREnglish.
const ModelPathEn = "internal/entity/model/ner-en.model.gz"

// Options configure New. The zero value uses the embedded model and
// knowledge base.
type Options struct {
	// KB replaces the embedded knowledge base. A model must be used with
	// the knowledge base it was trained with.
	KB *kb.KB
	// Model replaces the embedded tagger model.
	Model *tagger.Model
	// EnglishModel replaces the embedded English tagger model, which finds
	// the names of Latin-script sentences.
	EnglishModel *tagger.Model
	// EnglishRules finds the names of Latin-script sentences by
	// capitalisation rules alone, as before the English model (for
	// comparison).
	EnglishRules bool
}

// Stage is the entities stage. It is safe for concurrent use.
type Stage struct {
	kb    *kb.KB
	model *tagger.Model
	// en tags Latin-script sentences; nil: capitalisation rules do
	en *tagger.Model
	// skip holds steps of the tagging rules to leave out (tests only)
	skip int
}

// New returns a stage with the knowledge base and models of opts. The
// embedded knowledge base and models are loaded once per process and
// shared by every stage that uses them (they are read-only, and what the
// models keep of the words they meet never changes a result): a second
// pipeline in the same process neither decodes them again nor starts with
// cold word records.
func New(opts Options) (*Stage, error) {
	s := &Stage{kb: opts.KB, model: opts.Model, en: opts.EnglishModel}
	if s.kb == nil {
		d := loadEmbedded()
		if d.err != nil {
			return nil, d.err
		}
		s.kb = d.kb
		if s.model == nil {
			s.model = d.model
		}
		if s.en == nil {
			s.en = d.en
		}
	}
	if s.model == nil {
		m, err := tagger.Load(bytes.NewReader(defaultModel), s.kb)
		if err != nil {
			return nil, fmt.Errorf("entities: embedded model: %w", err)
		}
		s.model = m
	}
	if opts.EnglishRules {
		s.en = nil
	} else if s.en == nil && len(defaultModelEn) > 0 {
		m, err := tagger.Load(bytes.NewReader(defaultModelEn), s.kb)
		if err != nil {
			return nil, fmt.Errorf("entities: embedded English model: %w", err)
		}
		s.en = m
	}
	return s, nil
}

// embedded is the embedded knowledge base with the embedded models, which
// use it as their gazetteer.
type embedded struct {
	kb        *kb.KB
	model, en *tagger.Model
	err       error
}

// loadEmbedded loads the embedded knowledge base and models, once.
var loadEmbedded = sync.OnceValue(decodeEmbedded)

// decodeEmbedded loads the embedded knowledge base and models.
func decodeEmbedded() embedded {
	k, err := kb.Load()
	if err != nil {
		return embedded{err: fmt.Errorf("entities: %w", err)}
	}
	d := embedded{kb: k}
	if d.model, err = tagger.Load(bytes.NewReader(defaultModel), k); err != nil {
		return embedded{err: fmt.Errorf("entities: embedded model: %w", err)}
	}
	if len(defaultModelEn) > 0 {
		if d.en, err = tagger.Load(bytes.NewReader(defaultModelEn), k); err != nil {
			return embedded{err: fmt.Errorf("entities: embedded English model: %w", err)}
		}
	}
	return d
}

// Name returns "entities".
func (s *Stage) Name() string { return "entities" }

// KB returns the knowledge base the stage links to.
func (s *Stage) KB() *kb.KB { return s.kb }

// Model returns the tagger model the stage uses.
func (s *Stage) Model() *tagger.Model { return s.model }

// ErrNoSegments is returned by Process for an article the segment stage has
// not run on.
var ErrNoSegments = errors.New("article has no segments: run the segment stage first")

// Process fills a.Entities from the sentences of a.Segments.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if a.Segments == nil {
		if a.Text == "" {
			a.Entities = nil
			return nil
		}
		return fmt.Errorf("entities: %w", ErrNoSegments)
	}
	type tagged struct {
		toks  []string
		words []string // kb.Word of each token
		at    tokenIndex
		found []span
	}
	var sents []tagged
	var doc [][]string
	for _, sent := range a.Segments.Sentences {
		toks, at := sentenceTokens(a.Text, a.Segments, sent)
		if len(toks) == 0 {
			continue
		}
		sents = append(sents, tagged{toks: toks, at: at})
		doc = append(doc, toks)
	}
	spans, words, err := s.docSpans(ctx, doc, nil)
	if err != nil {
		return err
	}
	for k, found := range spans {
		sents[k].found = found
		sents[k].words = words[k]
	}
	var ms []mention
	for _, t := range sents {
		for _, sp := range t.found {
			ms = append(ms, mention{
				start: t.at.span(a.Segments, sp.Start).Start, end: t.at.span(a.Segments, sp.End-1).End,
				typ: sp.Type, entry: sp.entry, tokens: t.toks[sp.Start:sp.End], words: t.words[sp.Start:sp.End], short: sp.short,
			})
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Entities = s.link(a.Text, ms)
	return nil
}

// docSpans finds the names of the sentences of one article, given the
// kb.Word of each token (nil: the tagger folds them), and returns them
// with those words: the names of each sentence (tagDocSpans), then,
// untagged, a surname or first name alone of a person the article names in
// full, and a Latin-script name the article has found elsewhere.
func (s *Stage) docSpans(ctx context.Context, doc, words [][]string) ([][]span, [][]string, error) {
	spans, words, err := s.tagDocSpans(ctx, doc, words)
	if err != nil {
		return nil, nil, err
	}
	// a surname or first name alone, untagged, is the person the article
	// named in full
	surnames := map[string]bool{}
	for k, found := range spans {
		for _, sp := range found {
			if sp.Type == "PER" && sp.End-sp.Start >= 2 {
				for _, i := range []int{sp.Start, sp.End - 1} {
					w := words[k][i]
					if utf8.RuneCountInString(w) >= 3 && !s.model.Common(w) && !personTitles[w] && !calendarWords[w] &&
						!honorifics[w] && (translit.HasDevanagari(w) || capitalised(doc[k][i])) {
						surnames[w] = true
					}
				}
			}
		}
	}
	if len(surnames) > 0 {
		for k := range spans {
			spans[k] = propagate(spans[k], doc[k], words[k], surnames)
			if s.en != nil && latinSentence(doc[k]) {
				personsAlone(spans[k], words[k], surnames)
			}
		}
	}
	if s.en != nil {
		s.propagateLatin(doc, spans)
	}
	return spans, words, nil
}

// personsAlone makes a person of each one-word name of another type, not
// in the knowledge base, that is the first or last word of a person's full
// name in the article ("Mamata Banerjee", then "Banerjee said" tagged a
// place), given the kb.Word of each token.
func personsAlone(found []span, words []string, surnames map[string]bool) {
	for i := range found {
		sp := &found[i]
		if sp.End-sp.Start == 1 && sp.Type != "PER" && sp.entry == nil && surnames[words[sp.Start]] {
			sp.Type = "PER"
		}
	}
}

// propagate adds a person span for each untagged token that is the first
// or last word of a person's full name in the article, given the kb.Word
// of each token.
func propagate(found []span, tokens, words []string, surnames map[string]bool) []span {
	taken := make([]bool, len(words))
	for _, sp := range found {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for i := 0; i < len(words); i++ {
		if taken[i] || !surnames[words[i]] || !translit.HasDevanagari(tokens[i]) && !capitalised(tokens[i]) {
			continue
		}
		// the first and last names side by side are one name
		j := i + 1
		for j < len(words) && !taken[j] && surnames[words[j]] && (translit.HasDevanagari(tokens[j]) || capitalised(tokens[j])) {
			j++
		}
		found = append(found, span{Start: i, End: j, Type: "PER"})
		i = j - 1
	}
	return found
}

// tokenIndex tells which token of an article's segments each token of a
// sentence is: the token at first+i, unless at is not nil (a sentence some
// of whose tokens were out of range), when it is at[i]. Most sentences
// need 8 bytes for it, not 16 a token.
type tokenIndex struct {
	first int
	at    []int32
}

// span returns the byte span of token i of the sentence.
func (x tokenIndex) span(seg *news.Segments, i int) news.Span {
	if x.at != nil {
		return seg.Tokens[x.at[i]].Span
	}
	return seg.Tokens[x.first+i].Span
}

// sentenceTokens returns the tokens of a sentence and which tokens of seg
// they are, with out-of-range tokens skipped.
func sentenceTokens(text string, seg *news.Segments, sent news.Sentence) ([]string, tokenIndex) {
	first, last := max(sent.First, 0), min(sent.Last, len(seg.Tokens))
	if first >= last {
		return nil, tokenIndex{}
	}
	x := tokenIndex{first: first}
	toks := make([]string, 0, last-first)
	for j, t := range seg.Tokens[first:last] {
		if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
			if x.at == nil {
				// the tokens so far were in range
				x.at = make([]int32, j, last-first)
				for k := range x.at {
					x.at[k] = int32(first + k)
				}
			}
			continue
		}
		toks = append(toks, text[t.Start:t.End])
		if x.at != nil {
			x.at = append(x.at, int32(first+j))
		}
	}
	return toks, x
}
