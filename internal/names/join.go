package names

// JoinSim is the best similarity Score gives a run of two or three
// adjacent words of n, joined ("hik"+"vision"), against a single word of
// the other name whose phonetic key is key; 0 when no run reaches the
// similarity at which a joined run pairs. It lets an index confirm that a
// list name can pair with a query word through one of its runs.
func JoinSim(n *Name, key string) float64 {
	if n == nil || key == "" || len(n.content) > maxContent {
		return 0
	}
	var buf [maxFuzzyLen + 1]rune
	r := buf[:0]
	for _, c := range key {
		if len(r) == cap(buf) {
			return 0 // longer than any spelling compared by edit distance
		}
		r = append(r, c)
	}
	y := spell{r: r, mask: letterMask(r)}
	best := 0.0
	for _, jt := range n.joins {
		if jt.num {
			continue // letters and digits pair only with a number
		}
		if s := keySim(jt.key, y, minJoinSim); s >= minJoinSim {
			best = max(best, s)
		}
	}
	return best
}

// Join is a run of two or three adjacent compared tokens of a name, joined
// as Score joins them to pair with a single token of the other name.
type Join struct {
	// First and Last are the indexes in Name.Tokens of the run's first
	// and last tokens.
	First, Last int
	// Key is the phonetic key of the run's surface text joined.
	Key string
	// Number tells that the run holds a number: it pairs only with a
	// number token of the same key ("CETC 13" with "CETC13").
	Number bool
}

// Joins calls fn for each run of n that Score may pair with a single
// token of another name: a run without a number pairs with a word whose
// key is at least 0.84 similar to Key (by EditSim), one with a number
// with a number token of exactly that key.
func (n *Name) Joins(fn func(Join)) {
	if n == nil || len(n.content) > maxContent {
		return
	}
	// The compared tokens are the name's tokens other than legal forms
	// and stop words, in order (see prepare).
	var tokOf [maxContent]int
	c := 0
	for i, t := range n.Tokens {
		if t.Kind == LegalForm || t.Kind == Stop {
			continue
		}
		if c == len(tokOf) {
			return
		}
		tokOf[c] = i
		c++
	}
	for _, jt := range n.joins {
		i, k := int(jt.i), int(jt.i)+int(jt.n)-1
		if k >= c {
			continue
		}
		fn(Join{First: tokOf[i], Last: tokOf[k], Key: string(jt.key.r), Number: jt.num})
	}
}

// MinJoinSim is the similarity at which a joined run pairs with a token.
const MinJoinSim = minJoinSim

// KeyZh is the phonetic key of a word with every j read as zh, with which
// Score also compares words holding a j (Joukov, Zhukov).
func KeyZh(text string) string { return phoneticKeyZh(text) }
