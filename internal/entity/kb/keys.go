package kb

import (
	"strings"
	"sync"
	"sync/atomic"

	"khabar/internal/entity/translit"
)

// keyCache keeps the translit.Key of the names asked most, the first ones
// met, for every document a KB serves: a name's key is a pure function of
// it, and working it out is most of what marking a sentence costs. It
// holds at most keyCacheSize names; the rest are worked out every time.
// Reads take no lock.
type keyCache struct {
	key sync.Map // name → key
	n   atomic.Int64
}

const keyCacheSize = 1 << 15

func (c *keyCache) get(name string) string {
	if k, ok := c.key.Load(name); ok {
		return k.(string)
	}
	k := translit.Key(name)
	if c.n.Load() >= keyCacheSize {
		return k
	}
	if c.n.Add(1) > keyCacheSize {
		c.n.Add(-1)
		return k
	}
	// names are often slices of an article's text: a kept one must not
	// keep the article
	if _, loaded := c.key.LoadOrStore(strings.Clone(name), k); loaded {
		c.n.Add(-1)
	}
	return k
}

// Key returns translit.Key(name), from the knowledge base's cache when it
// holds the name.
func (k *KB) Key(name string) string { return k.keys.get(name) }
