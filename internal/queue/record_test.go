package queue

import (
	"encoding/json"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"
)

// validRecord is a record as a worker publishes it, of a Hindi article.
func validRecord(tb testing.TB) []byte {
	tb.Helper()
	a := &news.Article{ID: "a1", Title: "दिल्ली में बारिश", Text: "दिल्ली में आज भारी बारिश हुई। Delhi saw heavy rain today.", Lang: "hi",
		Raw: news.Raw{Body: "<h1>दिल्ली में बारिश</h1>", Format: "html"}}
	raw, err := store.EncodeRaw(a)
	if err != nil {
		tb.Fatal(err)
	}
	art, err := json.Marshal(a)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := json.Marshal(record{Seq: 7, Name: "a1.html", ID: "a1", Hash: "h", Article: art, Raw: *raw})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func TestParseRecord(t *testing.T) {
	r, a, err := parseRecord(validRecord(t))
	if err != nil || r.Seq != 7 || a == nil || a.ID != "a1" || a.Raw.Body != "<h1>दिल्ली में बारिश</h1>" || a.Title != "दिल्ली में बारिश" {
		t.Fatalf("parseRecord = %+v, %+v, %v", r, a, err)
	}
	for name, in := range map[string]string{
		"not json":    `{"seq":`,
		"no seq":      `{"id":"a1"}`,
		"other id":    `{"seq":3,"id":"b","article":{"id":"a"}}`,
		"bad article": `{"seq":3,"id":"a","article":[1]}`,
		"bad raw":     `{"seq":3,"id":"a","article":{"id":"a"},"raw":{"Source":"{}","Hints":"{}","Body":"bm90IGd6aXA="}}`,
	} {
		if _, _, err := parseRecord([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A failure record carries no article and is no error.
	if r, a, err := parseRecord([]byte(`{"seq":4,"name":"x.html","error":"extract: empty page"}`)); err != nil || a != nil || r.Err == "" {
		t.Errorf("failure record = %+v, %v, %v", r, a, err)
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add(validRecord(f))
	f.Add([]byte(`{"seq":4,"error":"x"}`))
	f.Add([]byte(`{"seq":3,"id":"a","article":{"id":"a"},"raw":{"Body":"H4sI"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, a, err := parseRecord(b)
		if err == nil && r.Err == "" && (a == nil || a.ID != r.ID) {
			t.Fatalf("no error, but article %+v for record %+v", a, r)
		}
	})
}
