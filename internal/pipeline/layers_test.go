package pipeline

import (
	"go/build"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// stageOrder lists the stage packages in the order the flow runs them
// (normalize runs first but is shared by all, so it counts as below them).
var stageOrder = []string{"extract", "clean", "meta", "lang", "segment", "entity", "timex", "quote", "event", "dedup", "story"}

// below are the packages every stage may import: the domain, the shared
// normalisation and tokens, the language packs, the gazetteer of places,
// the date recogniser, the
// scoring arithmetic, the recognisers of the press's names (agencies,
// outlets, places, datelines, bylines) and the reader of an HTML page's
// head.
var below = []string{"news", "normalize", "lexicon", "gazetteer", "textscan", "datetime", "score", "press", "page"}

// knownViolations are imports that break the rule today and are being
// removed (issue 15). The list may only shrink: an entry that no longer
// occurs fails the test too, so that it is taken off.
var knownViolations = []string{}

// TestStagesDependDownward checks that a stage (or a package below it)
// imports, directly or not, only earlier stages and the shared packages
// below them: never a later stage, storage, evaluation code, or the
// infrastructure above the stages (pipeline, cli, api, …).
func TestStagesDependDownward(t *testing.T) {
	const module = "khabar/internal/"
	rank := map[string]int{}
	for i, s := range stageOrder {
		rank[s] = i
	}
	allowed := func(from, to string) bool {
		top := strings.SplitN(to, "/", 2)[0]
		fromTop := strings.SplitN(from, "/", 2)[0]
		if top == fromTop || slices.Contains(below, top) {
			return true
		}
		r, ok := rank[top]
		return ok && r < rank[fromTop]
	}
	var found []string
	imports := map[string][]string{} // package (below internal/) → its khabar imports
	var load func(pkg string)
	load = func(pkg string) {
		if _, ok := imports[pkg]; ok {
			return
		}
		imports[pkg] = nil
		p, err := build.Default.ImportDir(filepath.Join("..", filepath.FromSlash(pkg)), 0)
		if err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		var own []string
		for _, imp := range p.Imports {
			if rest, ok := strings.CutPrefix(imp, module); ok {
				own = append(own, rest)
				load(rest)
			}
		}
		imports[pkg] = own
	}
	for _, s := range append(slices.Clone(stageOrder), below...) {
		load(s)
	}
	// Every package a stage reaches, with the path that reaches it.
	for _, s := range stageOrder {
		seen := map[string]bool{s: true}
		queue := []string{s}
		for len(queue) > 0 {
			from := queue[0]
			queue = queue[1:]
			for _, to := range imports[from] {
				if !allowed(s, to) {
					v := from + " -> " + to
					if !slices.Contains(found, v) {
						found = append(found, v)
					}
					continue // its own imports are reported from its own package
				}
				if !seen[to] {
					seen[to] = true
					queue = append(queue, to)
				}
			}
		}
	}
	for _, b := range below {
		for _, to := range imports[b] {
			if top := strings.SplitN(to, "/", 2)[0]; top != b && !slices.Contains(below, top) {
				found = append(found, b+" -> "+to)
			}
		}
	}
	sort.Strings(found)
	for _, v := range found {
		if !slices.Contains(knownViolations, v) {
			t.Errorf("%s: a stage imports a later stage, storage, evaluation or infrastructure code (stages depend only on earlier stages and on %s)", v, strings.Join(below, ", "))
		}
	}
	for _, v := range knownViolations {
		if !slices.Contains(found, v) {
			t.Errorf("%q no longer occurs: take it off knownViolations", v)
		}
	}
}
