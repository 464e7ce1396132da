package sanctions

import "strconv"

// fastCitations reads the commonest shape of citation text, a list of
// "84 FR 22961, 5/21/19." items (a page range and the date optional), with
// a plain scanner, several times faster than the regular expressions of
// parseCitations. It reports false for anything else, and
// ParseFRCitations then falls back to parseCitations, which reads every
// style; where both apply they give the same result (see
// TestFastCitations and FuzzFastCitations).
func fastCitations(s string) ([]FRCitation, bool) {
	var out []FRCitation
	i := 0
	num := func(max int) (int, string, bool) {
		j := i
		for j < len(s) && j-i < max && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
			return 0, "", false
		}
		n, _ := strconv.Atoi(s[i:j])
		d := s[i:j]
		i = j
		return n, d, true
	}
	lit := func(l string) bool {
		if len(s)-i >= len(l) && s[i:i+len(l)] == l {
			i += len(l)
			return true
		}
		return false
	}
	for i < len(s) {
		var c FRCitation
		var ok bool
		if c.Volume, _, ok = num(3); !ok || !lit(" FR ") {
			return nil, false
		}
		if c.Page, _, ok = num(6); !ok {
			return nil, false
		}
		if lit("-") {
			_, last, ok := num(6)
			if !ok {
				return nil, false
			}
			c.LastPage = expandLastPage(c.Page, last)
		}
		if lit(", ") {
			j := datePrefix(s[i:])
			if j == 0 {
				return nil, false
			}
			d, err := ParseDate(s[i : i+j])
			if err != nil {
				return nil, false
			}
			c.Date = d
			i += j
		}
		out = append(out, c)
		if i == len(s) || (s[i] == '.' && i+1 == len(s)) {
			return out, true
		}
		if !lit(". ") && !lit("; ") {
			return nil, false
		}
	}
	return nil, false
}

// datePrefix returns the length of an M/D/YY or M/D/YYYY date at the start
// of s (one or two digits for month and day), or 0.
func datePrefix(s string) int {
	i := 0
	digits := func(lo, hi int) bool {
		j := i
		for j < len(s) && j-i < hi && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i < lo || (j < len(s) && s[j] >= '0' && s[j] <= '9') {
			return false
		}
		i = j
		return true
	}
	if !digits(1, 2) || i >= len(s) || s[i] != '/' {
		return 0
	}
	i++
	if !digits(1, 2) || i >= len(s) || s[i] != '/' {
		return 0
	}
	i++
	start := i
	if !digits(2, 4) || (i-start != 2 && i-start != 4) {
		return 0
	}
	return i
}
