package sanctions

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

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

// idxListLong is the length above which a list spelling is expanded to
// two deletions only. Three would cover every pair the engine allows, but
// a spelling of fourteen letters or more has hundreds of three-deletion
// variants; lengths the dictionary does not cover for a query are scanned
// instead (few spellings are that long).
const idxListLong = 13

// listRadius is the number of deletions to which a list spelling of n
// letters is expanded.
func listRadius(n int) int {
	if n > idxListLong {
		return min(delRadius(n), 2)
	}
	return delRadius(n)
}

// radius is the number of deletions to which spelling k, of n letters, is
// expanded: listRadius, or for the key of a joined run and nothing else,
// no more than the edits at which such a run pairs with a word (runEdits):
// a word's search finds runs at those edits only (runsSpelt), and their
// keys, long for their few edits, would swell the dictionary.
func (k *idxKey) radius(n int) int {
	r := listRadius(n)
	if k.runOnly() {
		r = min(r, int(runEdits[min(n, idxReachLen-1)]))
	}
	return r
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

// idxReachLen bounds the lengths that reachRow tabulates; the engine
// compares no longer spellings by edit distance.
const idxReachLen = 130

// reachTable[la][lb] is editReach(la, lb, minSim), or -1 where it is 0.
type reachTable [idxReachLen][idxReachLen]int8

func newReachTable(minSim float64) *reachTable {
	var t reachTable
	for la := range t {
		for lb := range t[la] {
			t[la][lb] = -1
			if d := editReach(la, lb, minSim); d > 0 {
				t[la][lb] = int8(d)
			}
		}
	}
	return &t
}

// The two similarities the index searches at, tabulated.
var reachPair, reachJoin = newReachTable(idxMinPairSim), newReachTable(idxMinJoinSim)

// reachRow sets row[lb] to the largest edit distance at which spellings
// of la and lb letters reach minSim, -1 where none does.
func reachRow(la int, minSim float64, row *[idxReachLen]int8) {
	var t *reachTable
	switch minSim {
	case idxMinPairSim:
		t = reachPair
	case idxMinJoinSim:
		t = reachJoin
	}
	if t != nil && la < idxReachLen {
		*row = t[la]
		return
	}
	for lb := range row {
		row[lb] = -1
		if d := editReach(la, lb, minSim); d > 0 {
			row[lb] = int8(d)
		}
	}
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
	// bloom has the bit of every variant (see bloomBit).
	bloom []uint64
}

// delMix spreads the bits of a variant's polynomial hash.
func delMix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// delBase is the base of the polynomial hash of variants.
const delBase = 0x100000001b3

// delScratch holds the prefix hashes and powers of one spelling.
type delScratch struct {
	pre, pow []uint64
}

// polyPrefix fills sc with the prefix hashes of rs (the polynomial hash
// of base delBase over its letters plus one) and the powers of the base.
func polyPrefix(rs []rune, sc *delScratch) {
	sc.pre = append(sc.pre[:0], 0)
	sc.pow = append(sc.pow[:0], 1)
	for i, r := range rs {
		sc.pre = append(sc.pre, sc.pre[i]*delBase+uint64(r)+1)
		sc.pow = append(sc.pow, sc.pow[i]*delBase)
	}
}

// sub is the polynomial hash of the letters a to b (exclusive) of the
// spelling polyPrefix last read.
func (sc *delScratch) sub(a, b int) uint64 { return sc.pre[b] - sc.pre[a]*sc.pow[b-a] }

// delVariants appends the hashes of the strings reachable from rs by at
// most radius (up to idxDelRadius) deletions; with dedup, each distinct
// string once. The low two bits of a hash hold its number of deletions.
// The hash is polynomial, so that each variant's is computed in constant
// time from the prefix hashes of rs.
func delVariants(rs []rune, radius int, dedup bool, sc *delScratch, dst []uint64) []uint64 {
	start := len(dst)
	n := len(rs)
	polyPrefix(rs, sc)
	pre, pow, sub := sc.pre, sc.pow, sc.sub
	dst = append(dst, delMix(pre[n])&^3)
	for i := 0; i < n && radius >= 1; i++ {
		dst = append(dst, delMix(pre[i]*pow[n-i-1]+sub(i+1, n))&^3|1)
		for j := i + 1; j < n && radius >= 2; j++ {
			hij := pre[i]*pow[j-i-1] + sub(i+1, j)
			dst = append(dst, delMix(hij*pow[n-j-1]+sub(j+1, n))&^3|2)
			for k := j + 1; k < n && radius >= 3; k++ {
				dst = append(dst, delMix((hij*pow[k-j-1]+sub(j+1, k))*pow[n-k-1]+sub(k+1, n))&^3|3)
			}
		}
	}
	if !dedup {
		return dst
	}
	v := dst[start:]
	slices.Sort(v)
	return dst[:start+len(slices.Compact(v))]
}

// delBucket is the bucket of a variant's hash: one for every number of
// deletions, so that a query reads one bucket per variant.
func delBucket(h uint64) uint64 {
	return ((h &^ 3) * 0x9e3779b97f4a7c15) >> (64 - idxDelBits)
}

// spans appends the bucket of each variant hash of hs, read in one pass
// so that the reads overlap.
func (d *delIndex) spans(hs []uint64, dst [][2]uint32) [][2]uint32 {
	for _, h := range hs {
		b := delBucket(h)
		dst = append(dst, [2]uint32{d.first[b], d.first[b+1]})
	}
	return dst
}

// idxBloomBits is the size (log2 bits) of the filter that tells, before
// any bucket is read, that a variant is in no list spelling's
// neighbourhood: most of a query's variants are in none.
const idxBloomBits = 25

// bloomBit is a variant hash's bit in the filter (bits the bucket does not
// use, its number of deletions left out).
func bloomBit(h uint64) uint64 {
	return (h >> 2) & (1<<idxBloomBits - 1)
}

// buildDelIndex indexes the deletion variants of every spelling. It
// generates them twice, once to size the buckets and once to fill them,
// so that building holds no more than the dictionary itself.
func buildDelIndex(keys []idxKey) delIndex {
	var hb []uint64
	var rb []rune
	var sc delScratch
	each := func(fn func(h uint64, k int32)) {
		for i := range keys {
			rb = append(rb[:0], []rune(keys[i].key)...)
			hb = delVariants(rb, keys[i].radius(len(rb)), true, &sc, hb[:0])
			for _, h := range hb {
				fn(h, int32(i))
			}
		}
	}
	d := delIndex{bloom: make([]uint64, 1<<idxBloomBits/64)}
	d.first, d.ent = fillBuckets(1<<idxDelBits, func(fn func(b uint64, check uint32, k int32)) {
		each(func(h uint64, k int32) {
			bb := bloomBit(h)
			d.bloom[bb/64] |= 1 << (bb % 64)
			fn(delBucket(h), uint32(h), k)
		})
	})
	return d
}

// fillBuckets makes a table of nb buckets of entries (check, spelling)
// from what each calls its argument with: bucket b's entries are
// ent[first[b]:first[b+1]], each check<<32 | spelling. each is called
// twice, once to size the buckets and once to fill them, so that building
// holds no more than the table itself.
func fillBuckets(nb int, each func(fn func(b uint64, check uint32, k int32))) (first []uint32, ent []uint64) {
	first = make([]uint32, nb+1)
	each(func(b uint64, _ uint32, _ int32) { first[b+1]++ })
	for b := 1; b < len(first); b++ {
		first[b] += first[b-1]
	}
	ent = make([]uint64, first[nb])
	fill := slices.Clone(first[:nb])
	each(func(b uint64, check uint32, k int32) {
		ent[fill[b]] = uint64(check)<<32 | uint64(uint32(k))
		fill[b]++
	})
	return first, ent
}

// idxScanPerVariant is how many spellings a scan may read for the price of
// a dictionary lookup of one variant. Timed alone, a lookup costs about 40
// spellings read (120 ns against 2.8 ns); timed within whole queries, 10
// screens faster than 20 by about 4% at the median (side by side, six
// rounds), as a scan of tens of kilobytes also evicts what the rest of the
// query keeps in cache.
const idxScanPerVariant = 10

// variantCount is the number of deletion variants of a spelling of n
// letters up to radius deletions, or some number above 1<<30 when there
// are more (the count would overflow for long Han forms, hanExpandable).
func variantCount(n, radius int) int {
	c, total := 1, 1
	for i := 1; i <= radius && i <= n && total <= 1<<30; i++ {
		c = c * (n - i + 1) / i
		total += c
	}
	return total
}

// spellSearch is one search of the spellings near a query spelling.
type spellSearch struct {
	key     string
	lq      int    // letters of key
	sq, sq2 uint32 // letter signatures of key (keySig2)
	// dmax[lt]: the largest distance at which a spelling of lt letters
	// can reach minSim (-1: none can).
	dmax   [idxReachLen]int8
	minSim float64
	self   int32 // key's own spelling, or -1
	// runs: report the keys of joined runs too (see idxHit); searches
	// that do not skip those spellings, and the spellings' lengths in the
	// scans hold them last (nameIndex.termEnd).
	runs bool
}

// verifySpelling appends the terms of the spelling that f describes when
// its edit distance from the query is within q.dmax at its length and the
// engine's similarity reaches q.minSim.
func (ix *nameIndex) verifySpelling(q *spellSearch, f *keyFilter, dst []idxHit) []idxHit {
	dr := f.reach(q.lq, q.sq, q.sq2, &q.dmax)
	if dr <= 0 {
		return dst
	}
	return ix.verifyWithin(q, dr, f, dst)
}

// verifyWithin appends the terms of the spelling that f describes when
// its edit distance from the query is at most dr and the engine's
// similarity reaches q.minSim.
func (ix *nameIndex) verifyWithin(q *spellSearch, dr int, f *keyFilter, dst []idxHit) []idxHit {
	if !q.runs && ix.runOnly(f.id) {
		return dst
	}
	d := names.OSAWithin(q.key, ix.keyArena[f.off:f.off+uint32(f.blen)], dr)
	if d > dr {
		return dst
	}
	sim := names.EditSim(d, max(q.lq, int(f.runes)), min(q.lq, int(f.runes)))
	if sim == 0 || sim < q.minSim {
		return dst
	}
	for _, r := range ix.keys[f.id].refs {
		if !r.surface {
			dst = append(dst, idxHit{r.term, float32(sim)})
		}
	}
	if q.runs && ix.keys[f.id].run != 0 {
		dst = append(dst, idxHit{-1 - f.id, float32(sim)})
	}
	return dst
}

// runOnly reports whether spelling k is the key of a joined run and of no
// term.
func (ix *nameIndex) runOnly(k int32) bool {
	return ix.runKeys[k/64]>>(k%64)&1 != 0
}

// keyFilter is what the search reads of a spelling, packed so that
// scanning thousands of them stays in cache: its letter signatures and
// length, and where its text is in an arena of spellings ordered like the
// scans read them.
type keyFilter struct {
	sig, sig2 uint32 // keySig2 of the spelling
	id        int32  // the spelling
	off       uint32 // its text starts at off in the arena
	runes     uint16 // its letters (65535: too long to compare)
	blen      uint16 // its bytes
}

// reach is the largest edit distance at which the spelling could meet a
// query spelling of lq letters and letter signatures sq and sq2 (keySig2)
// at the similarity dmax was made for (dmax[n]: the largest distance at n
// letters); -1 when the filters tell it cannot.
//
// Within distance d, the longer spelling has at least the difference in
// length more insertions than deletions, so the shorter one's letters
// that the longer lacks number at most d less that difference.
func (f *keyFilter) reach(lq int, sq, sq2 uint32, dmax *[idxReachLen]int8) int {
	if int(f.runes) >= len(dmax) {
		return -1
	}
	dr := int(dmax[f.runes])
	if dr <= 0 {
		return -1
	}
	longer, shorter := lengthSlack(lq, int(f.runes), dr)
	if !sigsFit(sq, sq2, f.sig, f.sig2, longer, shorter, dr) {
		return -1
	}
	return dr
}

// lengthSlack is, for a query spelling of lq letters and a spelling of lt
// within distance dr, how many of its letters the query may lack (longer)
// and the spelling may lack (shorter).
func lengthSlack(lq, lt, dr int) (longer, shorter int) {
	longer, shorter = dr, dr
	if diff := lt - lq; diff > 0 {
		shorter = dr - diff
	} else {
		longer = dr + diff
	}
	return longer, shorter
}

// sigsFit reports whether a spelling of letter signatures s1 and s2 can
// be within distance dr of a query spelling of signatures sq and sq2,
// given the letters each may lack (lengthSlack).
func sigsFit(sq, sq2, s1, s2 uint32, longer, shorter, dr int) bool {
	return bits.OnesCount32(sq&^s1) <= shorter && bits.OnesCount32(s1&^sq) <= longer &&
		bits.OnesCount32(sq^s1)+bits.OnesCount32(sq2^s2) <= 2*dr
}

// newKeyFilter is the filter record of spelling key, number id, whose
// text is at off in its arena. A spelling too long to record is marked
// too long to compare (no search reaches it: the engine compares no
// spelling that long by edit distance).
func newKeyFilter(key string, id int32, off int) keyFilter {
	s1, s2 := keySig2(key)
	f := keyFilter{sig: s1, sig2: s2, id: id, off: uint32(off), runes: 65535}
	if n := utf8.RuneCountInString(key); n < 65535 && len(key) <= 65535 {
		f.runes, f.blen = uint16(n), uint16(len(key))
	}
	return f
}

// packSpellings makes the filter records of the spellings, by id (kf) and
// ordered by length (kfLen, where lenOff[n] is the first of n letters and
// termEnd[n] the end of those that spell terms, the keys of runs only
// coming after; spellings over maxLen letters are left out, as no scan
// reaches them), and the arena of their texts, in the order of kfLen.
func packSpellings(keys []idxKey, maxLen int) (kf, kfLen []keyFilter, lenOff, termEnd []int32, arena string) {
	runes := make([]int, len(keys))
	lenOff = make([]int32, maxLen+2)
	for i := range keys {
		runes[i] = utf8.RuneCountInString(keys[i].key)
		if runes[i] <= maxLen {
			lenOff[runes[i]+1]++
		}
	}
	for n := 1; n < len(lenOff); n++ {
		lenOff[n] += lenOff[n-1]
	}
	order := make([]int32, 0, len(keys))
	fill := slices.Clone(lenOff)
	order = order[:lenOff[len(lenOff)-1]]
	// Per length, the spellings of terms first, then the keys of runs
	// only, which only some searches read (spellSearch.runs).
	for pass := range 2 {
		for i := range keys {
			if n := runes[i]; n <= maxLen && keys[i].runOnly() == (pass == 1) {
				order[fill[n]] = int32(i)
				fill[n]++
			}
		}
		if pass == 0 {
			termEnd = slices.Clone(fill[:maxLen+1])
		}
	}
	for i := range keys {
		if runes[i] > maxLen {
			order = append(order, int32(i))
		}
	}
	var b strings.Builder
	kf = make([]keyFilter, len(keys))
	for _, id := range order {
		kf[id] = newKeyFilter(keys[id].key, id, b.Len())
		b.WriteString(keys[id].key)
	}
	kfLen = make([]keyFilter, lenOff[len(lenOff)-1])
	for i := range kfLen {
		kfLen[i] = kf[order[i]]
	}
	return kf, kfLen, lenOff, termEnd, b.String()
}

// idxFuzzyScratch is the working memory of one search.
type idxFuzzyScratch struct {
	stamp   []uint32 // per spelling: seen in this search
	epoch   uint32
	hashes  []uint64
	owner   []int32     // per variant, the string it came from (spellingsNear1)
	spans   [][2]uint32 // per variant probed, its bucket in delIndex.ent
	touched []int32
	del     delScratch
}

var idxFuzzyPool = sync.Pool{New: func() any { return new(idxFuzzyScratch) }}

// keyNeighbours appends the list terms whose spellings (texts, keys, keys
// with j read as zh) are near key, with the similarity the engine gives
// the two spellings: every spelling whose names.EditSim reaches minSim;
// and when runs is set, the keys of joined runs so near (see idxHit).
func (ix *nameIndex) keyNeighbours(key string, minSim float64, runs bool, dst []idxHit) []idxHit {
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
			if r.surface {
				continue
			}
			sim := float32(idxKeyEqualSim)
			if r.text {
				sim = 1
			}
			if float64(sim) >= minSim {
				dst = append(dst, idxHit{r.term, sim})
			}
		}
		if runs && ix.keys[k].run != 0 {
			dst = append(dst, idxHit{-1 - k, idxKeyEqualSim})
		}
	}
	if lq < 3 {
		return dst
	}
	sr := spellSearch{key: key, lq: lq, minSim: minSim, self: self, runs: runs}
	sr.sq, sr.sq2 = keySig2(key)
	dmax := &sr.dmax
	reachRow(lq, minSim, dmax)
	// The query needs at most as many deletions as the largest distance
	// searched.
	radius, lo, hi := 0, -1, -1
	for lt, d := range dmax {
		if d > 0 {
			radius = max(radius, int(d))
			if lo < 0 {
				lo = lt
			}
			hi = lt
		}
	}
	// Where at most two edits are allowed at every length in reach (the
	// search of a query's joined runs), the segment index is cheaper.
	if !runs && lo >= 0 && segCovers(lo, hi, dmax) {
		return ix.segNeighbours(&sr, q, lo, hi, dst)
	}
	radius = min(radius, delRadius(lq))
	// Within distance d, the longer spelling needs at most d deletions
	// and the shorter d less the difference in length: the dictionary
	// finds every spelling of lt letters within the distance the
	// deletions of both sides allow, and the lengths it does not cover
	// are scanned.
	var uncovered [idxReachLen]bool
	nUncovered := 0
	for lt := max(lo, 0); lo >= 0 && lt <= hi; lt++ {
		d := int(dmax[lt])
		if d <= 0 {
			continue
		}
		rt, diff := listRadius(lt), max(lq, lt)-min(lq, lt)
		e := min(radius, rt+diff)
		if lt > lq {
			e = min(rt, radius+diff)
		}
		if e < d && lt+1 < len(ix.lenOff) {
			uncovered[lt] = true
			nUncovered += int(ix.lenEnd(lt, runs) - ix.lenOff[lt])
		}
	}
	// Two ways to the same candidates: look the query's variants up in
	// the dictionary (a cache miss or two each), or read the filters of
	// every spelling of a length in reach (a few nanoseconds each, in
	// order). Long spellings have many variants and few spellings of
	// their lengths; short ones the reverse.
	if lo >= 0 && lo < len(ix.lenOff)-1 {
		last := min(hi, len(ix.lenOff)-2)
		all := 0
		for lt := lo; lt <= last; lt++ {
			all += int(ix.lenEnd(lt, runs) - ix.lenOff[lt])
		}
		if all <= nUncovered+ix.scanPerVariant*variantCount(lq, radius) {
			for lt := lo; lt <= last; lt++ {
				dst = ix.scanLength(&sr, lt, dst)
			}
			return dst
		}
	}
	gs := ix.fuzzyScratch()
	gs.hashes = delVariants(q, radius, false, &gs.del, gs.hashes[:0])
	gs.touched = gs.touched[:0]
	// A variant with j deletions meets list spellings of lq-j+k letters
	// through their variants with k deletions, and both j and k are at
	// most the distance searched at that length: allowed[j] has bit k.
	var allowed [idxDelRadius + 1]uint32
	for j := range allowed {
		for k := 0; k <= idxDelRadius; k++ {
			if lt := lq - j + k; lt >= 0 && lt < len(dmax) && int(dmax[lt]) >= max(j, k) && k <= listRadius(lt) {
				allowed[j] |= 1 << k
			}
		}
	}
	// The probes are independent: the filter words of all variants are
	// read first, then the buckets of those that pass, so that the
	// memory reads overlap instead of waiting on one another.
	del := &ix.del
	hs := gs.hashes
	n := 0
	for _, h := range hs {
		bb := bloomBit(h)
		pass := del.bloom[bb/64] >> (bb % 64) & 1
		if allowed[h&3] == 0 {
			pass = 0
		}
		hs[n] = h
		n += int(pass)
	}
	hs = hs[:n]
	gs.spans = del.spans(hs, gs.spans[:0])
	for i, h := range hs {
		c, al := uint32(h)>>2, allowed[h&3]
		for _, ent := range del.ent[gs.spans[i][0]:gs.spans[i][1]] {
			if ch := uint32(ent >> 32); ch>>2 != c || al&(1<<(ch&3)) == 0 {
				continue
			}
			ki := int32(uint32(ent))
			if gs.stamp[ki] != gs.epoch {
				gs.stamp[ki] = gs.epoch
				gs.touched = append(gs.touched, ki)
			}
		}
	}
	for _, ki := range gs.touched {
		// Spellings of the lengths left uncovered are scanned below.
		if f := &ix.kf[ki]; ki != self && (int(f.runes) >= len(uncovered) || !uncovered[f.runes]) {
			dst = ix.verifySpelling(&sr, f, dst)
		}
	}
	idxFuzzyPool.Put(gs)
	for lt := max(lo, 0); nUncovered > 0 && lt <= hi; lt++ {
		if uncovered[lt] {
			dst = ix.scanLength(&sr, lt, dst)
		}
	}
	return dst
}

// The kinds of one edit between a string and a spelling, for
// spellingsNear1: the spelling one letter longer, one letter shorter, or
// as long (a substitution or a transposition).
const (
	near1Longer uint8 = 1 << iota
	near1Shorter
	near1Same
	near1Any = near1Longer | near1Shorter | near1Same
)

// spellingsNear1 appends to dst the spellings of list terms (by id; not
// the keys of runs only) at optimal string alignment distance exactly one
// from some string of ss, each of
// at least three letters, by an edit of the kinds given: such a spelling
// has at least two letters, and the dictionary holds the one-deletion
// variants of every spelling of three letters or more, so looking up the
// strings' own variants finds all of those (the strings themselves only,
// when the spelling can only be longer). The lookups of all the strings
// are made in passes, as in keyNeighbours, so that their memory reads
// overlap. gs is the search's scratch: the spellings found are stamped in
// its epoch, and those stamped already are passed over.
func (ix *nameIndex) spellingsNear1(ss []string, kinds uint8, gs *idxFuzzyScratch, dst []int32) []int32 {
	radius := 1
	if kinds&^near1Longer == 0 {
		radius = 0
	}
	// allowed[j] has bit k when a variant of j deletions of the string
	// may meet one of k deletions of a spelling.
	var allowed [2]uint32
	if kinds&near1Longer != 0 {
		allowed[0] |= 1 << 1
	}
	if kinds&near1Shorter != 0 {
		allowed[1] |= 1 << 0
	}
	if kinds&near1Same != 0 {
		allowed[1] |= 1 << 1
	}
	gs.hashes, gs.owner = gs.hashes[:0], gs.owner[:0]
	var qb [64]rune
	for si, s := range ss {
		q := qb[:0]
		for _, r := range s {
			if len(q) == cap(qb) {
				break
			}
			q = append(q, r)
		}
		if len(q) < 3 || len(q) == cap(qb) {
			continue
		}
		from := len(gs.hashes)
		gs.hashes = delVariants(q, radius, false, &gs.del, gs.hashes)
		for range gs.hashes[from:] {
			gs.owner = append(gs.owner, int32(si))
		}
	}
	del := &ix.del
	hs, owner := gs.hashes, gs.owner
	n := 0
	for i, h := range hs {
		bb := bloomBit(h)
		hs[n], owner[n] = h, owner[i]
		pass := del.bloom[bb/64] >> (bb % 64) & 1
		if h&3 > 1 || allowed[h&3] == 0 {
			pass = 0
		}
		n += int(pass)
	}
	hs, owner = hs[:n], owner[:n]
	gs.spans = del.spans(hs, gs.spans[:0])
	for i, h := range hs {
		c, al := uint32(h)>>2, allowed[h&3]
		for _, ent := range del.ent[gs.spans[i][0]:gs.spans[i][1]] {
			// The list side's variant has one deletion at most.
			if ch := uint32(ent >> 32); ch>>2 != c || ch&3 > 1 || al&(1<<(ch&3)) == 0 {
				continue
			}
			ki := int32(uint32(ent))
			if gs.stamp[ki] == gs.epoch {
				continue // found already
			}
			f := &ix.kf[ki]
			if f.runes == 65535 || ix.runOnly(ki) {
				continue // too long, or a run's key only
			}
			if names.OSAWithin(ss[owner[i]], ix.keyArena[f.off:f.off+uint32(f.blen)], 1) == 1 {
				gs.stamp[ki] = gs.epoch
				dst = append(dst, ki)
			}
		}
	}
	return dst
}

// fuzzyScratch returns a search scratch with a new epoch for ix.
func (ix *nameIndex) fuzzyScratch() *idxFuzzyScratch {
	gs := idxFuzzyPool.Get().(*idxFuzzyScratch)
	if len(gs.stamp) < len(ix.keys) {
		gs.stamp = make([]uint32, len(ix.keys))
		gs.epoch = 0
	}
	gs.newEpoch()
	return gs
}

// newEpoch starts a new search: no spelling is stamped in it.
func (gs *idxFuzzyScratch) newEpoch() {
	gs.epoch++
	if gs.epoch == 0 {
		clear(gs.stamp)
		gs.epoch = 1
	}
}

// scanLength appends the terms of the spellings of lt letters (other than
// the query's own) that verifySpelling accepts, reading first only their
// letter signatures (sigLen): the filter of keyFilter.reach, whose bounds
// are the same for every spelling of one length.
func (ix *nameIndex) scanLength(q *spellSearch, lt int, dst []idxHit) []idxHit {
	if lt >= len(q.dmax) || lt+1 >= len(ix.lenOff) {
		return dst
	}
	dr := int(q.dmax[lt])
	if dr <= 0 {
		return dst
	}
	longer, shorter := lengthSlack(q.lq, lt, dr)
	if shorter < 0 || longer < 0 {
		return dst
	}
	// sigsFit's last test, on both signatures at once, rules out most
	// spellings in a few instructions.
	sq, sq2 := q.sq, q.sq2
	qq, lim := uint64(sq)|uint64(sq2)<<32, 2*dr
	lo := ix.lenOff[lt]
	for i, sg := range ix.sigLen[lo:ix.lenEnd(lt, q.runs)] {
		if bits.OnesCount64(qq^sg) > lim || !sigsFit(sq, sq2, uint32(sg), uint32(sg>>32), longer, shorter, dr) {
			continue
		}
		if f := &ix.kfLen[lo+int32(i)]; f.id != q.self {
			dst = ix.verifyWithin(q, dr, f, dst)
		}
	}
	return dst
}

// lenEnd is the end in kfLen of the spellings of lt letters, those of
// joined runs' keys only (last) included or not.
func (ix *nameIndex) lenEnd(lt int, runs bool) int32 {
	if runs {
		return ix.lenOff[lt+1]
	}
	return ix.termEnd[lt]
}
