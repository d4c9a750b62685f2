package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"

	_ "modernc.org/sqlite"
)

// TestLinkQueriesUseIndexes checks that finding a group's articles and
// paging stories use the indexes of migration 2, not a scan.
func TestLinkQueriesUseIndexes(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	for _, tc := range []struct {
		q, index string
	}{
		{`SELECT id, record FROM articles WHERE json_extract(record, '$.group') = 'g' ORDER BY published, id`, "articles_group"},
		{`SELECT id, record FROM articles WHERE json_extract(record, '$.story') = 's' ORDER BY published, id`, "articles_story"},
		{`SELECT ended, id FROM stories ORDER BY ended DESC, id DESC LIMIT 5`, "stories_ended"},
	} {
		rows, err := s.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+tc.q)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if p := strings.Join(plan, "; "); !strings.Contains(p, tc.index) {
			t.Errorf("%s: plan %q does not use %s", tc.q, p, tc.index)
		}
	}
}

// TestMigrateFromVersion1 opens a database written before groups and
// stories existed: it gains the tables, and its articles keep their links.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{ID: "old", Title: "पुराना", Text: "पाठ", Group: "g9"}
	rec, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (1)`,
		migrations[0],
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, hash, published, record, created, updated)
		VALUES ('old', 'h', ?, ?, 0, 0)`, int64(noTime), string(rec)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Group(ctx, "g9")
	if err != nil || len(got) != 1 || got[0].ID != "old" {
		t.Fatalf("Group after migration = %v, %v", got, err)
	}
	if err := s.ApplyLinked(ctx, store.Linked{Stories: []*store.Story{{ID: "s"}}}); err != nil {
		t.Fatal(err)
	}
}
