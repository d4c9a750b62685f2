package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// asset is one static file, served under a name carrying its content hash.
type asset struct {
	name  string // as in static/: "app.css"
	url   string // "/static/app.3f2a1c0b9d.css"
	body  []byte
	ctype string
	etag  string
}

// hashLen is the number of hex digits of the content hash in a name.
const hashLen = 10

// loadAssets reads every file under static/ and names it by content hash.
// It returns the assets by their hashed file name and the URL of each by
// its plain name.
func loadAssets(fsys fs.FS) (byFile map[string]*asset, urls map[string]string, err error) {
	byFile, urls = map[string]*asset{}, map[string]string{}
	err = fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:hashLen]
		ext := path.Ext(name)
		file := strings.TrimSuffix(name, ext) + "." + h + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		if ext == ".js" {
			ctype = "text/javascript; charset=utf-8"
		}
		a := &asset{name: name, url: "/static/" + file, body: body, ctype: ctype, etag: `"` + h + `"`}
		byFile[file] = a
		urls[name] = a.url
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("web: static files: %w", err)
	}
	return byFile, urls, nil
}

// staticURL returns the hashed URL of a static file, failing for a name
// that is not embedded, so a template naming a missing file fails to
// execute at its first render (and in tests).
func (u *UI) staticURL(name string) (string, error) {
	url, ok := u.assetURLs[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return url, nil
}

// serveStatic serves a static file by its hashed name, cached for a year:
// a new build with other content has other names.
func (u *UI) serveStatic(w http.ResponseWriter, r *http.Request) {
	a, ok := u.assets[r.PathValue("file")]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", a.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.body))
}
