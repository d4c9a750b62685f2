package sqlite

import "sync"

// maxEntityCache bounds the entity rows an entityCache remembers: past it,
// the cache starts again empty (an entity row is then written once more,
// which changes nothing).
const maxEntityCache = 20_000

// entityCache remembers the entity rows the store has committed (id → the
// row's values), so that an article naming an entity as stored does not
// write its row again. Only putAnalysis writes entity rows, and only this
// process writes the database (the data folder's lock), so what the cache
// holds is what the table holds.
type entityCache struct {
	mu   sync.Mutex
	rows map[string]string
}

// has reports whether the row of id with values key is committed.
func (c *entityCache) has(id, key string) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.rows[id]
	return ok && v == key
}

// add records rows as committed.
func (c *entityCache) add(rows map[string]string) {
	if c == nil || len(rows) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rows == nil || len(c.rows)+len(rows) > maxEntityCache {
		c.rows = make(map[string]string, len(rows))
	}
	for id, k := range rows {
		c.rows[id] = k
	}
}

// entityKey is the values of an entity row, for comparing one with another.
func entityKey(name, typ, wikidata, names string) string {
	return name + "\x00" + typ + "\x00" + wikidata + "\x00" + names
}

// written reports whether the transaction, or the store before it, wrote
// the entity row of id with values key.
func (w *wtx) written(id, key string) bool {
	if v, ok := w.ents[id]; ok {
		return v == key
	}
	return w.known.has(id, key)
}

// wrote records that the transaction wrote the entity row of id.
func (w *wtx) wrote(id, key string) {
	if w.ents == nil {
		w.ents = map[string]string{}
	}
	w.ents[id] = key
}
