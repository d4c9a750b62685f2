package source

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"khabar/internal/evaldata"
	"khabar/internal/news"
)

// walk runs Walk and returns every item.
func walk(t *testing.T, paths []string, opt Options) []Item {
	t.Helper()
	var items []Item
	err := Walk(t.Context(), paths, opt, func(it Item) error {
		if (it.Article == nil) == (it.Err == nil) {
			t.Errorf("item %q: Article = %v, Err = %v; want exactly one", it.Name, it.Article, it.Err)
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk() = %v", err)
	}
	return items
}

// writeFiles creates files (path → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// want describes one expected item.
type want struct {
	name   string // Item.Name relative to the test dir
	err    error  // errors.Is target, or nil
	errMsg string // substring of the error message
	format string // Source.Format
	raw    string // Raw.Format
	body   string // substring of Raw.Body
	url    string
	title  string
}

const htmlPage = `<!DOCTYPE html>
<html lang="hi"><head><meta charset="utf-8"><title>बस सेवा</title></head>
<body><p>` + hindi + `</p></body></html>`

func TestWalk(t *testing.T) {
	cp1252 := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	utf16 := func(s string) string {
		b, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name  string
		files map[string]string
		paths []string // relative to the test dir; default: the dir itself
		opt   Options
		want  []want
	}{
		{
			name:  "text file",
			files: map[string]string{"a.txt": hindi},
			paths: []string{"a.txt"},
			want:  []want{{name: "a.txt", format: "text", raw: "text", body: hindi}},
		},
		{
			name:  "html file",
			files: map[string]string{"a.html": htmlPage},
			paths: []string{"a.html"},
			want:  []want{{name: "a.html", format: "html", raw: "html", body: "<title>बस सेवा</title>"}},
		},
		{
			name: "extensionless files are sniffed",
			files: map[string]string{
				"page":   htmlPage,
				"tags":   "<div><p>one</p><p>two</p><br><a href=x>three</a></div>",
				"plain":  english,
				"record": `{"url":"https://example.org/a","text":"` + english + `"}` + "\n",
			},
			want: []want{
				{name: "page", format: "html", raw: "html"},
				{name: "plain", format: "text", raw: "text", body: english},
				{name: "record:1", format: "jsonl", raw: "text", body: english, url: "https://example.org/a"},
				{name: "tags", format: "html", raw: "html"},
			},
		},
		{
			name: "directory order, hidden and skipped files",
			files: map[string]string{
				"b/2.txt":        english,
				"b/1.htm":        htmlPage,
				"a.txt":          hindi,
				".hidden.txt":    english,
				".git/x.txt":     english,
				"c/photo.JPG":    "\xff\xd8\xff\xe0",
				"c/archive.gz":   "\x1f\x8b\x08",
				"c/notes.csv":    "a,b\n1,2\n",
				"c/backup.txt~":  english,
				"c/style.css":    "p{}",
				"README.md":      "# what this folder holds",
				"c/LICENSE":      "all rights reserved",
				"d/e/deep.jsonl": `{"title":"t","text":"` + english + `"}`,
			},
			want: []want{
				{name: "a.txt", format: "text"},
				{name: "b/1.htm", format: "html"},
				{name: "b/2.txt", format: "text"},
				{name: "c/notes.csv", err: errors.ErrUnsupported},
				{name: "d/e/deep.jsonl:1", format: "jsonl", raw: "text", title: "t"},
			},
		},
		{
			name: "json lines",
			files: map[string]string{"feed.jsonl": strings.Join([]string{
				`{"url":"HTTPS://Example.org:443/news/1?utm_source=x&id=7#top","title":"  Bus   route ","text":"` + english + `","published":"2025-03-19T20:59:41+05:30","publisher":"Example Times","lang":"EN"}`,
				``,
				`   `,
				`{"html":"<p>` + hindi + `</p>","published":"2025-03-19 20:59:41"}`,
				`{"title":"broken",`,
				`["not","an","object"]`,
				`{"title":"nothing to read"}`,
				`{"text":"x","published":"yesterday"}`,
				`{"text":"x","title":42}`,
				`{"text":"last line without newline"}`,
			}, "\n")},
			want: []want{
				{name: "feed.jsonl:1", format: "jsonl", raw: "text", body: english, url: "https://example.org/news/1?id=7", title: "Bus route"},
				{name: "feed.jsonl:4", format: "jsonl", raw: "html", body: "<p>" + hindi},
				{name: "feed.jsonl:5", errMsg: "feed.jsonl:5: invalid JSON: "},
				{name: "feed.jsonl:6", errMsg: "not a JSON object"},
				{name: "feed.jsonl:7", err: news.ErrEmpty},
				{name: "feed.jsonl:8", errMsg: `field "published": cannot read "yesterday"`},
				{name: "feed.jsonl:9", errMsg: `field "title": want a string`},
				{name: "feed.jsonl:10", format: "jsonl", body: "last line"},
			},
		},
		{
			name:  "json lines with a line over the limit",
			files: map[string]string{"big.ndjson": `{"text":"` + strings.Repeat("x", 300) + `"}` + "\n" + `{"text":"short"}` + "\n"},
			opt:   Options{MaxBytes: 200},
			want: []want{
				{name: "big.ndjson:1", err: news.ErrTooLarge},
				{name: "big.ndjson:2", body: "short"},
			},
		},
		{
			name: "long json lines",
			files: map[string]string{"long.jsonl": `{"text":"` + strings.Repeat("शब्द ", 60000) + `"}` + "\n" +
				`{"text":"after"}`},
			want: []want{
				{name: "long.jsonl:1", body: "शब्द शब्द"},
				{name: "long.jsonl:2", body: "after"},
			},
		},
		{
			name: "bad inputs",
			files: map[string]string{
				"empty.txt":  "",
				"blank.txt":  "  \n\n\t ",
				"binary.txt": "\x00\x01\x02\x03\x04\x05PK\x03\x04\x00\x00\x00\x00\x00\x00",
				"binary":     strings.Repeat("\x00\x10\xff", 100),
				"data.bin":   "\x00\x00",
				"empty.html": "",
				"json.json":  "{\n \"pretty\": true\n}\n",
			},
			want: []want{
				{name: "binary", err: news.ErrBinary},
				{name: "binary.txt", err: news.ErrBinary},
				{name: "blank.txt", err: news.ErrEmpty},
				{name: "empty.html", err: news.ErrEmpty},
				{name: "empty.txt", err: news.ErrEmpty},
				{name: "json.json", format: "text"},
			},
		},
		{
			name: "encodings",
			files: map[string]string{
				"1252.txt":  cp1252(french),
				"16.txt":    utf16(hindi),
				"meta.html": `<html><head><meta charset="windows-1252"></head><body><p>` + cp1252(french) + `</p></body></html>`,
				"bad.txt":   hindi[:40] + "\xc0\xff" + hindi[40:],
			},
			want: []want{
				{name: "1252.txt", body: french},
				{name: "16.txt", body: hindi},
				{name: "bad.txt", body: "\uFFFD"},
				{name: "meta.html", raw: "html", body: french},
			},
		},
		{
			name:  "missing path, the rest goes on",
			files: map[string]string{"a.txt": english},
			paths: []string{"nope.txt", "a.txt"},
			want: []want{
				{name: "nope.txt", err: fs.ErrNotExist},
				{name: "a.txt", body: english},
			},
		},
		{
			name:  "file over the limit",
			files: map[string]string{"a.txt": english, "b.html": htmlPage, "c": english},
			opt:   Options{MaxBytes: 50},
			want: []want{
				{name: "a.txt", err: news.ErrTooLarge},
				{name: "b.html", err: news.ErrTooLarge},
				{name: "c", err: news.ErrTooLarge},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			paths := []string{dir}
			if tt.paths != nil {
				paths = nil
				for _, p := range tt.paths {
					paths = append(paths, filepath.Join(dir, p))
				}
			}
			items := walk(t, paths, tt.opt)
			check(t, dir, items, tt.want)
		})
	}
}

// check compares items with want.
func check(t *testing.T, dir string, items []Item, want []want) {
	t.Helper()
	var names []string
	for _, it := range items {
		names = append(names, relName(dir, it.Name))
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items %q, want %d", len(items), names, len(want))
	}
	for i, w := range want {
		it := items[i]
		if names[i] != w.name {
			t.Errorf("item %d name = %q, want %q", i, names[i], w.name)
		}
		if w.err != nil || w.errMsg != "" {
			if it.Err == nil {
				t.Errorf("%s: no error, want %v %q", w.name, w.err, w.errMsg)
				continue
			}
			if w.err != nil && !errors.Is(it.Err, w.err) {
				t.Errorf("%s: error = %v, want %v", w.name, it.Err, w.err)
			}
			if !strings.Contains(relName(dir, it.Err.Error()), w.errMsg) {
				t.Errorf("%s: error = %q, want it to contain %q", w.name, it.Err, w.errMsg)
			}
			if !strings.HasPrefix(it.Err.Error(), it.Name+": ") {
				t.Errorf("%s: error %q does not start with the item name", w.name, it.Err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: error = %v", w.name, it.Err)
			continue
		}
		a := it.Article
		if w.format != "" && a.Source.Format != w.format {
			t.Errorf("%s: source format = %q, want %q", w.name, a.Source.Format, w.format)
		}
		if w.raw != "" && a.Raw.Format != w.raw {
			t.Errorf("%s: raw format = %q, want %q", w.name, a.Raw.Format, w.raw)
		}
		if !strings.Contains(a.Raw.Body, w.body) {
			t.Errorf("%s: body = %.80q, want it to contain %.80q", w.name, a.Raw.Body, w.body)
		}
		if a.URL != w.url || a.Raw.Hints.URL != w.url {
			t.Errorf("%s: url = %q, hint %q, want %q", w.name, a.URL, a.Raw.Hints.URL, w.url)
		}
		if a.Raw.Hints.Title != w.title {
			t.Errorf("%s: title hint = %q, want %q", w.name, a.Raw.Hints.Title, w.title)
		}
		if len(a.ID) != 16 {
			t.Errorf("%s: id = %q, want 16 hex digits", w.name, a.ID)
		}
	}
}

// relName strips the test dir from s.
func relName(dir, s string) string {
	return filepath.ToSlash(strings.ReplaceAll(s, dir+string(filepath.Separator), ""))
}

func TestWalkJSONLFields(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": "\xEF\xBB\xBF" +
		`{"url":"https://example.org/x","title":"T","text":"body","published":"2025-03-19","publisher":"P","lang":"hi","fetched":"2025-03-20T01:02:03Z"}` + "\n" +
		`{"text":"body two"}` + "\n"})
	items := walk(t, []string{filepath.Join(dir, "a.jsonl")}, Options{})
	if len(items) != 2 || items[0].Err != nil || items[1].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	wantPub := time.Date(2025, 3, 19, 0, 0, 0, 0, ist)
	if !a.Raw.Hints.Published.Equal(wantPub) || a.Raw.Hints.Published.Format(time.RFC3339) != "2025-03-19T00:00:00+05:30" {
		t.Errorf("published = %v, want %v", a.Raw.Hints.Published, wantPub)
	}
	if a.Raw.Hints.Publisher != "P" || a.Raw.Hints.Lang != "hi" || a.Raw.Hints.Title != "T" {
		t.Errorf("hints = %+v", a.Raw.Hints)
	}
	if !a.Source.Fetched.Equal(time.Date(2025, 3, 20, 1, 2, 3, 0, time.UTC)) {
		t.Errorf("fetched = %v", a.Source.Fetched)
	}
	if want := filepath.Join(dir, "a.jsonl") + "#L1"; a.Source.URI != want {
		t.Errorf("uri = %q, want %q", a.Source.URI, want)
	}
	if want := ID("url:https://example.org/x"); a.ID != want {
		t.Errorf("id = %q, want %q", a.ID, want)
	}
	if want := ID("file:" + filepath.Join(dir, "a.jsonl") + "#L2"); items[1].Article.ID != want {
		t.Errorf("id of line 2 = %q, want %q", items[1].Article.ID, want)
	}
}

func TestWalkIDs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": english, "x/b.txt": english})
	abs := filepath.Join(dir, "a.txt")
	t.Chdir(dir)
	one := walk(t, []string{"a.txt"}, Options{})
	two := walk(t, []string{"./x/../a.txt"}, Options{})
	three := walk(t, []string{abs}, Options{})
	want := ID("file:" + abs)
	for _, items := range [][]Item{one, two, three} {
		if items[0].Err != nil {
			t.Fatal(items[0].Err)
		}
		if items[0].Article.ID != want {
			t.Errorf("%s: id = %q, want %q", items[0].Name, items[0].Article.ID, want)
		}
	}
	if one[0].Article.Source.URI != "a.txt" {
		t.Errorf("uri = %q, want the path as given", one[0].Article.Source.URI)
	}
}

func TestWalkStdin(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		opt   Options
		names []string
		want  []want
	}{
		{name: "text", in: english, want: []want{{name: "-", format: "text", raw: "text", body: english}}},
		{name: "html", in: htmlPage, want: []want{{name: "-", format: "html", raw: "html", body: hindi}}},
		{
			name: "json lines",
			in:   `{"text":"one"}` + "\n\n" + `{"url":"https://example.org/2","html":"<p>two</p>"}` + "\n",
			want: []want{
				{name: "-:1", format: "jsonl", raw: "text", body: "one"},
				{name: "-:3", format: "jsonl", raw: "html", body: "two", url: "https://example.org/2"},
			},
		},
		{name: "not every line is json", in: `{"text":"one"}` + "\nplain words\n", want: []want{{name: "-", format: "text", body: "plain words"}}},
		{name: "too large", in: english, opt: Options{MaxBytes: 10}, want: []want{{name: "-", err: news.ErrTooLarge}}},
		{name: "too large and json at first", in: `{"text":"` + english + `"}`, opt: Options{MaxBytes: 10}, want: []want{{name: "-", err: news.ErrTooLarge}}},
		{
			name: "json lines longer than the limit stream",
			in:   strings.Repeat(`{"text":"a line"}`+"\n", 20),
			opt:  Options{MaxBytes: 30},
			want: func() []want {
				var w []want
				for i := 1; i <= 20; i++ {
					w = append(w, want{name: fmt.Sprintf("-:%d", i), body: "a line"})
				}
				return w
			}(),
		},
		{name: "binary", in: "\x00\x01\x02\x03\x04\x05\x06", want: []want{{name: "-", err: news.ErrBinary}}},
		{name: "empty", in: "", want: []want{{name: "-", err: news.ErrEmpty}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Stdin = strings.NewReader(tt.in)
			items := walk(t, []string{"-"}, opt)
			check(t, "", items, tt.want)
			for _, it := range items {
				if it.Article != nil && it.Article.URL == "" && !strings.HasPrefix(it.Article.Source.URI, "-") {
					t.Errorf("uri = %q, want it to start with -", it.Article.Source.URI)
				}
			}
		})
	}
	// The same content read twice has the same id.
	a := walk(t, []string{"-"}, Options{Stdin: strings.NewReader(english)})
	b := walk(t, []string{"-"}, Options{Stdin: strings.NewReader(english)})
	if a[0].Article.ID != b[0].Article.ID || a[0].Article.ID != ID("stdin:"+sha256Hex([]byte(english))) {
		t.Errorf("stdin ids %q, %q", a[0].Article.ID, b[0].Article.ID)
	}
}

// TestWalkHugeFile checks that a 50 MB file is refused without being read:
// the file is sparse, so it costs no disk, and reading it would show in the
// time taken.
func TestWalkHugeFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"huge.txt", "huge.html", "huge", "huge.jsonl"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "huge" {
			if _, err := f.WriteString(english); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.Truncate(50 << 20); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	items := walk(t, []string{dir}, Options{})
	elapsed := time.Since(start)
	check(t, dir, items, []want{
		{name: "huge", err: news.ErrTooLarge},
		{name: "huge.html", err: news.ErrTooLarge},
		{name: "huge.jsonl:1", err: news.ErrBinary}, // its NUL bytes show at once
		{name: "huge.txt", err: news.ErrTooLarge},
	})
	t.Logf("walked 4 sparse 50 MB files in %v", elapsed)
}

func TestWalkUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": english, "b.txt": english, "c/d.txt": english})
	locked := filepath.Join(dir, "b.txt")
	lockedDir := filepath.Join(dir, "c")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(lockedDir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(lockedDir, 0o755) })
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("files stay readable after chmod 000 (running as root?)")
	}
	items := walk(t, []string{dir}, Options{})
	check(t, dir, items, []want{
		{name: "a.txt", body: english},
		{name: "b.txt", err: fs.ErrPermission, errMsg: "b.txt: open: permission denied"},
		{name: "c", err: fs.ErrPermission},
	})
}

func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": english, "sub/b.txt": hindi})
	for link, target := range map[string]string{
		"dangling.txt": "missing.txt",
		"link.txt":     "a.txt",
		"loop":         ".",
		"sublink":      "sub",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	items := walk(t, []string{dir}, Options{})
	check(t, dir, items, []want{
		{name: "a.txt", body: english},
		{name: "dangling.txt", err: fs.ErrNotExist},
		{name: "link.txt", body: english},
		{name: "sub/b.txt", body: hindi},
	})
}

func TestWalkStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": english, "b.txt": english, "c.jsonl": `{"text":"x"}` + "\n" + `{"text":"y"}`})
	stop := errors.New("stop")
	n := 0
	err := Walk(t.Context(), []string{dir}, Options{}, func(Item) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Walk() = %v after %d items, want stop after 1", err, n)
	}

	ctx, cancel := context.WithCancel(t.Context())
	n = 0
	err = Walk(ctx, []string{dir, dir}, Options{}, func(Item) error {
		n++
		if n == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Errorf("Walk() = %v after %d items, want context.Canceled after 2", err, n)
	}
}

func BenchmarkWalkDir(b *testing.B) {
	dir := b.TempDir()
	para := hindi + " " + english + "\n\n"
	body := strings.Repeat(para, 5<<10/len(para)+1)[:5<<10]
	body = strings.ToValidUTF8(body, "")
	const files = 200
	for i := range files {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(files * len(body)))
	for b.Loop() {
		n := 0
		err := Walk(b.Context(), []string{dir}, Options{}, func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			n++
			return nil
		})
		if err != nil || n != files {
			b.Fatalf("Walk() = %v, %d articles", err, n)
		}
	}
}

// sharedDir finds the shared data folder: $KHABAR_EVAL_DATA's parent when
// set, else a "shared" directory beside one of the package's ancestors.
func sharedDir(t *testing.T) string {
	t.Helper()
	d, err := evaldata.SharedDir()
	if err != nil {
		t.Skip(err)
	}
	return d
}

func TestWalkSeeds(t *testing.T) {
	seeds := filepath.Join(sharedDir(t), "seeds")
	items := walk(t, []string{seeds}, Options{})
	if len(items) < 2 {
		t.Fatalf("got %d items from %s, want the seed pages", len(items), seeds)
	}
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Name, it.Err)
			continue
		}
		a := it.Article
		if a.Raw.Format != news.FormatText || len(a.Raw.Body) < 1000 || a.ID != ID("file:"+it.Name) {
			t.Errorf("%s: format %q, %d bytes, id %q", it.Name, a.Raw.Format, len(a.Raw.Body), a.ID)
		}
	}
}
