package entitylist

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// checkList verifies the invariants every successful parse must keep.
func checkList(t *testing.T, l *List, err error) {
	t.Helper()
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not a *ParseError: %v", err, err)
		}
		if l != nil {
			t.Fatalf("list returned with error %v", err)
		}
		_ = err.Error()
		return
	}
	if l.Rows != len(l.Entries)+len(l.Skipped) {
		t.Fatalf("rows %d != entries %d + skipped %d", l.Rows, len(l.Entries), len(l.Skipped))
	}
	ids := make(map[string]bool, len(l.Entries))
	for i := range l.Entries {
		e := &l.Entries[i]
		if e.Name == "" && len(e.Addresses) == 0 {
			t.Fatalf("row %d: entry with neither name nor address", e.Row)
		}
		if ids[e.ID] {
			t.Fatalf("row %d: duplicate ID %s", e.Row, e.ID)
		}
		ids[e.ID] = true
		p := e.Party()
		if p.Source != SourceCode || p.ID != e.ID {
			t.Fatalf("row %d: bad party %+v", e.Row, p)
		}
	}
}

// splitFixture cuts a fixture into one small document per data row (the
// fixture's own head, header row, one row and tail), so that the fuzzer
// starts from every quirk of the fixtures with inputs small enough to
// minimise quickly.
func splitFixture(doc, tr, endTR string) [][]byte {
	first := strings.Index(doc, endTR)
	last := strings.LastIndex(doc, endTR)
	if first < 0 || last <= first {
		return [][]byte{[]byte(doc)}
	}
	head, body, tail := doc[:first+len(endTR)], doc[first+len(endTR):last+len(endTR)], doc[last+len(endTR):]
	var out [][]byte
	for _, r := range strings.SplitAfter(body, endTR) {
		if i := strings.Index(r, tr); i >= 0 {
			out = append(out, []byte(head+r[i:]+tail))
		}
	}
	return out
}

func addSeeds(f *testing.F, html bool) {
	if html {
		for _, d := range splitFixture(string(readFixture(f, "supplement4-ecfr.html")), "<tr>", "</tr>") {
			f.Add(d)
		}
	} else {
		for _, d := range splitFixture(string(readFixture(f, "supplement4-ecfr.xml")), "<TR>", "</TR>") {
			f.Add(d)
		}
	}
	rows := [][]string{
		{"Russia", "Example LLC, a.k.a., the following two aliases:<br/>&#x2014;EL; and<br/>&#x2014;Example Co., Ltd. Room 1, Moscow, Russia.", "For all items subject to the EAR, see &#xA7;&#xA7; 734.9(e),<SU>1</SU> and 744.11 of the EAR, EXCEPT2 for technology.", "Presumption of denial.", "84 FR 22961, 5/21/19. 85 FR 36720-22, 6/18/20."},
		{"", "[Reserved]", "", "", ""},
		{"", "Address: Flat 1, Kowloon, Hong Kong.", "(See &#xA7; 744.11)", "See &#xA7; 744.2(d).", "x"},
		{"Iran", "A, and the following subordinate institutions:<P>&#x2014;B;</P><P>&#x2014;C.</P>", "", "", ""},
	}
	if html {
		f.Add([]byte(htmlDoc(rows...)))
		f.Add([]byte(htmlDoc(rows[0], rows[1][:4])))
	} else {
		f.Add([]byte(xmlDoc(rows...)))
		f.Add([]byte(xmlDoc(rows[0], rows[1][:4])))
	}
}

func FuzzParseECFR(f *testing.F) {
	addSeeds(f, false)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseECFROptions(bytes.NewReader(data), Options{MaxBytes: 1 << 20})
		checkList(t, l, err)
	})
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, true)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseHTMLOptions(bytes.NewReader(data), Options{MaxBytes: 1 << 20})
		checkList(t, l, err)
	})
}

// FuzzParseEntityCell exercises the entity cell reader on its own.
func FuzzParseEntityCell(f *testing.F) {
	for _, s := range []string{
		"Example LLC, a.k.a., the following two aliases:\n—EL; and\n—Example Co., Ltd. Room 1, Moscow, Russia.",
		"A (a.k.a. B; C), 1 Road, City, Russia",
		"X, and the following addresses: —1 Road, City; and —2 Road, Town.",
		"Room 1, 2/F, Kowloon, Hong Kong",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ep := parseEntityCell(s)
		for _, a := range ep.addresses {
			_ = parseAddress(a, Country{Name: "Russia", Code: "RU"})
		}
		_ = parseRequirement(s)
		_ = parsePolicy(s)
		var notes []int
		_ = stripGluedFootnotes(s, &notes)
	})
}
