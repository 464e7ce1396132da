package names

// EditSim is the similarity Score gives two different spellings (texts or
// phonetic keys) that are d edits apart by optimal string alignment, the
// longer of long letters and the shorter of short: 0 when Score would not
// compare them by edit distance at all (too short, too different in
// length, or more edits apart than their length allows), at most 0.94.
// It lets an index search exactly the neighbourhood the engine scores.
func EditSim(d, long, short int) float64 {
	if d <= 0 || short < 3 || long-short > long/2 || long > maxFuzzyLen ||
		long-short > maxEditsAny || d < long-short || d > maxEdits(long) {
		return 0
	}
	return min(max(fuzzySim(d, long), 0), maxFuzzySim)
}

// MaxEditsAny is the largest edit distance at which Score pairs two
// spellings of any length.
const MaxEditsAny = maxEditsAny
