package cli

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"khabar/examples"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

func runBench(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "bench", "[flags]",
		"Measure khabar on articles: generated from the sample corpus's sentences, or\n"+
			"the real files of --dir. Ingests them (pipeline, storage and indexing) into a\n"+
			"fresh data folder, then analyzes them alone. Prints articles/s, MB/s, peak\n"+
			"memory and the time of each stage in µs per KB of input.")
	n := fl.Int("n", 10000, "articles to generate")
	size := fl.Int("size", 5000, "approximate bytes per article")
	workers := fl.Int("j", runtime.NumCPU(), "articles analysed at once")
	real := fl.String("dir", "", "measure on the articles of this folder (files, JSON Lines) instead of generated ones")
	keep := fl.String("work", "", "work folder to keep (default: a temporary one, removed after)")
	upto := fl.String("upto", "", "run the flow only up to this stage (extract, normalize, clean, meta, lang, segment, entities, time, quotes, events)")
	noIngest := fl.Bool("no-ingest", false, "measure analyze only")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the measured runs to this file (go tool pprof)")
	memProfile := fl.String("memprofile", "", "write a heap profile, taken at the end, to this file (go tool pprof)")
	if err := parse(fl, args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err != nil {
				fmt.Fprintf(e.stderr, "khabar bench: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(e.stderr, "khabar bench: %v\n", err)
			}
		}()
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "khabar-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	in := *real
	var bytes int64
	count := 0
	if in == "" {
		in = filepath.Join(dir, "articles")
		b, err := generateArticles(in, *n, *size, 1)
		if err != nil {
			return err
		}
		bytes, count = b, *n
		fmt.Fprintf(e.stdout, "generated %d articles (%.1f MB) in %s\n", count, float64(bytes)/1e6, in)
	} else {
		err := source.Walk(ctx, []string{in}, source.Options{MaxBytes: defaultMaxBytes}, func(it source.Item) error {
			if it.Err == nil {
				bytes += int64(len(it.Article.Raw.Body))
				count++
			}
			return nil
		})
		if err != nil {
			return err
		}
		if count == 0 {
			return fmt.Errorf("bench: no articles in %s", in)
		}
		fmt.Fprintf(e.stdout, "read %d articles (%.1f MB) in %s\n", count, float64(bytes)/1e6, in)
	}
	mb := float64(bytes) / 1e6

	if !*noIngest {
		sum, err := ingestPaths(ctx, e, filepath.Join(dir, "data"), []string{in}, *workers, defaultLimits(), false, *upto)
		if err != nil {
			return err
		}
		secs := sum.Elapsed.Seconds()
		fmt.Fprintf(e.stdout, "ingest:  %6.0f articles/s  %6.2f MB/s  peak RSS %d MB\n", float64(sum.Total())/secs, mb/secs, peakRSS()>>20)
	}

	p, err := newPipeline(ctx, *workers, *upto, defaultArticleTimeout)
	if err != nil {
		return err
	}
	start := time.Now()
	cpu0 := cpuTime()
	done, failed := 0, 0
	err = p.Run(ctx, feed([]string{in}, source.Options{MaxBytes: defaultMaxBytes}), func(j pipeline.Job) error {
		if j.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "khabar bench: %s\n", itemError(j.Name, j.Err.Error()))
			return nil
		}
		done++
		return nil
	})
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	cpu := (cpuTime() - cpu0).Seconds()
	fmt.Fprintf(e.stdout, "analyze: %6.0f articles/s  %6.2f MB/s  (%d articles, %d failed, %d workers; %.2f MB per CPU second)  peak RSS %d MB\n",
		float64(done)/secs, mb/secs, done, failed, *workers, mb/cpu, peakRSS()>>20)
	kb := float64(bytes) / 1024
	fmt.Fprintf(e.stdout, "stages (µs per KB of input, summed over workers):")
	for _, t := range p.Times() {
		fmt.Fprintf(e.stdout, " %s %.1f", t.Stage, float64(t.Total.Microseconds())/kb)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS returns the process's peak resident memory in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10 // kilobytes on Linux
}

// corpusSentences returns the sentences of the embedded sample corpus, for
// building generated articles that read like news.
func corpusSentences() (hi, en []string, err error) {
	err = fs.WalkDir(examples.Corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := examples.Corpus.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, s := range splitSentences(line) {
				if len([]rune(s)) < 40 {
					continue
				}
				if strings.ContainsAny(s, "कखगतनमरस") {
					hi = append(hi, s)
				} else {
					en = append(en, s)
				}
			}
		}
		return nil
	})
	if len(hi) == 0 {
		return nil, nil, fmt.Errorf("bench: the sample corpus has no sentences")
	}
	return hi, en, err
}

func splitSentences(line string) []string {
	var out []string
	start := 0
	for i, r := range line {
		if r == '।' || r == '?' || r == '!' || (r == '.' && i+1 < len(line) && line[i+1] == ' ') {
			end := i + len(string(r))
			out = append(out, strings.TrimSpace(line[start:end]))
			start = end
		}
	}
	return out
}

// generateArticles writes n scraped-looking text articles of about size
// bytes into dir, deterministically from seed, and returns the bytes written.
func generateArticles(dir string, n, size int, seed uint64) (int64, error) {
	hi, en, err := corpusSentences()
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(seed, 0x6b686162))
	places := []string{"नयी दिल्ली", "लखनऊ", "पटना", "मुंबई", "जयपुर", "भोपाल", "कोलकाता"}
	var total int64
	for i := range n {
		pool := hi
		if len(en) > 0 && i%10 == 9 {
			pool = en
		}
		var b strings.Builder
		b.WriteString(pool[rng.IntN(len(pool))])
		fmt.Fprintf(&b, "\nBy डेस्क - %02d-%02d-2025\n\n%s, %d मार्च (भाषा) ", 1+i%28, 1+i%12, places[i%len(places)], 1+i%28)
		for b.Len() < size {
			for range 3 {
				b.WriteString(pool[rng.IntN(len(pool))])
				fmt.Fprintf(&b, " (%d) ", rng.IntN(1000))
			}
			b.WriteString("\n\n")
		}
		b.WriteString("अन्य सम्बंधित खबरें\n")
		name := filepath.Join(dir, fmt.Sprintf("%03d", i/1000), fmt.Sprintf("a%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return total, err
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			return total, err
		}
		total += int64(b.Len())
	}
	return total, nil
}
