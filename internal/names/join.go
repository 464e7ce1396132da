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

// JoinLengths is the set of the lengths (in letters; bit l for length l,
// bit 63 for 63 and more) of the keys of n's joined runs that JoinSim
// compares, so that an index can tell cheaply that none can pair with a
// word of some length: keys whose lengths differ by more than MaxEditsAny
// never pair.
func (n *Name) JoinLengths() uint64 {
	if n == nil || len(n.content) > maxContent {
		return 0
	}
	var m uint64
	for _, jt := range n.joins {
		if !jt.num {
			m |= 1 << min(len(jt.key.r), 63)
		}
	}
	return m
}
