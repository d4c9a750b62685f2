package tagger

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrMalformed is returned for CoNLL input that cannot be read.
var ErrMalformed = errors.New("malformed CoNLL")

// Limits of the CoNLL reader.
const (
	// MaxLineBytes is the longest line read.
	MaxLineBytes = 1 << 20
	// MaxSentenceTokens is the most tokens one sentence may hold.
	MaxSentenceTokens = 100000
)

// Sentence is one sentence of a CoNLL file: its tokens and, when the file
// has them, their tags (normalised: O, B-PER, I-LOC, …).
type Sentence struct {
	Tokens []string
	Tags   []string
	// Line is the line number of the first token.
	Line int
}

// ReadCoNLL reads CoNLL text: one token per line, the token in the first
// column, columns separated by tabs (or, in a line without tabs, by
// spaces), a blank line between sentences, lines starting with "#" or
// "-DOCSTART-" skipped. With tagged, the last column is the tag and a line
// without one is malformed. Errors wrap ErrMalformed and give the line.
func ReadCoNLL(r io.Reader, tagged bool) ([]Sentence, error) {
	var out []Sentence
	err := ScanCoNLL(r, tagged, func(s Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// ScanCoNLL reads CoNLL text like ReadCoNLL and hands each sentence to fn as
// soon as it is complete, so input of any length is read in bounded memory.
// An error from fn stops the scan and is returned.
func ScanCoNLL(r io.Reader, tagged bool, fn func(Sentence) error) error {
	_, err := scan(r, tagged, false, fn)
	return err
}

// scan reads CoNLL text. When lenient, malformed lines are skipped and
// counted instead of failing the read (training corpora have a few).
func scan(r io.Reader, tagged, lenient bool, fn func(Sentence) error) (skipped int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	var cur Sentence
	prevTag := "O"
	line := 0
	flush := func() error {
		if len(cur.Tokens) == 0 {
			return nil
		}
		s := cur
		cur = Sentence{}
		prevTag = "O"
		return fn(s)
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if !utf8.ValidString(text) {
			if lenient {
				skipped++
				continue
			}
			return skipped, fmt.Errorf("%w: line %d: not UTF-8", ErrMalformed, line)
		}
		if strings.TrimSpace(text) == "" {
			if err := flush(); err != nil {
				return skipped, err
			}
			continue
		}
		if strings.HasPrefix(text, "-DOCSTART-") || (strings.HasPrefix(text, "# ") && len(cur.Tokens) == 0) {
			continue
		}
		var cols []string
		if strings.Contains(text, "\t") {
			cols = strings.Split(text, "\t")
		} else {
			cols = strings.Fields(text)
		}
		tok, tag, err := parseLine(cols, tagged, prevTag)
		if err != nil {
			if lenient {
				skipped++
				continue
			}
			return skipped, fmt.Errorf("%w: line %d: %w", ErrMalformed, line, err)
		}
		if len(cur.Tokens) == 0 {
			cur.Line = line
		}
		if len(cur.Tokens) >= MaxSentenceTokens {
			return skipped, fmt.Errorf("%w: line %d: sentence of more than %d tokens (missing blank lines?)", ErrMalformed, line, MaxSentenceTokens)
		}
		cur.Tokens = append(cur.Tokens, tok)
		if tagged {
			cur.Tags = append(cur.Tags, tag)
			prevTag = tag
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return skipped, fmt.Errorf("%w: line %d: longer than %d bytes", ErrMalformed, line+1, MaxLineBytes)
		}
		return skipped, fmt.Errorf("read conll: %w", err)
	}
	return skipped, flush()
}

// parseLine reads the token and, when tagged, the tag of one line split
// into columns.
func parseLine(cols []string, tagged bool, prevTag string) (tok, tag string, err error) {
	tok = strings.TrimSpace(cols[0])
	if tok == "" {
		return "", "", errors.New("empty token (line starts with a separator)")
	}
	if strings.ContainsAny(tok, " \u00a0") {
		return "", "", fmt.Errorf("token %q holds a space", tok)
	}
	if !tagged {
		return tok, "", nil
	}
	if len(cols) < 2 {
		return "", "", errors.New("no tag column")
	}
	tag, err = normTag(cols[len(cols)-1], prevTag)
	return tok, tag, err
}

// WriteTagged writes tokens and tags as "token<TAB>tag" lines followed by
// a blank line.
func WriteTagged(w io.Writer, tokens, tags []string) error {
	bw := bufio.NewWriter(w)
	for i, t := range tokens {
		bw.WriteString(t)
		bw.WriteByte('\t')
		bw.WriteString(tags[i])
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
