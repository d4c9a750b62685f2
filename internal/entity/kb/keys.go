package kb

import (
	"strings"
	"sync"

	"khabar/internal/entity/internal/strtab"
	"khabar/internal/entity/translit"
)

// keyCache keeps the translit.Key of the names asked most, the first ones
// met, for every document a KB serves: a name's key is a pure function of
// it, and working it out is most of what marking a sentence costs. It
// holds at most keyCacheSize names; the rest are worked out every time.
// Reads take no lock.
type keyCache struct {
	once sync.Once
	key  *strtab.Table[string] // name → key
}

const keyCacheSize = 1 << 15

func (c *keyCache) get(name string) string {
	c.once.Do(func() { c.key = strtab.New[string](keyCacheSize) })
	if k, ok := c.key.Get(name); ok {
		return k
	}
	k := translit.Key(name)
	if !c.key.Full() {
		c.key.Add(name, k)
	}
	return k
}

// Key returns translit.Key(name), from the knowledge base's cache when it
// holds the name.
func (k *KB) Key(name string) string { return k.keys.get(name) }

// nameCache keeps, like keyCache, the index key of the names Lookup is
// asked most: their folded words (Words) joined by spaces.
type nameCache struct {
	once sync.Once
	key  *strtab.Table[string] // name → index key
}

func (c *nameCache) get(name string) string {
	c.once.Do(func() { c.key = strtab.New[string](keyCacheSize) })
	if k, ok := c.key.Get(name); ok {
		return k
	}
	k := strings.Join(Words(name), " ")
	if !c.key.Full() {
		c.key.Add(name, k)
	}
	return k
}
