package sanctions

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FRCitation is a citation of a Federal Register document: volume and first
// page ("89 FR 52362"), with the last page of a range, the issue number and
// the publication date when the citation gives them.
type FRCitation struct {
	Volume int `json:"volume"`
	// Page is the first page; 0 when the citation names only volume and
	// issue ("Vol. 88, No. 151, 08/08/2023").
	Page     int `json:"page,omitempty"`
	LastPage int `json:"last_page,omitempty"`
	// Issue is the daily issue number ("No. 151"), 0 when not given.
	Issue int `json:"issue,omitempty"`
	// Date is the publication date at UTC midnight, zero when not given.
	Date time.Time `json:"date,omitzero"`
}

// String renders the citation in the Federal Register's own style,
// "89 FR 52362-52364, 6/24/2024" (pages and date only when known).
func (c FRCitation) String() string {
	var b strings.Builder
	if c.Page == 0 {
		fmt.Fprintf(&b, "Vol. %d", c.Volume)
		if c.Issue != 0 {
			fmt.Fprintf(&b, ", No. %d", c.Issue)
		}
	} else {
		fmt.Fprintf(&b, "%d FR %d", c.Volume, c.Page)
		if c.LastPage > c.Page {
			fmt.Fprintf(&b, "-%d", c.LastPage)
		}
	}
	if !c.Date.IsZero() {
		fmt.Fprintf(&b, ", %d/%d/%d", c.Date.Month(), c.Date.Day(), c.Date.Year())
	}
	return b.String()
}

// Year returns the calendar year that volume Volume of the Federal Register
// covers (volume 1 is 1936).
func (c FRCitation) Year() int { return 1935 + c.Volume }

const (
	reMonthName = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	reDate      = `(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|` + reMonthName + `\s+\d{1,2},?\s+\d{4})`
)

var (
	// 84 FR 22961 | 67 F.R. 56530 | 89 FR 52362-52364 | 85 FR 36720, 6/18/20
	// 76 FR 50407 (8/15/2011) | 77 FR 58006 (no. 182) | 67 F.R. 56530 9/4/02
	rePageCite = regexp.MustCompile(`(?i)\b(\d{1,3})\s*F\.?\s?R\.?\s+(\d{1,6})(?:\s*[-–—]\s*(\d{1,6}))?` +
		`(?:\s*\(\s*no\.?\s*(\d{1,4})\s*\))?` +
		`(?:\s*[,;]?\s*\(?\s*(?:(?:published|dated|on)\s+)?(` + reDate + `)\s*\)?)?`)
	// Vol. 88, No. 151, 08/08/2023
	reVolCite = regexp.MustCompile(`(?i)\bVol(?:ume)?\.?\s*(\d{1,3})\s*,?\s*(?:No\.?|Number)\s*(\d{1,4})` +
		`(?:\s*[,;]?\s*\(?\s*(` + reDate + `)\s*\)?)?`)
	reMonthDY = regexp.MustCompile(`(?i)^(` + reMonthName + `)\s+(\d{1,2}),?\s+(\d{4})$`)
	reSep     = regexp.MustCompile(`(?i)^[\s,;.:()\[\]]*(?:and|&)?[\s,;.:()\[\]]*$`)
)

// ParseFRCitations finds every Federal Register citation in s, in any of the
// styles the lists use:
//
//	84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20.
//	83 FR 37423; 87 FR 77505
//	66 FR 24266, 77 FR 58006 (no. 182)
//	76 FR 50407 (8/15/2011)
//	67 F.R. 56530 9/4/02
//	89 FR 52362-52364
//	Vol. 88, No. 151, 08/08/2023
//
// Text between citations that is not a separator is returned in rest, so a
// caller can keep what could not be read. A date that is not a real calendar
// date is left in rest and the citation keeps a zero Date.
func ParseFRCitations(s string) (cites []FRCitation, rest []string) {
	if cites, ok := fastCitations(s); ok {
		return cites, nil
	}
	return parseCitations(s)
}

// parseCitations is ParseFRCitations for every style, with regular
// expressions.
func parseCitations(s string) (cites []FRCitation, rest []string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	type span struct {
		lo, hi int
		c      FRCitation
	}
	var spans []span
	for _, m := range rePageCite.FindAllStringSubmatchIndex(s, -1) {
		var c FRCitation
		c.Volume, _ = strconv.Atoi(s[m[2]:m[3]])
		c.Page, _ = strconv.Atoi(s[m[4]:m[5]])
		if m[6] >= 0 {
			c.LastPage = expandLastPage(c.Page, s[m[6]:m[7]])
		}
		if m[8] >= 0 {
			c.Issue, _ = strconv.Atoi(s[m[8]:m[9]])
		}
		hi := m[1]
		if m[10] >= 0 {
			d, err := ParseDate(s[m[10]:m[11]])
			if err != nil {
				hi = m[10] // leave the bad date to rest
			} else {
				c.Date = d
			}
		}
		spans = append(spans, span{m[0], hi, c})
	}
	for _, m := range reVolCite.FindAllStringSubmatchIndex(s, -1) {
		overlaps := false
		for _, sp := range spans {
			if m[0] < sp.hi && sp.lo < m[1] {
				overlaps = true
			}
		}
		if overlaps {
			continue
		}
		var c FRCitation
		c.Volume, _ = strconv.Atoi(s[m[2]:m[3]])
		c.Issue, _ = strconv.Atoi(s[m[4]:m[5]])
		hi := m[1]
		if m[6] >= 0 {
			d, err := ParseDate(s[m[6]:m[7]])
			if err != nil {
				hi = m[6]
			} else {
				c.Date = d
			}
		}
		spans = append(spans, span{m[0], hi, c})
	}
	// order by position
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].lo < spans[j-1].lo; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	pos := 0
	keep := func(t string) {
		if !reSep.MatchString(t) {
			rest = append(rest, strings.Trim(strings.TrimSpace(t), ",;. "))
		}
	}
	for _, sp := range spans {
		keep(s[pos:sp.lo])
		cites = append(cites, sp.c)
		pos = sp.hi
	}
	keep(s[pos:])
	return cites, rest
}

// expandLastPage reads the end of a page range, allowing the abbreviated
// form in which only the changed trailing digits are written (52362-64).
func expandLastPage(first int, s string) int {
	n, _ := strconv.Atoi(s)
	fs := strconv.Itoa(first)
	if len(s) < len(fs) {
		n, _ = strconv.Atoi(fs[:len(fs)-len(s)] + s)
	}
	if n < first {
		return 0
	}
	return n
}

// ParseDate reads a calendar date in the forms the US lists use: M/D/YY,
// M/D/YYYY, YYYY-MM-DD and "Month D, YYYY". Two-digit years are read as
// 1970-2069. The result is at UTC midnight. Dates that do not exist
// (2/30/20) and years outside 1900-2100 are errors.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case strings.Count(s, "/") == 2:
		p := strings.Split(s, "/")
		var err1, err2, err3 error
		m, err1 = strconv.Atoi(p[0])
		d, err2 = strconv.Atoi(p[1])
		y, err3 = strconv.Atoi(p[2])
		if err1 != nil || err2 != nil || err3 != nil {
			return time.Time{}, fmt.Errorf("date %q: not M/D/Y", s)
		}
		if len(p[2]) == 2 {
			if y < 70 {
				y += 2000
			} else {
				y += 1900
			}
		} else if len(p[2]) != 4 {
			return time.Time{}, fmt.Errorf("date %q: year must have 2 or 4 digits", s)
		}
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return time.Time{}, fmt.Errorf("date %q: %w", s, err)
		}
		y, m, d = t.Year(), int(t.Month()), t.Day()
	default:
		sm := reMonthDY.FindStringSubmatch(s)
		if sm == nil {
			return time.Time{}, fmt.Errorf("date %q: unrecognised form", s)
		}
		mn := strings.ToLower(strings.TrimSuffix(sm[1], "."))[:3]
		m = strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", mn)/3 + 1
		d, _ = strconv.Atoi(sm[2])
		y, _ = strconv.Atoi(sm[3])
	}
	if y < 1900 || y > 2100 {
		return time.Time{}, fmt.Errorf("date %q: year %d out of range", s, y)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || int(t.Month()) != m {
		return time.Time{}, fmt.Errorf("date %q: no such day", s)
	}
	return t, nil
}
