package sanctions

import "sync"

// boundedCache maps strings to values for the Screener's caches (query
// results, the neighbours of query words). It is safe for concurrent use
// and bounded: each of its 16 shards keeps two generations of at most
// size entries; when the current one is full it becomes the previous one,
// and an entry met again in the previous one moves up, so that what many
// queries share (cities, business words, common names, repeated vendor
// names) stays while one-off entries pass through.
type boundedCache[V any] struct {
	size   int
	shards [16]cacheShard[V]
}

type cacheShard[V any] struct {
	mu   sync.RWMutex
	m    map[string]V
	prev map[string]V
}

func (c *boundedCache[V]) shard(k string) *cacheShard[V] {
	var h uint32 = 2166136261
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * 16777619
	}
	return &c.shards[h&15]
}

// get returns the value cached for k.
func (c *boundedCache[V]) get(k string) (V, bool) {
	s := c.shard(k)
	s.mu.RLock()
	v, ok := s.m[k]
	old := false
	if !ok {
		v, ok = s.prev[k]
		old = ok
	}
	s.mu.RUnlock()
	if old {
		c.put(k, v)
	}
	return v, ok
}

// put caches v for k.
func (c *boundedCache[V]) put(k string, v V) {
	s := c.shard(k)
	s.mu.Lock()
	if s.m == nil || len(s.m) >= c.size {
		s.prev, s.m = s.m, make(map[string]V)
	}
	s.m[k] = v
	s.mu.Unlock()
}
