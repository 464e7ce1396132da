package sanctions

// The segment index finds the list spellings near a long query spelling
// when the search allows at most two edits at every length in reach, as
// the search for a query's joined runs does (idxMinJoinSim): a few probes
// of a small table instead of the hundred or more deletion variants such a
// spelling has (Li, Deng, Wang and Feng's Pass-Join, extended to
// transpositions).
//
// Each spelling T of L letters, L >= idxSegMinLen, is cut into three
// segments (segCut). An edit script of D <= 2 operations turning T into a
// query Q (insertions, deletions, substitutions and transpositions of
// adjacent letters, none touching a letter twice: the optimal string
// alignment distance) gives each operation to one segment: the one it
// edits a letter of, the left one for a transposition across a boundary
// or an insertion at one, the first for an insertion before T. Some
// segment i gets none, and the first such has at least i operations
// before it (each earlier segment has one). That segment is unchanged in
// Q, except that a transposition across its left boundary brings in the
// letter before it (its swapped form, indexed too), and it starts s
// letters later in Q than in T, s the insertions less the deletions
// before it: |s| <= b with b >= i operations before, and the length
// difference lq-L less s is made after it, in at most D-b operations.
// The probes are the query's substrings at those positions (segProbes).

// idxSegMinLen is the shortest spelling the segment index holds: its
// segments have three letters or more.
const idxSegMinLen = 9

// idxSegEdits is the most edits the segment index serves, and idxSegs the
// segments it cuts a spelling into.
const (
	idxSegEdits = 2
	idxSegs     = idxSegEdits + 1
)

// idxSegBits is the number of hash bits that choose a bucket.
const idxSegBits = 18

// segIndex holds, per spelling of idxSegMinLen letters or more that
// spells a term, the hashes of its segments (with its length and the
// segment's number) and of their swapped forms, bucketed like delIndex.
type segIndex struct {
	first []uint32
	ent   []uint64 // check in the high 32 bits, the spelling in the low
}

// segCut returns the start and length of segment i of a spelling of n
// letters: the shorter segments first.
func segCut(n, i int) (start, length int) {
	short, long := idxSegs-n%idxSegs, n/idxSegs
	if i < short {
		return i * long, long
	}
	return short*long + (i-short)*(long+1), long + 1
}

// segHash is the hash of a segment whose polynomial hash (as delVariants
// computes it) is h, as segment i of a spelling of n letters.
func segHash(h uint64, n, i int) uint64 {
	return delMix(h ^ uint64(n<<2|i)*0x9e3779b97f4a7c15)
}

// segBucket is the bucket of a segment hash.
func segBucket(h uint64) uint64 { return h >> (64 - idxSegBits) }

// buildSegIndex indexes the segments of the spellings of terms that are
// long enough, in two passes like buildDelIndex.
func buildSegIndex(keys []idxKey) segIndex {
	var rb []rune
	var sc delScratch
	each := func(fn func(h uint64, k int32)) {
		for i := range keys {
			if keys[i].runOnly() {
				continue
			}
			rb = append(rb[:0], []rune(keys[i].key)...)
			n := len(rb)
			if n < idxSegMinLen || n >= idxReachLen {
				continue
			}
			polyPrefix(rb, &sc)
			for s := range idxSegs {
				p, l := segCut(n, s)
				h := sc.sub(p, p+l)
				fn(segHash(h, n, s), int32(i))
				if s == 0 || rb[p-1] == rb[p] {
					continue
				}
				// The letter before the segment in place of its first.
				sw := (uint64(rb[p-1])+1)*sc.pow[l-1] + sc.sub(p+1, p+l)
				fn(segHash(sw, n, s), int32(i))
			}
		}
	}
	var x segIndex
	x.first, x.ent = fillBuckets(1<<idxSegBits, func(fn func(b uint64, check uint32, k int32)) {
		each(func(h uint64, k int32) { fn(segBucket(h), uint32(h), k) })
	})
	return x
}

// segCovers reports whether the segment index finds every spelling near a
// query within dmax (dmax[n]: the most edits at n letters) whose lengths
// in reach run from lo to hi.
func segCovers(lo, hi int, dmax *[idxReachLen]int8) bool {
	if lo < idxSegMinLen || hi >= idxReachLen {
		return false
	}
	for lt := lo; lt <= hi; lt++ {
		if dmax[lt] > idxSegEdits {
			return false
		}
	}
	return true
}

// segProbes appends to dst the hashes of the query's substrings that a
// spelling of lt letters within d edits must hold as one of its segments
// (see the comment at the top): sc holds the query's prefix hashes.
func segProbes(sc *delScratch, lq, lt, d int, dst []uint64) []uint64 {
	diff := lq - lt
	for i := 0; i <= d && i < idxSegs; i++ {
		p, l := segCut(lt, i)
		for s := -d; s <= d; s++ {
			// b >= max(i, |s|) operations before the segment, at least
			// |diff-s| after it, d in all.
			if max(i, abs(s))+abs(diff-s) > d || (i == 0 && s != 0) {
				continue
			}
			if a := p + s; a >= 0 && a+l <= lq {
				dst = append(dst, segHash(sc.sub(a, a+l), lt, i))
			}
		}
	}
	return dst
}

// segNeighbours appends the terms of the spellings near the query of
// search q (runes qr) that verifySpelling accepts, for a search that
// segCovers: the spellings the probes meet, each verified once.
func (ix *nameIndex) segNeighbours(q *spellSearch, qr []rune, lo, hi int, dst []idxHit) []idxHit {
	gs := ix.fuzzyScratch()
	defer idxFuzzyPool.Put(gs)
	polyPrefix(qr, &gs.del)
	hs := gs.hashes[:0]
	for lt := lo; lt <= hi; lt++ {
		if d := int(q.dmax[lt]); d > 0 {
			hs = segProbes(&gs.del, q.lq, lt, d, hs)
		}
	}
	// The buckets are read in one pass, then their entries, so that the
	// reads overlap.
	seg := &ix.seg
	gs.spans = gs.spans[:0]
	for _, h := range hs {
		b := segBucket(h)
		gs.spans = append(gs.spans, [2]uint32{seg.first[b], seg.first[b+1]})
	}
	gs.touched = gs.touched[:0]
	for i, h := range hs {
		c := uint32(h)
		for _, ent := range seg.ent[gs.spans[i][0]:gs.spans[i][1]] {
			if uint32(ent>>32) != c {
				continue
			}
			if ki := int32(uint32(ent)); gs.stamp[ki] != gs.epoch {
				gs.stamp[ki] = gs.epoch
				gs.touched = append(gs.touched, ki)
			}
		}
	}
	gs.hashes = hs
	for _, ki := range gs.touched {
		if ki != q.self {
			dst = ix.verifySpelling(q, &ix.kf[ki], dst)
		}
	}
	return dst
}
