package entitylist

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rpscreen/rpscreen/sanctions"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func parseBoth(t *testing.T, xmlSrc, htmlSrc string) (*List, *List) {
	t.Helper()
	lx, err := ParseECFR(strings.NewReader(xmlSrc))
	if err != nil {
		t.Fatalf("ParseECFR: %v", err)
	}
	lh, err := ParseHTML(strings.NewReader(htmlSrc))
	if err != nil {
		t.Fatalf("ParseHTML: %v", err)
	}
	return lx, lh
}

func TestFixtureCounts(t *testing.T) {
	parsers := map[string]func([]byte) (*List, error){
		"supplement4-ecfr.xml":  func(b []byte) (*List, error) { return ParseECFR(bytes.NewReader(b)) },
		"supplement4-ecfr.html": func(b []byte) (*List, error) { return ParseHTML(bytes.NewReader(b)) },
	}
	type counts struct {
		Rows, Entries, Reserved, Skipped, Warnings, Footnotes, AddressOnly int
		Heading                                                            string
		AsOf                                                               time.Time
	}
	want := counts{Rows: 21, Entries: 18, Reserved: 2, Skipped: 3, Warnings: 2, Footnotes: 4, AddressOnly: 2,
		Heading: "Supplement No. 4 to Part 744—Entity List", AsOf: day(2025, 1, 20)}
	for name, parse := range parsers {
		t.Run(name, func(t *testing.T) {
			l, err := parse(readFixture(t, name))
			if err != nil {
				t.Fatal(err)
			}
			got := counts{Rows: l.Rows, Entries: len(l.Entries), Reserved: l.Reserved(), Skipped: len(l.Skipped),
				Warnings: len(l.Warnings), Footnotes: len(l.Footnotes), Heading: l.Heading, AsOf: l.AsOf}
			for _, e := range l.Entries {
				if e.AddressOnly() {
					got.AddressOnly++
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("counts (-want +got):\n%s", d)
			}
			if l.Rows != len(l.Entries)+len(l.Skipped) {
				t.Errorf("rows %d != entries %d + skipped %d", l.Rows, len(l.Entries), len(l.Skipped))
			}
			wantSkipped := []RowNote{
				{Row: 6, Reason: ReasonReserved, Text: " | [Reserved]"},
				{Row: 20, Reason: ReasonEmptyEntity, Text: " |  | For all items subject to the EAR. | Presumption of denial. | 89 FR 99910, 7/2/24."},
				{Row: 21, Reason: ReasonReserved, Text: "[Reserved]"},
			}
			if d := cmp.Diff(wantSkipped, l.Skipped); d != "" {
				t.Errorf("skipped (-want +got):\n%s", d)
			}
			wantWarn := []RowNote{
				{Row: 18, Reason: "unread citation text", Text: "Corrected by later notice"},
				{Row: 19, Reason: "unknown country name", Text: "Freedonia"},
			}
			if d := cmp.Diff(wantWarn, l.Warnings); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
		})
	}
}

// The twin fixtures hold the same content, marked up as eCFR XML and as
// eCFR HTML (with footnotes as SU in one and glued digits in the other on
// some rows): both parsers must give identical lists.
func TestTwinFixturesIdentical(t *testing.T) {
	lx, lh := parseBoth(t, string(readFixture(t, "supplement4-ecfr.xml")), string(readFixture(t, "supplement4-ecfr.html")))
	if d := cmp.Diff(lx, lh); d != "" {
		t.Errorf("ParseECFR and ParseHTML differ (-xml +html):\n%s", d)
	}
}

func entryByRow(t *testing.T, l *List, row int) Entry {
	t.Helper()
	for _, e := range l.Entries {
		if e.Row == row {
			return e
		}
	}
	t.Fatalf("no entry for row %d", row)
	return Entry{}
}

func TestFixtureEntries(t *testing.T) {
	l, err := ParseECFR(bytes.NewReader(readFixture(t, "supplement4-ecfr.xml")))
	if err != nil {
		t.Fatal(err)
	}
	cn := Country{Name: "China, People’s Republic of", Code: "CN"}
	tests := []struct {
		row  int
		want Entry
	}{
		{row: 1, want: Entry{
			Row: 1, Country: cn,
			Name:    "Example Quantum Widget Technology Co., Ltd.",
			Aliases: []string{"Example QW", "Sample Atlas Widget Technology Co., Ltd."},
			Addresses: []sanctions.Address{{
				Text:   "Room 1001, Building 9, No. 1 Example Road, Haidian District, Beijing, 100084, China",
				Street: "Room 1001, Building 9, No. 1 Example Road, Haidian District", City: "Beijing", PostalCode: "100084", Country: "CN"}},
			EntityText:         "Example Quantum Widget Technology Co., Ltd., a.k.a., the following two aliases:\n—Example QW; and\n—Sample Atlas Widget Technology Co., Ltd. Room 1001, Building 9, No. 1 Example Road, Haidian District, Beijing, 100084, China.",
			LicenseRequirement: LicenseRequirement{Text: "For all items subject to the EAR. (See § 744.11 of the EAR)", Sections: []string{"744.11"}, ItemScope: "all items subject to the EAR"},
			LicensePolicy:      LicensePolicy{Kind: PolicyDenial, Text: "Presumption of denial."},
			Citations:          []sanctions.FRCitation{{Volume: 90, Page: 99901, Date: day(2025, 1, 16)}},
			CitationText:       "90 FR 99901, 1/16/25.",
		}},
		{row: 2, want: Entry{
			Row: 2, Country: cn,
			Name:    "Example Telecom Technologies Co., Ltd. (Example Telecom)",
			Aliases: []string{"Example Telecom"},
			Addresses: []sanctions.Address{{Text: "Example Base, Longgang District, Shenzhen, China",
				Street: "Example Base, Longgang District", City: "Shenzhen", Country: "CN"}},
			EntityText: "Example Telecom Technologies Co., Ltd. (Example Telecom), Example Base, Longgang District, Shenzhen, China.",
			LicenseRequirement: LicenseRequirement{
				Text:      "For all items subject to the EAR, see §§ 734.9(e), and 744.11 of the EAR, EXCEPT for technology subject to the EAR that is designated as EAR99.",
				Sections:  []string{"734.9(e)", "744.11"},
				ItemScope: "all items subject to the EAR, EXCEPT for technology subject to the EAR that is designated as EAR99"},
			LicensePolicy: LicensePolicy{Kind: PolicyDenial, Text: "Presumption of denial for items subject to the EAR, except case-by-case review for items designated as EAR99."},
			Footnotes:     []int{1, 2},
			Citations: []sanctions.FRCitation{
				{Volume: 84, Page: 22961, Date: day(2019, 5, 21)}, {Volume: 85, Page: 36720, Date: day(2020, 6, 18)},
				{Volume: 85, Page: 51603, Date: day(2020, 8, 20)}, {Volume: 86, Page: 71557, Date: day(2021, 12, 17)}},
			CitationText: "84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20. 85 FR 51603, 8/20/20. 86 FR 71557, 12/17/21.",
		}},
		{row: 4, want: Entry{
			Row: 4, Country: cn,
			Name:    "Example Sample Electronics Ltd.",
			Aliases: []string{"ESE", "Example Sample HK", "Sample Electronics Trading"},
			Addresses: []sanctions.Address{
				{Text: "12 Example Road, Shanghai, 200000, China", Street: "12 Example Road", City: "Shanghai", PostalCode: "200000", Country: "CN"},
				{Text: "7 Sample Avenue, Suzhou, China", Street: "7 Sample Avenue", City: "Suzhou", Country: "CN"}},
			EntityText:         "Example Sample Electronics Ltd., a.k.a. ESE; Example Sample HK; and Sample Electronics Trading, 12 Example Road, Shanghai, 200000, China; and 7 Sample Avenue, Suzhou, China.",
			LicenseRequirement: LicenseRequirement{Text: "For all items subject to the EAR. (See § 744.11 of the EAR)", Sections: []string{"744.11"}, ItemScope: "all items subject to the EAR"},
			LicensePolicy:      LicensePolicy{Kind: PolicyDenial, Text: "Presumption of denial."},
			Citations:          []sanctions.FRCitation{{Volume: 88, Page: 6621, LastPage: 6624, Date: day(2023, 2, 1)}},
			CitationText:       "88 FR 6621-6624, 2/1/23.",
		}},
		{row: 11, want: Entry{
			Row: 11, Country: Country{Name: "Russia", Code: "RU"},
			Name:               "AO Kaspersky Lab",
			Addresses:          []sanctions.Address{{Text: "Moscow, Russia", City: "Moscow", Country: "RU"}},
			EntityText:         "AO Kaspersky Lab, Moscow, Russia.",
			LicenseRequirement: LicenseRequirement{Text: "For all items subject to the EAR.", ItemScope: "all items subject to the EAR"},
			LicensePolicy:      LicensePolicy{Kind: PolicyDenial, Text: "Presumption of denial."},
			Citations:          []sanctions.FRCitation{{Volume: 89, Page: 52362, Date: day(2024, 6, 24)}},
			CitationText:       "89 FR 52362, 6/24/24.",
		}},
	}
	for _, tc := range tests {
		got := entryByRow(t, l, tc.row)
		tc.want.ID = got.ID
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("row %d (-want +got):\n%s", tc.row, d)
		}
	}
	// Sub-parts.
	e := entryByRow(t, l, 5)
	wantParts := []SubPart{{Kind: SubPartSubordinate, Heading: "the following subordinate institutions:",
		Items: []string{"Example Institute of Fluid Physics", "Example Institute of Electronics", "Example Laboratory of Materials"}}}
	if d := cmp.Diff(wantParts, e.Parts); d != "" {
		t.Errorf("row 5 parts (-want +got):\n%s", d)
	}
	e = entryByRow(t, l, 15)
	if len(e.Addresses) != 3 || e.Addresses[1].Text != "Warehouse 7, Jebel Ali Free Zone, Dubai, United Arab Emirates" || e.Parts[0].Kind != SubPartAddresses {
		t.Errorf("row 15 address list: %+v %+v", e.Addresses, e.Parts)
	}
	e = entryByRow(t, l, 17)
	if d := cmp.Diff([]SubPart{{Kind: SubPartAffiliated, Heading: "the following affiliated entities:",
		Items: []string{"Example Chip Services Ltd.", "Sample Wafer Trading Co."}}}, e.Parts); d != "" {
		t.Errorf("row 17 parts (-want +got):\n%s", d)
	}
	// Address-only entries.
	for _, row := range []int{7, 8} {
		e := entryByRow(t, l, row)
		if e.Name != "" || len(e.Addresses) != 1 || e.Country.Code != "HK" || e.Addresses[0].Country != "HK" {
			t.Errorf("row %d: want address-only entry in HK, got %+v", row, e)
		}
	}
	// Footnote 3 glued as plain text in XML, 4 as SU after a parenthesis.
	if got := entryByRow(t, l, 13).Footnotes; !cmp.Equal(got, []int{3}) {
		t.Errorf("row 13 footnotes = %v", got)
	}
	if got := entryByRow(t, l, 9).Footnotes; !cmp.Equal(got, []int{4}) {
		t.Errorf("row 9 footnotes = %v", got)
	}
	// IDs are unique and stable.
	ids := map[string]bool{}
	for _, e := range l.Entries {
		if ids[e.ID] || !strings.HasPrefix(e.ID, "EL-") {
			t.Errorf("bad or duplicate ID %q", e.ID)
		}
		ids[e.ID] = true
	}
	if got, want := entryByRow(t, l, 11).ID, hashID("RU|ao kaspersky lab"); got != want {
		t.Errorf("ID = %s, want %s", got, want)
	}
}

// Each quirk, as a one-row (or few-row) document in both formats.
func TestQuirks(t *testing.T) {
	lic := "For all items subject to the EAR. (See &#xA7; 744.11 of the EAR)"
	pol := "Presumption of denial."
	cite := "89 FR 52362, 6/24/24."
	type want struct {
		Country   Country
		Name      string
		Aliases   []string
		Addresses []string
		Footnotes []int
		Sections  []string
		Scope     string
		Kind      PolicyKind
		Cites     []sanctions.FRCitation
		Unread    []string
	}
	defaults := func(w want) want {
		if w.Sections == nil {
			w.Sections = []string{"744.11"}
		}
		if w.Scope == "" {
			w.Scope = "all items subject to the EAR"
		}
		if w.Kind == "" {
			w.Kind = PolicyDenial
		}
		if w.Cites == nil {
			w.Cites = []sanctions.FRCitation{{Volume: 89, Page: 52362, Date: day(2024, 6, 24)}}
		}
		return w
	}
	ru := Country{Name: "Russia", Code: "RU"}
	tests := []struct {
		name string
		rows [][]string
		want []want // one per entry
	}{
		{"continuation rows carry the country forward", [][]string{
			{"Russia", "Example One LLC, Moscow, Russia.", lic, pol, cite},
			{"", "Example Two LLC, Kazan, Russia.", lic, pol, cite},
			{"&#xA0;", "Example Three LLC, Tver, Russia.", lic, pol, cite},
		}, []want{
			{Country: ru, Name: "Example One LLC", Addresses: []string{"Moscow, Russia"}},
			{Country: ru, Name: "Example Two LLC", Addresses: []string{"Kazan, Russia"}},
			{Country: ru, Name: "Example Three LLC", Addresses: []string{"Tver, Russia"}},
		}},
		{"dash alias block with the address running on", [][]string{
			{"China, People's Republic of", "Example Widget Trading Co., Ltd., a.k.a., the following two aliases: &#x2014;Example Widget; and &#x2014;Sample Knowledge Widget Technology Co., Ltd. Room 1001, Building 9, Example Road, Beijing, China.", lic, pol, cite},
		}, []want{{Country: Country{"China, People's Republic of", "CN"}, Name: "Example Widget Trading Co., Ltd.",
			Aliases:   []string{"Example Widget", "Sample Knowledge Widget Technology Co., Ltd."},
			Addresses: []string{"Room 1001, Building 9, Example Road, Beijing, China"}}}},
		{"dash alias block with en dashes and line breaks", [][]string{
			{"Iran", "Example Parts Co., a.k.a., the following three aliases:<br/>&#x2013;EPC;<br/>&#x2013;Example Parts Company; and<br/>&#x2013;Sample Parts.<br/>No. 5, Example Alley, Tehran, Iran.", lic, pol, cite},
		}, []want{{Country: Country{"Iran", "IR"}, Name: "Example Parts Co.",
			Aliases: []string{"EPC", "Example Parts Company", "Sample Parts"}, Addresses: []string{"No. 5, Example Alley, Tehran, Iran"}}}},
		{"alias block one per line without dashes", [][]string{
			{"Iran", "Example Parts Co., a.k.a., the following two aliases:<P>EPC; and</P><P>Example Parts Company.</P><P>No. 5, Example Alley, Tehran, Iran.</P>", lic, pol, cite},
		}, []want{{Country: Country{"Iran", "IR"}, Name: "Example Parts Co.",
			Aliases: []string{"EPC", "Example Parts Company"}, Addresses: []string{"No. 5, Example Alley, Tehran, Iran"}}}},
		{"one alias", [][]string{
			{"Russia", "Example Instruments JSC, a.k.a. EIJSC, 4 Example Street, Moscow, 125212, Russia.", lic, pol, cite},
		}, []want{{Country: ru, Name: "Example Instruments JSC", Aliases: []string{"EIJSC"}, Addresses: []string{"4 Example Street, Moscow, 125212, Russia"}}}},
		{"aliases separated by ; and ; and", [][]string{
			{"Russia", "Example Group LLC, a.k.a. Example Group; EG Holding; and Sample Group, Moscow, Russia.", lic, pol, cite},
		}, []want{{Country: ru, Name: "Example Group LLC", Aliases: []string{"Example Group", "EG Holding", "Sample Group"}, Addresses: []string{"Moscow, Russia"}}}},
		{"several addresses joined with ; and", [][]string{
			{"Russia", "Example Radio LLC, 1 Example Street, Moscow, Russia; 2 Sample Street, Kazan, Russia; and 3 Example Lane, Omsk, Russia.", lic, pol, cite},
		}, []want{{Country: ru, Name: "Example Radio LLC", Addresses: []string{"1 Example Street, Moscow, Russia", "2 Sample Street, Kazan, Russia", "3 Example Lane, Omsk, Russia"}}}},
		{"footnote digits in SU markup", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", "For all items subject to the EAR, see &#xA7;&#xA7; 734.9(e),<SU>1</SU> and 744.11 of the EAR, EXCEPT<SU>2</SU> for technology.", pol, cite},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Footnotes: []int{1, 2},
			Sections: []string{"734.9(e)", "744.11"}, Scope: "all items subject to the EAR, EXCEPT for technology"}}},
		{"footnote digits glued as plain text", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", "For all items subject to the EAR, see &#xA7;&#xA7; 734.9(e),1 and 744.11 of the EAR, EXCEPT2 for technology.", pol, cite},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Footnotes: []int{1, 2},
			Sections: []string{"734.9(e)", "744.11"}, Scope: "all items subject to the EAR, EXCEPT for technology"}}},
		{"EAR99 is not a footnote", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", "All items subject to the EAR having a classification other than EAR99.", "Case-by-case review.", cite},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Sections: []string{},
			Scope: "all items subject to the EAR having a classification other than EAR99", Kind: PolicyCaseByCase}}},
		{"dashes, entities, nbsp and pretty-printing", [][]string{
			{"\n  T&#xFC;rkiye\n", "\n   Example Makine A.S.,&#xA0;Example&#xA0;Caddesi\n   No. 4,   Istanbul, T&#xFC;rkiye.\n", "For all items subject to the EAR &#x2013; (See &#xA7;&#xA0;744.11 of the EAR)", "Presumption&#xA0;of denial.", "89&#xA0;FR 52362, 6/24/24."},
		}, []want{{Country: Country{"Türkiye", "TR"}, Name: "Example Makine A.S.", Addresses: []string{"Example Caddesi No. 4, Istanbul, Türkiye"}}}},
		{"named entities in both formats", [][]string{
			{"Russia", "Example &amp; Sons&nbsp;LLC, a.k.a.&nbsp;E&amp;S, Moscow, Russia.", "For all items subject to the EAR&nbsp;&mdash; (See &sect;&nbsp;744.11 of the EAR)", pol, cite},
		}, []want{{Country: ru, Name: "Example & Sons LLC", Aliases: []string{"E&S"}, Addresses: []string{"Moscow, Russia"}}}},
		{"many citations, no date, page ranges", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", lic, pol, "84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20. 87 FR 13141-13145. 89 FR 52362-64, 6/24/24."},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Cites: []sanctions.FRCitation{
			{Volume: 84, Page: 22961, Date: day(2019, 5, 21)}, {Volume: 85, Page: 36720, Date: day(2020, 6, 18)},
			{Volume: 87, Page: 13141, LastPage: 13145}, {Volume: 89, Page: 52362, LastPage: 52364, Date: day(2024, 6, 24)}}}}},
		{"unreadable citation text is kept", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", lic, pol, "89 FR 52362, 6/24/24. Pending correction."},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Unread: []string{"Pending correction"}}}},
		{"reserved rows are skipped", [][]string{
			{"Russia", "[Reserved]", "", "", ""},
			{"", "Example Optics LLC, Moscow, Russia.", lic, pol, cite},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}}}},
		{"policy kinds", [][]string{
			{"Russia", "Example A LLC, Moscow, Russia.", lic, "Case-by-case review for items necessary to detect hazards.", cite},
			{"", "Example B LLC, Moscow, Russia.", lic, "Presumption of approval.", cite},
			{"", "Example C LLC, Moscow, Russia.", lic, "See &#xA7; 744.2(d) of the EAR.", cite},
			{"", "Example D LLC, Moscow, Russia.", lic, "Review on its merits.", cite},
		}, []want{
			{Country: ru, Name: "Example A LLC", Addresses: []string{"Moscow, Russia"}, Kind: PolicyCaseByCase},
			{Country: ru, Name: "Example B LLC", Addresses: []string{"Moscow, Russia"}, Kind: PolicyApproval},
			{Country: ru, Name: "Example C LLC", Addresses: []string{"Moscow, Russia"}, Kind: PolicySection},
			{Country: ru, Name: "Example D LLC", Addresses: []string{"Moscow, Russia"}, Kind: PolicyOther},
		}},
		{"sections with subparagraphs", [][]string{
			{"Russia", "Example Optics LLC, Moscow, Russia.", "For all items subject to the EAR. (See &#xA7;&#xA7; 746.8(a)(3) and 744.21 of the EAR)", pol, cite},
		}, []want{{Country: ru, Name: "Example Optics LLC", Addresses: []string{"Moscow, Russia"}, Sections: []string{"746.8(a)(3)", "744.21"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lx, lh := parseBoth(t, xmlDoc(tc.rows...), htmlDoc(tc.rows...))
			if d := cmp.Diff(lx, lh); d != "" {
				t.Errorf("XML and HTML differ (-xml +html):\n%s", d)
			}
			var got []want
			for _, e := range lx.Entries {
				w := want{Country: e.Country, Name: e.Name, Aliases: e.Aliases, Footnotes: e.Footnotes,
					Sections: e.LicenseRequirement.Sections, Scope: e.LicenseRequirement.ItemScope,
					Kind: e.LicensePolicy.Kind, Cites: e.Citations, Unread: e.UnreadCitations}
				if w.Sections == nil {
					w.Sections = []string{}
				}
				for _, a := range e.Addresses {
					w.Addresses = append(w.Addresses, a.Text)
				}
				got = append(got, w)
			}
			var exp []want
			for _, w := range tc.want {
				exp = append(exp, defaults(w))
			}
			if d := cmp.Diff(exp, got); d != "" {
				t.Errorf("entries (-want +got):\n%s", d)
			}
		})
	}
}

func TestMalformed(t *testing.T) {
	good := []string{"Russia", "Example Optics LLC, Moscow, Russia.", "For all items subject to the EAR.", "Presumption of denial.", "89 FR 52362, 6/24/24."}
	fullXML := xmlDoc(good, good, good)
	fullHTML := htmlDoc(good, good, good)
	fourCols := func(doc string) string {
		return strings.Replace(doc, "Federal Register citation", "", 1)
	}
	tests := []struct {
		name     string
		parse    func(string) (*List, error)
		doc      string
		want     error
		wantLine bool
		wantRow  int
	}{
		{"xml truncated in a row", parseXMLString, fullXML[:len(fullXML)*2/3], ErrTruncated, true, 0},
		{"xml truncated after the table", parseXMLString, fullXML[:strings.Index(fullXML, "</DIV9>")], ErrTruncated, true, 0},
		{"xml truncated in a tag", parseXMLString, fullXML[:strings.Index(fullXML, "</TABLE>")+4], ErrTruncated, true, 0},
		{"xml not well-formed", parseXMLString, strings.Replace(fullXML, "</TD>", "</TH>", 1), ErrSyntax, true, 0},
		{"xml four-column header", parseXMLString, strings.Replace(fullXML, "<TH class=\"gpotbl_colhed\" scope=\"col\">Federal Register citation\n</TH>", "", 1), ErrColumns, true, 0},
		{"xml row with four cells", parseXMLString, xmlDoc(good, good[:4]), ErrColumns, true, 2},
		{"xml without the table", parseXMLString, "<?xml version=\"1.0\"?>\n<DIV5 N=\"744\" TYPE=\"PART\"><HEAD>PART 744</HEAD><P>Text.</P></DIV5>", ErrNoTable, true, 0},
		{"xml other table only", parseXMLString, strings.Replace(fullXML, "Country", "Received", 1), ErrNoTable, true, 0},
		{"xml empty", parseXMLString, "", ErrNoTable, false, 0},
		{"html truncated in the table", parseHTMLString, fullHTML[:len(fullHTML)*2/3], ErrTruncated, true, 0},
		{"html truncated before </html>", parseHTMLString, fullHTML[:strings.Index(fullHTML, "</body>")], ErrTruncated, true, 0},
		{"html four-column header", parseHTMLString, strings.Replace(fullHTML, "<th>Federal Register citation</th>", "", 1), ErrColumns, true, 0},
		{"html row with four cells", parseHTMLString, htmlDoc(good, good[:4]), ErrColumns, true, 2},
		{"html without the table", parseHTMLString, "<!DOCTYPE html><html><body><p>Nothing here.</p></body></html>", ErrNoTable, false, 0},
		{"html other table", parseHTMLString, fourCols(strings.Replace(fullHTML, "Country", "Day", 1)), ErrNoTable, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := tc.parse(tc.doc)
			if err == nil {
				t.Fatalf("no error; list has %d entries", len(l.Entries))
			}
			if l != nil {
				t.Errorf("a list was returned with the error")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if tc.wantLine && pe.Line == 0 {
				t.Errorf("error %v names no line", err)
			}
			if tc.wantRow != 0 && pe.Row != tc.wantRow {
				t.Errorf("error %v: row %d, want %d", err, pe.Row, tc.wantRow)
			}
		})
	}
}

func parseXMLString(s string) (*List, error)  { return ParseECFR(strings.NewReader(s)) }
func parseHTMLString(s string) (*List, error) { return ParseHTML(strings.NewReader(s)) }

// endless is a reader that never ends: a prefix, then unit repeated
// forever. n counts the bytes handed out.
type endless struct {
	pre  string
	unit string
	pos  int
	n    int64
}

func (e *endless) Read(p []byte) (int, error) {
	w := 0
	for w < len(p) {
		if e.pre != "" {
			k := copy(p[w:], e.pre)
			e.pre = e.pre[k:]
			w += k
			continue
		}
		k := copy(p[w:], e.unit[e.pos:])
		e.pos = (e.pos + k) % len(e.unit)
		w += k
	}
	e.n += int64(w)
	return w, nil
}

func TestSizeLimit(t *testing.T) {
	row := "<TR><TD>Russia</TD><TD>Example LLC, Moscow, Russia.</TD><TD>For all items subject to the EAR.</TD><TD>Presumption of denial.</TD><TD>89 FR 52362, 6/24/24.</TD></TR>\n"
	head := strings.SplitAfter(xmlDoc(), "</TR>\n")[0]
	for _, tc := range []struct {
		name  string
		parse func(*endless, Options) (*List, error)
	}{
		{"xml", func(r *endless, o Options) (*List, error) { return ParseECFROptions(r, o) }},
		{"html", func(r *endless, o Options) (*List, error) { return ParseHTMLOptions(r, o) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &endless{pre: head, unit: row}
			_, err := tc.parse(r, Options{MaxBytes: 1 << 20})
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error = %v, want ErrTooLarge", err)
			}
			if r.n > 1<<20+64<<10 {
				t.Errorf("read %d bytes past a limit of %d", r.n, 1<<20)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Offset == 0 {
				t.Errorf("error %v names no offset", err)
			}
		})
	}
	// Exactly at the limit is accepted.
	doc := xmlDoc([]string{"Russia", "Example LLC, Moscow, Russia.", "For all items subject to the EAR.", "Presumption of denial.", "89 FR 52362, 6/24/24."})
	if _, err := ParseECFROptions(strings.NewReader(doc), Options{MaxBytes: int64(len(doc))}); err != nil {
		t.Errorf("document of exactly MaxBytes: %v", err)
	}
	if _, err := ParseECFROptions(strings.NewReader(doc), Options{MaxBytes: int64(len(doc) - 1)}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("document one byte above MaxBytes: %v", err)
	}
	if _, err := ParseHTMLOptions(strings.NewReader(htmlDoc()), Options{MaxBytes: -1}); err != nil {
		t.Errorf("no limit: %v", err)
	}
}

// A document holding other tables (part 744 has several) is read for the
// Entity List table alone, and row numbers count only its rows.
func TestOtherTablesIgnored(t *testing.T) {
	row := []string{"Russia", "Example Optics LLC, Moscow, Russia.", "For all items subject to the EAR.", "Presumption of denial.", "89 FR 52362, 6/24/24."}
	other := `<DIV class="gpotbl_div"><TABLE class="gpotbl_table"><TR><TH>ECCN</TH><TH>Reason</TH></TR><TR><TD>3A001</TD><TD>NS</TD></TR></TABLE></DIV>`
	x := strings.Replace(xmlDoc(row), `<DIV width="100%">`, other+`<DIV width="100%">`, 1)
	h := strings.Replace(htmlDoc(row), `<div class="gpotbl_div">`, strings.ToLower(other), 1)
	lx, lh := parseBoth(t, x, h)
	if d := cmp.Diff(lx, lh); d != "" {
		t.Errorf("XML and HTML differ (-xml +html):\n%s", d)
	}
	if lx.Rows != 1 || len(lx.Entries) != 1 || lx.Entries[0].Row != 1 || lx.Entries[0].Name != "Example Optics LLC" {
		t.Errorf("got rows %d, entries %+v", lx.Rows, lx.Entries)
	}
}

type failingReader struct{ n int }

var errDisk = errors.New("disk on fire")

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n > 0 {
		f.n = 0
		return copy(p, "<?xml version=\"1.0\"?>\n<DIV9>"), nil
	}
	return 0, errDisk
}

// A reader's own error is passed on, wrapped, with the position reached.
func TestReaderError(t *testing.T) {
	for name, parse := range map[string]func(*failingReader) (*List, error){
		"xml":  func(r *failingReader) (*List, error) { return ParseECFR(r) },
		"html": func(r *failingReader) (*List, error) { return ParseHTML(r) },
	} {
		l, err := parse(&failingReader{n: 1})
		var pe *ParseError
		if l != nil || !errors.Is(err, errDisk) || errors.Is(err, ErrSyntax) || !errors.As(err, &pe) || pe.Offset == 0 {
			t.Errorf("%s: got %v, %v", name, l, err)
		}
	}
}

// IDs depend on the country's code and the folded name, so they survive a
// renamed country heading and typographic changes to the name.
func TestStableIDs(t *testing.T) {
	id := func(country, entity string) string {
		l, err := parseXMLString(xmlDoc([]string{country, entity, "For all items subject to the EAR.", "Presumption of denial.", "89 FR 52362, 6/24/24."}))
		if err != nil {
			t.Fatal(err)
		}
		return l.Entries[0].ID
	}
	a := id("Turkey", "Example Makine A.S., Istanbul, Turkey.")
	if b := id("T&#xFC;rkiye", "Example  Makine A.S. , Istanbul, T&#xFC;rkiye."); a != b {
		t.Errorf("renamed country or respaced name changed the ID: %s != %s", a, b)
	}
	if c := id("Turkey", "Example Makina A.S., Istanbul, Turkey."); a == c {
		t.Errorf("different names share the ID %s", a)
	}
	if d := id("Russia", "Example Makine A.S., Moscow, Russia."); a == d {
		t.Errorf("different countries share the ID %s", a)
	}
}
