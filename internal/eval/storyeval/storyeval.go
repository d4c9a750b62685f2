// Package storyeval measures syndication groups and story clustering
// (packages dedup, story and link) on labelled sets: the sample corpus in
// examples/corpus, whose README lists the group and story of every
// article, and natural same-event articles of the Hindi five-papers data,
// labelled in testdata/papers-stories.tsv by file and headline prefix (no
// text of the data is copied). `khabar eval stories [CORPUS]` runs it.
//
// Stories are scored with B-cubed precision, recall and F1 over the
// labelled articles; an article labelled with no story is its own
// cluster. Copies are scored pairwise.
package storyeval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"khabar/internal/evaldata"
	"khabar/internal/link"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

// Config sets up a run.
type Config struct {
	// Corpus is the sample corpus folder (examples/corpus); "" finds it
	// above the working directory.
	Corpus string
	// Pipeline analyses the articles; it must run the stages up to
	// entities (at least extract to segment).
	Pipeline *pipeline.Pipeline
	// Link configures grouping and clustering.
	Link link.Options
}

// Scores are B-cubed story scores and pairwise copy scores on one set.
type Scores struct {
	Set      string
	Articles int
	// B-cubed over stories.
	Precision, Recall, F1 float64
	// Pairwise over syndication groups (0 pairs: not scored).
	CopyPairs, CopyPredicted, CopyCorrect int
	// Errors lists articles whose story differs from the labels, for
	// inspection.
	Errors []string
}

// labelled is an article with its gold story and group labels.
type labelled struct {
	name   string
	story  string
	group  string
	art    *news.Article
	result string
}

// FindCorpus returns the examples/corpus folder above the working
// directory.
func FindCorpus() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "examples", "corpus", "README.md")
		if _, err := os.Stat(p); err == nil {
			return filepath.Dir(p), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("storyeval: examples/corpus not found above %s", dir)
		}
		dir = parent
	}
}

// corpusLabels reads the "Every article" table of the corpus README:
// path → label (W1, S1, … or "" for an article alone).
func corpusLabels(dir string) (map[string]string, error) {
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		return nil, fmt.Errorf("storyeval: %w", err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) < 10 || !strings.Contains(cells[1], "/") {
			continue
		}
		path := strings.TrimSpace(cells[1])
		lab := strings.TrimSpace(cells[len(cells)-2])
		if lab == "—" || lab == "-" {
			lab = ""
		}
		out[path] = lab
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("storyeval: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("storyeval: no article table in %s/README.md", dir)
	}
	return out, nil
}

// corpusName maps a source URI to the README's name of the article:
// the path under the corpus, "#N" for line N of a JSON Lines file.
func corpusName(dir, uri string) string {
	rel, err := filepath.Rel(dir, strings.Replace(uri, "#L", "#", 1))
	if err != nil {
		return uri
	}
	return filepath.ToSlash(rel)
}

// analyse runs the pipeline over paths and calls fn with every article, in
// the order the source reads them.
func analyse(ctx context.Context, p *pipeline.Pipeline, paths []string, fn func(*news.Article)) error {
	feed := func(ctx context.Context, send func(pipeline.Job) error) error {
		return source.Walk(ctx, paths, source.Options{MaxBytes: 16 << 20}, func(it source.Item) error {
			return send(pipeline.Job{Name: it.Name, Article: it.Article, Err: it.Err})
		})
	}
	return p.Run(ctx, feed, func(j pipeline.Job) error {
		if j.Err != nil {
			return fmt.Errorf("storyeval: %s: %w", j.Name, j.Err)
		}
		fn(j.Article)
		return nil
	})
}

// Set is an analysed labelled set: every article in the order it is
// linked, and the labelled ones.
type Set struct {
	Name     string
	Articles []*news.Article
	Labelled []*labelled
}

// Link links the articles of set with a fresh Linker and scores the
// labelled ones.
func (set *Set) Link(opt link.Options) Scores {
	l := link.New(opt)
	for _, a := range set.Articles {
		a.DuplicateOf, a.Group, a.Story = "", "", ""
		l.Link(a)
	}
	return score(set.Name, l, set.Labelled)
}

// Corpus analyses the sample corpus in the order the source reads it, as
// `khabar ingest examples/corpus` would, with the README's labels.
func Corpus(ctx context.Context, cfg Config) (*Set, error) {
	dir := cfg.Corpus
	if dir == "" {
		d, err := FindCorpus()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	labels, err := corpusLabels(dir)
	if err != nil {
		return nil, err
	}
	set := &Set{Name: "examples/corpus"}
	err = analyse(ctx, cfg.Pipeline, []string{dir}, func(a *news.Article) {
		name := corpusName(dir, a.Source.URI)
		lab, ok := labels[name]
		if !ok {
			return
		}
		set.Articles = append(set.Articles, a)
		it := &labelled{name: name, story: lab, art: a}
		if strings.HasPrefix(lab, "W") {
			it.group = lab
		}
		set.Labelled = append(set.Labelled, it)
	})
	if err != nil {
		return nil, err
	}
	if len(set.Labelled) != len(labels) {
		return nil, fmt.Errorf("storyeval: read %d of the %d labelled corpus articles", len(set.Labelled), len(labels))
	}
	return set, nil
}

// score computes the scores of items with the links l holds now.
func score(set string, l *link.Linker, items []*labelled) Scores {
	s := Scores{Set: set, Articles: len(items)}
	gold := map[string][]int{}
	pred := map[string][]int{}
	for i, it := range items {
		g := it.story
		if g == "" {
			g = "alone:" + it.name
		}
		gold[g] = append(gold[g], i)
		p := l.Stories().StoryOf(it.art.ID)
		if p == "" {
			p = "none:" + it.name
		}
		it.result = p
		pred[p] = append(pred[p], i)
	}
	for i, it := range items {
		g := it.story
		if g == "" {
			g = "alone:" + it.name
		}
		inter := 0
		for _, j := range pred[it.result] {
			gj := items[j].story
			if gj == "" {
				gj = "alone:" + items[j].name
			}
			if gj == g {
				inter++
			}
		}
		s.Precision += float64(inter) / float64(len(pred[it.result]))
		s.Recall += float64(inter) / float64(len(gold[g]))
		if inter != len(pred[it.result]) || inter != len(gold[g]) {
			s.Errors = append(s.Errors, fmt.Sprintf("%s (gold %s): story %s with %d articles, %d of them gold", items[i].name, orNone(it.story), it.result, len(pred[it.result]), inter))
		}
	}
	n := float64(len(items))
	s.Precision /= n
	s.Recall /= n
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	// Copies, pairwise.
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			a, b := items[i], items[j]
			gold := a.group != "" && a.group == b.group
			ga, _, _ := l.Groups().Lookup(a.art.ID)
			gb, _, _ := l.Groups().Lookup(b.art.ID)
			got := ga != "" && ga == gb
			if gold {
				s.CopyPairs++
			}
			if got {
				s.CopyPredicted++
			}
			if gold && got {
				s.CopyCorrect++
			}
		}
	}
	sort.Strings(s.Errors)
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Print writes scores as a report.
func Print(w io.Writer, ss ...Scores) {
	for _, s := range ss {
		fmt.Fprintf(w, "%s: %d labelled articles\n", s.Set, s.Articles)
		fmt.Fprintf(w, "  stories B-cubed: precision %.3f recall %.3f F1 %.3f (target F1 >= 0.80)\n", s.Precision, s.Recall, s.F1)
		if s.CopyPairs > 0 {
			fmt.Fprintf(w, "  copies pairwise: %d true pairs, %d predicted, %d correct\n", s.CopyPairs, s.CopyPredicted, s.CopyCorrect)
		}
		for _, e := range s.Errors {
			fmt.Fprintf(w, "  differs: %s\n", e)
		}
	}
}

// Run analyses and scores the sample corpus and, when the shared data is
// there, the labelled five-papers articles, and writes the report to w.
func Run(ctx context.Context, cfg Config, w io.Writer) ([]Scores, error) {
	c, err := Corpus(ctx, cfg)
	if err != nil {
		return nil, err
	}
	out := []Scores{c.Link(cfg.Link)}
	p, err := Papers(ctx, cfg, "")
	switch {
	case errors.Is(err, evaldata.ErrAbsent):
		fmt.Fprintf(w, "hindi-5papers: skipped: %v\n", err)
	case err != nil:
		return nil, err
	default:
		out = append(out, p.Link(cfg.Link))
	}
	Print(w, out...)
	return out, nil
}
