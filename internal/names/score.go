package names

import (
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultThreshold is the score at and above which two names are taken to
// be the same party. It was chosen on the labelled name-matching benchmark
// (see sanctions/eval_test.go): it maximises F1 on organisations and
// overall without giving up recall on transliterated and abbreviated
// company names.
const DefaultThreshold = 0.79

// Weights tells how informative a normalised token is: near 0 for words
// that occur in many names ("technology", "trading"), up to 1 for rare,
// distinctive ones ("kaspersky"). Implementations must be safe for
// concurrent use.
type Weights interface {
	Weight(token string) float64
}

// Tuning of the score. Each unmatched token costs its weight times
// costExtra when only one side has unmatched tokens (one name says more
// than the other), and costConflict when both do (the names disagree; then
// even a generic word costs at least conflictFloor: "Saudi Arabian Gas" is
// not "Saudi Arabian Oil"). An unmatched number always costs costConflict.
const (
	minPairSim     = 0.62 // per-token similarity below which tokens do not pair
	minJoinSim     = 0.84 // similarity for a run of joined tokens to pair
	costExtraOrg   = 0.55
	costExtraPers  = 0.4
	costConflict   = 1.2
	conflictFloor  = 0.7
	legalBonus     = 0.02
	legalPenalty   = 0.04
	crossPenalty   = 0.02 // persons' names rotated (surname first)
	orderPenalty   = 0.25 // persons' names otherwise reordered
	orgHeadPenalty = 0.2  // organisations whose first distinctive words differ
	// distinctiveWeight is the weight from which a word counts as
	// distinctive (not a business word or a place).
	distinctiveWeight = 0.5
	maxInexact        = 0.99 // the best score for names that are not identical
	keyEqualSim       = 0.95
	acronymSim        = 0.9
	initialSim        = 0.85
	nicknameSim       = 0.88
	prefixSim         = 0.8
	maxFuzzySim       = 0.94
	fuzzyEditGrowth   = 0.1
	// weakEvidenceCap is the highest score of organisations' names whose
	// distinctive words all pair approximately and are short (see
	// isWeakPair): below DefaultThreshold, so that such a pair is shown
	// for review but does not decide a match alone.
	weakEvidenceCap = 0.75
	weakPairLen     = 6
	// surnameCost multiplies the weight of a person's surname left
	// unmatched: a name that leaves the surname out ("Arkady Romanovich"
	// for "Arkady Romanovich Rotenberg") says less than one that leaves
	// out a given name.
	surnameCost = 1.6
	// minPatronymicSim is the least similarity at which a patronymic
	// pairs with a name part that is not one (a misspelled patronymic).
	minPatronymicSim = 0.85
)

// maxContent is the number of compared tokens up to which Score works in
// fixed buffers without allocating, and the longest name for which joined
// runs and acronyms are considered.
const maxContent = 16

// maxCompared is the number of tokens of a name that are compared; no real
// name comes near it, and it bounds the work on hostile input (the
// candidate pairs grow with its square).
const maxCompared = 100

// cand is a candidate pairing of tokens: a[i:i+ni] against b[j:j+nj].
// (It is kept to 16 bytes: Score zeroes a buffer of them for every pair.)
type cand struct {
	i, j   int8
	ni, nj int8
	sim    float64
}

// Pair is one aligned pair of tokens in a Result.
type Pair struct {
	// A and B are the aligned tokens' texts; a token joined from two
	// adjacent ones ("hik"+"vision") shows them separated by "+".
	A string `json:"a"`
	B string `json:"b"`
	// Score is the per-token similarity in [0,1].
	Score float64 `json:"score"`
	// WeightA and WeightB are the tokens' weights.
	WeightA float64 `json:"weight_a"`
	WeightB float64 `json:"weight_b"`
}

// Unmatched is a compared token that found no partner.
type Unmatched struct {
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
}

// Result is a score with its explanation.
type Result struct {
	// Score is the similarity in [0,1]; equal to Score(a, b, w).
	Score float64 `json:"score"`
	// Pairs are the aligned token pairs, best first.
	Pairs []Pair `json:"pairs"`
	// UnmatchedA and UnmatchedB are the compared tokens left over.
	UnmatchedA []Unmatched `json:"unmatched_a,omitempty"`
	UnmatchedB []Unmatched `json:"unmatched_b,omitempty"`
	// LegalA and LegalB are the legal-form classes of the two names, and
	// LegalAdjust what they added to (or took from) the score.
	LegalA      string  `json:"legal_a,omitempty"`
	LegalB      string  `json:"legal_b,omitempty"`
	LegalAdjust float64 `json:"legal_adjust,omitempty"`
	// Mode is "organization" or "person": how the names were compared.
	Mode string `json:"mode"`
	// Reason is a one-line human explanation.
	Reason string `json:"reason"`
}

// Score returns the similarity of two prepared names in [0,1]. Only names
// with identical normalised forms score 1. w may be nil for the built-in
// weights; names weighed with w (Name.Weigh) are scored without looking
// their tokens up in w. Score does not allocate for names of up to 16
// compared tokens.
func Score(a, b *Name, w Weights) float64 {
	return score(a, b, w, nil)
}

// Compare returns the same score as Score with its explanation.
func Compare(a, b *Name, w Weights) Result {
	var r Result
	r.Score = score(a, b, w, &r)
	return r
}

// weightOf returns the weight of a compared token.
func weightOf(t *ctok, w Weights) float64 {
	if w == nil || t.kind != Word {
		return t.w
	}
	x := w.Weight(t.text)
	if math.IsNaN(x) || x < 0 {
		return t.w
	}
	return min(x, 1)
}

// Weigh stores the weight under w of each of n's compared tokens, so that
// Score and Compare, called with n and the same w, take them from n
// instead of asking w for every pair. It changes no score: called with
// any other Weights (or nil), they look the weights up as before. "The
// same" is the same interface value: for an *IDF, the same pointer. A w
// whose value cannot be compared with == is not stored, and Weigh(nil)
// forgets the stored weights.
//
// Weigh modifies n: call it before n is shared between goroutines (for
// list names, once after NewIDF), never while n may be read by Score,
// Compare or another Weigh. (A copy of *n made before is left as it was.)
// The stored weights are a snapshot: if w's weights change afterwards,
// call Weigh again.
func (n *Name) Weigh(w Weights) {
	n.weighedBy = nil
	if w == nil || !reflect.ValueOf(w).Comparable() {
		return
	}
	// The weights live beside the tokens, which Score reads anyway: one
	// cache line fewer per pair than a slice of their own. The tokens are
	// copied first, so that a copy of the Name keeps its own.
	content := slices.Clone(n.content)
	for i := range content {
		content[i].weighed = weightOf(&content[i], w)
	}
	n.content, n.weighedBy = content, w
}

// tokenWeights returns the weights under w of n's compared tokens in buf:
// those stored by Weigh when n was weighed with w, else looked up.
func tokenWeights(n *Name, w Weights, buf []float64) []float64 {
	if n.weighedBy != nil && n.weighedBy == w {
		for i := range n.content {
			buf = append(buf, n.content[i].weighed)
		}
		return buf
	}
	return lookUpWeights(n, w, buf)
}

// lookUpWeights appends to buf the weights under w of n's compared tokens.
func lookUpWeights(n *Name, w Weights, buf []float64) []float64 {
	for i := range n.content {
		buf = append(buf, weightOf(&n.content[i], w))
	}
	return buf
}

// score computes the similarity; when ex is not nil it also fills in the
// explanation.
func score(a, b *Name, w Weights, ex *Result) float64 {
	if a == nil || b == nil {
		return 0
	}
	person := a.Kind == KindPerson || b.Kind == KindPerson ||
		(a.Kind == KindUnknown && b.Kind == KindUnknown && !a.orgLike && !b.orgLike)
	if a.Kind == KindOrganization || b.Kind == KindOrganization {
		person = false
	}
	if ex != nil {
		ex.Mode = "organization"
		if person {
			ex.Mode = "person"
		}
		ex.LegalA, ex.LegalB = a.Legal.String(), b.Legal.String()
	}
	na, nb := len(a.content), len(b.content)
	if na == 0 || nb == 0 {
		if ex != nil {
			ex.Reason = "nothing to compare"
			if a.Normalized != "" && a.Normalized == b.Normalized {
				ex.Reason = "identical normalised names"
			}
		}
		if a.Normalized != "" && a.Normalized == b.Normalized {
			return 1
		}
		return 0
	}
	// The candidates go to a small buffer first: Go zeroes it for every
	// pair, and most pairs have a few candidates or none. The rare pair
	// with more is collected again in a larger buffer.
	var small [16]cand
	cs, ok := collectCands(small[:0], a, b, person, false)
	if !ok {
		var large [96]cand
		if cs, ok = collectCands(large[:0], a, b, person, false); !ok {
			cs, _ = collectCands(nil, a, b, person, true)
		}
	}
	if len(cs) == 0 && ex == nil {
		// Nothing pairs: nothing is matched, and the score below comes
		// to 0 whatever the weights (no adjustment applies to a score
		// of 0). Most pairs a screener scores end here.
		return 0
	}
	var wabuf, wbbuf [maxContent]float64
	wa := tokenWeights(a, w, wabuf[:0])
	wb := tokenWeights(b, w, wbbuf[:0])
	var usedA, usedB [maxContent]bool
	ua, ub := usedFlags(usedA[:], na), usedFlags(usedB[:], nb)
	// Greedy one-to-one assignment, best pairs first; ties go to the
	// heavier pair, then to the earlier tokens (deterministic).
	sortCands(cs, wa, wb)
	var matched, pairCost float64
	var order [maxContent]int8      // order[i] = j+1 of the pair that starts at a's token i
	var pidA, pidB [maxContent]int8 // pair number (from 1) of each token
	npairs := int8(0)
	crossed, twisted := false, false
	lastI, lastJ := -1, -1
	firstPair := true
	distinct, weak := 0, 0 // distinctive pairs, and those of them that are weak
	far := false           // a weak pair is spelled more than one edit apart
	for _, c := range cs {
		i, j, ni, nj := int(c.i), int(c.j), int(c.ni), int(c.nj)
		if anyUsed(ua[i:i+ni]) || anyUsed(ub[j:j+nj]) {
			continue
		}
		wA, wB := 0.0, 0.0
		for k := i; k < i+ni; k++ {
			ua[k] = true
			wA = max(wA, wa[k])
		}
		for k := j; k < j+nj; k++ {
			ub[k] = true
			wB = max(wB, wb[k])
		}
		pw := wA + wB
		if max(wA, wB) >= distinctiveWeight {
			distinct++
			if c.sim < 1 && ni == 1 && nj == 1 && isWeakPair(&a.content[i], &b.content[j]) {
				weak++
				if OSAWithinRunes(a.content[i].txt.r, b.content[j].txt.r, 1) > 1 {
					far = true
				}
			}
		}
		matched += c.sim * pw
		pairCost += (1 - c.sim) * pw
		if !firstPair && (i < lastI) != (j < lastJ) {
			crossed = true
		}
		firstPair = false
		lastI, lastJ = i, j
		if i < maxContent {
			order[i] = int8(j + 1)
		}
		if npairs < math.MaxInt8 {
			npairs++
		}
		for k := i; k < i+ni && k < maxContent; k++ {
			pidA[k] = npairs
		}
		for k := j; k < j+nj && k < maxContent; k++ {
			pidB[k] = npairs
		}
		if ex != nil {
			ex.Pairs = append(ex.Pairs, Pair{
				A: joinedText(a, i, ni), B: joinedText(b, j, nj),
				Score: round4(c.sim), WeightA: round4(wA), WeightB: round4(wB),
			})
		}
	}
	var restA, restB, floorA, floorB, numbers float64
	unmatched := 0
	for i, u := range ua {
		if u {
			continue
		}
		unmatched++
		if a.content[i].kind == Number {
			numbers += wa[i]
		} else {
			uw := wa[i]
			if person && i == int(a.surname) {
				uw *= surnameCost
			}
			restA += uw
			floorA += conflictWeight(&a.content[i], uw)
		}
		if ex != nil {
			ex.UnmatchedA = append(ex.UnmatchedA, Unmatched{a.content[i].text, round4(wa[i])})
		}
	}
	for j, u := range ub {
		if u {
			continue
		}
		unmatched++
		if b.content[j].kind == Number {
			numbers += wb[j]
		} else {
			uw := wb[j]
			if person && j == int(b.surname) {
				uw *= surnameCost
			}
			restB += uw
			floorB += conflictWeight(&b.content[j], uw)
		}
		if ex != nil {
			ex.UnmatchedB = append(ex.UnmatchedB, Unmatched{b.content[j].text, round4(wb[j])})
		}
	}
	if restA > 0 && restB > 0 {
		restA, restB = floorA, floorB
	}
	conflict := min(restA, restB)
	extra := restA + restB - 2*conflict
	costExtra := costExtraOrg
	if person {
		costExtra = costExtraPers
		if na == 1 || nb == 1 || crossKind(a, b) {
			// A lone name part against a fuller name ("George" against
			// "George Bush") is weak evidence, and so is a person's name
			// inside a company's ("Evren Kayakiran Gida Ltd").
			costExtra = costConflict
		}
	}
	denom := matched + pairCost + costConflict*(2*conflict+numbers) + costExtra*extra
	s := 0.0
	if denom > 0 {
		s = matched / denom
	}
	adj := 0.0
	if s > 0 && a.Legal != 0 && b.Legal != 0 && !person {
		switch {
		case a.Legal&b.Legal&^ClassCo != 0 || (a.Legal == ClassCo && b.Legal == ClassCo):
			adj = legalBonus
		case legalConflict(a.Legal, b.Legal):
			adj = -legalPenalty
		}
	}
	base := s
	headMoved := false
	if !person && crossed && na <= maxContent && nb <= maxContent {
		// An organisation's first distinctive word is its brand; when
		// each name's brand aligns with a later word of the other
		// ("Widget Trading Example" against "Example Widget Trading"),
		// the names are built differently.
		ia, jb := firstDistinctive(a, wa), firstDistinctive(b, wb)
		if ia >= 0 && jb >= 0 && pidA[ia] != 0 && pidB[jb] != 0 && pidA[ia] != pidB[jb] {
			headMoved = true
			s = min(s, maxInexact) - orgHeadPenalty
		}
	}
	if person && crossed {
		// Surname first against surname last is a rotation of the name
		// and costs little, and so does a reordering after the given
		// name; any other ("Ahmad bin Hasan" against "Hasan bin Ahmad",
		// father and son) names someone else.
		twisted = !isRotation(order[:min(na, maxContent)]) && !headKept(order[:min(na, maxContent)])
		if twisted {
			s = min(s, maxInexact) - orderPenalty
		} else {
			s -= crossPenalty
		}
	}
	s += adj
	if !person && distinct > 0 && weak == distinct && s > weakEvidenceCap &&
		(far || unmatched > 0) {
		// Every distinctive word agrees only approximately, and each
		// is short; and either one is spelled differently beyond a
		// typo (same sound: "Alpha Bank" against "Alfa-Bank") or the
		// names disagree elsewhere too ("Huawen Trading" against
		// "Huawei"). A short brand one letter or one sound away is as
		// often another company as a misspelling.
		s = weakEvidenceCap
	}
	if s > maxInexact {
		s = maxInexact
	}
	if s < 0 || math.IsNaN(s) {
		s = 0
	}
	if base >= 1 && a.Normalized == b.Normalized {
		s = 1
	}
	if ex != nil {
		ex.LegalAdjust = adj
		ex.Reason = reason(a, b, s, ex, person && crossed, twisted || headMoved)
	}
	return s
}

// isWeakPair reports whether an approximate pair of words is weak evidence
// that two organisations are one: both words are short (at most
// weakPairLen letters), so that one edit or one folded sound is a large
// part of them. Han characters are compared by character and are never
// weak in this sense.
func isWeakPair(x, y *ctok) bool {
	return x.kind == Word && y.kind == Word && x.han == nil && y.han == nil &&
		len(x.txt.r) <= weakPairLen && len(y.txt.r) <= weakPairLen
}

// isRotation reports whether the aligned tokens keep their order up to a
// rotation: order[i] is 1 + the position in the other name of the token
// aligned with token i (0 for unaligned); reading the aligned positions in
// order, they may fall back at most once, and then not past the first.
func isRotation(order []int8) bool {
	first, prev, drops := int8(0), int8(0), 0
	for _, o := range order {
		if o == 0 {
			continue
		}
		if first == 0 {
			first, prev = o, o
			continue
		}
		if o < prev {
			drops++
		}
		if drops > 0 && o > first {
			return false
		}
		prev = o
	}
	return drops <= 1
}

// crossKind reports whether a person's name is compared with an
// organisation's.
func crossKind(a, b *Name) bool {
	return a.Kind == KindPerson && b.Kind != KindPerson && b.orgLike ||
		b.Kind == KindPerson && a.Kind != KindPerson && a.orgLike
}

// firstDistinctive returns the index of a name's first word that weighs
// at least distinctiveWeight, or -1.
func firstDistinctive(n *Name, w []float64) int {
	for i := range n.content {
		if n.content[i].kind == Word && w[i] >= distinctiveWeight {
			return i
		}
	}
	return -1
}

// headKept reports whether the first aligned tokens of both names are
// aligned with each other: the given name stays first and only later
// parts moved ("Reinaldo Gregorio Lenin" against "Reinaldo Lenin
// Gregorio").
func headKept(order []int8) bool {
	first, least := int8(0), int8(math.MaxInt8)
	for _, o := range order {
		if o == 0 {
			continue
		}
		if first == 0 {
			first = o
		}
		least = min(least, o)
	}
	return first != 0 && first == least
}

// usedFlags returns n flags, all false: buf's when it is long enough.
func usedFlags(buf []bool, n int) []bool {
	if n <= len(buf) {
		return buf[:n]
	}
	return make([]bool, n)
}

// anyUsed reports whether any token of a run is already aligned.
func anyUsed(u []bool) bool {
	for _, x := range u {
		if x {
			return true
		}
	}
	return false
}

// conflictWeight is what an unmatched token costs when both names have
// unmatched tokens: at least conflictFloor for words.
func conflictWeight(t *ctok, w float64) float64 {
	if t.kind == Word || t.kind == Initial {
		return max(w, conflictFloor)
	}
	return w
}

// collectCands appends to cs the candidate pairings of a's and b's
// tokens, in a fixed order: pairs of single tokens that reach minPairSim,
// then runs of a's tokens against b's, then runs of b's against a's.
// Unless grow is set, it appends only up to the capacity of cs: when more
// candidates would follow, it stops and reports false (the caller collects
// again with more room).
func collectCands(cs []cand, a, b *Name, person, grow bool) ([]cand, bool) {
	for i := range a.content {
		x := &a.content[i]
		for j := range b.content {
			if s := tokenSim(x, &b.content[j], person); s >= minPairSim {
				if len(cs) == cap(cs) && !grow {
					return cs, false
				}
				cs = append(cs, cand{i: int8(i), j: int8(j), ni: 1, nj: 1, sim: s})
			}
		}
	}
	cs, ok := runCands(cs, a, b, false, person, grow)
	if !ok {
		return cs, false
	}
	return runCands(cs, b, a, true, person, grow)
}

// runCands adds the candidates in which a run of x's tokens (joined, or as
// an acronym) pairs with one token of y. When swap is set, x is the second
// name of the comparison and the candidates are built the other way round.
// Unless grow is set, it reports false when cs has no room for them.
func runCands(cs []cand, x, y *Name, swap, person, grow bool) ([]cand, bool) {
	full := false
	add := func(xi, xn, yj int, s float64) {
		c := cand{i: int8(xi), j: int8(yj), ni: int8(xn), nj: 1, sim: s}
		if swap {
			c = cand{i: int8(yj), j: int8(xi), ni: 1, nj: int8(xn), sim: s}
		}
		if len(cs) == cap(cs) && !grow {
			full = true
			return
		}
		cs = append(cs, c)
	}
	if len(x.content) > maxContent || len(y.content) > 127 {
		return cs, true
	}
	if r, t := &x.runs, &y.runs; r.joinNear&t.wordKeys == 0 && r.numJoins&t.numKeys == 0 &&
		r.acros&t.wordTexts == 0 {
		return cs, true // nothing below can pair (see runSig)
	}
	for _, jt := range x.joins {
		for j := range y.content {
			if jt.num {
				// Letters and digits written apart against written
				// together: the same characters or nothing.
				if t := &y.content[j]; t.kind == Number && slices.Equal(jt.key.r, t.key.r) {
					add(int(jt.i), int(jt.n), j, keyEqualSim)
				}
				continue
			}
			if y.content[j].kind != Word {
				continue
			}
			if !lenNear(jt.key, y.content[j].key) {
				continue // keySim is 0
			}
			if s := keySimNear(jt.key, y.content[j].key, minJoinSim); s >= minJoinSim {
				add(int(jt.i), int(jt.n), j, s)
			}
		}
	}
	for _, ac := range x.acros {
		if person && int(ac.n) >= len(x.content) {
			continue // a person's whole name is not matched by its initials
		}
		for j := range y.content {
			t := &y.content[j]
			if t.kind == Word && slices.Equal(t.txt.r, ac.key.r) {
				add(int(ac.i), int(ac.n), j, acronymSim)
			}
		}
	}
	return cs, !full
}

// legalConflict reports whether two sets of legal-form classes name
// different kinds of entity. "Co" is compatible with everything, and
// corporations with both private and joint-stock companies (translations
// use them loosely).
func legalConflict(x, y LegalClass) bool {
	x &^= ClassCo | ClassCorp
	y &^= ClassCo | ClassCorp
	return x != 0 && y != 0 && x&y == 0
}

// sortCands orders candidates by similarity, then weight, then position,
// with an insertion sort that does not allocate for the usual short lists.
func sortCands(cs []cand, wa, wb []float64) {
	if len(cs) > 64 {
		slices.SortFunc(cs, func(p, q cand) int { return compareCands(p, q, wa, wb) })
		return
	}
	for k := 1; k < len(cs); k++ {
		for m := k; m > 0 && compareCands(cs[m], cs[m-1], wa, wb) < 0; m-- {
			cs[m], cs[m-1] = cs[m-1], cs[m]
		}
	}
}

// compareCands orders two candidates: higher similarity first, then
// heavier (the weights of the first tokens of each side), then earlier.
func compareCands(p, q cand, wa, wb []float64) int {
	if p.sim != q.sim {
		if p.sim > q.sim {
			return -1
		}
		return 1
	}
	if pw, qw := wa[p.i]+wb[p.j], wa[q.i]+wb[q.j]; pw != qw {
		if pw > qw {
			return -1
		}
		return 1
	}
	if p.i != q.i {
		return int(p.i) - int(q.i)
	}
	return int(p.j) - int(q.j)
}

// tokenSim is the similarity of two compared tokens in [0,1].
func tokenSim(x, y *ctok, person bool) float64 {
	if x.han != nil && y.han != nil {
		// Two names in Han script: compare the characters, each a
		// syllable; the same reading of different characters is a
		// different name (高市 is not 高石).
		return hanSim(*x.han, *y.han)
	}
	if x.text == y.text {
		return 1
	}
	if x.kind == Number || y.kind == Number {
		return 0 // numbers agree exactly or not at all
	}
	if x.kind == Particle || y.kind == Particle {
		if x.kind == y.kind && slices.Equal(x.key.r, y.key.r) {
			return 0.9
		}
		return 0
	}
	if x.kind == Initial || y.kind == Initial {
		if x.first == y.first && (x.kind == Word || y.kind == Word) {
			return initialSim
		}
		return 0
	}
	if person && x.given != 0 && x.given == y.given {
		return nicknameSim
	}
	if len(x.txt.r) < 4 || len(y.txt.r) < 4 {
		// Short tokens are compared as spelled: their keys fold too
		// much ("DJ" and "DJI" share one).
		if !lenNear(x.txt, y.txt) {
			return 0
		}
		return textSimNear(x.txt, y.txt, minPairSim)
	}
	s := 0.0
	if lenNear(x.key, y.key) {
		s = keySimNear(x.key, y.key, minPairSim)
	}
	if x.alt != nil || y.alt != nil {
		// One of them has a j: try it as zh (Joukov, Zhukov).
		xa, ya := x.key, y.key
		if x.alt != nil {
			xa = *x.alt
		}
		if y.alt != nil {
			ya = *y.alt
		}
		s = max(s, keySim(xa, ya, max(s, minPairSim)))
	}
	if s < maxFuzzySim && !(x.plain && y.plain) && lenNear(x.txt, y.txt) {
		// (When both texts are their keys, the text comparison repeats
		// the key comparison above with a floor at least as high: it
		// cannot exceed s. Without lenNear, it is 0.)
		s = max(s, textSimNear(x.txt, y.txt, max(s, minPairSim)))
	}
	if !person && s < prefixSim && x.han == nil && y.han == nil {
		// An abbreviation by truncation ("Elec" for "Electric"), unless
		// the short token is a word of its own ("Bank" is not
		// "Banking").
		if isAbbrevOf(x.text, y.text) || isAbbrevOf(y.text, x.text) {
			return prefixSim
		}
	}
	if x.patr != y.patr && s < minPatronymicSim {
		// A patronymic against a name part that is not one: a surname
		// built on the same root ("Romanov" against "Romanovich") is
		// another name, unless the two differ by a typo only.
		return 0
	}
	return s
}

// hanSim compares Han characters: one differing character in three is a
// different name.
func hanSim(x, y []rune) float64 {
	if string(x) == string(y) {
		return 1
	}
	return HanEditSim(OSAWithinRunes(x, y, max(len(x), len(y))), max(len(x), len(y)))
}

// HanEditSim is the similarity of two different Han character strings at
// edit distance d (optimal string alignment, by character), the longer of
// n characters.
func HanEditSim(d, n int) float64 {
	return max(0, 1-float64(d)/float64(n)-0.1)
}

// isAbbrevOf reports whether short is a truncation of long of at least four
// letters that leaves at least three more, and not a business word of its
// own.
func isAbbrevOf(short, long string) bool {
	if len(short) < 4 || len(long) < len(short)+3 || !strings.HasPrefix(long, short) {
		return false
	}
	_, word := genericWeights[short]
	return !word
}

// spell is a token's key or text prepared for fuzzy comparison: its
// runes and a bit set of the letters it contains.
type spell struct {
	r    []rune
	mask uint64
}

// letterMask sets one bit per distinct letter: a-z and A-Z (the key's
// placeholders) have their own bits, other runes share bits by value.
func letterMask(rs []rune) uint64 {
	var m uint64
	for _, c := range rs {
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= 'A' && c <= 'Z':
			m |= 1 << (26 + c - 'A')
		default:
			m |= 1 << (52 + uint(c)%12)
		}
	}
	return m
}

// fuzzySim turns an edit distance into a similarity: each further edit
// costs more than the first (one typo is common; several edits usually
// make another name).
func fuzzySim(d, long int) float64 {
	return 1 - float64(d)*(1+fuzzyEditGrowth*float64(d-1))/float64(long)
}

// keySim compares two spellings: equal ones score keyEqualSim; otherwise a
// similarity from the edit distance (with transpositions), strict for short
// keys. It returns 0 early when the result cannot reach floor: the distance
// is at least the difference in length and at least the number of letters
// one spelling has that the other lacks.
func keySim(x, y spell, floor float64) float64 {
	if !lenNear(x, y) {
		return 0
	}
	return keySimNear(x, y, floor)
}

// lenNear reports whether two spellings are non-empty and differ in
// length by at most maxEditsAny. keySim of spellings that are not is 0:
// they are more edits apart than maxEdits allows at any length. Callers
// in loops test it before calling keySimNear (it is inlined, keySim is
// not).
func lenNear(x, y spell) bool {
	d := len(x.r) - len(y.r)
	return len(x.r) > 0 && len(y.r) > 0 && d <= maxEditsAny && d >= -maxEditsAny
}

// keySimNear is keySim for spellings for which lenNear holds.
func keySimNear(x, y spell, floor float64) float64 {
	lx, ly := len(x.r), len(y.r)
	if x.mask == y.mask && slices.Equal(x.r, y.r) {
		return keyEqualSim
	}
	short, long := min(lx, ly), max(lx, ly)
	if short < 3 || long-short > long/2 || long > maxFuzzyLen {
		return 0
	}
	lb := max(long-short, bits.OnesCount64(x.mask&^y.mask), bits.OnesCount64(y.mask&^x.mask))
	if lb == 0 {
		lb = 1 // they differ
	}
	if lb > maxEdits(long) || min(fuzzySim(lb, long), maxFuzzySim) < floor {
		return 0
	}
	d := OSAWithinRunes(x.r, y.r, maxEdits(long))
	if d > maxEdits(long) {
		return 0
	}
	return min(max(fuzzySim(d, long), 0), maxFuzzySim)
}

// joinMayPair reports whether a join's key of length lx may pair in
// runCands with a word's key of length ly: whether keySim of two such
// keys may reach minJoinSim, from their lengths alone (equal keys, or the
// bounds keySimNear applies before the edit distance).
func joinMayPair(lx, ly int) bool {
	if lx <= 0 || ly <= 0 {
		return false
	}
	if lx == ly {
		return true
	}
	short, long := min(lx, ly), max(lx, ly)
	d := long - short
	return d <= maxEditsAny && short >= 3 && d <= long/2 && long <= maxFuzzyLen &&
		d <= maxEdits(long) && min(fuzzySim(d, long), maxFuzzySim) >= minJoinSim
}

// maxFuzzyLen is the longest spelling compared by edit distance; longer
// tokens (no name has them) match only exactly, which bounds the work on
// hostile input.
const maxFuzzyLen = 48

// maxEdits is the largest edit distance at which two spellings of the
// given (longer) length can still be one name: one edit up to six letters
// ("Putin" is not "Pushkin"), two up to ten, three beyond.
func maxEdits(long int) int {
	switch {
	case long <= 6:
		return 1
	case long <= 10:
		return 2
	}
	return maxEditsAny
}

// maxEditsAny is the largest value of maxEdits.
const maxEditsAny = 3

// textSimNear compares the spelling of two tokens the way keySim compares
// keys (a transposition such as "Appel" for "Apple" can be hidden by the
// key's folding of doubled letters), for spellings for which lenNear
// holds; for others the similarity is 0.
func textSimNear(x, y spell, floor float64) float64 {
	s := keySimNear(x, y, floor)
	if s == keyEqualSim {
		return 1
	}
	return s
}

// joinedText shows content tokens i..i+k-1 of n joined by "+".
func joinedText(n *Name, i, k int) string {
	parts := make([]string, 0, k)
	for _, c := range n.content[i : i+k] {
		parts = append(parts, c.text)
	}
	return strings.Join(parts, "+")
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// reason writes the one-line explanation of a result.
func reason(a, b *Name, s float64, r *Result, crossed, twisted bool) string {
	if s == 1 {
		return fmt.Sprintf("identical normalised names %q", a.Normalized)
	}
	var parts []string
	exact, fuzzy := 0, 0
	for _, p := range r.Pairs {
		if p.Score == 1 {
			exact++
		} else {
			fuzzy++
		}
	}
	parts = append(parts, fmt.Sprintf("%d of %d/%d tokens aligned (%d exact, %d approximate)",
		len(r.Pairs), len(a.content), len(b.content), exact, fuzzy))
	var un []string
	for _, u := range r.UnmatchedA {
		un = append(un, u.Text)
	}
	for _, u := range r.UnmatchedB {
		un = append(un, u.Text)
	}
	if len(un) > 0 {
		parts = append(parts, "unmatched: "+strings.Join(un, ", "))
	}
	switch {
	case r.LegalAdjust > 0:
		parts = append(parts, "legal forms agree")
	case r.LegalAdjust < 0:
		parts = append(parts, fmt.Sprintf("legal forms differ (%s vs %s)", r.LegalA, r.LegalB))
	}
	switch {
	case twisted:
		parts = append(parts, "name parts reordered")
	case crossed:
		parts = append(parts, "name order rotated or middle names moved")
	}
	return strings.Join(parts, "; ")
}

// runeLen is the number of runes in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// Preload reads what Score reads first of each name (its compared tokens,
// their keys and its joined runs), one level at a time across all the
// names, so that when many names are about to be scored and are not in
// the processor's cache, their memory reads overlap instead of each
// waiting on the last. It changes nothing; the sum it returns is only
// there so that the reads are made.
//
//go:noinline
func Preload(ns []*Name) (sum uint64) {
	for _, n := range ns {
		sum += uint64(len(n.content)) + n.runs.wordKeys
	}
	for _, n := range ns {
		for i := range n.content {
			sum += n.content[i].key.mask
		}
	}
	for _, n := range ns {
		for i := range n.content {
			if k := n.content[i].key.r; len(k) > 0 {
				sum += uint64(k[0])
			}
		}
		for i := range n.joins {
			sum += n.joins[i].key.mask
		}
	}
	return sum
}
