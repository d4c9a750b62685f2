package translit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ErrNames is returned for a names file that cannot be read.
var ErrNames = errors.New("bad names file")

// readLines reads non-empty lines, trimmed.
func readLines(r io.Reader, what string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []string
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%w: %s line %d: not UTF-8", ErrNames, what, n)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrNames, what, err)
	}
	return out, nil
}

// Best returns the index of the candidate that best matches name, and its
// score; -1 when there are no candidates.
func Best(name Name, candidates []Name) (int, float64) {
	best, score := -1, -1.0
	for i := range candidates {
		if s := Score(name, candidates[i]); s > score {
			best, score = i, s
		}
	}
	return best, score
}

// MatchNames reads Devanagari names from hi and Latin names from en, one a
// line, and writes for each Devanagari name a line "hindi<TAB>best Latin
// name<TAB>score" (`khabar names match --hi FILE --en FILE`).
func MatchNames(hi, en io.Reader, w io.Writer) error {
	his, err := readLines(hi, "hindi names")
	if err != nil {
		return err
	}
	ens, err := readLines(en, "english names")
	if err != nil {
		return err
	}
	cands := make([]Name, len(ens))
	for i, e := range ens {
		cands[i] = Prepare(e)
	}
	bw := bufio.NewWriter(w)
	for _, h := range his {
		i, s := Best(Prepare(h), cands)
		match := ""
		if i >= 0 {
			match = ens[i]
		} else {
			s = 0
		}
		fmt.Fprintf(bw, "%s\t%s\t%.3f\n", h, match, s)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("names match: %w", err)
	}
	return nil
}

// NamesReport is the outcome of EvalNames.
type NamesReport struct {
	// Pairs is the number of name pairs read.
	Pairs int
	// Correct is how many Hindi names found their own English name first.
	Correct int
	// Accuracy is Correct / Pairs (accuracy@1).
	Accuracy float64
}

// EvalNames reads a TSV of "hindi<TAB>english" pairs (a header line
// "hindi<TAB>english" is skipped), matches every Hindi name against all the
// English names of the file, and reports accuracy@1; misses are written to
// w, then the summary (`khabar eval names FILE.tsv`).
func EvalNames(r io.Reader, w io.Writer) (NamesReport, error) {
	lines, err := readLines(r, "names pairs")
	if err != nil {
		return NamesReport{}, err
	}
	var his, ens []string
	for i, l := range lines {
		h, e, ok := strings.Cut(l, "\t")
		if !ok {
			return NamesReport{}, fmt.Errorf("%w: pair %d: want hindi<TAB>english", ErrNames, i+1)
		}
		if i == 0 && strings.EqualFold(h, "hindi") {
			continue
		}
		his = append(his, strings.TrimSpace(h))
		ens = append(ens, strings.TrimSpace(e))
	}
	cands := make([]Name, len(ens))
	for i, e := range ens {
		cands[i] = Prepare(e)
	}
	rep := NamesReport{Pairs: len(his)}
	bw := bufio.NewWriter(w)
	for i, h := range his {
		j, s := Best(Prepare(h), cands)
		if j >= 0 && ens[j] == ens[i] {
			rep.Correct++
			continue
		}
		got := ""
		if j >= 0 {
			got = ens[j]
		}
		fmt.Fprintf(bw, "miss\t%s\t%s (%.3f)\twant %s\n", h, got, s, ens[i])
	}
	if rep.Pairs > 0 {
		rep.Accuracy = float64(rep.Correct) / float64(rep.Pairs)
	}
	fmt.Fprintf(bw, "pairs %d, correct %d, accuracy@1 %.4f\n", rep.Pairs, rep.Correct, rep.Accuracy)
	if err := bw.Flush(); err != nil {
		return rep, fmt.Errorf("eval names: %w", err)
	}
	return rep, nil
}
