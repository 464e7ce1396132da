package names

import "unicode/utf8"

// OSAWithin is the optimal-string-alignment distance between a and b (the
// restricted Damerau-Levenshtein distance: insertions, deletions,
// substitutions and transpositions of adjacent letters, each costing 1, no
// substring edited more than once) when that distance is at most bound, and
// bound+1 when it is larger. A negative bound gives bound+1. The strings are
// compared by runes; each byte of invalid UTF-8 counts as one U+FFFD, as
// []rune(s) reads it.
//
// The common prefix and suffix are dropped first (they never change the
// distance). What is left, if neither string has more than 64 runes, goes
// through Hyyrö's bit-parallel form of the distance (one machine word per
// column of the dynamic program, so a few operations per rune), without
// decoding ASCII and without allocating. Longer strings go through the
// dynamic program cut to the band of diagonals the bound allows, which
// allocates only past 256 runes.
func OSAWithin(a, b string, bound int) int {
	if bound < 0 {
		return bound + 1
	}
	a, b = trimCommon(a, b)
	if len(a) == 0 || len(b) == 0 {
		// The distance is the other's length in runes.
		d := len(a) + len(b)
		if !asciiString(a) || !asciiString(b) {
			d = utf8.RuneCountInString(a) + utf8.RuneCountInString(b)
		}
		if d > bound {
			return bound + 1
		}
		return d
	}
	if n, m := len(a), len(b); n <= osaWord && m <= osaWord && asciiString(a) && asciiString(b) {
		if n-m > bound || m-n > bound {
			return bound + 1
		}
		if n < m {
			// Building the pattern costs less per letter than a step of
			// the recurrence: the longer string is the pattern.
			a, b, n, m = b, a, m, n
		}
		var t osaTable
		if t.buildBytes(a) {
			return osaDist(osaTableBytes(&t, b, n, bound+m-n), bound)
		}
	}
	return osaRunes(a, b, bound)
}

// OSAWithinRunes is OSAWithin for rune slices: the distance of x and y
// when it is at most bound, bound+1 when it is larger. It does not
// allocate for slices of up to 64 runes once their common ends are
// dropped.
func OSAWithinRunes(x, y []rune, bound int) int {
	if bound < 0 {
		return bound + 1
	}
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
	}
	n, m := len(x), len(y)
	if n-m > bound || m-n > bound {
		return bound + 1
	}
	if n == 0 || m == 0 {
		return max(n, m)
	}
	if n < m {
		x, y, n, m = y, x, m, n
	}
	if n > osaWord {
		return osaBanded(string(x), string(y), bound)
	}
	var t osaTable
	if t.buildRunes(x) {
		return osaDist(osaTableRunes(&t, y, n, bound+m-n), bound)
	}
	var l osaList
	l.build(x)
	return osaDist(osaListRunes(&l, y, n, bound+m-n), bound)
}

// trimCommon drops the prefix and the suffix a and b share, whole runes
// only. The optimal-string-alignment distance is that of what is left: an
// alignment gains nothing by editing equal ends (a transposition that
// involves an equal first letter swaps two equal letters), and reversing
// both strings keeps the distance. A cut is at a rune boundary in both
// strings when neither continues a rune there, so the runes before and
// after it, valid or not, read the same as in the whole strings.
func trimCommon(a, b string) (string, string) {
	p, s := commonEnds(a, b)
	return a[p : len(a)-s], b[p : len(b)-s]
}

// commonEnds is the length in bytes of the prefix and of the suffix that
// trimCommon drops: they do not overlap in either string.
func commonEnds(a, b string) (p, s int) {
	short := min(len(a), len(b))
	for p < short && a[p] == b[p] {
		p++
	}
	for p > 0 && (p < len(a) && continues(a[p]) || p < len(b) && continues(b[p])) {
		p--
	}
	short -= p
	for s < short && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for s > 0 && (continues(a[len(a)-s]) || continues(b[len(b)-s])) {
		s--
	}
	return p, s
}

// continues reports whether c is a UTF-8 continuation byte.
func continues(c byte) bool { return c&0xC0 == 0x80 }

// osaRunes is OSAWithin for trimmed, non-empty strings that are not both
// ASCII of at most 64 letters (or whose letters collide in an osaTable).
func osaRunes(a, b string, bound int) int {
	var ra, rb [osaWord]rune
	x, okx := decodeRunes(&ra, a)
	y, oky := decodeRunes(&rb, b)
	if !okx || !oky {
		return osaBanded(a, b, bound)
	}
	n, m := len(x), len(y)
	if n-m > bound || m-n > bound {
		return bound + 1
	}
	if n < m {
		x, y, n, m = y, x, m, n
	}
	var t osaTable
	if t.buildRunes(x) {
		return osaDist(osaTableRunes(&t, y, n, bound+m-n), bound)
	}
	var l osaList
	l.build(x)
	return osaDist(osaListRunes(&l, y, n, bound+m-n), bound)
}

// osaDist is the distance the recurrence's final slack gives.
func osaDist(slack, bound int) int {
	if slack < 0 {
		return bound + 1
	}
	return bound - slack
}

// decodeRunes reads s into buf as []rune(s) would, and reports false when s
// has more runes than buf holds. One- and two-byte forms (ASCII, Latin
// with diacritics, Greek, Cyrillic) are read inline, the rest through
// utf8.DecodeRuneInString.
func decodeRunes(buf *[osaWord]rune, s string) ([]rune, bool) {
	n := 0
	for i := 0; i < len(s); n++ {
		if n == len(buf) {
			return nil, false
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			buf[n] = rune(c)
			i++
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && continues(s[i+1]):
			buf[n] = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			buf[n] = r
			i += size
		}
	}
	return buf[:n], true
}

// osaWord is the longest pattern the bit-parallel recurrence takes: one bit
// per rune in a uint64.
const osaWord = 64

// asciiString reports whether s is all ASCII.
func asciiString(s string) bool {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	return or < utf8.RuneSelf
}

// osaTable maps a pattern's runes to their match masks (bit i set where
// the pattern's rune i is the rune), one slot per value of the rune's low
// five bits: a slot is empty when its mask is 0. The letters a-z, а-я and
// α-ω each fall in distinct slots.
type osaTable struct {
	keys  [32]rune
	masks [32]uint64
}

// buildBytes fills t with the masks of ASCII pattern a, of at most 64
// letters, and reports false when two distinct letters of a share a slot
// (t is then unusable).
func (t *osaTable) buildBytes(a string) bool {
	for i := 0; i < len(a); i++ {
		r := rune(a[i])
		s := r & 31
		if t.masks[s] != 0 && t.keys[s] != r {
			return false
		}
		t.keys[s] = r
		t.masks[s] |= 1 << uint(i)
	}
	return true
}

// buildRunes is buildBytes for a pattern of runes.
func (t *osaTable) buildRunes(x []rune) bool {
	for i, r := range x {
		s := r & 31
		if t.masks[s] != 0 && t.keys[s] != r {
			return false
		}
		t.keys[s] = r
		t.masks[s] |= 1 << uint(i)
	}
	return true
}

// osaList is a pattern's distinct runes with their match masks, searched
// in order: the fallback when a pattern's runes collide in an osaTable.
type osaList struct {
	keys  [osaWord]rune
	masks [osaWord]uint64
	n     int
}

func (l *osaList) build(x []rune) {
	for i, r := range x {
		k := 0
		for k < l.n && l.keys[k] != r {
			k++
		}
		if k == l.n {
			l.keys[k] = r
			l.n++
		}
		l.masks[k] |= 1 << uint(i)
	}
}

func (l *osaList) mask(r rune) uint64 {
	for k := 0; k < l.n; k++ {
		if l.keys[k] == r {
			return l.masks[k]
		}
	}
	return 0
}

// The bit-parallel recurrence (H. Hyyrö, "A bit-vector algorithm for
// computing Levenshtein and Damerau edit distances", Nordic Journal of
// Computing 10, 2003, extending G. Myers, "A fast bit-vector algorithm for
// approximate string matching based on dynamic programming", JACM 46, 1999).
// The pattern (n runes, 1 <= n <= 64) runs down the bits of a word and the
// text (m runes) is read one rune per step; vp and vn mark where the current
// column of the dynamic program steps up and down by 1 from one row to the
// next, d0 where its diagonal step is 0. The term tr adds the
// transposition: a diagonal step of 0 where the pattern's runes i-1, i are
// the text's runes j, j-1 and the previous column's diagonal step at i-1 was
// not 0 already. The last row's cell in the current column, d, starts at n
// and moves by the top bits of hp and hn. Neighbouring cells of a row
// differ by at most 1, so after j text runes the distance is at least
// d-(m-j). The loops keep slack = bound-(d-(m-j)) and return it, negative
// as soon as the distance is sure to exceed bound; at the end (j = m) the
// distance d is bound-slack (osaDist).
//
// The three loops differ only in how they read a text rune and find its
// mask. osaTableBytes, the common case, advances by reslicing the text
// rather than by an index: with an index the amd64 compiler ran out of
// registers and kept hn on the stack, inside the chain of dependent
// operations each step waits on. All three group pm | vn | tr so that d0
// waits on one OR after the addition rather than three (about 5% faster).

func osaTableBytes(t *osaTable, b string, n, slack int) int {
	vp := ^uint64(0)
	var vn, d0, pmOld uint64
	top := uint(n-1) & 63
	for ; len(b) > 0; b = b[1:] {
		c := rune(b[0])
		s := c & 31
		pm := t.masks[s]
		if t.keys[s] != c {
			pm = 0
		}
		tr := (^d0 & pm) << 1 & pmOld
		d0 = ((pm & vp) + vp) ^ vp | (pm | vn | tr)
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		slack -= 1 + int(hp>>top&1) - int(hn>>top&1)
		if slack < 0 {
			return slack
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
	}
	return slack
}

func osaTableRunes(t *osaTable, y []rune, n, slack int) int {
	vp := ^uint64(0)
	var vn, d0, pmOld uint64
	top := uint(n-1) & 63
	for ; len(y) > 0; y = y[1:] {
		c := y[0]
		s := c & 31
		pm := t.masks[s]
		if t.keys[s] != c {
			pm = 0
		}
		tr := (^d0 & pm) << 1 & pmOld
		d0 = ((pm & vp) + vp) ^ vp | (pm | vn | tr)
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		slack -= 1 + int(hp>>top&1) - int(hn>>top&1)
		if slack < 0 {
			return slack
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
	}
	return slack
}

func osaListRunes(l *osaList, y []rune, n, slack int) int {
	vp := ^uint64(0)
	var vn, d0, pmOld uint64
	top := uint(n-1) & 63
	for _, c := range y {
		pm := l.mask(c)
		tr := (^d0 & pm) << 1 & pmOld
		d0 = ((pm & vp) + vp) ^ vp | (pm | vn | tr)
		hp := vn | ^(d0 | vp)
		hn := d0 & vp
		slack -= 1 + int(hp>>top&1) - int(hn>>top&1)
		if slack < 0 {
			return slack
		}
		hp = hp<<1 | 1
		hn <<= 1
		vp = hn | ^(d0 | hp)
		vn = hp & d0
		pmOld = pm
	}
	return slack
}

// osaBanded is OSAWithin for trimmed strings too long for one word: the
// dynamic program over runes, computing in row i only the columns
// i-bound..i+bound (a cell further off the diagonal exceeds bound), and
// stopping when a whole row exceeds bound.
func osaBanded(a, b string, bound int) int {
	var ba, bb [256]rune
	x := appendRunes(ba[:0], a)
	y := appendRunes(bb[:0], b)
	n, m := len(x), len(y)
	if n-m > bound || m-n > bound {
		return bound + 1
	}
	k := min(bound, max(n, m)) // the distance is at most max(n, m)
	inf := int32(k + 1)
	var rows [3][257]int32
	var prev2, prev, cur []int32
	if m < len(rows[0]) {
		prev2, prev, cur = rows[0][:m+1], rows[1][:m+1], rows[2][:m+1]
	} else {
		prev2, prev, cur = make([]int32, m+1), make([]int32, m+1), make([]int32, m+1)
	}
	for j := range prev {
		prev[j] = min(int32(j), inf)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		cur[lo-1] = inf
		if lo == 1 {
			cur[0] = min(int32(i), inf)
		}
		rowMin := cur[lo-1]
		xi := x[i-1]
		for j := lo; j <= hi; j++ {
			cost := int32(1)
			if xi == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost, inf)
			if i > 1 && j > 1 && xi == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < m {
			cur[hi+1] = inf // read as prev[hi+1] by the next row
		}
		if rowMin > int32(bound) {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := int(prev[m]); d <= bound {
		return d
	}
	return bound + 1
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
