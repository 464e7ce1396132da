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
// string reachable from each list spelling by at most idxDelRadius
// deletions; a query looks up its own, so every spelling within that
// distance is found, whatever the letters. Farther spellings the search may
// miss are reported by length, for the candidate check to compare
// directly.

// idxDelRadius is the most deletions the dictionary holds.
const idxDelRadius = 3

// idxDelLong is the length above which a spelling (list or query) is
// expanded to two deletions only: its three-deletion variants would be
// many, and such long words are rare.
const idxDelLong = 12

// delRadius is the number of deletions to which a spelling of n letters is
// expanded: as many as a neighbour of minimum similarity idxMinPairSim can
// need, at most idxDelRadius (two for long spellings).
func delRadius(n int) int {
	r := int((1 - idxMinPairSim) * float64(n))
	if n <= 5 {
		r = 1
	}
	if n > idxDelLong {
		r = min(r, 2)
	}
	return max(min(r, idxDelRadius), 0)
}

// idxScanMax is the largest number of spellings of one length that a
// search scans one by one where the dictionary does not reach.
const idxScanMax = 4096

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

// keyNeighbours appends the spellings near key with their similarity (an
// upper bound of the engine's), and returns the highest similarity that a
// spelling it did not return could have, and the spelling lengths at which
// it may have missed one (bits by lenBit). Near means an edit distance at
// which the similarity can reach minSim; the search is complete up to
// idxDelRadius edits.
func (ix *nameIndex) keyNeighbours(key string, minSim float64, dst []idxHit) ([]idxHit, float64, uint64) {
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
		return dst, 0, 0
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
		return dst, 0, 0
	}
	// dmax[lt]: the largest distance at which a spelling of lt letters
	// can reach minSim (-1: none can).
	// reach[lt]: the distance to which the dictionary finds every
	// spelling of lt letters, when that is short of dmax[lt] (else -1).
	var dmax, reach [130]int8
	for lt := range dmax {
		dmax[lt], reach[lt] = -1, -1
		long, short := max(lq, lt), min(lq, lt)
		if short < 3 || long-short > long/2 {
			continue
		}
		d := int((1 - minSim) * float64(long))
		if short <= 4 {
			d = min(d, 1)
		}
		if d < long-short || d == 0 {
			continue
		}
		dmax[lt] = int8(d)
		// Within distance e, the longer side needs at most e deletions
		// and the shorter e less the difference in length: the search
		// finds every spelling of lt letters within the distance that
		// the deletions both sides were expanded to allow.
		rq, rt := delRadius(lq), delRadius(lt)
		var e int
		if lq >= lt {
			e = min(rq, rt+long-short)
		} else {
			e = min(rt, rq+long-short)
		}
		if d > e {
			reach[lt] = int8(e)
		}
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
	// Lengths the dictionary does not cover are scanned whole when they
	// hold few spellings; the others are reported as missed.
	sigma := 0.0
	var missed uint64
	for lt, e := range reach {
		if e < 0 || lt >= len(ix.byLen) {
			continue
		}
		if len(ix.byLen[lt]) <= ix.scanMax {
			for _, ki := range ix.byLen[lt] {
				if gs.stamp[ki] != gs.epoch {
					gs.stamp[ki] = gs.epoch
					gs.touched = append(gs.touched, ki)
				}
			}
			continue
		}
		long, short := max(lq, lt), min(lq, lt)
		sigma = max(sigma, min(1-float64(max(int(e)+1, long-short))/float64(long), idxMaxFuzzySim))
		missed |= lenBit(lt)
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
		sim := min(1-float64(d)/float64(max(lq, k.runes)), idxMaxFuzzySim)
		if sim < minSim {
			continue
		}
		for _, r := range k.refs {
			dst = append(dst, idxHit{r.term, float32(sim)})
		}
	}
	idxFuzzyPool.Put(gs)
	return dst, sigma, missed
}
