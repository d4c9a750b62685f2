package event

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"khabar/internal/lexicon"
)

// TestClassesRead checks every d.is and d.has of the stage against the
// classes its tables hold: a class missing from wordClasses (checkClasses)
// would match nothing, silently.
func TestClassesRead(t *testing.T) {
	names := classNames(t)
	call := regexp.MustCompile(`d\.(is|has)\(lexicon\.(\w+)`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			c, ok := names[m[2]]
			if !ok {
				t.Errorf("%s: lexicon.%s is no class", f, m[2])
				continue
			}
			list := wordClasses
			if m[1] == "has" {
				list = checkClasses
			}
			if !slices.Contains(list, c) {
				t.Errorf("%s: d.%s(lexicon.%s) reads a class the tables do not hold", f, m[1], m[2])
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d calls found: the pattern no longer finds them", n)
	}
}

// classNames maps the names of the class constants of package lexicon to
// their values.
func classNames(t *testing.T) map[string]lexicon.Class {
	t.Helper()
	f, err := parser.ParseFile(gotoken.NewFileSet(), "../lexicon/classes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]lexicon.Class{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok {
			return true
		}
		for i, id := range vs.Names {
			if i < len(vs.Values) {
				if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
					if v, err := strconv.Unquote(lit.Value); err == nil {
						out[id.Name] = lexicon.Class(v)
					}
				}
			}
		}
		return true
	})
	return out
}
