package sanctions

import (
	"slices"

	"github.com/rpscreen/rpscreen/internal/names"
)

// Words written in Han script compare by character (names.HanEditSim),
// not by their pinyin: "字谱械仰华" pairs with "字谱械华", one character
// inserted, while their pinyin are four letters apart, beyond what the
// search of spellings reaches. The index keeps the Han forms of list words
// in a deletion dictionary of their own, by character.

// hanIndex finds the list words whose Han forms are near a query word's.
type hanIndex struct {
	forms []hanForm
	// byVar: every string reachable from a form of n characters by at
	// most hanRadius(n) deletions -> the forms, ascending.
	byVar map[string][]int32
	// long: the forms with too many such strings to expand
	// (hanExpandable), compared one by one.
	long []int32
}

// hanMaxVariants bounds the deletion variants a Han form is expanded to,
// in the dictionary or for a query: the engine allows more edits the
// longer the form (hanRadius grows with it), so that the variants of a
// form of 30 characters number in the tens of millions.
const hanMaxVariants = 4096

// hanExpandable reports whether a form of n characters has at most
// hanMaxVariants variants of up to r deletions.
func hanExpandable(n, r int) bool {
	return variantCount(n, r) <= hanMaxVariants
}

// hanForm is a distinct Han form of a list term.
type hanForm struct {
	term int32
	rs   []rune
}

// hanRadius is the most characters by which a Han form of n characters
// may differ from one it pairs with (names.HanEditSim at idxMinPairSim),
// whatever the other's length: the similarity at d edits is highest when
// the other form is d characters longer.
func hanRadius(n int) int {
	d := 0
	for d < n && names.HanEditSim(d+1, n+d+1) >= idxMinPairSim {
		d++
	}
	return d
}

// hanVariants calls fn with each distinct string reachable from rs by at
// most r deletions.
func hanVariants(rs []rune, r int, fn func(v string)) {
	seen := map[string]bool{}
	var del func(cur []rune, from, left int)
	del = func(cur []rune, from, left int) {
		v := string(cur)
		if !seen[v] {
			seen[v] = true
			fn(v)
		}
		if left == 0 {
			return
		}
		for i := from; i < len(cur); i++ {
			next := append(append(make([]rune, 0, len(cur)-1), cur[:i]...), cur[i+1:]...)
			del(next, i, left-1)
		}
	}
	del(rs, 0, r)
}

// hanSeen is a Han form of a term already added.
type hanSeen struct {
	form string
	term int32
}

// add records that term has the Han form rs.
func (h *hanIndex) add(term int32, rs []rune, seen map[hanSeen]bool) {
	k := hanSeen{string(rs), term}
	if seen[k] {
		return
	}
	seen[k] = true
	if h.byVar == nil {
		h.byVar = make(map[string][]int32)
	}
	id := int32(len(h.forms))
	h.forms = append(h.forms, hanForm{term: term, rs: rs})
	if r := hanRadius(len(rs)); hanExpandable(len(rs), r) {
		hanVariants(rs, r, func(v string) {
			h.byVar[v] = append(h.byVar[v], id)
		})
	} else {
		h.long = append(h.long, id)
	}
}

// near appends the terms with a Han form that the engine pairs with the
// Han characters q, with the similarity it gives them.
func (h *hanIndex) near(q []rune, dst []idxHit) []idxHit {
	if len(h.forms) == 0 || len(q) == 0 {
		return dst
	}
	rq := hanRadius(len(q))
	var cands []int32
	if hanExpandable(len(q), rq) {
		hanVariants(q, rq, func(v string) {
			cands = append(cands, h.byVar[v]...)
		})
		cands = append(cands, h.long...)
	} else {
		// Too many variants: compare every form.
		for id := range h.forms {
			cands = append(cands, int32(id))
		}
	}
	slices.Sort(cands)
	for _, id := range slices.Compact(cands) {
		f := &h.forms[id]
		long := max(len(q), len(f.rs))
		maxD := min(rq, hanRadius(len(f.rs)))
		if abs(len(q)-len(f.rs)) > maxD {
			continue
		}
		d := names.OSAWithinRunes(q, f.rs, maxD)
		if d > maxD {
			continue
		}
		sim := 1.0
		if d > 0 {
			sim = names.HanEditSim(d, long)
		}
		if sim >= idxMinPairSim {
			dst = append(dst, idxHit{f.term, float32(sim)})
		}
	}
	return dst
}
