package storyeval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"time"

	"khabar/internal/eval/dedupeval"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

//go:embed testdata/papers-stories.tsv
var papersLabels []byte

// paperLabel is one labelled article of the five-papers data.
type paperLabel struct {
	story, key, prefix string
}

func readPaperLabels() ([]paperLabel, error) {
	var out []paperLabel
	sc := bufio.NewScanner(bytes.NewReader(papersLabels))
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("storyeval: papers labels: bad line %q", l)
		}
		if f[0] == "-" {
			f[0] = ""
		}
		out = append(out, paperLabel{f[0], f[1], f[2]})
	}
	return out, sc.Err()
}

// paperHour spreads the papers over the morning, so that articles of one
// day are in a stable order.
var paperHour = map[string]int{"AU": 5, "DH": 6, "DJ": 7, "NT": 8, "PK": 9}

// Papers analyses every article of the five-papers data (dir, or the
// shared data when ""), day by day, with the labels of
// testdata/papers-stories.tsv.
func Papers(ctx context.Context, cfg Config, dir string) (*Set, error) {
	if dir == "" {
		p, err := evaldata.Path(dedupeval.PapersDir)
		if err != nil {
			return nil, err
		}
		dir = p
	}
	docs, err := dedupeval.LoadPapers(dir)
	if err != nil {
		return nil, err
	}
	labels, err := readPaperLabels()
	if err != nil {
		return nil, err
	}
	byKey := map[string]paperLabel{}
	for _, l := range labels {
		byKey[l.key] = l
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Day.Before(docs[j].Day) })
	ist := news.IST
	feed := func(ctx context.Context, send func(pipeline.Job) error) error {
		for _, d := range docs {
			pub := time.Date(d.Day.Year(), d.Day.Month(), d.Day.Day(), paperHour[d.Paper], d.Index%60, 0, 0, ist)
			a := &news.Article{
				ID:     source.ID("papers:" + d.Key()),
				Source: news.Source{URI: d.Key(), Format: news.FormatText},
				Raw: news.Raw{Body: d.Title + "\n\n" + d.Text(), Format: news.FormatText,
					Hints: news.Hints{Title: d.Title, Published: pub, Lang: "hi", Publisher: d.Paper}},
			}
			if err := send(pipeline.Job{Name: d.Key(), Article: a}); err != nil {
				return err
			}
		}
		return nil
	}
	set := &Set{Name: "hindi-5papers (labelled)"}
	err = cfg.Pipeline.Run(ctx, feed, func(j pipeline.Job) error {
		if j.Err != nil {
			return nil // a page the pipeline refuses is not scored
		}
		set.Articles = append(set.Articles, j.Article)
		lab, ok := byKey[j.Name]
		if !ok {
			return nil
		}
		if !strings.HasPrefix(j.Article.Title, lab.prefix) {
			return fmt.Errorf("storyeval: papers label %s: headline %q does not start %q; the article split changed", lab.key, j.Article.Title, lab.prefix)
		}
		set.Labelled = append(set.Labelled, &labelled{name: j.Name, story: lab.story, art: j.Article})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(set.Labelled) != len(labels) {
		return nil, fmt.Errorf("storyeval: found %d of %d labelled papers articles", len(set.Labelled), len(labels))
	}
	return set, nil
}
