package tagger

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"time"
)

// TrainOptions tune Train. The zero value trains the shipped model's way
// without a gazetteer.
type TrainOptions struct {
	// Epochs is the most passes over the training data (default 15). With
	// dev data the epoch with the best dev F1 is kept.
	Epochs int
	// Patience stops training after this many epochs without a better dev
	// F1 (default 4).
	Patience int
	// MinCount drops features seen fewer times in the training data
	// (default 1: keep all).
	MinCount int
	// Seed orders the training sentences (default 1). The same data,
	// options and seed give the same model.
	Seed uint64
	// Gazetteer marks known names; the model must be loaded with the same
	// one.
	Gazetteer Gazetteer
	// Limit trains on the first Limit sentences only, when > 0.
	Limit int
	// Progress receives one line per epoch; nil is silent.
	Progress io.Writer
	// Runs is the number of perceptrons trained with successive seeds
	// whose weights are averaged (default 1).
	Runs int
	// NoBias keeps the decoding bias at 0 instead of tuning it on dev.
	NoBias bool
	// KeepLast runs all Epochs and keeps the last, with no decoding bias:
	// dev data is then only scored, never used to choose.
	KeepLast bool
	// WordDropout is the chance that a training token is seen without the
	// features of its word itself, so that the model learns to find names
	// from their context and form as it must for names it has not seen
	// (0: never).
	WordDropout float64
	// LexFolds, when > 1, splits the training sentences into this many
	// folds and gives each sentence the lexicon learned from the others.
	LexFolds int
	// OnEpoch, when set, is called after every epoch of the first run with
	// the model of that epoch's averaged weights (for learning curves and
	// cross-validation).
	OnEpoch func(epoch int, m *Model)
	// Stack, when > 0, trains a stacked model whose second pass sees the
	// first pass's labels of the same word within Stack sentences before
	// and after (the training sentences must be in document order).
	Stack int
	// StackFolds is the number of folds whose models give the first-pass
	// labels of the training sentences the second pass learns from
	// (default 5).
	StackFolds int
	// Features is the feature set (default BaseFeatures).
	Features FeatureSet
	// GivenNames are words (folded) that are often a person's given name:
	// the model's lexicon marks them, and the English feature set has a
	// feature of the mark on the word and on the words before and after.
	GivenNames []string
	// hints gives the first pass's hints of the train (0) and dev (1)
	// sentences when training a second pass.
	hints func(set int) [][]hint
}

// biasGrid are the O biases tried on dev data.
var biasGrid = []float32{0.5, 1, 1.5, 2, 3, 4, 5, 6, 8}

// Report tells how training went.
type Report struct {
	// Epochs run and the one kept.
	Epochs, BestEpoch int
	// Sentences and Tokens of training data used.
	Sentences, Tokens int
	// Features in the model.
	Features int
	// Dev scores of the kept model (zero without dev data).
	Dev Scores
	// Bias is the decoding bias against O chosen on dev.
	Bias float32
	// Duration of training.
	Duration time.Duration
	// FirstPass holds, for a stacked model, the first-pass tags of each
	// training sentence that the second pass learned from.
	FirstPass [][]string
}

// Train trains a model on the tagged CoNLL file trainPath, choosing the
// number of epochs on devPath (may be "": then all Epochs are run).
func Train(ctx context.Context, trainPath, devPath string, opts TrainOptions) (*Model, Report, error) {
	train, err := readFile(trainPath)
	if err != nil {
		return nil, Report{}, err
	}
	var dev []Sentence
	if devPath != "" {
		if dev, err = readFile(devPath); err != nil {
			return nil, Report{}, err
		}
	}
	return TrainSentences(ctx, train, dev, opts)
}

// ReadTrainFile reads a tagged CoNLL file the way Train does: leniently,
// skipping the malformed lines training corpora have a few of.
func ReadTrainFile(path string) ([]Sentence, error) { return readFile(path) }

// ReadTrain reads tagged CoNLL text the way Train reads its files:
// leniently, skipping malformed lines (an empty token, a line without a
// tag); it returns the sentences and how many lines it skipped.
func ReadTrain(r io.Reader) ([]Sentence, int, error) {
	var s []Sentence
	skipped, err := scan(r, true, true, func(x Sentence) error {
		s = append(s, x)
		return nil
	})
	return s, skipped, err
}

func readFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	defer f.Close()
	var s []Sentence
	_, err = scan(f, true, true, func(x Sentence) error {
		s = append(s, x)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("train: %s: %w", path, err)
	}
	return s, nil
}

// encoded is a sentence turned into feature ids and gold labels.
type encoded struct {
	feats []int32 // feature ids of all tokens, -1 for unknown
	off   []int32 // token i's features are feats[off[i]:off[i+1]]
	// own[i] is how many of token i's features, at its end, depend on
	// the word itself
	own  []uint8
	gold []int
}

// trainer holds the weights while training.
type trainer struct {
	ls   *labelSet
	L    int
	w, u []float32 // nFeat × L
	t, v []float64 // (L+1) × L transitions
	c    float64   // instances seen
	// dropout is the chance that a token is seen without the features of
	// its word, drawn from rng
	dropout float64
	rng     *rand.Rand
	// act holds the features of the tokens in this pass, token i's at
	// act[actOff[i]:actOff[i+1]]
	act, actOff []int32
}

// TrainSentences trains a model on tagged sentences, choosing the number of
// epochs on dev (may be empty).
func TrainSentences(ctx context.Context, train, dev []Sentence, opts TrainOptions) (*Model, Report, error) {
	began := time.Now()
	if opts.Stack > 0 {
		return trainStacked(ctx, train, dev, opts)
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 15
	}
	if opts.Patience <= 0 {
		opts.Patience = 4
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 1
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Runs <= 0 {
		opts.Runs = 1
	}
	if opts.Limit > 0 && opts.Limit < len(train) {
		train = train[:opts.Limit]
	}
	if len(train) == 0 {
		return nil, Report{}, fmt.Errorf("train: no training sentences")
	}
	if opts.Features >= nFeatureSets {
		return nil, Report{}, fmt.Errorf("train: feature set %d", opts.Features)
	}
	ls := newLabelSet(types)
	rep := Report{Sentences: len(train)}

	lex := buildLexicon(train)
	lex.addGiven(opts.GivenNames)
	// Training sentences see the lexicon of the other folds only, so that
	// the model learns how far lexicon features hold for words it has not
	// seen tagged, as at run time.
	trainLex := func(int) lexicon { return lex }
	if opts.LexFolds > 1 {
		K := opts.LexFolds
		lexs := make([]lexicon, K)
		for f := range lexs {
			var rest []Sentence
			for i, s := range train {
				if i%K != f {
					rest = append(rest, s)
				}
			}
			lexs[f] = buildLexicon(rest)
			lexs[f].addGiven(opts.GivenNames)
		}
		trainLex = func(i int) lexicon { return lexs[i%K] }
	}
	var trainHints, devHints [][]hint
	if opts.hints != nil {
		trainHints, devHints = opts.hints(0), opts.hints(1)
	}
	hintOf := func(hs [][]hint, k int) []hint {
		if hs == nil {
			return nil
		}
		return hs[k]
	}
	// index features
	counts := map[uint64]int32{}
	var buf []uint64
	for k, s := range train {
		if len(s.Tags) != len(s.Tokens) {
			return nil, Report{}, fmt.Errorf("train: sentence at line %d has no tags", s.Line)
		}
		ts := prepare(s.Tokens, opts.Gazetteer, trainLex(k), hintOf(trainHints, k), opts.Features)
		for i := range ts {
			buf, _ = features(buf[:0], ts, i)
			for _, f := range buf {
				counts[f]++
			}
		}
		rep.Tokens += len(s.Tokens)
	}
	ids := make(map[uint64]int32, len(counts))
	var hashes []uint64
	for h, n := range counts {
		if int(n) >= opts.MinCount {
			ids[h] = 0
			hashes = append(hashes, h)
		}
	}
	counts = nil
	slices.Sort(hashes) // ids in hash order: independent of map iteration
	for i, h := range hashes {
		ids[h] = int32(i)
	}
	enc := func(ss []Sentence, lexOf func(int) lexicon, hs [][]hint) ([]encoded, error) {
		out := make([]encoded, len(ss))
		for k, s := range ss {
			e := encoded{off: make([]int32, 0, len(s.Tokens)+1), gold: make([]int, len(s.Tokens))}
			ts := prepare(s.Tokens, opts.Gazetteer, lexOf(k), hintOf(hs, k), opts.Features)
			for i := range ts {
				e.off = append(e.off, int32(len(e.feats)))
				var nid int
				buf, nid = features(buf[:0], ts, i)
				own := 0
				for j, f := range buf {
					if id, ok := ids[f]; ok {
						e.feats = append(e.feats, id)
						if j >= len(buf)-nid {
							own++
						}
					}
				}
				e.own = append(e.own, uint8(own))
				l, ok := ls.index[s.Tags[i]]
				if !ok {
					return nil, fmt.Errorf("train: line %d: tag %q", s.Line+i, s.Tags[i])
				}
				e.gold[i] = l
			}
			e.off = append(e.off, int32(len(e.feats)))
			out[k] = e
		}
		return out, nil
	}
	trainEnc, err := enc(train, trainLex, trainHints)
	if err != nil {
		return nil, Report{}, err
	}
	devEnc, err := enc(dev, func(int) lexicon { return lex }, devHints)
	if err != nil {
		return nil, Report{}, err
	}

	wk := &work{}
	var best *snapshot
	for r := 0; r < opts.Runs; r++ {
		seed := opts.Seed + uint64(r)
		snap, err := runPerceptron(ctx, ls, hashes, lex, trainEnc, devEnc, dev, seed, opts, &rep, wk)
		if err != nil {
			return nil, Report{}, err
		}
		if best == nil {
			best = snap
			continue
		}
		for i, w := range snap.w {
			best.w[i] += w
		}
		for i, t := range snap.trans {
			best.trans[i] += t
		}
	}
	if opts.Runs > 1 {
		k := float32(opts.Runs)
		for i := range best.w {
			best.w[i] /= k
		}
		for i := range best.trans {
			best.trans[i] /= k
		}
		if len(devEnc) > 0 {
			rep.Dev = best.evaluate(ls, devEnc, dev, wk)
			if opts.Progress != nil {
				fmt.Fprintf(opts.Progress, "average of %d runs: dev F1 %.4f\n", opts.Runs, rep.Dev.Target.F1)
			}
		}
	}
	m := best.model(ls, hashes, opts.Gazetteer)
	m.lex, m.set = lex, opts.Features
	if len(dev) > 0 && !opts.NoBias && !opts.KeepLast {
		bestF := rep.Dev.Target.F1
		for _, b := range biasGrid {
			m.oBias = b
			sc := m.Evaluate(dev)
			if opts.Progress != nil {
				fmt.Fprintf(opts.Progress, "O bias %.2f: dev F1 %.4f (P %.4f R %.4f)\n", b, sc.Target.F1, sc.Target.Precision, sc.Target.Recall)
			}
			if sc.Target.F1 > bestF+0.002 {
				bestF, rep.Dev, rep.Bias = sc.Target.F1, sc, b
			}
		}
		m.oBias = rep.Bias
	}
	m.info = Info{Epochs: rep.BestEpoch, Sentences: rep.Sentences, Tokens: rep.Tokens,
		Features: m.info.Features, DevF1: rep.Dev.Target.F1}
	rep.Features = m.info.Features
	rep.Duration = time.Since(began)
	return m, rep, nil
}

// runPerceptron trains one perceptron with the given pass order seed and
// returns its averaged weights at the best epoch on dev (the last without
// dev data).
func runPerceptron(ctx context.Context, ls *labelSet, hashes []uint64, lex lexicon, trainEnc, devEnc []encoded, dev []Sentence,
	seed uint64, opts TrainOptions, rep *Report, wk *work) (*snapshot, error) {
	L := ls.len()
	tr := &trainer{ls: ls, L: L, w: make([]float32, len(hashes)*L), u: make([]float32, len(hashes)*L),
		t: make([]float64, (L+1)*L), v: make([]float64, (L+1)*L),
		dropout: opts.WordDropout, rng: rand.New(rand.NewPCG(seed^0x5851f42d4c957f2d, seed))}
	order := make([]int, len(trainEnc))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var best *snapshot
	bestF := -1.0
	since := 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("train: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, k := range order {
			mistakes += tr.learn(&trainEnc[k], wk)
		}
		rep.Epochs = epoch
		snap := tr.average()
		if opts.OnEpoch != nil && seed == opts.Seed {
			m := snap.model(ls, hashes, opts.Gazetteer)
			m.lex, m.set = lex, opts.Features
			opts.OnEpoch(epoch, m)
		}
		if len(devEnc) == 0 {
			best, rep.BestEpoch = snap, epoch
			if opts.Progress != nil {
				fmt.Fprintf(opts.Progress, "seed %d epoch %d: %d token errors\n", seed, epoch, mistakes)
			}
			continue
		}
		sc := snap.evaluate(ls, devEnc, dev, wk)
		f := sc.Target.F1
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "seed %d epoch %d: %d token errors, dev F1 %.4f (P %.4f R %.4f)\n", seed, epoch, mistakes, f, sc.Target.Precision, sc.Target.Recall)
		}
		if opts.KeepLast {
			best, rep.BestEpoch, rep.Dev = snap, epoch, sc
			continue
		}
		if f > bestF {
			bestF, best, rep.BestEpoch, rep.Dev = f, snap, epoch, sc
			since = 0
		} else {
			since++
			if since >= opts.Patience {
				break
			}
		}
	}
	return best, nil
}

// learn decodes one sentence with the current weights and updates them
// where the decoding is wrong. It returns the number of wrong tokens.
func (tr *trainer) learn(e *encoded, wk *work) int {
	tr.c++
	n, L := len(e.gold), tr.L
	wk.scores = grow(wk.scores, n*L)
	// the features of this pass: each token's, without those of its word
	// when that is dropped
	tr.act, tr.actOff = tr.act[:0], append(tr.actOff[:0], 0)
	for i := 0; i < n; i++ {
		fs := e.feats[e.off[i]:e.off[i+1]]
		if tr.dropout > 0 && tr.rng.Float64() < tr.dropout {
			fs = fs[:len(fs)-int(e.own[i])]
		}
		tr.act = append(tr.act, fs...)
		tr.actOff = append(tr.actOff, int32(len(tr.act)))
	}
	for i := 0; i < n; i++ {
		row := wk.scores[i*L : (i+1)*L]
		clear(row)
		for _, f := range tr.act[tr.actOff[i]:tr.actOff[i+1]] {
			ws := tr.w[int(f)*L : int(f)*L+L]
			for y := range row {
				row[y] += ws[y]
			}
		}
	}
	trans := make([]float32, len(tr.t))
	for i, x := range tr.t {
		trans[i] = float32(x)
	}
	pred := viterbi(tr.ls, wk, n, trans)
	wrong := 0
	for i := 0; i < n; i++ {
		g, p := e.gold[i], pred[i]
		pg, pp := L, L // start row
		if i > 0 {
			pg, pp = e.gold[i-1], pred[i-1]
		}
		if g != p {
			wrong++
			for _, f := range tr.act[tr.actOff[i]:tr.actOff[i+1]] {
				base := int(f) * L
				tr.w[base+g]++
				tr.u[base+g] += float32(tr.c)
				tr.w[base+p]--
				tr.u[base+p] -= float32(tr.c)
			}
		}
		if g != p || pg != pp {
			tr.t[pg*L+g]++
			tr.v[pg*L+g] += tr.c
			tr.t[pp*L+p]--
			tr.v[pp*L+p] -= tr.c
		}
	}
	return wrong
}

// snapshot is a set of averaged weights.
type snapshot struct {
	L     int
	w     []float32
	trans []float32
}

// average returns the averaged weights.
func (tr *trainer) average() *snapshot {
	s := &snapshot{L: tr.L, w: make([]float32, len(tr.w)), trans: make([]float32, len(tr.t))}
	c := float32(tr.c)
	for i, w := range tr.w {
		s.w[i] = w - tr.u[i]/c
	}
	for i, t := range tr.t {
		s.trans[i] = float32(t - tr.v[i]/tr.c)
	}
	return s
}

// evaluate scores the snapshot on encoded dev sentences.
func (s *snapshot) evaluate(ls *labelSet, dev []encoded, sents []Sentence, wk *work) Scores {
	L := s.L
	var ev Evaluator
	for k, e := range dev {
		n := len(e.gold)
		wk.scores = grow(wk.scores, n*L)
		for i := 0; i < n; i++ {
			row := wk.scores[i*L : (i+1)*L]
			clear(row)
			for _, f := range e.feats[e.off[i]:e.off[i+1]] {
				ws := s.w[int(f)*L : int(f)*L+L]
				for y := range row {
					row[y] += ws[y]
				}
			}
		}
		pred := viterbi(ls, wk, n, s.trans)
		tags := make([]string, n)
		for i, p := range pred {
			tags[i] = outputTag(ls.names[p])
		}
		ev.Add(sents[k].Tags, tags)
	}
	return ev.Scores()
}

// model turns the snapshot into a Model, dropping weights too small to
// change a decision.
func (s *snapshot) model(ls *labelSet, hashes []uint64, gaz Gazetteer) *Model {
	L := s.L
	m := &Model{labels: ls, gaz: gaz, trans: s.trans}
	kept := 0
	for f := range hashes {
		for _, w := range s.w[f*L : f*L+L] {
			if math.Abs(float64(w)) >= minWeight {
				kept++
				break
			}
		}
	}
	m.table = newFeatTable(kept)
	for f, h := range hashes {
		first := uint32(len(m.table.ws))
		var n uint8
		for y, w := range s.w[f*L : f*L+L] {
			if math.Abs(float64(w)) >= minWeight {
				m.table.push(uint8(y), quantise(w))
				n++
			}
		}
		if n > 0 {
			m.table.put(h, first, n)
		}
	}
	m.info.Features = kept
	return m
}

// minWeight is the smallest weight a model keeps.
const minWeight = 0.05

// quantStep is the resolution weights are stored with.
const quantStep = 1.0 / 64

func quantise(w float32) float32 {
	return float32(math.Round(float64(w)/quantStep) * quantStep)
}
