package kb

import (
	"strings"
	"sync"

	"khabar/internal/entity/translit"
)

// keyCache keeps the translit.Key of the names asked most, the first ones
// met, for every document a KB serves: a name's key is a pure function of
// it, and working it out is most of what marking a sentence costs. It
// holds at most keyCacheSize names; the rest are worked out every time.
type keyCache struct {
	shards [keyCacheShards]keyShard
}

const (
	keyCacheShards = 16
	keyCacheSize   = 1 << 15
)

type keyShard struct {
	mu  sync.RWMutex
	key map[string]string
}

func (c *keyCache) get(name string) string {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h = (h ^ uint32(name[i])) * 16777619
	}
	sh := &c.shards[h%keyCacheShards]
	sh.mu.RLock()
	k, ok := sh.key[name]
	full := len(sh.key) >= keyCacheSize/keyCacheShards
	sh.mu.RUnlock()
	if ok {
		return k
	}
	k = translit.Key(name)
	if full {
		return k
	}
	sh.mu.Lock()
	if sh.key == nil {
		sh.key = map[string]string{}
	}
	if len(sh.key) < keyCacheSize/keyCacheShards {
		// names are often slices of an article's text: a kept one must
		// not keep the article
		sh.key[strings.Clone(name)] = k
	}
	sh.mu.Unlock()
	return k
}

// Key returns translit.Key(name), from the knowledge base's cache when it
// holds the name.
func (k *KB) Key(name string) string { return k.keys.get(name) }
