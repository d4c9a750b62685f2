package dedupeval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// PapersDir is the folder of the Hindi five-papers data inside the shared
// evaluation data.
const PapersDir = "news/hindi-5papers-2020-03"

// Doc is one article cut out of a day file of the five-papers data.
type Doc struct {
	// File is the day file's name relative to the papers folder, as
	// "Amar Ujala/AU-2020-MAR-01.txt"; Index counts articles in it from 0.
	File  string
	Index int
	// Paper is the paper's code (AU, DH, DJ, NT, PK) and Day the file's
	// date.
	Paper string
	Day   time.Time
	Title string
	Paras []string
}

// Key names the document as "FILE#INDEX".
func (d Doc) Key() string { return fmt.Sprintf("%s#%d", d.File, d.Index) }

// Text is the body: paragraphs joined by a blank line.
func (d Doc) Text() string { return strings.Join(d.Paras, "\n\n") }

// Words is the number of space-separated words of the body.
func (d Doc) Words() int {
	n := 0
	for _, p := range d.Paras {
		n += len(strings.Fields(p))
	}
	return n
}

// LoadPapers reads every day file under dir (the five-papers folder) and
// cuts it into articles, in file order.
func LoadPapers(dir string) ([]Doc, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dedupeval: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("dedupeval: no day files in %s", dir)
	}
	sort.Strings(files)
	var docs []Doc
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("dedupeval: %w", err)
		}
		rel, _ := filepath.Rel(dir, p)
		docs = append(docs, split(filepath.ToSlash(rel), string(b))...)
	}
	return docs, nil
}

// dayOf reads the date of a day file name such as "AU-2020-MAR-01.txt".
func dayOf(name string) (paper string, day time.Time) {
	base := strings.TrimSuffix(filepath.Base(name), ".txt")
	parts := strings.Split(base, "-")
	if len(parts) != 4 {
		return base, time.Time{}
	}
	t, err := time.Parse("2006-Jan-02", parts[1]+"-"+strings.ToUpper(parts[2][:1])+strings.ToLower(parts[2][1:])+"-"+parts[3])
	if err != nil {
		return parts[0], time.Time{}
	}
	return parts[0], t
}

// isHeadline reports whether a line looks like a headline: short, and not
// ending as a sentence does.
func isHeadline(l string) bool {
	n := utf8.RuneCountInString(l)
	if n < 8 || n > 150 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune("।.?!”\"':)|॥", r)
}

// split cuts a day file into articles: a headline line starts one, and
// the lines up to the next headline are its paragraphs. Lines that repeat
// the headline, and paragraphs seen before in the same article (the pages
// were scraped with repeats), are left out.
func split(file, text string) []Doc {
	paper, day := dayOf(file)
	var docs []Doc
	cur := -1
	seen := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if isHeadline(l) {
			if cur >= 0 && l == docs[cur].Title {
				continue
			}
			if cur < 0 || len(docs[cur].Paras) > 0 {
				docs = append(docs, Doc{File: file, Index: len(docs), Paper: paper, Day: day, Title: l})
				cur = len(docs) - 1
				clear(seen)
				continue
			}
			// Two headline-like lines in a row: a subheading or a
			// dateline; keep it as a paragraph.
		}
		if cur < 0 || seen[l] {
			continue
		}
		seen[l] = true
		docs[cur].Paras = append(docs[cur].Paras, l)
	}
	out := docs[:0]
	for _, d := range docs {
		if len(d.Paras) > 0 {
			d.Index = len(out)
			out = append(out, d)
		}
	}
	return out
}
