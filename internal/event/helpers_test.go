package event

import (
	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

// ent describes an entity for tests: id, canonical name, type and the forms
// it is written in (see newstest.Ent).
type ent struct {
	id, name, typ string
	forms         []string
}

// seedEntities are the people, bodies and places of the seed pages.
var seedEntities = func() []ent {
	var out []ent
	for _, e := range newstest.SeedEntities {
		out = append(out, ent{e.ID, e.Name, e.Type, e.Forms})
	}
	return out
}()

// entities builds Article.Entities as the entity stage would.
func entities(text string, specs ...ent) []news.Entity {
	s := make([]newstest.Ent, len(specs))
	for i, e := range specs {
		s[i] = newstest.Ent{ID: e.id, Name: e.name, Type: e.typ, Forms: e.forms}
	}
	return newstest.Entities(text, s...)
}
