package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/search/pgsearch"
	"khabar/internal/store"
)

// The search index is derived from the store: every stored article is in
// it once the store marks it indexed (indexed_hash), and an article the
// store holds as pending is indexed by the next opener that writes. So an
// index can always be thrown away and built again from the store, and
// openIndex does that whenever the index cannot be trusted:
//
//   - missing: a new index is empty while the store says articles were
//     indexed (someone removed index.bleve);
//   - half-made or damaged: search.ErrCorrupt (a creation an older khabar
//     was killed in; a new index is made whole and renamed into place);
//   - from another mapping version: search.ErrVersion;
//   - stale: it holds fewer documents than the store marks indexed, or
//     more than the store holds (an index from another folder).
//
// Rebuilding marks every article pending in the store first and then
// indexes the pending ones in batches, each marked indexed once it is on
// disk; a rebuild killed part-way leaves a consistent index with the rest
// pending, and the next opener carries on from there.

// openIndex opens the index at path for the store st: for writing, or
// read-only. A writing opener rebuilds an index that cannot be trusted and
// indexes what is pending, with progress on e.stderr. A reading opener
// does the same through a writing open when nobody else holds the index
// and the folder can be written; otherwise it opens what there is and
// warns, or says what to run.
func openIndex(ctx context.Context, e *env, st dataStore, path string, write bool) (*search.Index, error) {
	if write {
		return openIndexWrite(ctx, e, st, path)
	}
	ix, err := search.OpenReadOnly(path)
	why := ""
	switch {
	case errors.Is(err, os.ErrNotExist):
		why = "it is missing"
	case errors.Is(err, search.ErrCorrupt):
		why = "it is damaged"
	case errors.Is(err, search.ErrVersion):
		why = "it was built by another version of khabar"
	case err != nil:
		return nil, err
	default:
		if why, err = bleveStaleness(ctx, st, ix); err != nil {
			ix.Close()
			return nil, err
		}
		if why == "" {
			if n, err := st.PendingCount(ctx); err == nil && n > 0 {
				why = fmt.Sprintf("%d stored articles are not indexed yet", n)
			}
		}
	}
	if why == "" {
		return ix, nil
	}
	if ix != nil {
		ix.Close()
	}
	if st.ReadOnly() {
		return readAnyway(e, path, why)
	}
	// Repair through a writing open, then read.
	wx, err := openIndexWrite(ctx, e, st, path)
	if errors.Is(err, search.ErrLocked) {
		// Another khabar writes to this folder: it keeps the index.
		return readAnyway(e, path, why)
	}
	if err != nil {
		return nil, err
	}
	if err := wx.Close(); err != nil {
		return nil, err
	}
	return search.OpenReadOnly(path)
}

// readAnyway opens the index at path read-only although it is behind the
// store (why says how), with a warning; or, when there is none to open,
// says what to run.
func readAnyway(e *env, path, why string) (*search.Index, error) {
	ix, err := search.OpenReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("search index %s cannot be used (%s) and cannot be rebuilt here: run \"khabar rebuild index\" where the folder can be written: %w", path, why, err)
	}
	e.log.Warn("search index is behind the store; searches may miss articles", slog.String("index", path), slog.String("reason", why))
	return ix, nil
}

// openIndexWrite opens the index at path for writing, rebuilds it from st
// when it cannot be trusted, and indexes what st holds as pending.
func openIndexWrite(ctx context.Context, e *env, st store.Indexing, path string) (*search.Index, error) {
	ix, err := search.Open(path)
	why := ""
	switch {
	case errors.Is(err, search.ErrVersion):
		why = "it was built by another version of khabar"
	case errors.Is(err, search.ErrCorrupt):
		why = "it is damaged or half-made (a run was stopped while creating it)"
	case err != nil:
		return nil, err
	default:
		if why, err = bleveStaleness(ctx, st, ix); err != nil {
			ix.Close()
			return nil, err
		}
	}
	if why != "" {
		if ix != nil {
			ix.Close()
		}
		if ix, err = rebuildIndex(ctx, e, st, path, why); err != nil {
			return nil, err
		}
		return ix, nil
	}
	if err := indexPending(ctx, e, st, ix, "indexing"); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// bleveStaleness says why ix cannot be trusted beside st, or "" when it
// can.
func bleveStaleness(ctx context.Context, st store.Indexing, ix *search.Index) (string, error) {
	docs, err := ix.Count()
	if err != nil {
		return "", err
	}
	return staleness(ctx, st, docs)
}

// staleness says why an index of docs articles cannot be trusted beside
// st, or "" when it can.
func staleness(ctx context.Context, st store.Indexing, docs uint64) (string, error) {
	stored, indexed, err := st.IndexCounts(ctx)
	if err != nil {
		return "", err
	}
	return countsStale(docs, uint64(stored), uint64(indexed)), nil
}

// countsStale says why an index of docs articles cannot be trusted beside
// a store of stored articles, indexed of them marked indexed; "" when it
// can.
func countsStale(docs, stored, indexed uint64) string {
	switch {
	case docs < indexed:
		if docs == 0 {
			return fmt.Sprintf("it is missing or empty, and the store holds %d indexed articles", indexed)
		}
		return fmt.Sprintf("it holds %d articles, the store %d indexed ones", docs, indexed)
	case docs > stored:
		return fmt.Sprintf("it holds %d articles, more than the %d stored", docs, stored)
	}
	return ""
}

// rebuildIndex throws the index at path away and indexes every article of
// st again, into a new index it returns open for writing.
func rebuildIndex(ctx context.Context, e *env, st store.Indexing, path, why string) (*search.Index, error) {
	stored, _, err := st.IndexCounts(ctx)
	if err != nil {
		return nil, err
	}
	if why != "" {
		fmt.Fprintf(stderrOf(e), "khabar: rebuilding the search index from the %d stored articles: %s\n", stored, why)
		e.log.Warn("rebuilding the search index", slog.String("index", path), slog.String("reason", why), slog.Int("articles", stored))
	}
	// Store first: killed after this line, the next opener finds every
	// article pending and carries on.
	if err := st.ResetIndexed(ctx); err != nil {
		return nil, err
	}
	if err := search.Remove(path); err != nil {
		return nil, err
	}
	ix, err := search.Open(path)
	if err != nil {
		return nil, err
	}
	if err := indexPending(ctx, e, st, ix, "rebuilding the search index"); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// openPGIndex opens the PostgreSQL search index beside the store st at
// url, as openIndexWrite does the bleve one: made again from the store
// when it was made with another analysis or does not match the store,
// and with what the store holds as pending indexed.
func openPGIndex(ctx context.Context, e *env, st store.Indexing, url string) (*pgsearch.Index, error) {
	ix, err := pgsearch.Open(ctx, url, e.log)
	if err != nil {
		return nil, fmt.Errorf("cannot use the search index in the PostgreSQL store %s: %w", showLoc(url), err)
	}
	why := ""
	if err := ix.Check(ctx); errors.Is(err, search.ErrVersion) {
		why = "it was made by another version of khabar"
	} else if err != nil {
		ix.Close()
		return nil, err
	} else {
		// Counted at one moment: other processes may be storing and
		// indexing meanwhile.
		docs, stored, indexed, err := ix.Counts(ctx)
		if err != nil {
			ix.Close()
			return nil, err
		}
		why = countsStale(docs, stored, indexed)
	}
	if why != "" {
		err = rebuildPGIndex(ctx, e, st, ix, why)
	} else {
		err = indexPending(ctx, e, st, ix, "indexing")
	}
	if err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// rebuildPGIndex empties the PostgreSQL search index ix and indexes every
// article of st again.
func rebuildPGIndex(ctx context.Context, e *env, st store.Indexing, ix *pgsearch.Index, why string) error {
	stored, _, err := st.IndexCounts(ctx)
	if err != nil {
		return err
	}
	if why != "" {
		fmt.Fprintf(stderrOf(e), "khabar: rebuilding the search index from the %d stored articles: %s\n", stored, why)
		e.log.Warn("rebuilding the search index", slog.String("reason", why), slog.Int("articles", stored))
	}
	// Store first, as rebuildIndex does.
	if err := st.ResetIndexed(ctx); err != nil {
		return err
	}
	if err := ix.Reset(ctx); err != nil {
		return err
	}
	return indexPending(ctx, e, st, ix, "rebuilding the search index")
}

// indexBatch is the most articles indexPending reads and writes at once,
// and indexBytes the most bytes of text: a batch of articles of megabytes
// each is cut smaller, so indexing takes memory in proportion to the batch,
// not to the largest articles.
const (
	indexBatch = 256
	indexBytes = 4 << 20
)

// indexPending indexes every article st holds as pending, a batch at a
// time, each batch marked indexed once it is on disk; with progress on
// e.stderr when there are many.
func indexPending(ctx context.Context, e *env, st store.Indexing, ix interface {
	Index(context.Context, []*news.Article) error
}, what string) error {
	total, err := st.PendingCount(ctx)
	if err != nil || total == 0 {
		return err
	}
	e.log.Info(what, slog.Int("articles", total))
	bar := newProgress(stderrOf(e), what, total, total > indexBatch)
	defer bar.done()
	limit := indexBatch
	for {
		items, err := st.PendingItems(ctx, limit)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		size, read := 0, len(items)
		for len(items) > 0 {
			n, bytes := 0, 0
			for n < len(items) && (n == 0 || bytes+len(items[n].Article.Text) <= indexBytes) {
				bytes += len(items[n].Article.Text)
				n++
			}
			size += bytes
			arts := make([]*news.Article, n)
			for i, it := range items[:n] {
				arts[i] = it.Article
			}
			if err := ix.Index(ctx, arts); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			if err := st.MarkIndexedItems(ctx, items[:n]); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			bar.add(n)
			items = items[n:]
		}
		// Read as many articles next time as fit the byte budget at the
		// size these had.
		per := max(size/read, 1)
		limit = min(max(indexBytes/per, 1), indexBatch)
	}
}

func stderrOf(e *env) io.Writer {
	if e.stderr == nil {
		return io.Discard
	}
	return e.stderr
}

// progress shows how far a long task is: a bar redrawn in place on a
// terminal, a line every ten seconds otherwise, nothing when off.
type progress struct {
	w          io.Writer
	what       string
	n, total   int
	tty, on    bool
	start, out time.Time
}

func newProgress(w io.Writer, what string, total int, on bool) *progress {
	p := &progress{w: w, what: what, total: total, on: on, start: time.Now(), out: time.Now()}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) add(n int) {
	p.n += n
	if !p.on {
		return
	}
	every := 10 * time.Second
	if p.tty {
		every = 200 * time.Millisecond
	}
	if time.Since(p.out) < every {
		return
	}
	p.out = time.Now()
	pct := 100 * p.n / max(p.total, 1)
	if p.tty {
		const width = 30
		fill := width * p.n / max(p.total, 1)
		fmt.Fprintf(p.w, "\r\033[K%s [%-*s] %d/%d articles (%d%%)", p.what, width, strings.Repeat("#", min(fill, width)), p.n, p.total, pct)
	} else {
		fmt.Fprintf(p.w, "%s: %d/%d articles (%d%%)\n", p.what, p.n, p.total, pct)
	}
}

func (p *progress) done() {
	if !p.on {
		return
	}
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "%s: %d articles in %s\n", p.what, p.n, time.Since(p.start).Round(time.Millisecond))
}
