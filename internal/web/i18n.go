package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Languages the UI speaks, the default first.
var uiLangs = []string{"hi", "en"}

// defaultLang is the UI language when the request states no preference.
const defaultLang = "hi"

// catalog holds the UI strings of one language.
type catalog struct {
	lang string
	msgs map[string]string
}

// loadCatalogs reads i18n/<lang>.json for every UI language and checks that
// they hold the same keys, and every key in required.
func loadCatalogs(fsys fs.FS, required []string) (map[string]*catalog, error) {
	cats := make(map[string]*catalog, len(uiLangs))
	for _, lang := range uiLangs {
		b, err := fs.ReadFile(fsys, "i18n/"+lang+".json")
		if err != nil {
			return nil, fmt.Errorf("web: translations: %w", err)
		}
		var msgs map[string]string
		if err := json.Unmarshal(b, &msgs); err != nil {
			return nil, fmt.Errorf("web: translations %s.json: %w", lang, err)
		}
		cats[lang] = &catalog{lang: lang, msgs: msgs}
	}
	base := cats[uiLangs[0]]
	for _, lang := range uiLangs[1:] {
		c := cats[lang]
		for k := range base.msgs {
			if _, ok := c.msgs[k]; !ok {
				return nil, fmt.Errorf("web: translations: %s.json lacks %q, which %s.json has", lang, k, base.lang)
			}
		}
		for k := range c.msgs {
			if _, ok := base.msgs[k]; !ok {
				return nil, fmt.Errorf("web: translations: %s.json lacks %q, which %s.json has", base.lang, k, lang)
			}
		}
	}
	for _, k := range required {
		if _, ok := base.msgs[k]; !ok {
			return nil, fmt.Errorf("web: translations lack %q", k)
		}
	}
	return cats, nil
}

// keysOf returns the sorted keys of a catalog, for tests and checks.
func (c *catalog) keys() []string { return slices.Sorted(maps.Keys(c.msgs)) }

// T returns the string for key, or "[[key]]" when there is none, so a
// missing string shows on the page rather than failing it.
func (c *catalog) T(key string) string {
	if s, ok := c.msgs[key]; ok {
		return s
	}
	return "[[" + key + "]]"
}

// lookup returns the string for key and whether there is one.
func (c *catalog) lookup(key string) (string, bool) {
	s, ok := c.msgs[key]
	return s, ok
}

// supported reports whether lang is a UI language.
func supported(lang string) bool { return slices.Contains(uiLangs, lang) }

// negotiate picks the UI language an Accept-Language header prefers: the
// supported language of the highest weight (the earlier on a tie), or the
// default. Region subtags are ignored ("en-IN" is "en").
func negotiate(header string) string {
	best, bestQ := defaultLang, 0.0
	for part := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(part, ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		primary, _, _ := strings.Cut(tag, "-")
		if !supported(primary) {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || strings.TrimSpace(k) != "q" {
				continue
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				f = 0
			}
			q = f
		}
		if q > bestQ {
			best, bestQ = primary, q
		}
	}
	return best
}
