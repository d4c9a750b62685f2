package search

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"

	"khabar/internal/news"
)

// mappingVersion names the analyzer and fields an index was built with. It
// changes whenever they do; an index of another version must be rebuilt.
const mappingVersion = MappingVersion + "+day-3"

// MappingVersion names the analysis every backend indexes with: the bleve
// index keeps it, and so does the PostgreSQL one (search/pgsearch). The
// bleve index adds what it alone holds (the IST day of each article, for
// counting matches per day).
const MappingVersion = "khabar-search-2"

// versionKey is where the index keeps its mappingVersion.
var versionKey = []byte("khabar_mapping_version")

// ErrVersion is returned by Open for an index built by a version of khabar
// that analyses text differently.
var ErrVersion = errors.New("search index built by another version")

// ErrLocked is returned by Open when another process holds the index: only
// one khabar at a time may use a data folder's index.
var ErrLocked = errors.New("search index in use by another khabar process (stop it, or use another --data folder)")

// ErrCorrupt is returned by Open for a directory that is not a whole index:
// one an older khabar was killed while creating, or one damaged since. The
// store holds every article, so the remedy is to remove it and index again.
var ErrCorrupt = errors.New("search index damaged")

// Fields of an indexed article.
const (
	fieldTitle     = "title"
	fieldTitleEn   = "title_en"
	fieldText      = "text"
	fieldLang      = "lang"
	fieldPublished = "published"
	fieldPublisher = "publisher"
	fieldEntities  = "entities"
	// Facet fields: whole values, for counting.
	fieldFacetOutlet = "f_outlet"
	fieldFacetEntity = "f_entity"
	fieldFacetEvent  = "f_event"
	// fieldDay is the IST day an article was published (YYYY-MM-DD),
	// for counting matches per day.
	fieldDay = "f_day"
)

// ist is India Standard Time, the zone of the days counted per day.
var ist = news.IST

// Index is a full-text index of articles, in a directory on disk. It is
// safe for concurrent use.
//
// A write that fails because the disk is full, or that makes the index
// library panic, breaks the Index: that write and every later one return
// the same error (wrapping news.ErrDiskFull when the disk is full), so a
// caller stops instead of writing into an index in an unknown state. What
// the index last saved whole stays on disk; Open it again once there is
// space.
type Index struct {
	path string
	idx  bleve.Index

	mu     sync.Mutex
	broken error
}

// Open opens the index in the directory path, creating it when absent. It
// refuses an index built with another analyzer, with an error wrapping
// ErrVersion, and a directory that is not a whole index with one wrapping
// ErrCorrupt.
//
// A new index is made whole in a directory beside path and renamed into
// place, so a process killed while creating one never leaves a partial
// index at path, and of two processes creating one at once, one makes it
// and the other opens it (and finds it locked).
func Open(path string) (*Index, error) {
	return open(path, false)
}

// OpenReadOnly opens an existing index for searching only. Any number of
// processes may hold an index read-only at once, but none may write to it
// meanwhile; a read-only index sees the documents indexed when it was opened.
func OpenReadOnly(path string) (*Index, error) {
	return open(path, true)
}

// Remove deletes the index at path, and what a creation killed half-way
// left beside it. A missing index is not an error.
func Remove(path string) error {
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("search: remove %s: %w", path, err)
	}
	removeLeftovers(path, 0)
	return nil
}

// newSuffix marks the directory a new index is made in before it is
// renamed to its path.
const newSuffix = ".new-"

func open(path string, readOnly bool) (*Index, error) {
	_, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && readOnly:
		return nil, fmt.Errorf("search: open %s: %w", path, err)
	case errors.Is(err, os.ErrNotExist):
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("search: open %s: %w", path, err)
	}
	// Another khabar holding the index (an ingest, or a server) locks it;
	// wait a little, then say so instead of hanging.
	idx, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": "3s", "read_only": readOnly,
		"asyncErrorCallbackName": asyncCallback})
	if err != nil && (errors.Is(err, bolterrors.ErrTimeout) || strings.Contains(err.Error(), bolterrors.ErrTimeout.Error())) {
		return nil, fmt.Errorf("search: open %s: %w", path, ErrLocked)
	}
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.ENOSPC) ||
			errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
			return nil, fmt.Errorf("search: open %s: %w", path, err)
		}
		return nil, fmt.Errorf("search: open %s: %w: %w", path, ErrCorrupt, err)
	}
	v, err := idx.GetInternal(versionKey)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("search: open %s: %w: %w", path, ErrCorrupt, err)
	}
	if len(v) == 0 {
		idx.Close()
		return nil, fmt.Errorf("search: open %s: no mapping version (creation was interrupted): %w", path, ErrCorrupt)
	}
	if string(v) != mappingVersion {
		idx.Close()
		return nil, fmt.Errorf("search: open %s: built as %q, this khabar needs %q: remove the directory and index again: %w",
			path, v, mappingVersion, ErrVersion)
	}
	x := &Index{path: path, idx: idx}
	if !readOnly {
		removeLeftovers(path, time.Hour)
		watch(x)
	}
	return x, nil
}

// create makes an empty index at path: whole, in a directory beside it,
// then renamed into place. When another process renamed its own into place
// first, create leaves that one and returns nil.
func create(path string) error {
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := path + newSuffix + hex.EncodeToString(rnd[:])
	idx, err := bleve.NewUsing(tmp, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("search: create %s: %w", path, diskFull(path, err))
	}
	err = idx.SetInternal(versionKey, []byte(mappingVersion))
	if cerr := idx.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFiles(tmp, filepath.Join(tmp, "index_meta.json"))
	}
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("search: create %s: %w", path, diskFull(path, err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(path); serr == nil {
			return nil // another process made it first
		}
		return fmt.Errorf("search: create %s: %w", path, err)
	}
	// The rename is durable once the parent directory is.
	_ = syncFiles(filepath.Dir(path))
	return nil
}

// syncFiles flushes files (or directories) to disk.
func syncFiles(names ...string) error {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// removeLeftovers removes the directories that creations of the index at
// path killed before their rename left, when older than age (a younger one
// may be another process's creation in progress).
func removeLeftovers(path string, age time.Duration) {
	left, _ := filepath.Glob(path + newSuffix + "*")
	for _, l := range left {
		if fi, err := os.Stat(l); err == nil && time.Since(fi.ModTime()) >= age {
			os.RemoveAll(l)
		}
	}
}

// newMapping is the index mapping: a fixed set of fields, nothing dynamic,
// and no stored values (the store holds the articles; hits are ids).
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(AnalyzerName, analyzerConfig); err != nil {
		// analyzerConfig is a constant; this cannot fail at run time
		// unless the code is wrong.
		panic(fmt.Sprintf("search: analyzer: %v", err))
	}
	im.DefaultAnalyzer = AnalyzerName
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	text := func(vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = AnalyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors // positions, for phrases
		f.DocValues = false
		return f
	}
	lang := bleve.NewKeywordFieldMapping()
	lang.Store = false
	lang.IncludeInAll = false
	lang.IncludeTermVectors = false
	lang.DocValues = false
	published := bleve.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false
	published.DocValues = true // for sorting

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fieldTitle, text(true))
	dm.AddFieldMappingsAt(fieldTitleEn, text(true))
	dm.AddFieldMappingsAt(fieldText, text(true))
	dm.AddFieldMappingsAt(fieldPublisher, text(true))
	dm.AddFieldMappingsAt(fieldEntities, text(true))
	dm.AddFieldMappingsAt(fieldLang, lang)
	sound := bleve.NewKeywordFieldMapping()
	sound.Store = false
	sound.IncludeInAll = false
	sound.IncludeTermVectors = false
	sound.DocValues = false
	dm.AddFieldMappingsAt(fieldSound, sound)
	for _, f := range []string{fieldFacetOutlet, fieldFacetEntity, fieldFacetEvent, fieldDay} {
		k := bleve.NewKeywordFieldMapping()
		k.Store = false
		k.IncludeInAll = false
		k.IncludeTermVectors = false
		k.DocValues = true // for facets
		dm.AddFieldMappingsAt(f, k)
	}
	dm.AddFieldMappingsAt(fieldPublished, published)
	im.DefaultMapping = dm
	return im
}

// document is what the index holds of a.
func document(a *news.Article) map[string]any {
	doc := NewDoc(a)
	d := make(map[string]any, 12)
	set := func(k, v string) {
		if v != "" {
			d[k] = v
		}
	}
	set(fieldTitle, doc.Title)
	set(fieldTitleEn, doc.TitleEn)
	set(fieldText, doc.Text)
	set(fieldLang, doc.Lang)
	set(fieldPublisher, doc.Publisher)
	if !doc.Published.IsZero() {
		d[fieldPublished] = doc.Published
		d[fieldDay] = doc.Published.In(ist).Format(time.DateOnly)
	}
	if len(doc.Names) > 0 {
		d[fieldEntities] = doc.Names
	}
	if len(doc.Sound) > 0 {
		d[fieldSound] = doc.Sound
	}
	set(fieldFacetOutlet, doc.Publisher)
	if len(doc.Entities) > 0 {
		d[fieldFacetEntity] = doc.Entities
	}
	if len(doc.EventTypes) > 0 {
		d[fieldFacetEvent] = doc.EventTypes
	}
	return d
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// Index adds arts to the index, or replaces the articles of the same IDs,
// in one batch. The batch is on disk when Index returns.
func (x *Index) Index(ctx context.Context, arts []*news.Article) (err error) {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("search: index: %w", err)
	}
	if err := x.failed(); err != nil {
		return err
	}
	if len(arts) == 0 {
		return nil
	}
	b := x.idx.NewBatch()
	for _, a := range arts {
		if a == nil || a.ID == "" {
			return errors.New("search: index: article without id")
		}
		if err := b.Index(a.ID, document(a)); err != nil {
			return fmt.Errorf("search: index %q: %w", a.ID, err)
		}
	}
	defer x.recoverWrite("index", &err)
	if err := x.idx.Batch(b); err != nil {
		return x.writeFailed(fmt.Errorf("search: index: %w", err))
	}
	return nil
}

// Delete removes the articles with ids from the index, in one batch. Ids
// not in the index are ignored.
func (x *Index) Delete(ctx context.Context, ids []string) (err error) {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("search: delete: %w", err)
	}
	if err := x.failed(); err != nil {
		return err
	}
	if len(ids) == 0 {
		return nil
	}
	b := x.idx.NewBatch()
	for _, id := range ids {
		b.Delete(id)
	}
	defer x.recoverWrite("delete", &err)
	if err := x.idx.Batch(b); err != nil {
		return x.writeFailed(fmt.Errorf("search: delete: %w", err))
	}
	return nil
}

// Count returns the number of indexed articles.
func (x *Index) Count() (uint64, error) {
	n, err := x.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("search: count: %w", err)
	}
	return n, nil
}

// Close flushes and closes the index. After a write failed it returns nil
// even if the library fails to close: the caller has that error already.
func (x *Index) Close() (err error) {
	unwatch(x)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("search: close: the index library panicked: %v", r)
		}
		if x.failed() != nil {
			err = nil
		}
	}()
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("search: close: %w", diskFull(x.path, err))
	}
	return nil
}

// Analyze returns the terms the index makes of text, for tests and for
// explaining to a user why a word does (not) match.
func (x *Index) Analyze(text string) []string {
	a := x.idx.Mapping().AnalyzerNamed(AnalyzerName)
	var out []string
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out
}

// timeOrZero is t, or the zero time (an open bound) when t is zero.
func timeOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}
