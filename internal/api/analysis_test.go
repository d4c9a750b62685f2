package api

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"khabar/internal/api/apitest"
)

func TestAnalysisRoutes(t *testing.T) {
	_, h := newWriteServer(t, Write{}, apitest.Sample()...)
	tests := []struct {
		name, target string
		status       int
		want         []string
	}{
		{"entities", "/api/v1/entities", 200, []string{`"id":"e-indore"`, `"id":"e-assam"`, `"articles":1`}},
		{"entities by a Hindi name", "/api/v1/entities?q=" + url.QueryEscape("सुनीता"), 200, []string{`"id":"e-verma"`}},
		{"entities by type", "/api/v1/entities?type=per", 200, []string{`"id":"e-verma"`}},
		{"entities in a period", "/api/v1/entities?from=2025-03-12&to=2025-03-12", 200, []string{`"id":"e-assam"`}},
		{"unknown filter", "/api/v1/entities?entity=x", 400, []string{"entity: is not a parameter"}},
		{"bad type", "/api/v1/entities?type=THING", 400, []string{"type: must be one of"}},
		{"one entity", "/api/v1/entities/e-verma", 200, []string{`"names":{"hi":"सुनीता वर्मा"}`, `"days":[{"day":"2025-03-10","count":1}]`,
			`"with":[{"id":"e-indore"`, `"quotes":[{"speaker":"e-verma"`, `"articles":[{`}},
		{"unknown entity", "/api/v1/entities/e-nobody", 404, []string{"not_found"}},
		{"quotes of a speaker", "/api/v1/quotes?speaker=e-verma", 200, []string{`"speaker_name":"Sunita Verma"`, `"article":{"id":"hi-metro"`}},
		{"quotes via an agency", "/api/v1/quotes?via=pti-bhasha", 200, []string{`"speaker":"e-verma"`}},
		{"quotes by words", "/api/v1/quotes?q=" + url.QueryEscape("पचास हज़ार"), 200, []string{`"speaker":"e-verma"`}},
		{"no such quotes", "/api/v1/quotes?via=TASS", 200, []string{`"quotes":[]`}},
		{"events", "/api/v1/events?type=disaster&place=e-assam", 200, []string{`"subtype":"FLOODS"`, `"e-assam":{"name":"Assam"`, `"killed":3`}},
		{"events by modality", "/api/v1/events?modality=future", 200, []string{`"events":[]`}},
		{"bad modality", "/api/v1/events?modality=maybe", 400, []string{"modality: must be one of"}},
		{"bad cursor", "/api/v1/events?cursor=zzz", 400, []string{"cursor"}},
		{"twice", "/api/v1/quotes?speaker=a&speaker=b", 400, []string{"given 2 times"}},
		{"unknown article filter", "/api/v1/articles?entity=x", 400, []string{"entity: is not a parameter"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.target)
			body := rec.Body.String()
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, body)
			}
			if !json.Valid(rec.Body.Bytes()) {
				t.Fatalf("not JSON: %s", body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("answer lacks %s:\n%s", w, body)
				}
			}
		})
	}
}

func TestAlertRoutes(t *testing.T) {
	_, h := newWriteServer(t, Write{Token: "tok"}, apitest.Sample()...)
	if rec := send(t, h, "POST", "/api/v1/alerts", "application/json", "", `{"name":"metro","query":"मेट्रो"}`); rec.Code != 401 {
		t.Fatalf("without token: %d", rec.Code)
	}
	rec := send(t, h, "POST", "/api/v1/alerts", "application/json", "tok", `{"name":"metro","query":"मेट्रो","webhook":"https://hooks.example/m"}`)
	if rec.Code != 201 || !strings.Contains(rec.Body.String(), `"feed":"/feeds/metro.atom"`) {
		t.Fatalf("add: %d %s", rec.Code, rec.Body)
	}
	for _, bad := range []string{`{"name":"a b","query":"x"}`, `{"name":"x","query":""}`, `{"name":"x","query":"y","webhook":"file:///etc/passwd"}`, `{"name":"x","query":"y","to":"soon"}`} {
		if rec := send(t, h, "POST", "/api/v1/alerts", "application/json", "tok", bad); rec.Code != 400 {
			t.Errorf("add %s: %d %s", bad, rec.Code, rec.Body)
		}
	}
	if rec := do(t, h, "GET", "/api/v1/alerts"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"name":"metro"`) {
		t.Errorf("list: %d %s", rec.Code, rec.Body)
	}
	feed := do(t, h, "GET", "/feeds/metro.atom")
	if feed.Code != 200 || !strings.HasPrefix(feed.Header().Get("Content-Type"), "application/atom+xml") || !strings.Contains(feed.Body.String(), "<feed xmlns=\"http://www.w3.org/2005/Atom\">") {
		t.Errorf("feed: %d %s\n%s", feed.Code, feed.Header(), feed.Body)
	}
	if rec := do(t, h, "GET", "/feeds/nothing.atom"); rec.Code != 404 {
		t.Errorf("unknown feed: %d", rec.Code)
	}
	if rec := send(t, h, "DELETE", "/api/v1/alerts/metro", "", "tok", ""); rec.Code != 204 {
		t.Errorf("remove: %d %s", rec.Code, rec.Body)
	}
	if rec := send(t, h, "DELETE", "/api/v1/alerts/metro", "", "tok", ""); rec.Code != 404 {
		t.Errorf("remove again: %d", rec.Code)
	}
}
