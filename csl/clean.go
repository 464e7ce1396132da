package csl

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RepairKind names one kind of repair the reader makes to published text.
type RepairKind string

// The repairs the reader makes. Each is recorded in Result.Repairs with the
// text before and after.
const (
	// RepairEncoding: bytes that are not UTF-8 were read as Windows-1252.
	RepairEncoding RepairKind = "encoding"
	// RepairMojibake: C1 control characters (U+0080-U+009F) that stand for
	// Windows-1252 punctuation (U+0092 for ’) were mapped to it, and UTF-8
	// sequences that had been decoded as Windows-1252 ("â€™") were
	// restored.
	RepairMojibake RepairKind = "mojibake"
	// RepairControl: other control characters were removed.
	RepairControl RepairKind = "control"
	// RepairEntity: HTML character references ("&amp;") were decoded.
	RepairEntity RepairKind = "html-entity"
	// RepairSectionSign: "?" standing for a section sign before a CFR
	// section number ("? 744.11") was replaced by "§".
	RepairSectionSign RepairKind = "section-sign"
	// RepairApostrophe: "?" standing for an apostrophe between two letters
	// ("Xi?an") was replaced by "'".
	RepairApostrophe RepairKind = "apostrophe"
	// RepairSpace: runs of white space were collapsed to one space and
	// leading and trailing space removed.
	RepairSpace RepairKind = "space"
	// RepairSuccessor: the clause "; and any successor, sub-unit, or
	// subsidiary thereof" was removed from a name; Record.Successors is set
	// and the party's remarks say so.
	RepairSuccessor RepairKind = "successor-clause"
	// RepairConjunction: a leading "and " left on the last item of a
	// ";"-separated list ("...; and CETC Research Institute 13") was removed.
	RepairConjunction RepairKind = "conjunction"
)

// Repair records one change the reader made to a field of a record.
type Repair struct {
	// Record is the 1-based number of the record in the document.
	Record int `json:"record"`
	// Line is the line the record starts on (CSV and JSON), 0 if unknown.
	Line int `json:"line,omitempty"`
	// Field is the column or JSON key ("name", "addresses", ...).
	Field  string     `json:"field"`
	Kind   RepairKind `json:"kind"`
	Before string     `json:"before"`
	After  string     `json:"after"`
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252 to runes; 0 marks the
// five bytes the code page leaves undefined.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// cp1252Byte returns the Windows-1252 byte that decodes to r.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0xA0 && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x80 {
		return byte(r), true
	}
	for i, c := range cp1252 {
		if c == r && c != 0 {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

var (
	reSection = regexp.MustCompile(`(^|[\s(\[;,])(\?{1,2})(\s?\d{1,4}\.\d)`)
)

// urlField lists the fields that hold URLs, where "?" starts a query.
var urlField = map[string]bool{"source_list_url": true, "source_information_url": true}

// cleaner applies the text repairs and records them.
type cleaner struct {
	record, line int
	repairs      []Repair
	// memo holds the outcome for values of fields that repeat across
	// records (list names, licence texts, URLs), so each distinct value
	// is repaired once per read.
	memo map[memoKey]memoEntry
}

type memoKey struct{ field, value string }

type memoEntry struct {
	out     string
	repairs []Repair // Record and Line unset
}

// memoFields are the fields whose values repeat across many records.
var memoFields = map[string]bool{
	"source": true, "type": true, "programs": true, "license_requirement": true, "license_policy": true,
	"federal_register_notice": true, "start_date": true, "end_date": true, "remarks": true,
	"source_list_url": true, "source_information_url": true, "standard_order": true,
}

func (c *cleaner) note(field string, kind RepairKind, before, after string) {
	c.repairs = append(c.repairs, Repair{Record: c.record, Line: c.line, Field: field, Kind: kind, Before: before, After: after})
}

// needsWork reports quickly whether s could need any repair.
func needsWork(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= 0x80, b < 0x20, b == '?', b == '&', b == 0x7f:
			return true
		case b == ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return false
}

// text repairs one field value and records what changed.
func (c *cleaner) text(field, s string) string {
	if !needsWork(s) {
		return s
	}
	if !memoFields[field] {
		return c.repair(field, s)
	}
	k := memoKey{field, s}
	if e, ok := c.memo[k]; ok {
		for _, r := range e.repairs {
			c.note(field, r.Kind, r.Before, r.After)
		}
		return e.out
	}
	n := len(c.repairs)
	out := c.repair(field, s)
	if c.memo == nil {
		c.memo = map[memoKey]memoEntry{}
	}
	c.memo[k] = memoEntry{out: out, repairs: append([]Repair(nil), c.repairs[n:]...)}
	return out
}

// repair applies the repairs to one value.
func (c *cleaner) repair(field, s string) string {
	if !utf8.ValidString(s) {
		t := decodeCP1252Invalid(s)
		c.note(field, RepairEncoding, s, t)
		s = t
	}
	if t := fixMojibake(s); t != s {
		c.note(field, RepairMojibake, s, t)
		s = t
	}
	if t := stripControl(s); t != s {
		c.note(field, RepairControl, s, t)
		s = t
	}
	if strings.IndexByte(s, '&') >= 0 && strings.IndexByte(s, ';') >= 0 {
		if t := html.UnescapeString(s); t != s {
			c.note(field, RepairEntity, s, t)
			s = t
		}
	}
	if strings.IndexByte(s, '?') >= 0 && !urlField[field] {
		if t := reSection.ReplaceAllStringFunc(s, func(m string) string {
			return strings.ReplaceAll(m, "?", "§")
		}); t != s {
			c.note(field, RepairSectionSign, s, t)
			s = t
		}
		if t := fixApostrophe(s); t != s {
			c.note(field, RepairApostrophe, s, t)
			s = t
		}
	}
	if t := collapseSpace(s); t != s {
		c.note(field, RepairSpace, s, t)
		s = t
	}
	return s
}

// decodeCP1252Invalid decodes every byte of s that is not part of valid
// UTF-8 as Windows-1252.
func decodeCP1252Invalid(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			x := s[i]
			switch {
			case x >= 0xA0:
				b.WriteRune(rune(x))
			case x >= 0x80 && cp1252[x-0x80] != 0:
				b.WriteRune(cp1252[x-0x80])
			default:
				b.WriteRune(utf8.RuneError)
			}
			i++
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// fixMojibake maps C1 controls to their Windows-1252 characters and
// restores UTF-8 sequences that were decoded as Windows-1252.
func fixMojibake(s string) string {
	suspect := false
	for _, r := range s {
		if (r >= 0x80 && r <= 0x9F) || (r >= 0xC2 && r <= 0xF4) {
			suspect = true
			break
		}
	}
	if !suspect {
		return s
	}
	rs := []rune(s)
	changed := false
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		// A UTF-8 lead byte read as Windows-1252, followed by continuation
		// bytes read the same way.
		if lead, ok := cp1252Byte(r); ok && lead >= 0xC2 && lead <= 0xF4 {
			need := 1
			if lead >= 0xE0 {
				need = 2
			}
			if lead >= 0xF0 {
				need = 3
			}
			if i+need < len(rs) {
				buf := []byte{lead}
				for k := 1; k <= need; k++ {
					cb, ok := cp1252Byte(rs[i+k])
					if !ok && rs[i+k] >= 0x80 && rs[i+k] <= 0x9F {
						cb, ok = byte(rs[i+k]), true // a C1 control kept as is
					}
					if !ok || cb < 0x80 || cb > 0xBF {
						buf = nil
						break
					}
					buf = append(buf, cb)
				}
				if buf != nil {
					if d, n := utf8.DecodeRune(buf); d != utf8.RuneError && n == len(buf) {
						out = append(out, d)
						i += need
						changed = true
						continue
					}
				}
			}
		}
		if r >= 0x80 && r <= 0x9F && cp1252[r-0x80] != 0 {
			out = append(out, cp1252[r-0x80])
			changed = true
			continue
		}
		out = append(out, r)
	}
	if !changed {
		return s
	}
	return string(out)
}

// stripControl removes control characters other than white space, which
// collapseSpace handles.
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		if r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
}

// fixApostrophe replaces "?" between two letters with an apostrophe,
// except inside a word that looks like a URL or a query ("page?id=1").
func fixApostrophe(s string) string {
	if !strings.Contains(s, "?") {
		return s
	}
	rs := []rune(s)
	changed := false
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '?' && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) && !inURL(rs, i) {
			rs[i] = '\''
			changed = true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// inURL reports whether the white-space-delimited word around rs[i] looks
// like a URL, a path or a query string.
func inURL(rs []rune, i int) bool {
	lo, hi := i, i
	for lo > 0 && !unicode.IsSpace(rs[lo-1]) {
		lo--
	}
	for hi < len(rs) && !unicode.IsSpace(rs[hi]) {
		hi++
	}
	w := string(rs[lo:hi])
	return strings.ContainsAny(w, "/=@") || strings.Contains(strings.ToLower(w), "www.")
}

// collapseSpace turns every run of white space (including no-break
// spaces) into one space and trims both ends.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0'
	}), " ")
}

// reSuccessor matches the clause the State Department appends to names of
// sanctioned entities.
var reSuccessor = regexp.MustCompile(`(?i)[\s;,]*\band\s+any\s+successors?,?\s+sub-?units?,?\s+or\s+subsidiar(?:y|ies)\s+thereof\.?\s*$`)

// stripSuccessor removes the successor clause from the end of a name.
func stripSuccessor(s string) (string, bool) {
	loc := reSuccessor.FindStringIndex(s)
	if loc == nil || loc[0] == 0 {
		return s, false
	}
	return strings.TrimSpace(s[:loc[0]]), true
}
