// Package dedupeval measures copy detection (package dedup) on a dev set
// built at run time from the Hindi five-papers data: every article long
// enough becomes the base of a family of synthetic syndicated copies (see
// Synth: changed headline, banners, up to 10% of words edited, a paragraph
// cut), and the other articles are distractors. `khabar eval dedup [DIR]`
// runs it.
//
// The source data has copies of its own (pages scraped on several days,
// live updates, the same agency text in two papers). They would count as
// false positives, so the pool keeps an article only when its exact
// shingle sets overlap no article kept before it (resemblance below 0.1
// and containment below 0.2, computed exactly, not estimated).
//
// Scores are pairwise: a pair of articles is a true copy pair when they
// are of one family, a predicted pair when dedup puts them in one group.
package dedupeval

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"khabar/internal/dedup"
	"khabar/internal/evaldata"
)

// Config sets up a run. Zero fields take defaults.
type Config struct {
	// Dir is the five-papers folder; "" finds it in the shared data.
	Dir string
	// Seed makes the copies; default 1.
	Seed uint64
	// MinBaseWords is the fewest words a base article has; default 80.
	MinBaseWords int
	// MaxCopies is the most copies of one base; default 4 (at least 1).
	MaxCopies int
	// Options are the dedup options measured.
	Options dedup.Options
}

// Report is the outcome of a run.
type Report struct {
	Docs, Pool, Excluded int
	Bases, Copies        int
	Articles             int
	TruePairs, Predicted int
	Correct              int
	Precision, Recall    float64
	// CanonicalBase is the share of predicted groups holding a base whose
	// canonical copy is that base (the base is published first).
	CanonicalBase float64
	// PerArticle is the mean time to sketch and group one article.
	PerArticle time.Duration
	// Missed lists a few copy pairs not grouped, Wrong a few pairs grouped
	// wrongly (keys and estimates), for inspection.
	Missed, Wrong []string
}

// item is one article of the dev set.
type item struct {
	id     string
	family int
	base   bool
	title  string
	text   string
	pub    time.Time
	edited int
	cut    int
}

// build returns the articles of the dev set, in the order they are added,
// and the report's counts of the set.
func build(cfg Config) ([]item, Report, error) {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.MinBaseWords <= 0 {
		cfg.MinBaseWords = 80
	}
	if cfg.MaxCopies <= 0 {
		cfg.MaxCopies = 4
	}
	dir := cfg.Dir
	if dir == "" {
		p, err := evaldata.Path(PapersDir)
		if err != nil {
			return nil, Report{}, err
		}
		dir = p
	}
	docs, err := LoadPapers(dir)
	if err != nil {
		return nil, Report{}, err
	}
	var rep Report
	rep.Docs = len(docs)
	pool := Distinct(docs)
	rep.Pool, rep.Excluded = len(pool), len(docs)-len(pool)
	syn := NewSynth(cfg.Seed, docs)
	rng := rand.New(rand.NewPCG(cfg.Seed, 77))
	var items []item
	for i, d := range pool {
		pub := d.Day.Add(time.Duration(6+rng.IntN(14))*time.Hour + time.Duration(rng.IntN(60))*time.Minute)
		items = append(items, item{id: fmt.Sprintf("d%04d", i), family: i, title: d.Title, text: d.Text(), pub: pub})
		if d.Words() < cfg.MinBaseWords {
			continue
		}
		items[len(items)-1].base = true
		rep.Bases++
		for k := range 1 + rng.IntN(cfg.MaxCopies) {
			c := syn.Copy(d)
			items = append(items, item{
				id: fmt.Sprintf("d%04dc%d", i, k), family: i, title: c.Title, text: c.Text(),
				pub: pub.Add(time.Duration(1+rng.IntN(30*60)) * time.Minute), edited: c.Edited, cut: c.Cut,
			})
			rep.Copies++
		}
	}
	rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	rep.Articles = len(items)
	return items, rep, nil
}

// Distinct returns the docs that share no copy-like overlap with an
// earlier doc: exact shingle-set resemblance below 0.1 and containment
// below 0.2.
func Distinct(docs []Doc) []Doc {
	var k dedup.Sketcher
	var kept [][]uint64
	var out []Doc
	// An inverted index from shingle to kept docs keeps this fast.
	post := map[uint64][]int32{}
	count := map[int32]int{}
	for _, d := range docs {
		sh := k.Shingles(d.Text())
		clear(count)
		for _, h := range sh {
			for _, j := range post[h] {
				count[j]++
			}
		}
		ok := true
		for j, n := range count {
			union := len(sh) + len(kept[j]) - n
			small := min(len(sh), len(kept[j]))
			if float64(n) >= 0.1*float64(union) || float64(n) >= 0.2*float64(small) {
				ok = false
				break
			}
		}
		if !ok || len(sh) == 0 {
			continue
		}
		j := int32(len(kept))
		kept = append(kept, sh)
		for _, h := range sh {
			post[h] = append(post[h], j)
		}
		out = append(out, d)
	}
	return out
}

// Run builds the dev set, groups it, and writes the report to w.
func Run(ctx context.Context, cfg Config, w io.Writer) (Report, error) {
	items, rep, err := build(cfg)
	if err != nil {
		return rep, err
	}
	g := dedup.NewGrouper(cfg.Options)
	var k dedup.Sketcher
	start := time.Now()
	for i, it := range items {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
		}
		g.Add(k.Of(it.id, it.title, it.text, it.pub))
	}
	rep.PerArticle = time.Since(start) / time.Duration(max(1, len(items)))
	score(g, items, &rep)
	Print(w, rep, g.Index().Options())
	return rep, nil
}

func pairs(n int) int { return n * (n - 1) / 2 }

// score fills the pairwise scores of rep from the groups of g.
func score(g *dedup.Grouper, items []item, rep *Report) {
	fam := map[int][]int{}
	groups := map[string][]int{}
	for i, it := range items {
		fam[it.family] = append(fam[it.family], i)
		if grp, _, _ := g.Lookup(it.id); grp != "" {
			groups[grp] = append(groups[grp], i)
		}
	}
	for _, m := range fam {
		rep.TruePairs += pairs(len(m))
	}
	canon, withBase := 0, 0
	var gids []string
	for id := range groups {
		gids = append(gids, id)
	}
	sort.Strings(gids)
	for _, id := range gids {
		m := groups[id]
		rep.Predicted += pairs(len(m))
		n := map[int]int{}
		for _, i := range m {
			n[items[i].family]++
		}
		for _, c := range n {
			rep.Correct += pairs(c)
		}
		if len(n) > 1 && len(rep.Wrong) < 10 {
			var keys []string
			for _, i := range m {
				keys = append(keys, items[i].id)
			}
			rep.Wrong = append(rep.Wrong, strings.Join(keys, " "))
		}
		members := g.Group(id)
		for _, i := range m {
			if items[i].base {
				withBase++
				if members[0] == items[i].id {
					canon++
				}
				break
			}
		}
	}
	if rep.Predicted > 0 {
		rep.Precision = float64(rep.Correct) / float64(rep.Predicted)
	}
	if rep.TruePairs > 0 {
		rep.Recall = float64(rep.Correct) / float64(rep.TruePairs)
	}
	if withBase > 0 {
		rep.CanonicalBase = float64(canon) / float64(withBase)
	}
	// A few missed pairs with their estimates.
	var k dedup.Sketcher
	fams := make([]int, 0, len(fam))
	for f := range fam {
		fams = append(fams, f)
	}
	slices.Sort(fams)
	for _, f := range fams {
		m := fam[f]
		for a := 0; a < len(m) && len(rep.Missed) < 10; a++ {
			for b := a + 1; b < len(m) && len(rep.Missed) < 10; b++ {
				x, y := items[m[a]], items[m[b]]
				gx, _, _ := g.Lookup(x.id)
				gy, _, _ := g.Lookup(y.id)
				if gx != "" && gx == gy {
					continue
				}
				sx, sy := k.Of(x.id, x.title, x.text, x.pub), k.Of(y.id, y.title, y.text, y.pub)
				r := dedup.Resemblance(sx, sy)
				rep.Missed = append(rep.Missed, fmt.Sprintf("%s %s: resemblance %.2f containment %.2f words %d/%d edited %d/%d cut %d/%d",
					x.id, y.id, r, dedup.Containment(r, sx, sy), sx.Words, sy.Words, x.edited, y.edited, x.cut, y.cut))
			}
		}
	}
}

// Print writes rep as the eval report.
func Print(w io.Writer, rep Report, opt dedup.Options) {
	fmt.Fprintf(w, "dedup on hindi-5papers: %d articles read, %d kept as distinct (%d left out as natural copies of another)\n",
		rep.Docs, rep.Pool, rep.Excluded)
	fmt.Fprintf(w, "dev set: %d bases with %d synthetic copies, %d articles in all\n", rep.Bases, rep.Copies, rep.Articles)
	fmt.Fprintf(w, "options: min words %d, resemblance >= %.2f or containment >= %.2f, LSH %d bands x %d rows\n",
		opt.MinWords, opt.MinResemblance, opt.MinContainment, opt.Bands, opt.Rows)
	fmt.Fprintf(w, "copy pairs: %d true, %d predicted, %d correct\n", rep.TruePairs, rep.Predicted, rep.Correct)
	fmt.Fprintf(w, "precision %.4f  recall %.4f  (target: recall >= 0.95 at precision >= 0.98)\n", rep.Precision, rep.Recall)
	fmt.Fprintf(w, "canonical copy is the base in %.1f%% of groups\n", 100*rep.CanonicalBase)
	fmt.Fprintf(w, "time per article (sketch + group): %s\n", rep.PerArticle)
	for _, m := range rep.Missed {
		fmt.Fprintf(w, "  missed %s\n", m)
	}
	for _, m := range rep.Wrong {
		fmt.Fprintf(w, "  wrong group: %s\n", m)
	}
}
