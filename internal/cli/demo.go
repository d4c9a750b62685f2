package cli

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	"khabar/examples"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fl := newFlags(e, "demo", "[flags]",
		"Ingest the sample corpus that ships with khabar into a data folder and serve it.\n"+
			"Running it again reuses what is stored.")
	data := fl.String("data", folderDefault(e), "data folder (env KHABAR_DATA)")
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fl, args); err != nil {
		return err
	}
	dir := filepath.Join(*data, "demo-corpus")
	if err := writeCorpus(dir); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "ingesting the sample corpus (%s)\n", dir)
	sum, err := ingestPaths(ctx, e, *data, []string{dir}, runtime.NumCPU(), defaultLimits(), true, "")
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		fmt.Fprintf(e.stderr, "khabar demo: %d sample articles failed; serving the rest\n", sum.Failed)
	}
	return serveData(ctx, e, *data, serveConfig{addr: *addr, token: e.getenv("KHABAR_TOKEN"), follow: true,
		node: nodeOptions{fetch: fetchFlags{delay: fetchDelayDefault, userAgent: fetchUserAgentDefault}}})
}

// writeCorpus copies the embedded sample corpus to dir, rewriting only files
// whose content differs, so the articles keep their ids from run to run.
func writeCorpus(dir string) error {
	return fs.WalkDir(examples.Corpus, "corpus", func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("corpus", filepath.FromSlash(path))
		target := filepath.Join(dir, rel)
		if de.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if filepath.Ext(path) == ".md" {
			return nil // the corpus's own description, not an article
		}
		b, err := examples.Corpus.ReadFile(path)
		if err != nil {
			return err
		}
		if old, err := os.ReadFile(target); err == nil && bytes.Equal(old, b) {
			return nil
		}
		return os.WriteFile(target, b, 0o644)
	})
}
