package sanctions

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rpscreen/rpscreen/internal/names"
)

// Joined runs of list tokens. The engine pairs a query word with a run of
// two or three adjacent list tokens whose keys, joined, are near the
// word's key (names.JoinSim: "Hikvision" and "Hik Vision"). The edits
// between the word and the run fall on the side of the run's first token
// and on the side of its last, and as the engine allows three at most,
// one of the two sides has one edit at most: the run's first token is
// spelt as a prefix of the word, or one edit away from one, or its last
// token likewise as a suffix. The index keeps, per term, the runs it
// starts and the runs it ends, and a query compares the word with the runs
// of the terms its prefixes and suffixes spell exactly (splitHits) or, for
// words long enough to pair at two edits, one edit away (splitsNear1).
// Only the entries of the runs that pair are reached.
//
// A run's key joins its tokens as written, while a term is spelt as the
// parser reads it ("Industrial" is read as "industry"): a term also gets
// the spellings of its tokens as written (names.Token.SurfaceKey), which
// find its runs and nothing else (idxRef.surface).
//
// A prefix or suffix of fewer than three letters spells too many terms to
// search by, and the key of a joined text may differ at a joint from its
// tokens' keys ("Yang Hong" is joined "iangong"), so a run whose end is
// that short (an initial: "E. Kozlov") or spelt by no term is found
// another way: its key is itself a spelling of the fuzzy dictionary
// (idxKey.run), which the search of the word's own spellings reaches
// whatever its edits (runSpelt).

// runTable collects the joined runs of the list names while the index is
// built.
type runTable struct {
	ids   map[string]int32 // run key -> run
	kf    []keyFilter      // per run, its key's filter record
	arena strings.Builder  // the runs' keys
	// Per occurrence: the run, its entry, and the terms that start and
	// end it (-1: none).
	run, entry, first, last []int32
	// spelt[r]: run r's key is a spelling of the fuzzy dictionary
	// (runSpelt).
	spelt []bool
}

// add records that entry e holds the run of key key, from term first to
// term last, whose first and last tokens are a and b.
func (rt *runTable) add(key string, e, first, last int32, a, b *names.Token) {
	if rt.ids == nil {
		rt.ids = make(map[string]int32)
	}
	id, ok := rt.ids[key]
	if !ok {
		id = int32(len(rt.kf))
		rt.ids[key] = id
		rt.kf = append(rt.kf, newKeyFilter(key, id, rt.arena.Len()))
		rt.spelt = append(rt.spelt, false)
		rt.arena.WriteString(key)
	}
	if !rt.spelt[id] && runSpelt(key, a, b) {
		rt.spelt[id] = true
	}
	rt.run = append(rt.run, id)
	rt.entry = append(rt.entry, e)
	rt.first = append(rt.first, first)
	rt.last = append(rt.last, last)
}

// pack lays the runs out in ix for nTerms terms: the entries of each run,
// and the runs each term starts and ends.
func (rt *runTable) pack(ix *nameIndex, nTerms int) {
	ix.joinArena = rt.arena.String()
	// Entries per run, ascending (occurrences come in entry order).
	ix.joinPostOff = make([]int32, len(rt.kf)+1)
	for _, r := range rt.run {
		ix.joinPostOff[r+1]++
	}
	for r := 1; r < len(ix.joinPostOff); r++ {
		ix.joinPostOff[r] += ix.joinPostOff[r-1]
	}
	fill := slices.Clone(ix.joinPostOff[:len(rt.kf)])
	post := make([]int32, len(rt.run))
	for k, r := range rt.run {
		if at := fill[r]; at == ix.joinPostOff[r] || post[at-1] != rt.entry[k] {
			post[at] = rt.entry[k]
			fill[r]++
		}
	}
	// Close the gaps that repeated occurrences left.
	ix.joinPost = post[:0]
	for r := range rt.kf {
		from := len(ix.joinPost)
		ix.joinPost = append(ix.joinPost, post[ix.joinPostOff[r]:fill[r]]...)
		ix.joinPostOff[r] = int32(from)
	}
	ix.joinPostOff[len(rt.kf)] = int32(len(ix.joinPost))
	ix.runStartOff, ix.runStarts = rt.byTerm(rt.first, nTerms)
	ix.runEndOff, ix.runEnds = rt.byTerm(rt.last, nTerms)
	for r, f := range rt.kf {
		if rt.spelt[r] && f.runes != 65535 {
			ix.keys[ix.spellingID(ix.joinArena[f.off:f.off+uint32(f.blen)])].run = int32(r) + 1
		}
	}
}

// byTerm lists, per term, the filter records of the distinct runs that
// term (from terms, per occurrence) starts or ends, by length.
func (rt *runTable) byTerm(terms []int32, nTerms int) (off []int32, kf []keyFilter) {
	pairs := make([]uint64, 0, len(terms))
	for k, t := range terms {
		if t >= 0 {
			pairs = append(pairs, uint64(t)<<32|uint64(uint32(rt.run[k])))
		}
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	off = make([]int32, nTerms+1)
	kf = make([]keyFilter, len(pairs))
	for k, pr := range pairs {
		off[pr>>32+1]++
		kf[k] = rt.kf[uint32(pr)]
	}
	for t := 1; t < len(off); t++ {
		off[t] += off[t-1]
		slices.SortStableFunc(kf[off[t-1]:off[t]], func(a, b keyFilter) int { return int(a.runes) - int(b.runes) })
	}
	return off, kf
}

// runSpelt reports whether the run of key key, whose first and last
// tokens are a and b, is one that the splits of a word may miss, so that
// its key is made a spelling of the fuzzy dictionary: a key that does not
// start and end with its end tokens' keys; an end spelt in fewer than
// three letters, exactly in the word, which leaves the other end all the
// edits; and where the run may pair at three edits, an end of three
// letters one edit from a part of two, which leaves the other end two.
func runSpelt(key string, a, b *names.Token) bool {
	sa, sb := a.SurfaceKey(), b.SurfaceKey()
	if !strings.HasPrefix(key, sa) || !strings.HasSuffix(key, sb) {
		// The key of the joined text differs at a joint from its
		// tokens' keys ("Yang Hong" is joined "iangong"): its ends are
		// spelt by no term.
		return true
	}
	limit := 2
	if runEdits[min(utf8.RuneCountInString(key), idxReachLen-1)] >= 3 {
		limit = 3
	}
	return endLetters(a, sa) <= limit || endLetters(b, sb) <= limit
}

// runEdits[m] is the most edits at which a run of m letters pairs with
// any word (reachJoin).
var runEdits = func() (t [idxReachLen]int8) {
	for n := range reachJoin {
		for m, d := range reachJoin[n] {
			t[m] = max(t[m], d)
		}
	}
	return t
}()

// endLetters is the fewest letters in which a run's end token t is spelt
// (text, key, or surface, its key as written: t.SurfaceKey()).
func endLetters(t *names.Token, surface string) int {
	n := utf8.RuneCountInString(t.Text)
	for _, sp := range [...]string{t.Key, surface} {
		if sp != "" {
			n = min(n, utf8.RuneCountInString(sp))
		}
	}
	return n
}

// runsSpelt adds, for query unit u (number i), the entries of the runs
// that the fuzzy search of u's spellings found by their keys (keys: the
// dictionary's spellings) and u's key pairs with, unless found already
// holds the run.
func (ix *nameIndex) runsSpelt(dst []idxExtra, i int, u *idxUnit, keys []int32, found []int32) ([]idxExtra, []int32) {
	for _, ki := range keys {
		r := ix.keys[ki].run - 1
		if slices.Contains(found, r) {
			continue
		}
		sim := ix.runSim(&ix.kf[ki], ix.keyArena, u)
		if sim == 0 {
			continue
		}
		found = append(found, r)
		post := ix.joinPost[ix.joinPostOff[r]:ix.joinPostOff[r+1]]
		dst = append(dst, idxExtra{unit: i, sim: sim, w: 1, post: post, run: true})
	}
	return dst, found
}

// splitHits adds, for query unit u (number i), the entries holding a run
// of tokens joined that u pairs with (names.JoinSim), among the runs that
// start with a term spelt as a prefix of sp or end with one spelt as its
// suffix (of at least three letters, or sp whole); found holds the runs
// already added for u. The runs with a shorter end are found by their
// keys (runSpelt, runsSpelt).
func (ix *nameIndex) splitHits(dst []idxExtra, i int, u *idxUnit, sp string, found []int32) ([]idxExtra, []int32) {
	// The hashes of every prefix and suffix (spellHash), so that the
	// spellings' bits rule out most splits without a map lookup.
	var hb [2 * 64]uint64
	var pre, suf []uint64
	if len(sp) <= 64 {
		pre, suf = hb[:len(sp)+1], hb[64:64+len(sp)]
		h := uint64(0)
		for c := 0; c < len(sp); c++ {
			pre[c] = h
			h = h*idxSpellMul + uint64(sp[c])
		}
		h, pw := 0, uint64(1)
		for c := len(sp) - 1; c >= 0; c-- {
			h += uint64(sp[c]) * pw
			pw *= idxSpellMul
			suf[c] = h
		}
	}
	has := func(hs []uint64, c int) bool {
		if hs == nil {
			return true
		}
		return hasSpellBit(ix.spellBits, hs[c])
	}
	// A run may also start or end with the word itself, the rest of it
	// within the edits the engine allows ("International Zu").
	if w, ok := ix.byKey[sp]; ok {
		for _, r := range ix.keys[w].refs {
			dst, found = ix.runsNear(dst, i, u, ix.runStarts[ix.runStartOff[r.term]:ix.runStartOff[r.term+1]], found)
			dst, found = ix.runsNear(dst, i, u, ix.runEnds[ix.runEndOff[r.term]:ix.runEndOff[r.term+1]], found)
		}
	}
	n := utf8.RuneCountInString(sp)
	k := 0
	for c := 1; c < len(sp); c++ {
		if !utf8.RuneStart(sp[c]) {
			continue
		}
		k++
		var hk, tk int32
		var hok, tok bool
		if has(pre, c) {
			hk, hok = ix.byKey[sp[:c]]
		}
		if has(suf, c) {
			tk, tok = ix.byKey[sp[c:]]
		}
		if hok && k >= 3 {
			for _, r := range ix.keys[hk].refs {
				dst, found = ix.runsNear(dst, i, u, ix.runStarts[ix.runStartOff[r.term]:ix.runStartOff[r.term+1]], found)
			}
		}
		if tok && n-k >= 3 {
			for _, r := range ix.keys[tk].refs {
				dst, found = ix.runsNear(dst, i, u, ix.runEnds[ix.runEndOff[r.term]:ix.runEndOff[r.term+1]], found)
			}
		}
	}
	if kinds := runNear1[min(u.krunes, idxReachLen-1)]; sp == u.tok.Key && kinds != 0 {
		dst, found = ix.splitsNear1(dst, i, u, sp, kinds, found)
	}
	return dst, found
}

// runNear1[n] is runNear1Kinds(n), tabulated: none when a word of n
// letters pairs with no run at two edits or more.
var runNear1 = func() (t [idxReachLen]uint8) {
	for n := range t {
		t[n] = runNear1Kinds(n)
	}
	return t
}()

// runNear1Kinds is the kinds of edit (near1Longer...) by which a run's end
// one edit from the end of a word of n letters may differ from it, among
// the runs that pair with the word at two edits or more: the others leave
// the end of the run within one edit, so that a run of m letters at d
// edits from the word leaves the rest of the run d-1 edits for a
// difference in length of m-n less what the end's edit made.
func runNear1Kinds(n int) (kinds uint8) {
	row := &reachJoin[min(n, idxReachLen-1)]
	for m, d := range row {
		if d < 2 {
			continue
		}
		rest := int(d) - 1
		if abs(m-n-1) <= rest {
			kinds |= near1Longer
		}
		if abs(m-n+1) <= rest {
			kinds |= near1Shorter
		}
		if abs(m-n) <= rest {
			kinds |= near1Same
		}
	}
	return kinds
}

// splitsNear1 adds, for query unit u (number i), the runs that splitHits
// cannot find because both their ends are misspelt in the word's key sp
// (kinds: the edits by which an end may differ, runNear1Kinds):
// when the engine allows two edits or more between the word and a run,
// the edits on the first token's side and on the last token's side sum to
// no more than three (idxDelRadius), so one of the two sides has one edit
// at most. The runs of the terms spelt one edit away from a prefix of sp
// (at least three letters) and of those one edit away from a suffix are
// compared with the word; the sides spelt exactly were compared by
// splitHits.
func (ix *nameIndex) splitsNear1(dst []idxExtra, i int, u *idxUnit, sp string, kinds uint8, found []int32) ([]idxExtra, []int32) {
	n := utf8.RuneCountInString(sp)
	gs := ix.fuzzyScratch()
	defer idxFuzzyPool.Put(gs)
	// The prefixes and the suffixes of at least three letters; each
	// spelling's runs are compared once per side.
	var pre, suf []string
	k := 0
	for c := 1; c < len(sp); c++ {
		if !utf8.RuneStart(sp[c]) {
			continue
		}
		k++
		if k >= 3 {
			pre = append(pre, sp[:c])
		}
		if n-k >= 3 {
			suf = append(suf, sp[c:])
		}
	}
	near := ix.spellingsNear1(pre, kinds, gs, nil)
	for _, ki := range near {
		for _, r := range ix.keys[ki].refs {
			dst, found = ix.runsNear(dst, i, u, ix.runStarts[ix.runStartOff[r.term]:ix.runStartOff[r.term+1]], found)
		}
	}
	gs.newEpoch()
	near = ix.spellingsNear1(suf, kinds, gs, near[:0])
	for _, ki := range near {
		for _, r := range ix.keys[ki].refs {
			dst, found = ix.runsNear(dst, i, u, ix.runEnds[ix.runEndOff[r.term]:ix.runEndOff[r.term+1]], found)
		}
	}
	return dst, found
}

// runsNear adds, for query unit u (number i), the entries of each run
// among fs (filter records of runs' keys, by length) that u's key pairs
// with, unless found already holds the run.
func (ix *nameIndex) runsNear(dst []idxExtra, i int, u *idxUnit, fs []keyFilter, found []int32) ([]idxExtra, []int32) {
	// Only runs of lengths within the edits the engine allows can pair.
	row := &reachJoin[min(u.krunes, idxReachLen-1)]
	lo := u.krunes - names.MaxEditsAny
	for lo < u.krunes && lo < len(row) && row[max(lo, 0)] <= 0 {
		lo++
	}
	from, _ := slices.BinarySearchFunc(fs, lo, func(f keyFilter, l int) int { return int(f.runes) - l })
	for k := from; k < len(fs) && int(fs[k].runes) <= u.krunes+names.MaxEditsAny; k++ {
		f := &fs[k]
		sim := ix.runSim(f, ix.joinArena, u)
		if sim == 0 || slices.Contains(found, f.id) {
			continue
		}
		found = append(found, f.id)
		post := ix.joinPost[ix.joinPostOff[f.id]:ix.joinPostOff[f.id+1]]
		dst = append(dst, idxExtra{unit: i, sim: sim, w: 1, post: post, run: true})
	}
	return dst, found
}

// idxSpellBits is the size of the spellings' bitset (2^idxSpellBits
// bits), idxSpellMul the multiplier of their polynomial hash.
const (
	idxSpellBits = 22
	idxSpellMul  = 0x100000001b3
)

// spellHash is the polynomial hash of a spelling's bytes, computed so
// that the hashes of all prefixes and suffixes of a word take one pass
// each (see splitHits).
func spellHash(sp string) uint64 {
	h := uint64(0)
	for c := 0; c < len(sp); c++ {
		h = h*idxSpellMul + uint64(sp[c])
	}
	return h
}

// spellBit is the bit of a spelling's hash in a bitset of spellings
// (nameIndex.spellBits, prefixBits).
func spellBit(h uint64) uint64 {
	return (h * 0x9e3779b97f4a7c15) >> (64 - idxSpellBits)
}

// setSpellBit sets the bit of spelling hash h in bitset bs.
func setSpellBit(bs []uint64, h uint64) {
	b := spellBit(h)
	bs[b/64] |= 1 << (b % 64)
}

// hasSpellBit reports whether bitset bs has the bit of spelling hash h:
// false when no spelling recorded has hash h.
func hasSpellBit(bs []uint64, h uint64) bool {
	b := spellBit(h)
	return bs[b/64]>>(b%64)&1 != 0
}

// runSim is the similarity with which the engine pairs u's key with the
// joined run whose key's filter record is f, its text in arena
// (names.JoinSim), 0 below names.MinJoinSim.
func (ix *nameIndex) runSim(f *keyFilter, arena string, u *idxUnit) float64 {
	if f.runes == 65535 {
		return 0 // too long to compare
	}
	key := u.tok.Key
	// The filter record tells most runs apart without their text.
	var sim float64
	if f.sig == u.ksig && f.sig2 == u.ksig2 && int(f.blen) == len(key) && arena[f.off:f.off+uint32(f.blen)] == key {
		sim = idxKeyEqualSim
	} else if dr := f.reach(u.krunes, u.ksig, u.ksig2, &reachJoin[min(u.krunes, idxReachLen-1)]); dr > 0 {
		if d := names.OSAWithin(key, arena[f.off:f.off+uint32(f.blen)], dr); d <= dr {
			jr := int(f.runes)
			sim = names.EditSim(d, max(u.krunes, jr), min(u.krunes, jr))
		}
	}
	if sim < names.MinJoinSim {
		return 0
	}
	return sim
}
