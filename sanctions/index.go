package sanctions

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rpscreen/rpscreen/internal/names"
)

// The index finds, for a query name, every list name that names.Score
// could put at or above the threshold, without scoring the whole list.
//
// It rests on the shape of the engine's score, which the property test in
// screener_test.go checks against brute force:
//
//   - tokens pair only at a per-token similarity of at least idxMinPairSim;
//     equal texts score 1, equal phonetic keys idxKeyEqualSim, other
//     spellings names.EditSim of their OSA distance (at most three edits,
//     fewer for short spellings);
//     numbers pair only when equal; an initial pairs with a word of the
//     same first letter; a truncation of four letters or more pairs with
//     the word it abbreviates; two words in Han script pair by character
//     (names.HanEditSim), not by their pinyin;
//   - a run of two or three adjacent tokens pairs with one token when the
//     run's joined key is at least idxMinJoinSim similar to it, and a run
//     of two to six words pairs with a token that spells its initials;
//   - score = matched / (matched + pair cost + unmatched cost), where each
//     pair adds sim*pw to matched and (1-sim)*pw to the pair cost (pw the
//     pair's two weights), every unmatched query token costs at least
//     idxMinUnmatchedCost times its weight, and the legal-form adjustment
//     adds at most idxMaxLegalBonus.
//
// Then score >= t implies sum over pairs of pw*(sim-t') - t'*unmatched cost
// >= 0 with t' = t - idxMaxLegalBonus, a sum that splits over query
// tokens: each token contributes at most its best pairing's gain, or its
// unmatched cost. A list name none of whose tokens is near a query token
// gets nothing for that token, which is what lets the index skip it.
const (
	idxMinPairSim     = 0.62
	idxMinJoinSim     = names.MinJoinSim
	idxKeyEqualSim    = 0.95
	idxInitialSim     = 0.85
	idxPrefixSim      = 0.8
	idxAcronymSim     = 0.9
	idxParticleSim    = 0.9
	idxMaxLegalBonus  = 0.03
	idxMaxQueryTokens = 16
	idxInitialWeight  = 0.35
	idxParticleWeight = 0.2
	idxNumberWeight   = 1.0
)

// idxMinUnmatchedCost is the least an unmatched query token costs per unit
// of weight, measured on the engine itself (see calibrateUnmatchedCost),
// with a margin.
var idxMinUnmatchedCost = calibrateUnmatchedCost()

// idxOrgUnmatchedCost and idxOrgConflictCost are the same, measured on
// pairs of names of which one is an organisation's.
var idxOrgUnmatchedCost, idxOrgConflictCost = calibrateOrgCosts()

// calibrateOrgCosts measures the unmatched and conflict costs on name
// pairs where either side is an organisation's, as calibrateUnmatchedCost
// and calibrateConflictCost do for all pairs.
func calibrateOrgCosts() (float64, float64) {
	words := []string{"zqvx", "wrtk", "plmb", "dfgh", "jkxz"}
	cu, cc := 1.0, 2.0
	kinds := []names.Kind{names.KindPerson, names.KindOrganization, names.KindUnknown}
	for _, ka := range kinds {
		for _, kb := range kinds {
			if ka != names.KindOrganization && kb != names.KindOrganization {
				continue
			}
			for k := 1; k < len(words); k++ {
				short := names.Parse(strings.Join(words[:k], " "), ka)
				long := names.Parse(strings.Join(words[:k+1], " "), kb)
				for _, pair := range [][2]*names.Name{{short, long}, {long, short}} {
					if sc := names.Score(pair[0], pair[1], nil); sc > 0 && sc < 1 {
						cu = min(cu, 2*float64(k)/sc-2*float64(k))
					}
				}
				a := names.Parse(strings.Join(words[:k], " ")+" qqzz", ka)
				b := names.Parse(strings.Join(words[:k], " ")+" yyxw", kb)
				if sc := names.Score(a, b, nil); sc > 0 && sc < 1 {
					cc = min(cc, (2*float64(k)/sc-2*float64(k))/2)
				}
			}
		}
	}
	return max(min(cu*0.8, 1), idxMinUnmatchedCost), max(min(cc*0.8, 2), idxMinConflictCost)
}

// idxMinConflictCost is the least the engine charges per unit of weight
// for each of two unmatched tokens when both names have one ("Beijing Foo"
// against "Beijing Bar"), measured like idxMinUnmatchedCost.
var idxMinConflictCost = calibrateConflictCost()

// calibrateConflictCost measures what the engine charges when both names
// keep an unmatched token: "a x" against "a y" scores 2 / (2 + 2c).
func calibrateConflictCost() float64 {
	c := 2.0
	for _, kind := range []names.Kind{names.KindPerson, names.KindOrganization, names.KindUnknown} {
		for _, pair := range [][2]string{{"zqvx wrtk", "zqvx plmb"}, {"zqvx wrtk dfgh", "zqvx wrtk plmb"}} {
			a, b := names.Parse(pair[0], kind), names.Parse(pair[1], kind)
			k := float64(len(strings.Fields(pair[0])) - 1)
			sc := names.Score(a, b, nil)
			if sc <= 0 || sc >= 1 {
				continue
			}
			c = min(c, (2*k/sc-2*k)/2)
		}
	}
	return max(0.05, c*0.8)
}

// calibrateUnmatchedCost measures what the engine charges for an unmatched
// token: for a name of k equal-weight tokens against the same name with one
// more token, score = 2k / (2k + c), so c = 2k/score - 2k. It takes the
// least c over persons and organisations and name lengths, times 0.8.
func calibrateUnmatchedCost() float64 {
	words := []string{"zqvx", "wrtk", "plmb", "dfgh", "jkxz"}
	c := 1.0
	for _, kind := range []names.Kind{names.KindPerson, names.KindOrganization, names.KindUnknown} {
		for k := 1; k < len(words); k++ {
			short := names.Parse(strings.Join(words[:k], " "), kind)
			long := names.Parse(strings.Join(words[:k+1], " "), kind)
			for _, pair := range [][2]*names.Name{{short, long}, {long, short}} {
				sc := names.Score(pair[0], pair[1], nil)
				if sc <= 0 || sc >= 1 {
					continue
				}
				c = min(c, 2*float64(k)/sc-2*float64(k))
			}
		}
	}
	return max(0.05, c*0.8)
}

// idxEntry is one name (primary or alias) of one party.
type idxEntry struct {
	party int32
	name  *names.Name
}

// idxTerm is one distinct token text of the list names.
//
// The fields the candidate check reads for every list word come first, in
// one cache line; the spellings and postings follow.
type idxTerm struct {
	kind  names.TokenKind
	first byte
	w     float64 // the token's weight as the engine weighs it
	text  string
	post  []int32 // entries holding the token, ascending
}

// idxEntTok is a compared token of a list name: its term and the term's
// weight.
type idxEntTok struct {
	term int32
	w    float32
}

// idxKey is one distinct spelling of list tokens (a text, a phonetic key
// or the key with j read as zh), for fuzzy search.
type idxKey struct {
	key  string
	refs []idxRef
	// run: 1 + the joined run of list tokens this is the key of, when
	// the run is searched by its key (runSpelt); 0 for none.
	run int32
}

// runOnly reports whether k is the key of joined runs and spells no term.
func (k *idxKey) runOnly() bool { return len(k.refs) == 0 }

// idxRef is a term that has a spelling; text tells whether the spelling is
// the term's text (an exact match of texts scores 1, of keys less), and
// surface whether it only spells the term as some list name wrote it
// before the parser rewrote it (names.Token.SurfaceKey): such a spelling
// finds the joined runs the term starts or ends, never a pairing of words.
type idxRef struct {
	term    int32
	text    bool
	surface bool
}

// nameIndex is the candidate index over all list names.
type nameIndex struct {
	entries []idxEntry
	terms   []idxTerm
	byText  map[string]int32
	keys    []idxKey
	byKey   map[string]int32
	// spellBits has the bit of every spelling (spellBit), to rule out
	// most prefixes and suffixes of query words before a map lookup.
	spellBits []uint64
	// prefixBits has the bit of every prefix of four letters or more of
	// a list word at least three letters longer, to rule out most
	// searches for the list words a query word abbreviates.
	prefixBits []uint64
	del        delIndex    // deletion dictionary of keys, for fuzzy search
	seg        segIndex    // segments of long keys, for searches of runs
	kf         []keyFilter // by key id
	kfLen      []keyFilter // by length, from lenOff[n] for n letters
	// sigLen[i]: the letter signatures of kfLen[i] (sig | sig2<<32), read
	// alone by scans.
	sigLen []uint64
	// keyArena holds the texts of the spellings (see keyFilter.off).
	keyArena string
	lenOff   []int32
	termEnd  []int32  // see packSpellings
	runKeys  []uint64 // bit k: spelling k is runOnly, read by searches
	sorted   []int32  // term ids of words sorted by text, for prefix search
	// initialsOf[c]: entries holding an Initial token c; wordsOf[c]:
	// entries holding a word that starts with c (for query initials).
	initialsOf map[byte][]int32
	wordsOf    map[byte][]int32
	// acronyms: the initials of runs of 2-6 words -> entries.
	acronyms map[string][]int32
	// exact: normalised name -> entries (identical names score 1).
	exact map[string][]int32
	// entTok[entOff[e]:entOff[e+1]]: the terms of entry e's compared
	// tokens, each with its weight, read together by the candidate check.
	entTok []idxEntTok
	entOff []int32
	entW   []float32 // per entry, the weight of its distinct terms
	orgs   []uint64  // bit e: entry e is an organisation's name
	// Joined runs of list names' tokens (names.Name.Joins, those without
	// a number), once per distinct key, in joinArena: run r is held by
	// the entries joinPost[joinPostOff[r]:joinPostOff[r+1]]. Per term t,
	// runStarts[runStartOff[t]:runStartOff[t+1]] are the filter records
	// of the runs it starts (the record's id is the run), and runEnds
	// those of the runs it ends, copied so that a search reads them in
	// order.
	joinArena              string
	joinPostOff, joinPost  []int32
	runStartOff, runEndOff []int32
	runStarts, runEnds     []keyFilter
	// scanPerVariant: see idxScanPerVariant (a test sets 0 to make every
	// search use the dictionary where it can).
	scanPerVariant int
	// han: the Han forms of list words, compared by character.
	han hanIndex
	// initialTerms[c]: the Initial terms c.
	initialTerms map[byte][]int32
	// givenTerms: by given-name group (names.GivenNameGroup), the words
	// of names that may be compared as a person's, for the engine's
	// given-name relations (Juan/Ivan) that no spelling similarity finds.
	givenTerms map[int][]int32
	idf        *names.IDF

	cache boundedCache[idxNear]
	// scratches holds the per-query scratch space (idxScratch).
	scratches sync.Pool
}

// buildNameIndex indexes the entries; idf weighs their tokens.
func buildNameIndex(entries []idxEntry, idf *names.IDF) *nameIndex {
	ix := &nameIndex{
		cache:          boundedCache[idxNear]{size: idxCacheShardSize},
		entries:        entries,
		byText:         make(map[string]int32),
		byKey:          make(map[string]int32),
		initialsOf:     make(map[byte][]int32),
		initialTerms:   make(map[byte][]int32),
		entOff:         make([]int32, 0, len(entries)+1),
		orgs:           make([]uint64, (len(entries)+63)/64),
		wordsOf:        make(map[byte][]int32),
		acronyms:       make(map[string][]int32),
		exact:          make(map[string][]int32),
		givenTerms:     make(map[int][]int32),
		idf:            idf,
		scanPerVariant: idxScanPerVariant,
	}
	var acr []byte
	var runs runTable
	var tokTerm, entTok []int32
	personSeen := map[int32]bool{}
	hanSeen := map[hanSeen]bool{}
	for e := range entries {
		n := entries[e].name
		ei := int32(e)
		if n.Normalized != "" {
			ix.exact[n.Normalized] = appendUnique(ix.exact[n.Normalized], ei)
		}
		acr = acr[:0]
		var acrStart []int
		ix.entOff = append(ix.entOff, int32(len(entTok)))
		tokTerm = tokTerm[:0]
		for _, t := range n.Tokens {
			tokTerm = append(tokTerm, -1)
			if t.Kind == names.LegalForm || t.Kind == names.Stop || t.Text == "" {
				continue
			}
			id, ok := ix.byText[t.Text]
			if !ok {
				id = int32(len(ix.terms))
				ix.byText[t.Text] = id
				ix.terms = append(ix.terms, idxTerm{text: t.Text, kind: t.Kind, first: t.Text[0], w: ix.weight(t.Text, t.Kind)})
				ix.addSpelling(t.Text, idxRef{term: id, text: true})
				if t.Key != "" {
					ix.addSpelling(t.Key, idxRef{term: id})
				}
				if strings.IndexByte(t.Text, 'j') >= 0 {
					// The engine also compares the key with j read as zh.
					ix.addSpelling(names.KeyZh(t.Text), idxRef{term: id})
				}
			} else if ix.terms[id].kind != t.Kind {
				// The same text read as another kind elsewhere: keep the
				// heavier weight so the bound stays an upper bound.
				ix.terms[id].w = max(ix.terms[id].w, ix.weight(t.Text, t.Kind))
				if t.Kind == names.Word {
					ix.terms[id].kind = names.Word
				}
			}
			ix.terms[id].post = appendUnique(ix.terms[id].post, ei)
			entTok = append(entTok, id)
			tokTerm[len(tokTerm)-1] = id
			if rs := t.HanChars(); rs != nil {
				ix.han.add(id, rs, hanSeen)
			}
			if sk := t.SurfaceKey(); sk != t.Key && sk != "" {
				// The key the token's runs are joined on, at their ends.
				ix.addSpelling(sk, idxRef{term: id, surface: true})
			}
			if t.Kind == names.Initial && !slices.Contains(ix.initialTerms[t.Text[0]], id) {
				ix.initialTerms[t.Text[0]] = append(ix.initialTerms[t.Text[0]], id)
			}
			if t.Kind == names.Word && n.Kind != names.KindOrganization && !personSeen[id] {
				personSeen[id] = true
				if g := names.GivenNameGroup(t.Text); g != 0 {
					ix.givenTerms[g] = append(ix.givenTerms[g], id)
				}
			}
			switch t.Kind {
			case names.Initial:
				ix.initialsOf[t.Text[0]] = appendUnique(ix.initialsOf[t.Text[0]], ei)
			case names.Word:
				ix.wordsOf[t.Text[0]] = appendUnique(ix.wordsOf[t.Text[0]], ei)
			}
			// Acronyms: initials of runs of 2-6 consecutive words or
			// initials.
			if t.Kind == names.Word || t.Kind == names.Initial {
				r, _ := utf8.DecodeRuneInString(t.Text)
				acr = utf8.AppendRune(acr, r)
				acrStart = append(acrStart, len(acr))
				_ = acrStart
				for s := max(0, len(acrStart)-6); s < len(acrStart)-1; s++ {
					from := 0
					if s > 0 {
						from = acrStart[s-1]
					}
					a := string(acr[from:])
					ix.acronyms[a] = appendUnique(ix.acronyms[a], ei)
				}
			} else {
				acr = acr[:0]
				acrStart = acrStart[:0]
			}
		}
		n.Joins(func(j names.Join) {
			if !j.Number {
				runs.add(j.Key, ei, tokTerm[j.First], tokTerm[j.Last], &n.Tokens[j.First], &n.Tokens[j.Last])
			}
		})
		if n.Kind == names.KindOrganization {
			ix.orgs[e/64] |= 1 << (e % 64)
		}
	}
	ix.entOff = append(ix.entOff, int32(len(entTok)))
	// Each entry's weight, once the terms' weights are final.
	ix.entW = make([]float32, len(entries))
	ix.entTok = make([]idxEntTok, len(entTok))
	for i, tid := range entTok {
		ix.entTok[i] = idxEntTok{tid, float32(ix.terms[tid].w)}
	}
	for e := range entries {
		toks := entTok[ix.entOff[e]:ix.entOff[e+1]]
		for k, tid := range toks {
			if !slices.Contains(toks[:k], tid) {
				ix.entW[e] += float32(ix.terms[tid].w)
			}
		}
	}
	runs.pack(ix, len(ix.terms))
	ix.del = buildDelIndex(ix.keys)
	ix.seg = buildSegIndex(ix.keys)
	ix.spellBits = make([]uint64, 1<<idxSpellBits/64)
	for i := range ix.keys {
		if !ix.keys[i].runOnly() {
			setSpellBit(ix.spellBits, spellHash(ix.keys[i].key))
		}
	}
	ix.kf, ix.kfLen, ix.lenOff, ix.termEnd, ix.keyArena = packSpellings(ix.keys, 128)
	ix.runKeys = make([]uint64, (len(ix.keys)+63)/64)
	for k := range ix.keys {
		if ix.keys[k].runOnly() {
			ix.runKeys[k/64] |= 1 << (k % 64)
		}
	}
	ix.sigLen = make([]uint64, len(ix.kfLen))
	for i, f := range ix.kfLen {
		ix.sigLen[i] = uint64(f.sig) | uint64(f.sig2)<<32
	}
	for i, t := range ix.terms {
		if t.kind == names.Word {
			ix.sorted = append(ix.sorted, int32(i))
		}
	}
	sort.Slice(ix.sorted, func(a, b int) bool { return ix.terms[ix.sorted[a]].text < ix.terms[ix.sorted[b]].text })
	ix.prefixBits = make([]uint64, 1<<idxSpellBits/64)
	for _, id := range ix.sorted {
		text, h := ix.terms[id].text, uint64(0)
		for l := 1; l+3 <= len(text); l++ {
			h = h*idxSpellMul + uint64(text[l-1])
			if l >= 4 {
				setSpellBit(ix.prefixBits, h)
			}
		}
	}
	return ix
}

// spellingID is the id of spelling sp, added if new.
func (ix *nameIndex) spellingID(sp string) int32 {
	k, ok := ix.byKey[sp]
	if !ok {
		k = int32(len(ix.keys))
		ix.byKey[sp] = k
		ix.keys = append(ix.keys, idxKey{key: sp})
	}
	return k
}

// addSpelling records that term ref has spelling sp.
func (ix *nameIndex) addSpelling(sp string, ref idxRef) {
	k := ix.spellingID(sp)
	for _, r := range ix.keys[k].refs {
		if r == ref || r.term == ref.term && ref.surface {
			return
		}
	}
	ix.keys[k].refs = append(ix.keys[k].refs, ref)
}

// appendUnique appends e unless it is already the last element (entries
// are added in ascending order).
func appendUnique(s []int32, e int32) []int32 {
	if n := len(s); n > 0 && s[n-1] == e {
		return s
	}
	return append(s, e)
}

// weight is a token's weight as the engine computes it.
func (ix *nameIndex) weight(text string, kind names.TokenKind) float64 {
	switch kind {
	case names.Number:
		return idxNumberWeight
	case names.Initial:
		return idxInitialWeight
	case names.Particle:
		return idxParticleWeight
	}
	w := ix.idf.Weight(text)
	if w != w || w < 0 { // NaN
		return 1
	}
	return min(w, 1)
}

// keySig is a 32-bit set of the letters in a key (folded mod 32). One edit
// changes at most two bits, so keys within distance d differ in at most 2d
// bits.
func keySig(k string) uint32 {
	s, _ := keySig2(k)
	return s
}

// keySig2 returns keySig(k) and the set of letters (folded mod 32) that
// occur at least twice. For keys within edit distance d, the letters one
// has and the other lacks number at most d on each side, and the two sets'
// differences together at most 2d.
func keySig2(k string) (uint32, uint32) {
	var s1, s2 uint32
	for _, r := range k {
		b := uint32(1) << (uint32(r) & 31)
		s2 |= s1 & b
		s1 |= b
	}
	return s1, s2
}

// idxHit is a term near a query unit, with its similarity. The fuzzy
// search (keyNeighbours) also reports the keys of joined runs it meets
// (idxKey.run) as hits of term -1-k, k the spelling: only a word's search
// uses them (runsSpelt), the others drop them.
type idxHit struct {
	term int32
	sim  float32
}

// idxNear is a cached neighbour search: every list term near a query
// token, and for a word, the entries holding a run of list tokens
// joined near it (splitHits, with unit 0).
type idxNear struct {
	hits  []idxHit
	joins []idxExtra
}

// idxCacheShardSize is the size of a generation of a shard of the
// neighbour cache.
const idxCacheShardSize = 6144

// idxUnit is a query token with everything the bound needs.
type idxUnit struct {
	tok    names.Token
	ti     int     // the token's index in the name
	w      float64 // the token's weight
	unm    float64 // gain when unmatched (negative)
	hits   []idxHit
	runes  int // letters of the text
	krunes int // letters of the key
	// ksig, ksig2: the key's letter signatures (keySig2).
	ksig, ksig2 uint32
}

// idxRun is a run of query tokens (joined, or as an acronym) that can pair
// with one list token.
type idxRun struct {
	from, n int
	w       float64 // the heaviest token of the run
	hits    []idxHit
	acronym bool
}

// queryPlan is a query prepared for retrieval.
type queryPlan struct {
	units []idxUnit
	runs  []idxRun
	// extra: entries reached by other means (list-side joins and
	// acronyms, initials), each with the query token it serves and the
	// similarity it could reach.
	extra []idxExtra
	// initials: the units that are initials.
	initials []int
}

type idxExtra struct {
	unit int
	sim  float64
	w    float64 // the heaviest list weight involved
	post []int32
	// run: the entries pair through a run of their tokens that the
	// candidate check cannot name, so their unmatched tokens are not
	// charged. Otherwise the check finds the relation itself (initials)
	// and the postings are only for walking.
	run bool
}

// gain is what a pairing with similarity sim and pair weight pw adds to
// the bound at threshold t: pw*(sim-t), with pw as small as the query
// token alone when the pairing can only lose.
func gain(sim, wq, wl, t float64) float64 {
	if sim >= t {
		return (wq + wl) * (sim - t)
	}
	return wq * (sim - t)
}

// plan prepares the query name for retrieval at threshold t (already
// lowered by the legal bonus).
func (ix *nameIndex) plan(q *names.Name, t float64) *queryPlan {
	p := &queryPlan{}
	// An organisation's name is charged the organisation costs against
	// any list name (calibrateOrgCosts measures pairs where either side is
	// an organisation's).
	unmatchedCost := idxMinUnmatchedCost
	if q.Kind == names.KindOrganization {
		unmatchedCost = idxOrgUnmatchedCost
	}
	for ti, tok := range q.Tokens {
		if tok.Kind == names.LegalForm || tok.Kind == names.Stop || tok.Text == "" {
			continue
		}
		if len(p.units) == idxMaxQueryTokens {
			break
		}
		u := idxUnit{tok: tok, ti: ti, w: ix.weight(tok.Text, tok.Kind),
			runes: utf8.RuneCountInString(tok.Text), krunes: utf8.RuneCountInString(tok.Key)}
		u.unm = -unmatchedCost * t * u.w
		u.ksig, u.ksig2 = keySig2(tok.Key)
		near := ix.unitHits(&u, q.Kind != names.KindOrganization)
		u.hits = near.hits
		for _, x := range near.joins {
			x.unit = len(p.units)
			p.extra = append(p.extra, x)
		}
		p.units = append(p.units, u)
	}
	ui := len(p.units)
	// Query runs: the engine's joined runs of 2-3 adjacent tokens, and
	// acronyms.
	var unitOf [idxMaxQueryTokens * 8]int8
	for i := range unitOf {
		unitOf[i] = -1
	}
	for i := range p.units {
		if ti := p.units[i].ti; ti < len(unitOf) {
			unitOf[ti] = int8(i)
		}
	}
	q.Joins(func(j names.Join) {
		if j.Last >= len(unitOf) || unitOf[j.First] < 0 || unitOf[j.Last] < 0 {
			return
		}
		from, to := int(unitOf[j.First]), int(unitOf[j.Last])
		w := 0.0
		for k := from; k <= to; k++ {
			w = max(w, p.units[k].w)
		}
		var hits []idxHit
		if j.Number {
			// A run with a number meets only a number token of the same
			// letters and digits ("CETC 13", "CETC13").
			if k, ok := ix.byKey[j.Key]; ok {
				for _, r := range ix.keys[k].refs {
					if ix.terms[r.term].kind == names.Number && !r.surface {
						hits = append(hits, idxHit{r.term, idxKeyEqualSim})
					}
				}
			}
		} else {
			// Not cached: the search costs about as much as the cache
			// would, and the runs of words are too many to keep.
			hits = ix.keyNeighbours(j.Key, idxMinJoinSim, false, nil)
		}
		if len(hits) > 0 {
			p.runs = append(p.runs, idxRun{from: from, n: to - from + 1, w: w, hits: hits})
		}
	})
	for i := 0; i < ui; i++ {
		var acr []rune
		w := 0.0
		for k := i; k < ui && k < i+6; k++ {
			tk := p.units[k].tok
			if tk.Kind != names.Word && tk.Kind != names.Initial {
				break
			}
			r, _ := utf8.DecodeRuneInString(tk.Text)
			acr = append(acr, r)
			w = max(w, p.units[k].w)
			if len(acr) >= 2 {
				if id, ok := ix.byText[string(acr)]; ok && ix.terms[id].kind == names.Word {
					p.runs = append(p.runs, idxRun{from: i, n: len(acr), w: w, hits: []idxHit{{id, idxAcronymSim}}, acronym: true})
				}
			}
		}
	}
	// List-side acronyms and initials, per query token.
	for i := range p.units {
		u := &p.units[i]
		tok := u.tok
		switch tok.Kind {
		case names.Word:
			// A list acronym spells this word.
			if n := u.runes; n >= 2 && n <= 6 {
				if post, ok := ix.acronyms[tok.Text]; ok {
					p.extra = append(p.extra, idxExtra{unit: i, sim: idxAcronymSim, w: 1, post: post, run: true})
				}
			}
			// A list initial of the word's first letter.
			for _, id := range ix.initialTerms[tok.Text[0]] {
				u.hits = append(u.hits[:len(u.hits):len(u.hits)], idxHit{id, idxInitialSim})
			}
		case names.Number:
			// A list run of a word and a number written apart ("CETC
			// 13") for letters and digits written together: entries
			// holding both halves.
			p.extra = ix.numberSplits(p.extra, i, tok.Text)
		case names.Initial:
			// A list word of the initial's letter: checked per candidate,
			// walked when needed.
			p.initials = append(p.initials, i)
			if post, ok := ix.wordsOf[tok.Text[0]]; ok {
				p.extra = append(p.extra, idxExtra{unit: i, sim: idxInitialSim, w: 1, post: post})
			}
		}
	}
	return p
}

// numberSplits adds, for query unit i, a number token of letters and
// digits (text), the entries holding two tokens that spell it written
// apart ("cetc" and "13" for "cetc13").
func (ix *nameIndex) numberSplits(dst []idxExtra, i int, text string) []idxExtra {
	for c := 1; c < len(text); c++ {
		h, hok := ix.byText[text[:c]]
		tl, tok := ix.byText[text[c:]]
		if !hok || !tok {
			continue
		}
		if both := intersectPosts(ix.terms[h].post, ix.terms[tl].post); len(both) > 0 {
			dst = append(dst, idxExtra{unit: i, sim: idxKeyEqualSim, w: 1, post: both, run: true})
		}
	}
	return dst
}

// intersectPosts returns the entries in both ascending lists.
func intersectPosts(a, b []int32) []int32 {
	var out []int32
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) > 16*len(a) {
		// Much longer: search it for each entry of the shorter.
		for _, e := range a {
			k, found := slices.BinarySearch(b, e)
			if found {
				out = append(out, e)
			}
			b = b[k:]
		}
		return out
	}
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			out = append(out, a[0])
			a, b = a[1:], b[1:]
		}
	}
	return out
}

// unitHits returns every list term a query token can pair with, with an
// upper bound of the similarity the engine gives the pair.
func (ix *nameIndex) unitHits(u *idxUnit, personScan bool) idxNear {
	tok := u.tok
	ck := string(rune('0'+tok.Kind)) + "\x00" + tok.Text + "\x00" + tok.Key
	if personScan {
		ck += "\x00p"
	}
	if tok.InHan() {
		ck += "\x00h" + tok.Orig // one pinyin, several spellings in Han
	}
	if v, ok := ix.cache.get(ck); ok {
		return v
	}
	han := tok.HanChars()
	var hits []idxHit
	var spelt []int32 // spellings of joined runs found (runsSpelt)
	if id, ok := ix.byText[tok.Text]; ok {
		hits = append(hits, idxHit{id, 1})
	}
	switch tok.Kind {
	case names.Word:
		near := ix.keyNeighbours(tok.Text, idxMinPairSim, true, nil)
		if tok.Key != "" && tok.Key != tok.Text {
			near = ix.keyNeighbours(tok.Key, idxMinPairSim, true, near)
		}
		if strings.IndexByte(tok.Text, 'j') >= 0 {
			near = ix.keyNeighbours(names.KeyZh(tok.Text), idxMinPairSim, true, near)
		}
		for _, h := range near {
			if h.term < 0 {
				spelt = append(spelt, -1-h.term)
			} else if ix.terms[h.term].kind == names.Word {
				hits = append(hits, h)
			}
		}
		// Han script: the list words whose Han forms are near, by
		// character.
		if han != nil {
			hits = ix.han.near(han, hits)
		}
		// Truncations: the query abbreviates a list word, or a list word
		// abbreviates the query.
		if len(tok.Text) >= 4 && hasSpellBit(ix.prefixBits, spellHash(tok.Text)) {
			lo := sort.Search(len(ix.sorted), func(i int) bool { return ix.terms[ix.sorted[i]].text >= tok.Text })
			for i := lo; i < len(ix.sorted); i++ {
				t := ix.sorted[i]
				if !strings.HasPrefix(ix.terms[t].text, tok.Text) {
					break
				}
				if len(ix.terms[t].text) >= len(tok.Text)+3 {
					hits = append(hits, idxHit{t, idxPrefixSim})
				}
			}
		}
		h := uint64(0)
		for l := 1; l+3 <= len(tok.Text); l++ {
			h = h*idxSpellMul + uint64(tok.Text[l-1])
			if l < 4 || !hasSpellBit(ix.spellBits, h) {
				continue
			}
			if id, ok := ix.byText[tok.Text[:l]]; ok && ix.terms[id].kind == names.Word {
				hits = append(hits, idxHit{id, idxPrefixSim})
			}
		}
		// Given names of one group pair in persons' names.
		if g := names.GivenNameGroup(tok.Text); personScan && g != 0 {
			for _, id := range ix.givenTerms[g] {
				hits = append(hits, idxHit{id, names.NicknameSim})
			}
		}
	case names.Particle:
		if k, ok := ix.byKey[tok.Key]; ok {
			for _, r := range ix.keys[k].refs {
				if ix.terms[r.term].kind == names.Particle && ix.terms[r.term].text != tok.Text && !r.surface {
					hits = append(hits, idxHit{r.term, idxParticleSim})
				}
			}
		}
	}
	// Keep the best similarity per term.
	slices.SortFunc(hits, func(a, b idxHit) int {
		if a.term != b.term {
			return int(a.term - b.term)
		}
		if a.sim > b.sim {
			return -1
		}
		if a.sim < b.sim {
			return 1
		}
		return 0
	})
	hits = slices.CompactFunc(hits, func(a, b idxHit) bool { return a.term == b.term })
	v := idxNear{hits: hits}
	if tok.Kind == names.Word && u.runes >= 2 {
		// A list run of two or three tokens, joined, is near this word:
		// unless both ends were misspelt, the run's first or last token
		// is a prefix or suffix of the word's text or key.
		var found []int32
		v.joins, found = ix.runsSpelt(nil, 0, u, spelt, found)
		v.joins, found = ix.splitHits(v.joins, 0, u, tok.Text, found)
		if tok.Key != "" && tok.Key != tok.Text {
			v.joins, _ = ix.splitHits(v.joins, 0, u, tok.Key, found)
		}
	}
	ix.cache.put(ck, v)
	return v
}

// idxScratch is the per-query working memory of retrieval.
type idxScratch struct {
	// reached has bit e set when entry e was reached in this query, and
	// ent[e].slot is then its candidate; the bits, a few kilobytes, stay
	// in cache while most postings walked are of entries never reached.
	reached []uint64
	ent     []idxScratchEnt
	terms   termSlots // per term met: its row of tgains
	cands   []idxCand
	extra   [][idxMaxQueryTokens]float32
	tgains  []idxTermGain
	items   []idxItem
	keep    []int32 // the candidates the bound from the walk keeps
	// spans: per candidate kept, where its entry's tokens are in entTok.
	spans [][2]int32
	// pass: the entries the check passes, and names their names.
	pass  []int32
	names []*names.Name
}

// idxScratchEnt is, per entry, its candidate in the query and a copy of
// its weight (nameIndex.entW), read together when the entry is reached.
type idxScratchEnt struct {
	slot int32
	w    float32
}

// idxCand is an entry reached by the walk, with the gains that reached it
// through runs the candidate check cannot see.
type idxCand struct {
	entry int32
	run   bool
	exact bool // the entry has the query's normalised form (passed already)
	// What the items walked give the entry: units reached (bits), the
	// gains above each unit's floor (summed over items), the entry's list
	// weight they leave unpaired, and whether some pair through a run.
	mask     uint32
	acc      float32
	unpaired float32
	anyRun   bool
	// extra: the row of s.extra holding the gains that reached the
	// entry through runs, or -1 for none (most entries).
	extra int32
}

// idxItem is a relation that can reach entries, for choosing what to walk.
type idxItem struct {
	g       float64 // the gain it gives each query token it serves
	from, n int     // the query tokens it serves
	post    []int32
	// wl is the weight of the list token it pairs; anyRun: the entries it
	// reaches may pair through tokens the item does not name (list runs,
	// a query initial), so their unpaired list weight is unknown.
	wl     float32
	anyRun bool
}

// chooseSkips decides which items the walk leaves out. A name reached by
// no walked item gets from each query token at most b, the larger of the
// token's unmatched cost and the gains of the items left out that serve
// it (the searches return every list token that can pair with it); items
// may be left out while the sum of b stays below zero.
//
// Which items to leave out is a knapsack: each token's items are left out
// lowest gain first, and among the tokens the step that saves the most
// postings for the least rise of the sum goes first, so that common words
// with long postings stay out of the walk when a rare word carries the
// name. Items that serve a run of tokens are then left out, longest
// postings first, while the sum allows.
func (ix *nameIndex) chooseSkips(items []idxItem, units []idxUnit) []bool {
	skipped := make([]bool, len(items))
	var b [idxMaxQueryTokens]float64
	sum := 0.0
	for i := range units {
		b[i] = units[i].unm
		sum += b[i]
	}
	// Each token's single-token items, lowest gain first.
	var byUnit [idxMaxQueryTokens][]int32
	for ii := range items {
		if items[ii].n == 1 {
			byUnit[items[ii].from] = append(byUnit[items[ii].from], int32(ii))
		}
	}
	var level [idxMaxQueryTokens]int
	for i := range units {
		slices.SortFunc(byUnit[i], func(x, y int32) int {
			return cmp.Compare(items[x].g, items[y].g)
		})
	}
	const eps = 1e-6
	for {
		bestU, bestL := -1, 0
		bestRatio, bestD := -1.0, 0.0
		for i := range units {
			saved := 0
			for l := level[i]; l < len(byUnit[i]); l++ {
				it := &items[byUnit[i][l]]
				saved += len(it.post)
				d := max(b[i], it.g) - b[i]
				if sum+d >= -eps {
					break
				}
				ratio := float64(saved) / max(d, 1e-12)
				if ratio > bestRatio {
					bestU, bestL, bestRatio, bestD = i, l, ratio, d
				}
			}
		}
		if bestU < 0 {
			break
		}
		for l := level[bestU]; l <= bestL; l++ {
			skipped[byUnit[bestU][l]] = true
		}
		b[bestU] = max(b[bestU], items[byUnit[bestU][bestL]].g)
		level[bestU] = bestL + 1
		sum += bestD
	}
	var runs []int32
	for ii := range items {
		if items[ii].n > 1 {
			runs = append(runs, int32(ii))
		}
	}
	slices.SortFunc(runs, func(x, y int32) int { return len(items[y].post) - len(items[x].post) })
	for _, ii := range runs {
		it := &items[ii]
		d := 0.0
		for k := it.from; k < it.from+it.n; k++ {
			d += max(b[k], it.g) - b[k]
		}
		if sum+d >= -eps {
			continue
		}
		sum += d
		for k := it.from; k < it.from+it.n; k++ {
			b[k] = max(b[k], it.g)
		}
		skipped[ii] = true
	}
	return skipped
}

// idxTermGain is what a list term can give each query unit, once checked
// against every unit.
type idxTermGain struct {
	g       [idxMaxQueryTokens]float32
	any     bool // the term can pair with some unit
	checked bool // spelling, initials and runs were checked
}

const idxNoGain = -1e9

// termSlots maps the list terms a query meets to their rows of the
// query's term gains: a table open-addressed by term, sized to the terms
// met (a few kilobytes), that stays in cache where an array over all
// terms would miss on nearly every one.
type termSlots struct {
	tab   []uint64 // (term+1)<<32 | row, 0 when free
	used  []int32  // the positions filled, to free them after the query
	shift uint32   // 32 - log2(len(tab))
}

// pos is where term's search of the table starts.
func (m *termSlots) pos(term uint32) uint32 {
	return term * 0x9e3779b1 >> m.shift
}

// slot returns term's row, adding it as row next when it has none; added
// tells which.
func (m *termSlots) slot(term int32, next int32) (row int32, added bool) {
	if 2*(len(m.used)+1) > len(m.tab) {
		m.grow()
	}
	i, found := m.probe(term)
	if found {
		return int32(uint32(m.tab[i])), false
	}
	m.tab[i] = uint64(uint32(term)+1)<<32 | uint64(uint32(next))
	m.used = append(m.used, int32(i))
	return next, true
}

// find returns term's row, if it has one.
func (m *termSlots) find(term int32) (row int32, ok bool) {
	if len(m.tab) == 0 {
		return 0, false
	}
	i, found := m.probe(term)
	if !found {
		return 0, false
	}
	return int32(uint32(m.tab[i])), true
}

// probe returns the position of term in the table (found), or the free
// position where it would go. The table must have a free position.
func (m *termSlots) probe(term int32) (i uint32, found bool) {
	mask := uint32(len(m.tab) - 1)
	key := uint64(uint32(term)+1) << 32
	for i = m.pos(uint32(term)); ; i = (i + 1) & mask {
		switch e := m.tab[i]; {
		case e == 0:
			return i, false
		case e&^(1<<32-1) == key:
			return i, true
		}
	}
}

// grow doubles the table (at least 256 positions), keeping its terms.
func (m *termSlots) grow() {
	old := m.tab
	m.tab = make([]uint64, max(256, 2*len(old)))
	m.shift = uint32(32 - bits.TrailingZeros(uint(len(m.tab))))
	m.used = m.used[:0]
	mask := uint32(len(m.tab) - 1)
	for _, e := range old {
		if e == 0 {
			continue
		}
		i := m.pos(uint32(e>>32) - 1)
		for m.tab[i] != 0 {
			i = (i + 1) & mask
		}
		m.tab[i] = e
		m.used = append(m.used, int32(i))
	}
}

// reset frees every position.
func (m *termSlots) reset() {
	for _, i := range m.used {
		m.tab[i] = 0
	}
	m.used = m.used[:0]
}

func (ix *nameIndex) scratch() *idxScratch {
	s, _ := ix.scratches.Get().(*idxScratch)
	if s == nil {
		s = &idxScratch{
			reached: make([]uint64, (len(ix.entries)+63)/64),
			ent:     make([]idxScratchEnt, len(ix.entries)),
		}
		for e, w := range ix.entW {
			s.ent[e].w = w
		}
	}
	s.terms.reset()
	// Clear the bits of the last query's candidates; when they are many,
	// clearing the whole bitset (a memclr of a few kilobytes) costs less.
	if len(s.cands) > len(s.reached)/8 {
		clear(s.reached)
	} else {
		for i := range s.cands {
			s.reached[uint32(s.cands[i].entry)>>6] = 0
		}
	}
	s.cands = s.cands[:0]
	s.pass = s.pass[:0]
	s.extra = s.extra[:0]
	s.tgains = s.tgains[:0]
	return s
}

// idxFilterWalkPerCand is how many postings the walk of the relations
// left out may read per entry reached, to spare the candidate check of
// the entries it rules out. Timed alone, a posting costs about 4 ns and a
// check 150 ns; timed within whole queries, 80 screens about 5% faster at
// the median than 32, and 250 no faster than 80 (side by side, six rounds
// each): the check's reads of list tokens miss the cache, the walk's
// mostly do not.
const idxFilterWalkPerCand = 80

// itemReach is what item it gives each entry it reaches: the units it
// serves (bits) and its gains above their floors (floor: each query
// unit's gain when unmatched), summed.
func itemReach(it *idxItem, floor *[idxMaxQueryTokens]float32) (mask uint32, inc float32) {
	for k := it.from; k < it.from+it.n; k++ {
		mask |= 1 << k
		inc += max(0, float32(it.g)-floor[k])
	}
	return mask, inc
}

// walk records what item it gives the entries of its postings, the
// entries not yet reached becoming candidates. The loop makes no call, so
// that its state stays in registers.
func (s *idxScratch) walk(it *idxItem, floor *[idxMaxQueryTokens]float32) {
	mask, inc := itemReach(it, floor)
	reached, ent := s.reached, s.ent
	wl, anyRun := it.wl, it.anyRun
	cands := slices.Grow(s.cands, len(it.post))
	n := len(cands)
	cands = cands[:cap(cands)]
	for _, e := range it.post {
		w, bit := uint32(e)>>6, uint64(1)<<(uint32(e)&63)
		var c *idxCand
		if reached[w]&bit == 0 {
			reached[w] |= bit
			se := &ent[e]
			se.slot = int32(n)
			c = &cands[n]
			*c = idxCand{entry: e, extra: -1, unpaired: se.w}
			n++
		} else {
			c = &cands[ent[e].slot]
		}
		c.mask |= mask
		c.acc += inc
		c.unpaired -= wl
		if anyRun {
			c.anyRun = true
		}
	}
	s.cands = cands[:n]
}

// walkReached is walk over the entries already reached only: the others
// are passed over.
func (s *idxScratch) walkReached(it *idxItem, floor *[idxMaxQueryTokens]float32) {
	mask, inc := itemReach(it, floor)
	reached, ent, cands := s.reached, s.ent, s.cands
	wl, anyRun := it.wl, it.anyRun
	for _, e := range it.post {
		if reached[uint32(e)>>6]&(1<<(uint32(e)&63)) == 0 {
			continue
		}
		c := &cands[ent[e].slot]
		c.mask |= mask
		c.acc += inc
		c.unpaired -= wl
		if anyRun {
			c.anyRun = true
		}
	}
}

// termGain records that term can give unit the gain g.
func (s *idxScratch) termGain(term int32, unit int, g float64) {
	tg := s.termEntry(term)
	tg.any = true
	if gf := float32(g); gf > tg.g[unit] {
		tg.g[unit] = gf
	}
}

// termEntry returns term's row of tgains, adding it when the query has
// not met the term yet.
func (s *idxScratch) termEntry(term int32) *idxTermGain {
	row, added := s.terms.slot(term, int32(len(s.tgains)))
	if added {
		var tg idxTermGain
		for i := range tg.g {
			tg.g[i] = idxNoGain
		}
		s.tgains = append(s.tgains, tg)
	}
	return &s.tgains[row]
}

// candidates calls fn for every entry that the bound does not rule out at
// threshold t (already lowered by the legal bonus), in no particular order.
// Entries with the query's normalised form are always included.
//
// Retrieval walks the postings of the relations (list terms near a query
// token, runs, acronyms, initials) that a name needs to reach t: those of
// small gain are left out while the gains left out, together with the
// unmatched costs of the other query tokens, stay below zero. When it
// costs less than checking them, the relations left out are walked too
// over the entries reached, and an entry whose relations cannot reach t
// (query tokens no relation pairs, list weight none pairs) is dropped.
// Each entry left is then checked token by token: every query token gets
// the best gain one of the entry's tokens can give it, unmatched tokens on
// either side cost what the engine charges at least (more when both sides
// keep some), and the entry is scored only when the sum can reach zero.
func (ix *nameIndex) candidates(q *names.Name, t float64, fn func(entry int32)) {
	p := ix.plan(q, t)
	s := ix.scratch()
	defer ix.scratches.Put(s)
	units := p.units
	// Term-level gains, for the candidate check.
	for i := range units {
		u := &units[i]
		for _, h := range u.hits {
			s.termGain(h.term, i, gain(float64(h.sim), u.w, ix.terms[h.term].w, t))
		}
	}
	for _, r := range p.runs {
		for _, h := range r.hits {
			g := max(0, gain(float64(h.sim), r.w, ix.terms[h.term].w, t))
			for k := r.from; k < r.from+r.n; k++ {
				s.termGain(h.term, k, g)
			}
		}
	}
	// What to walk. Every relation that can reach an entry is an item
	// with the gain it gives its query tokens; chooseSkips leaves out of
	// the walk what the bound allows.
	items := s.items[:0]
	for i := range units {
		u := &units[i]
		for _, h := range u.hits {
			wl := ix.terms[h.term].w
			items = append(items, idxItem{g: gain(float64(h.sim), u.w, wl, t), from: i, n: 1, post: ix.terms[h.term].post, wl: float32(wl)})
		}
	}
	for _, r := range p.runs {
		for _, h := range r.hits {
			wl := ix.terms[h.term].w
			items = append(items, idxItem{g: max(0, gain(float64(h.sim), r.w, wl, t)), from: r.from, n: r.n, post: ix.terms[h.term].post, wl: float32(wl)})
		}
	}
	for _, x := range p.extra {
		items = append(items, idxItem{g: gain(x.sim, units[x.unit].w, x.w, t), from: x.unit, n: 1, post: x.post, wl: float32(x.w), anyRun: true})
	}
	skipped := ix.chooseSkips(items, units)
	var init [idxMaxQueryTokens]float32
	for i := range units {
		init[i] = float32(units[i].unm)
	}
	// Walk the items chosen. Then, unless that would cost more than
	// checking the entries reached, walk the items left out too, over the
	// entries already reached only: each then knows every relation that
	// reaches it, and most are ruled out without reading their tokens.
	walkedAll, rest := true, 0
	for ii := range items {
		if skipped[ii] {
			walkedAll = false
			rest += len(items[ii].post)
			continue
		}
		s.walk(&items[ii], &init)
	}
	if !walkedAll && rest <= idxFilterWalkPerCand*len(s.cands) {
		walkedAll = true
		for ii := range items {
			if skipped[ii] {
				s.walkReached(&items[ii], &init)
			}
		}
	}
	s.items = items
	// Joined runs and acronyms of list tokens reach entries the token
	// check cannot see through: apply them to every entry reached.
	for _, x := range p.extra {
		if !x.run {
			continue
		}
		g := float32(gain(x.sim, units[x.unit].w, x.w, t))
		for _, e := range x.post {
			if s.reached[uint32(e)>>6]&(1<<(uint32(e)&63)) != 0 {
				c := &s.cands[s.ent[e].slot]
				c.run = true
				if c.extra < 0 {
					c.extra = int32(len(s.extra))
					s.extra = append(s.extra, init)
				}
				s.extra[c.extra][x.unit] = max(s.extra[c.extra][x.unit], g)
			}
		}
	}
	for _, e := range ix.exact[q.Normalized] {
		fn(e)
		if s.reached[uint32(e)>>6]&(1<<(uint32(e)&63)) != 0 {
			s.cands[s.ent[e].slot].exact = true
		}
	}
	tf := float32(t)
	costs := [2]boundCosts{
		newBoundCosts(units, &init, tf, idxMinUnmatchedCost, idxMinConflictCost),
		newBoundCosts(units, &init, tf, idxOrgUnmatchedCost, idxOrgConflictCost),
	}
	orgQuery := q.Kind == names.KindOrganization
	s.keep = s.keep[:0]
	if walkedAll && len(units) > 0 {
		s.keep = boundFilter(s.cands, &costs, ix.orgs, orgQuery, s.keep)
	} else {
		for ci := range s.cands {
			if !s.cands[ci].exact {
				s.keep = append(s.keep, int32(ci))
			}
		}
	}
	// The check reads the tokens of each entry kept: where they are is
	// read first for all of them, so that those reads overlap.
	s.spans = s.spans[:0]
	for _, ci := range s.keep {
		e := s.cands[ci].entry
		s.spans = append(s.spans, [2]int32{ix.entOff[e], ix.entOff[e+1]})
	}
	for k, ci := range s.keep {
		cd := &s.cands[ci]
		bc := &costs[0]
		if orgQuery || ix.orgs[uint32(cd.entry)>>6]&(1<<(uint32(cd.entry)&63)) != 0 {
			bc = &costs[1]
		}
		g := init
		if cd.extra >= 0 {
			g = s.extra[cd.extra]
		}
		var paired [idxMaxQueryTokens]bool
		for i := range units {
			paired[i] = g[i] > float32(units[i].unm)
		}
		// The list weight left unpaired: the tokens no unit can pair,
		// and, as each unit pairs one list token at most (or one run,
		// which leaves the list side uncharged), what exceeds the
		// heaviest token each unit can pair.
		var maxW [idxMaxQueryTokens]float32
		total, pairable := float32(0), float32(0)
		for _, et := range ix.entTok[s.spans[k][0]:s.spans[k][1]] {
			w := et.w
			total += w
			tg := ix.checkTerm(s, p, et.term, t)
			if tg == nil || !tg.any {
				continue
			}
			pairable += w
			for i := range units {
				if tg.g[i] > idxNoGain/2 {
					paired[i] = true
					g[i] = max(g[i], tg.g[i])
					maxW[i] = max(maxW[i], w)
				}
			}
		}
		byUnit := float32(0)
		for i := range units {
			byUnit += maxW[i]
		}
		rB := total - min(pairable, byUnit)
		sum, rA := float32(0), float32(0)
		for i := range units {
			w := float32(units[i].w)
			if paired[i] {
				sum += max(g[i], -tf*bc.m*w)
			} else {
				rA += w
			}
		}
		if cd.run {
			rB = 0
		}
		if bc.charge(sum, rA, rB) >= -1e-4 || len(units) == 0 {
			s.pass = append(s.pass, cd.entry)
		}
	}
	// The names passed are read ahead of scoring, together.
	s.names = s.names[:0]
	for _, e := range s.pass {
		s.names = append(s.names, ix.entries[e].name)
	}
	names.Preload(s.names)
	for _, e := range s.pass {
		fn(e)
	}
}

// boundFilter appends to dst the candidates (by index) that the bound
// from what the walk saw does not rule out, leaving out those already
// passed as exact: the gains above their floors of the relations that
// reached the entry (acc), each unit reached at least its reached charge,
// each unit not reached unmatched, and the list weight no relation paired
// charged unless a run may pair it. Organisations' entries (orgs), or
// all with orgQuery, are charged costs[1], the others costs[0].
func boundFilter(cands []idxCand, costs *[2]boundCosts, orgs []uint64, orgQuery bool, dst []int32) []int32 {
	tab := costs[0].tab
	// The cost class by index, so that choosing it takes no branch (an
	// entry's class is as good as random to the branch predictor).
	all := uint64(0)
	if orgQuery {
		all = 1
	}
	for ci := range cands {
		cd := &cands[ci]
		e := uint32(cd.entry)
		bc := &costs[orgs[e>>6]>>(e&63)&1|all]
		var r, rA float32
		if tab {
			t := &bc.byMask[cd.mask&(1<<idxBoundTabUnits-1)]
			r, rA = t[0], bc.wAll-t[1]
		} else {
			r, rA = bc.sums(cd.mask)
		}
		unpaired := cd.unpaired
		if cd.anyRun {
			unpaired = 0
		}
		if cd.exact || bc.charge(cd.acc+r, rA, unpaired) < -1e-4 {
			continue
		}
		dst = append(dst, int32(ci))
	}
	return dst
}

// boundCosts is what the bound from the walk charges, per query and
// cost class (the engine's least unmatched and conflict costs ce and cc,
// m their least per-token charge): for each unit reached, the least its
// pairing can give (reached), and the weights of the units.
type boundCosts struct {
	reached, w    [idxMaxQueryTokens]float32
	wAll          float32
	tf, ce, cc, m float32
	// byMask[mask]: the sums over the units of mask of reached and of w,
	// for queries of up to idxBoundTabUnits units.
	byMask [1 << idxBoundTabUnits][2]float32
	tab    bool
}

// idxBoundTabUnits is the most query units for which boundCosts
// tabulates its sums by the units reached.
const idxBoundTabUnits = 6

func newBoundCosts(units []idxUnit, floor *[idxMaxQueryTokens]float32, tf float32, ce, cc float64) boundCosts {
	b := boundCosts{tf: tf, ce: float32(ce), cc: float32(cc)}
	b.m = min(b.ce, 2*b.cc-b.ce)
	for i := range units {
		w := float32(units[i].w)
		b.w[i] = w
		b.reached[i] = max(floor[i], -tf*b.m*w)
		b.wAll += w
	}
	if b.tab = len(units) <= idxBoundTabUnits; b.tab {
		for mask := 1; mask < 1<<len(units); mask++ {
			i := bits.TrailingZeros32(uint32(mask))
			prev := b.byMask[mask&(mask-1)]
			b.byMask[mask] = [2]float32{prev[0] + b.reached[i], prev[1] + b.w[i]}
		}
	}
	return b
}

// sums returns, for the units of mask, the sum of their reached charges,
// and the weight of the other units: what byMask tabulates, for queries
// of more units.
func (b *boundCosts) sums(mask uint32) (reached, rA float32) {
	rA = b.wAll
	for m := mask; m != 0; m &= m - 1 {
		i := bits.TrailingZeros32(m)
		reached += b.reached[i]
		rA -= b.w[i]
	}
	return reached, rA
}

// charge is acc less what the unpaired weights cost: rA of query units,
// rB of list tokens (each taken as 0 when negative). The pairs of
// unpaired tokens cost 2cc each and the rest ce, so the charge is
// ce(rA+rB) + 2(cc-ce)min(rA,rB). The builtin min and max compile to
// instructions without branches, which the signs and order of rA and rB
// would make unpredictable.
func (b *boundCosts) charge(acc, rA, rB float32) float32 {
	rA, rB = max(rA, 0), max(rB, 0)
	return acc - b.tf*(b.ce*(rA+rB)+2*(b.cc-b.ce)*min(rA, rB))
}

// checkTerm returns what list term tid can give each query unit: the
// gains recorded from the searches, and, checked once per query, what it
// gives the query's initials; nil when it can give none (a term the
// searches did not meet, in a query without initials).
func (ix *nameIndex) checkTerm(s *idxScratch, p *queryPlan, tid int32, t float64) *idxTermGain {
	if len(p.initials) == 0 {
		if row, ok := s.terms.find(tid); ok {
			return &s.tgains[row]
		}
		return nil
	}
	tg := s.termEntry(tid)
	if tg.checked {
		return tg
	}
	tg.checked = true
	term := &ix.terms[tid]
	if term.kind != names.Word {
		return tg
	}
	units := p.units
	set := func(i int, g float64) {
		tg.any = true
		if gf := float32(g); gf > tg.g[i] {
			tg.g[i] = gf
		}
	}
	for _, i := range p.initials {
		if units[i].tok.Text[0] == term.first {
			set(i, gain(idxInitialSim, units[i].w, term.w, t))
		}
	}
	return tg
}
