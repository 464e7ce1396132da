package sanctions

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/rpscreen/rpscreen/internal/names"
)

// The fuzzy search finds the list spellings near a query spelling. It
// rests on deletion neighbourhoods: two spellings within optimal string
// alignment distance d reach a common string by deleting at most d letters
// from each (a substitution or a transposition costs one deletion on each
// side, an insertion one on the longer side). The dictionary holds every
// string reachable from each list spelling by as many deletions as the
// engine allows edits at its length (names.EditSim: one up to six
// letters, two up to ten, three beyond); a query looks up its own, so
// every spelling the engine could pair with it is found, whatever the
// letters, and the candidate check need not compare spellings again.

// idxDelRadius is the most deletions the dictionary holds: the most edits
// at which the engine pairs two spellings.
const idxDelRadius = names.MaxEditsAny

// delRadius is the number of deletions to which a spelling of n letters is
// expanded: the most edits at which the engine pairs it with a spelling no
// longer than itself.
func delRadius(n int) int {
	for e := idxDelRadius; e > 0; e-- {
		if names.EditSim(e, n, n) > 0 {
			return e
		}
	}
	return 0
}

// editReach is the largest edit distance at which spellings of la and lb
// letters reach minSim (-1: at none), and the similarity at each distance.
func editReach(la, lb int, minSim float64) int {
	long, short := max(la, lb), min(la, lb)
	for e := idxDelRadius; e > 0; e-- {
		if s := names.EditSim(e, long, short); s > 0 && s >= minSim {
			return e
		}
	}
	return -1
}

// idxDelBits is the number of hash bits that choose a bucket.
const idxDelBits = 20

// delIndex is the deletion dictionary: the variants' hashes bucketed by
// their top bits, each with a check of its low 32 bits (the last two its
// number of deletions) and the spelling it came from.
type delIndex struct {
	first []uint32 // first[b]: start of bucket b in ent
	// ent: per variant, the check in the high 32 bits and the spelling
	// in the low, so that a probe reads one word.
	ent []uint64
}

// delHash hashes a rune string (FNV-1a over runes, then mixed so that the
// top bits spread).
func delHash(rs []rune, skip1, skip2, skip3 int) uint64 {
	h := uint64(14695981039346656037)
	for i, r := range rs {
		if i == skip1 || i == skip2 || i == skip3 {
			continue
		}
		h = (h ^ uint64(r)) * 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// delVariants appends the hashes of the distinct strings reachable from rs
// by at most radius (up to idxDelRadius) deletions. The low two bits of a
// hash hold its number of deletions.
func delVariants(rs []rune, radius int, dst []uint64) []uint64 {
	start := len(dst)
	n := len(rs)
	dst = append(dst, delHash(rs, -1, -1, -1)&^3)
	for i := 0; i < n && radius >= 1; i++ {
		dst = append(dst, delHash(rs, i, -1, -1)&^3|1)
		for j := i + 1; j < n && radius >= 2; j++ {
			dst = append(dst, delHash(rs, i, j, -1)&^3|2)
			for k := j + 1; k < n && radius >= 3; k++ {
				dst = append(dst, delHash(rs, i, j, k)&^3|3)
			}
		}
	}
	v := dst[start:]
	slices.Sort(v)
	return dst[:start+len(slices.Compact(v))]
}

// delBucket is the bucket of a variant's hash with its number of
// deletions, so that variants of one string with different numbers of
// deletions (of list spellings of different lengths) fall apart.
func delBucket(h uint64) uint64 {
	return (h * 0x9e3779b97f4a7c15) >> (64 - idxDelBits)
}

// buildDelIndex indexes the deletion variants of every spelling. It
// generates them twice, once to size the buckets and once to fill them,
// so that building holds no more than the dictionary itself.
func buildDelIndex(keys []idxKey) delIndex {
	var hb []uint64
	var rb []rune
	each := func(fn func(h uint64, k int32)) {
		for i := range keys {
			rb = append(rb[:0], []rune(keys[i].key)...)
			hb = delVariants(rb, delRadius(len(rb)), hb[:0])
			for _, h := range hb {
				fn(h, int32(i))
			}
		}
	}
	d := delIndex{first: make([]uint32, 1<<idxDelBits+1)}
	each(func(h uint64, _ int32) { d.first[delBucket(h)+1]++ })
	for b := 1; b < len(d.first); b++ {
		d.first[b] += d.first[b-1]
	}
	n := d.first[len(d.first)-1]
	d.ent = make([]uint64, n)
	fill := slices.Clone(d.first[:1<<idxDelBits])
	each(func(h uint64, k int32) {
		b := delBucket(h)
		d.ent[fill[b]] = uint64(uint32(h))<<32 | uint64(uint32(k))
		fill[b]++
	})
	return d
}

// keyFilter is what the search's filters read of a spelling, packed so
// that scanning thousands of them stays in cache.
type keyFilter struct {
	sig, sig2 uint32 // keySig2 of the spelling
	runes     uint16 // its letters (at most 65535)
}

// keyFilters packs the filters of every spelling.
func keyFilters(keys []idxKey) []keyFilter {
	kf := make([]keyFilter, len(keys))
	for i := range keys {
		kf[i] = keyFilter{sig: keys[i].sig, sig2: keys[i].sig2, runes: uint16(min(keys[i].runes, 65535))}
	}
	return kf
}

// idxFuzzyScratch is the working memory of one search.
type idxFuzzyScratch struct {
	stamp   []uint32 // per spelling: seen in this search
	epoch   uint32
	hashes  []uint64
	touched []int32
}

var idxFuzzyPool = sync.Pool{New: func() any { return new(idxFuzzyScratch) }}

// keyNeighbours appends the list terms whose spellings (texts, keys, keys
// with j read as zh) are near key, with the similarity the engine gives
// the two spellings: every spelling whose names.EditSim reaches minSim.
func (ix *nameIndex) keyNeighbours(key string, minSim float64, dst []idxHit) []idxHit {
	var qb [64]rune
	q := qb[:0]
	for _, r := range key {
		if len(q) == cap(qb) {
			break
		}
		q = append(q, r)
	}
	lq := len(q)
	if lq == 0 {
		return dst
	}
	self := int32(-1)
	if k, ok := ix.byKey[key]; ok {
		self = k
		for _, r := range ix.keys[k].refs {
			sim := float32(idxKeyEqualSim)
			if r.text {
				sim = 1
			}
			if float64(sim) >= minSim {
				dst = append(dst, idxHit{r.term, sim})
			}
		}
	}
	if lq < 3 {
		return dst
	}
	// dmax[lt]: the largest distance at which a spelling of lt letters
	// can reach minSim (-1: none can).
	var dmax [130]int8
	for lt := range dmax {
		dmax[lt] = -1
		d := editReach(lq, lt, minSim)
		if d <= 0 {
			continue
		}
		dmax[lt] = int8(d)
	}
	gs := idxFuzzyPool.Get().(*idxFuzzyScratch)
	if len(gs.stamp) < len(ix.keys) {
		gs.stamp = make([]uint32, len(ix.keys))
		gs.epoch = 0
	}
	gs.epoch++
	if gs.epoch == 0 {
		clear(gs.stamp)
		gs.epoch = 1
	}
	// The query needs at most as many deletions as the largest distance
	// searched.
	radius := 0
	for _, d := range dmax {
		radius = max(radius, int(d))
	}
	gs.hashes = delVariants(q, min(radius, delRadius(lq)), gs.hashes[:0])
	gs.touched = gs.touched[:0]
	del := &ix.del
	for _, h := range gs.hashes {
		// A variant with j deletions meets list spellings of lq-j+k
		// letters through their variants with k deletions, and both j and
		// k are at most the distance searched at that length.
		j := int(h & 3)
		var allowed uint32
		for k := 0; k <= idxDelRadius; k++ {
			if lt := lq - j + k; lt >= 0 && lt < len(dmax) && int(dmax[lt]) >= max(j, k) && k <= delRadius(lt) {
				allowed |= 1 << k
			}
		}
		for k := 0; allowed != 0; k++ {
			if allowed&(1<<k) == 0 {
				continue
			}
			allowed &^= 1 << k
			hk := h&^3 | uint64(k)
			b := delBucket(hk)
			c := uint32(hk)
			for _, ent := range del.ent[del.first[b]:del.first[b+1]] {
				if uint32(ent>>32) != c {
					continue
				}
				ki := int32(uint32(ent))
				if gs.stamp[ki] != gs.epoch {
					gs.stamp[ki] = gs.epoch
					gs.touched = append(gs.touched, ki)
				}
			}
		}
	}
	sq, sq2 := keySig2(key)
	for _, ki := range gs.touched {
		f := &ix.kf[ki]
		if ki == self || int(f.runes) >= len(dmax) {
			continue
		}
		dr := int(dmax[f.runes])
		if dr <= 0 {
			continue
		}
		if bits.OnesCount32(sq&^f.sig) > dr || bits.OnesCount32(f.sig&^sq) > dr ||
			bits.OnesCount32(sq^f.sig)+bits.OnesCount32(sq2^f.sig2) > 2*dr {
			continue
		}
		k := &ix.keys[ki]
		d := names.OSAWithin(key, k.key, dr)
		if d > dr {
			continue
		}
		sim := names.EditSim(d, max(lq, k.runes), min(lq, k.runes))
		if sim == 0 || sim < minSim {
			continue
		}
		for _, r := range k.refs {
			dst = append(dst, idxHit{r.term, float32(sim)})
		}
	}
	idxFuzzyPool.Put(gs)
	return dst
}
