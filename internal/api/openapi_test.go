package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"khabar/internal/api/apitest"
)

// TestOpenAPI checks that the served document is OpenAPI 3.1 JSON, that it
// describes exactly the routes the API serves, and that its references
// resolve.
func TestOpenAPI(t *testing.T) {
	s, h := newWriteServer(t, Write{}, apitest.Sample()...)
	rec := do(t, h, "GET", "/api/v1/openapi.json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	doc := decode[map[string]any](t, rec)
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.1.") {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	info, _ := doc["info"].(map[string]any)
	if info["version"] != "test" || info["title"] == nil {
		t.Errorf("info = %v", info)
	}

	paths, _ := doc["paths"].(map[string]any)
	var served []string
	for _, p := range s.Patterns() {
		method, path, ok := strings.Cut(p, " ")
		if !ok {
			t.Fatalf("pattern %q has no method", p)
		}
		served = append(served, path)
		item, _ := paths[path].(map[string]any)
		if item[strings.ToLower(method)] == nil {
			t.Errorf("document lacks %s", p)
		}
		// Every route answers with what the document says it does.
		if !strings.Contains(path, "{") && method == "GET" {
			if rec := do(t, h, method, path); rec.Code != http.StatusOK {
				t.Errorf("%s answers %d", p, rec.Code)
			}
		}
	}
	for path := range paths {
		if !slices.Contains(served, path) {
			t.Errorf("document describes %s, which is not served", path)
		}
	}

	// Every $ref points at something in the document.
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "$ref" {
					if !resolves(doc, x.(string)) {
						t.Errorf("$ref %v does not resolve", x)
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
}

// resolves reports whether the local JSON pointer ref names a value in doc.
func resolves(doc map[string]any, ref string) bool {
	p, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return false
	}
	var cur any = doc
	for _, part := range strings.Split(p, "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// TestOpenAPIArticleSchema checks that the document's Article schema lists
// exactly the fields a record carries.
func TestOpenAPIArticleSchema(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Required   []string       `json:"required"`
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(apitest.Sample()[0])
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	schema := doc.Components.Schemas["Article"]
	for k := range rec {
		if _, ok := schema.Properties[k]; !ok {
			t.Errorf("record field %q missing from the Article schema", k)
		}
		if !slices.Contains(schema.Required, k) {
			t.Errorf("record field %q not required by the Article schema", k)
		}
	}
	for k := range schema.Properties {
		if _, ok := rec[k]; !ok {
			t.Errorf("Article schema has %q, which records lack", k)
		}
	}
}
