package icts

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rpscreen/rpscreen/sanctions"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "icts", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wantKaspersky() *Determination {
	at := func(y int, m time.Month, d int) time.Time { return OnDay(y, m, d) }
	return &Determination{
		Kind:           KindFinalDetermination,
		DocumentType:   "NOTICE",
		CaseNumber:     "ICTS-2021-002",
		Title:          "Final Determination: Case No. ICTS-2021-002, Kaspersky Lab, Inc.",
		Citation:       sanctions.FRCitation{Volume: 89, Page: 52434, LastPage: 52437, Issue: 121, Date: utcDate(2024, 6, 24)},
		DocumentNumber: "2024-13532",
		Published:      utcDate(2024, 6, 24),
		Effective:      utcDate(2024, 7, 20),
		Authority: Authority{
			ExecutiveOrders: []string{"13873"},
			CFRTitle:        15,
			CFRPart:         7,
			Sections: []CFRSection{
				{Part7: "7.1(b)", Part791: "791.1(b)"},
				{Part7: "7.100(a)", Part791: "791.100(a)"},
				{Part7: "7.103(a)", Part791: "791.103(a)"},
				{Part7: "7.103(b)", Part791: "791.103(b)"},
				{Part7: "7.109(a)", Part791: "791.109(a)"},
			},
		},
		CoveredPersons: []CoveredPerson{{
			ID: "ICTS-2021-002/1", Name: "Kaspersky Lab, Inc.", Aliases: []string{"Kaspersky"},
			Scope: []Relationship{Affiliates, Subsidiaries, ParentCompanies},
		}},
		Prohibitions: []Prohibition{
			{NewAgreement, at(2024, 7, 20), "Beginning at 12:00 a.m. EDT on July 20, 2024, Kaspersky is prohibited from entering into any new agreement with U.S. persons involving one or more covered ICTS transactions"},
			{Update, at(2024, 9, 29), "providing any anti-virus signature updates and codebase updates"},
			{Resale, at(2024, 9, 29), "resale of Kaspersky cybersecurity or anti-virus software"},
			{Integration, at(2024, 9, 29), "integration of Kaspersky cybersecurity or anti-virus software into third-party products or services"},
			{Licensing, at(2024, 9, 29), "licensing of Kaspersky cybersecurity or anti-virus software for resale or integration into other products or services"},
		},
		Exclusions: []Exclusion{
			{"Kaspersky threat intelligence products and services"},
			{"Kaspersky security training products and services"},
			{"Kaspersky consulting or advisory services that are purely informational or educational"},
		},
		SourceURL: "https://www.federalregister.gov/d/2024-13532",
	}
}

func TestReadIssueKasperskyFixture(t *testing.T) {
	for _, name := range []string{"kaspersky-final-determination.xml", "kaspersky-final-determination-quirks.xml"} {
		t.Run(name, func(t *testing.T) {
			is, err := ReadIssue(bytes.NewReader(fixture(t, name)))
			if err != nil {
				t.Fatal(err)
			}
			if is.Volume != 89 || is.Number != 121 || !is.Date.Equal(utcDate(2024, 6, 24)) || len(is.Documents) != 1 {
				t.Fatalf("issue %d/%d %v with %d documents", is.Volume, is.Number, is.Date, len(is.Documents))
			}
			doc := &is.Documents[0]
			if doc.Agency != "DEPARTMENT OF COMMERCE" || !cmp.Equal(doc.SubAgencies, []string{"Bureau of Industry and Security"}) ||
				doc.BillingCode != "3510-33-P" || doc.Type != "NOTICE" || !doc.IsICTS() {
				t.Errorf("heading: %q %q %q %q ICTS=%v", doc.Agency, doc.SubAgencies, doc.BillingCode, doc.Type, doc.IsICTS())
			}
			if strings.Contains(doc.Text, "DSK") || strings.Contains(doc.Text, "``") || strings.Contains(doc.Text, "“") {
				t.Errorf("text not normalised: %q", doc.Text)
			}
			got, err := doc.Determination()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantKaspersky(), got); diff != "" {
				t.Errorf("Determination (-want +got):\n%s", diff)
			}
			// The parsed record agrees with the embedded one on every
			// field both have, and can be added to a registry.
			reg, _ := Default().Lookup("ICTS-2021-002")
			if !cmp.Equal(reg.Citation, got.Citation) || reg.DocumentNumber != got.DocumentNumber ||
				!reg.Effective.Equal(got.Effective) || !cmp.Equal(reg.Authority, got.Authority) || !cmp.Equal(reg.Exclusions, got.Exclusions) {
				t.Errorf("parsed record disagrees with the registry")
			}
			for i, p := range got.Prohibitions {
				if rp := reg.Prohibitions[i]; rp.Class != p.Class || !rp.Effective.Equal(p.Effective) {
					t.Errorf("prohibition %d: registry %v %v, parsed %v %v", i, rp.Class, rp.Effective, p.Class, p.Effective)
				}
			}
			r := NewRegistry(time.Time{})
			if err := r.Add(got); err != nil {
				t.Fatal(err)
			}
			if a := r.Prohibited("Kaspersky", Update, OnDay(2024, 9, 29)); !a.Prohibited {
				t.Errorf("parsed record: %s", a.Reason)
			}
		})
	}
}

func TestReadIssueDaily(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "fr-daily-issue-2024-02-12.xml")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	defer f.Close()
	is, err := ReadIssue(f)
	if err != nil {
		t.Fatal(err)
	}
	if is.Volume != 89 || is.Number != 29 || !is.Date.Equal(utcDate(2024, 2, 12)) {
		t.Errorf("issue %d/%d %v", is.Volume, is.Number, is.Date)
	}
	types := map[string]int{}
	for _, d := range is.Documents {
		types[d.Type]++
	}
	if diff := cmp.Diff(map[string]int{"RULE": 13, "PRORULE": 7, "NOTICE": 75, "PRESDOCU": 1}, types); diff != "" {
		t.Errorf("document types (-want +got):\n%s", diff)
	}
	if len(is.Contents) != 96 {
		t.Errorf("%d contents entries, want 96", len(is.Contents))
	}
	contents := map[string]ContentsEntry{}
	for _, c := range is.Contents {
		contents[c.DocumentNumber] = c
	}
	seen := map[string]bool{}
	exact, ictsDocs, signed, effective := 0, 0, 0, 0
	for _, d := range is.Documents {
		if !reDocNumber.MatchString(d.DocumentNumber) || seen[d.DocumentNumber] {
			t.Errorf("line %d: document number %q", d.Line, d.DocumentNumber)
		}
		seen[d.DocumentNumber] = true
		c := d.Citation
		if c.Volume != 89 || c.Page < 9739 || c.Page > 10000 || c.Issue != 29 || !c.Date.Equal(is.Date) {
			t.Errorf("%s: citation %+v", d.DocumentNumber, c)
		}
		// Every document's pages lie within its contents entry (the
		// contents give one range for documents grouped under a subject).
		e, ok := contents[d.DocumentNumber]
		last := max(c.LastPage, c.Page)
		eLast := max(e.LastPage, e.FirstPage)
		if !ok || c.Page < e.FirstPage || last > eLast {
			t.Errorf("%s (line %d): pages %d-%d outside contents %d-%d", d.DocumentNumber, d.Line, c.Page, last, e.FirstPage, eLast)
		}
		if c.Page == e.FirstPage && last == eLast {
			exact++
		}
		if d.IsICTS() {
			ictsDocs++
		}
		if _, err := d.Determination(); !errors.Is(err, ErrNotICTS) {
			t.Errorf("%s: Determination() = %v, want ErrNotICTS", d.DocumentNumber, err)
		}
		if !d.Signed.IsZero() {
			signed++
		}
		if !d.Effective.IsZero() {
			effective++
		}
	}
	if ictsDocs != 0 {
		t.Errorf("%d ICTS documents, want 0", ictsDocs)
	}
	// Measured on this issue: 83 documents match their contents entry
	// exactly; the other 13 share a grouped entry.
	if exact != 83 {
		t.Errorf("%d documents match their contents entry exactly, want 83", exact)
	}
	t.Logf("%d documents, %d contents entries, %d exact page matches, %d signed, %d with an effective date", len(is.Documents), len(is.Contents), exact, signed, effective)
	first := is.Documents[0]
	if first.DocumentNumber != "2024-02930" || first.Citation.Page != 9741 || !first.Effective.Equal(utcDate(2024, 2, 12)) ||
		!first.Signed.Equal(utcDate(2024, 2, 2)) || !first.CommentsDue.Equal(utcDate(2024, 3, 28)) || first.RIN != "2120-AA64" ||
		!cmp.Equal(first.CFR, []CFRRef{{Title: 14, Parts: []int{39}, Raw: "14 CFR Part 39"}}) {
		t.Errorf("first document: %+v", first)
	}
}

func TestReadIssueRule(t *testing.T) {
	// A synthetic ICTS rule in GPO's structure, to exercise rule kinds and
	// effective dates.
	const doc = `<RULE><PREAMB><PRTPAGE P="100"/><AGENCY>DEPARTMENT OF COMMERCE</AGENCY>
<SUBAGY>Bureau of Industry and Security</SUBAGY><CFR>15 CFR Part 791</CFR><DEPDOC>[Docket No. 990101-0001]</DEPDOC>
<RIN>RIN 0694-ZZ99</RIN><SUBJECT>Example Rule</SUBJECT><ACT><HD SOURCE="HED">ACTION:</HD><P>Interim final rule.</P></ACT>
<EFFDATE><HD SOURCE="HED">DATES:</HD><P>This rule is effective March 3, 2099.</P></EFFDATE></PREAMB>
<SUPLINF><P>Under Executive Order 13873 and 15 CFR 791.300, this rule restricts products.</P><PRTPAGE P="101"/><P>More.</P></SUPLINF>
<FRDOC>[FR Doc. 2099-00001 Filed 1-1-99; 8:45 am]</FRDOC><BILCOD>BILLING CODE 3510-33-P</BILCOD></RULE>`
	is, err := ReadIssue(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	d := &is.Documents[0]
	if d.Citation.Page != 100 || d.Citation.LastPage != 101 || d.Citation.Volume != 0 {
		t.Errorf("citation %+v", d.Citation)
	}
	if _, err := d.Determination(); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "citation") {
		t.Errorf("without volume: %v", err)
	}
	rel := "2099-01-01"
	meta := &APIDocument{DocumentNumber: "2099-00001", Citation: "164 FR 100", PublicationDate: rel, EndPage: 101}
	if err := d.ApplyMetadata(meta); err != nil {
		t.Fatal(err)
	}
	det, err := d.Determination()
	if err != nil {
		t.Fatal(err)
	}
	if det.Kind != KindInterimFinalRule || !det.Effective.Equal(utcDate(2099, 3, 3)) || det.Docket != "990101-0001" || det.RIN != "0694-ZZ99" ||
		det.Authority.CFRPart != 791 || !cmp.Equal(det.Authority.Sections, []CFRSection{{Part791: "791.300"}}) || det.Citation.Volume != 164 {
		t.Errorf("rule: %+v", det)
	}
	if err := d.ApplyMetadata(&APIDocument{DocumentNumber: "2099-00002"}); err == nil {
		t.Error("ApplyMetadata accepted another document's metadata")
	}
}

func TestReadIssueErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "no Federal Register"},
		{"<FEDREG><VOL>89</VOL>", "line 1"},
		{"<FEDREG>\n<VOL>89</VOL>\n<NOTICE><PRTPAGE P=\"5\"/><P>x</P></NOTICE></FEDREG>", "line 3"},
		{"<FEDREG><VOL>89</VOL><NOTICE><P>x</P><FRDOC>[FR Doc. 2024-00001]</FRDOC></NOTICE></FEDREG>", "no printed page"},
		{"<FEDREG><VOL>89</VOL><NOTICE><PRTPAGE P=\"x\"/></NOTICE></FEDREG>", "not a page number"},
		{"<FEDREG><VOL>x</VOL></FEDREG>", "VOL"},
		{"<FEDREG><DATE>someday</DATE></FEDREG>", "issue DATE"},
		{"<FEDREG><VOL>1</VOL><NOTICE><PRTPAGE P=\"1\"/><FRDOC>[FR Doc. none]</FRDOC></NOTICE></FEDREG>", "FRDOC"},
		{"<FEDREG>\n\n<VOL>1</VOL><P>a</Q></FEDREG>", "line 3"},
	}
	for _, tc := range tests {
		_, err := ReadIssue(strings.NewReader(tc.in))
		var se *SyntaxError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &se) {
			t.Errorf("ReadIssue(%q) = %v, want *SyntaxError containing %q", tc.in, err, tc.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := map[string]string{
		"Case No. ICTS– 2021–002, Kaspersky":                              "Case No. ICTS-2021-002, Kaspersky",
		"ICTS - 2021 - 002":                                               "ICTS-2021-002",
		"``E.O.'' and ‘‘Kaspersky’’ and “x” and it’s":                     `"E.O." and "Kaspersky" and "x" and it's`,
		"U.S. persons. lotter on DSK11XQN23PROD with NOTICES1 Background": "U.S. persons. Background",
		"a\n\n   b  c\n": "a b c",
		"End.\nStart":    "End.\nStart",
	}
	for in, want := range tests {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseAPIDocument(t *testing.T) {
	d, err := ParseAPIDocument(bytes.NewReader(fixture(t, "fr-api-2024-13532.json")))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sanctions.FRCitation{Volume: 89, Page: 52434, LastPage: 52437, Date: utcDate(2024, 6, 24)}, d.FRCitation()); diff != "" {
		t.Errorf("citation (-want +got):\n%s", diff)
	}
	if !d.IsICTS() || d.DocumentType() != "NOTICE" || len(d.Agencies) != 2 || d.Agencies[1].Slug != "industry-and-security-bureau" {
		t.Errorf("document %+v", d)
	}
	// Complete the fixture document's citation from the metadata.
	is, err := ReadIssue(bytes.NewReader(fixture(t, "kaspersky-final-determination.xml")))
	if err != nil {
		t.Fatal(err)
	}
	doc := is.Documents[0]
	if err := doc.ApplyMetadata(d); err != nil || doc.Citation.Issue != 121 || doc.Citation.LastPage != 52437 {
		t.Errorf("ApplyMetadata: %v %+v", err, doc.Citation)
	}

	s, err := ParseAPISearch(strings.NewReader(`{"count":1,"total_pages":1,"results":[{"document_number":"2025-00592","citation":"90 FR 5360","start_page":5360,"end_page":5424,"publication_date":"2025-01-16","type":"Rule","cfr_references":[{"title":15,"part":"791"}],"title":"Securing the Information and Communications Technology and Services Supply Chain: Connected Vehicles"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Results[0]; !r.IsICTS() || r.FRCitation().LastPage != 5424 || r.DocumentType() != "RULE" {
		t.Errorf("search result %+v", r)
	}
}

func TestParseAPIDocumentErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"document_number":"2024-13532","citation":"89 FR 52434","publication_date":"2024-06-24"`, "unexpected end"},
		{`{"document_number":"2024-13532","citation":"89 FR 52434","publication_date":"2024-06-24","title":"Final Det`, "unexpected end"},
		{"{\n\"document_number\": 5}", "line 2"},
		{`{"document_number":"x"}`, "document_number"},
		{`{"document_number":"2024-13532","publication_date":"June 24"}`, "publication_date"},
		{`{"document_number":"2024-13532","publication_date":"2024-06-24"}`, "no citation"},
		{`{"document_number":"2024-13532","citation":"89 FR 52434","publication_date":"2024-06-24","cfr_references":[{"title":15,"part":"seven"}]}`, "not a number"},
	}
	for _, tc := range tests {
		_, err := ParseAPIDocument(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseAPIDocument(%q) = %v, want error containing %q", tc.in, err, tc.want)
		}
	}
	if _, err := ParseAPIDocument(strings.NewReader(`{"document_number":"2024`)); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated JSON: %v, want io.ErrUnexpectedEOF", err)
	}
	if _, err := ParseAPISearch(strings.NewReader(`{"results":[{"document_number":"bad"}]}`)); err == nil || !strings.Contains(err.Error(), "results[0]") {
		t.Errorf("ParseAPISearch: %v", err)
	}
	// The truncated real API response in the shared corpus is an error
	// with its position, never a partial record.
	path := filepath.Join("..", "..", "shared", "corpus", "fr-api-document-TRUNCATED.json.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared corpus absent: %v", err)
	}
	i := bytes.IndexByte(b, '{')
	if _, err := ParseAPIDocument(bytes.NewReader(b[i:])); err == nil || !strings.Contains(err.Error(), "byte offset") {
		t.Errorf("truncated API document: %v", err)
	}
}

func FuzzReadIssue(f *testing.F) {
	f.Add(fixture(f, "kaspersky-final-determination.xml"))
	f.Add(fixture(f, "kaspersky-final-determination-quirks.xml"))
	f.Add([]byte(`<RULE><PREAMB><PRTPAGE P="1"/><CFR>15 CFR Part 7</CFR><SUBJECT>Final Determination: Case No. ICTS-2099-001, X</SUBJECT></PREAMB><P>X (together with all successors, "Y") is prohibited from updates from 1:30 p.m. on May 1, 2099; it does not apply to a, b.</P><FRDOC>[FR Doc. 2099-00001]</FRDOC></RULE>`))
	f.Add([]byte(`<FEDREG><VOL>1</VOL><NO>2</NO><DATE>Monday, June 24, 2024</DATE><CNTNTS><PGS>1-2</PGS><FRDOCBP>2024-00001</FRDOCBP><PRTPAGE P="iii"/></CNTNTS></FEDREG>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		is, err := ReadIssue(bytes.NewReader(b))
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error is not a *SyntaxError: %v", err)
			}
			return
		}
		for i := range is.Documents {
			d := &is.Documents[i]
			if !reDocNumber.MatchString(d.DocumentNumber) || d.Citation.Page <= 0 || (d.Citation.LastPage != 0 && d.Citation.LastPage <= d.Citation.Page) {
				t.Fatalf("document %d: %+v", i, d)
			}
			det, err := d.Determination()
			if err == nil {
				if verr := det.Validate(); verr != nil {
					t.Fatalf("Determination returned an invalid record without error: %v", verr)
				}
			}
		}
	})
}

func FuzzParseAPIDocument(f *testing.F) {
	f.Add(fixture(f, "fr-api-2024-13532.json"))
	f.Add([]byte(`{"document_number":"2024-13532","citation":"89 FR 52434-37","publication_date":"2024-06-24"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseAPIDocument(bytes.NewReader(b))
		if err != nil {
			return
		}
		if c := d.FRCitation(); c.Volume <= 0 || c.Page <= 0 || c.Date.IsZero() {
			t.Fatalf("accepted document with citation %+v", c)
		}
	})
}

func TestProhibitionsOf(t *testing.T) {
	text := strings.Join([]string{
		"On June 20, 2024, the Secretary signed this determination.",
		"Example Widget Trading Co., Ltd. is prohibited from reselling its software from September 1, 2099 at 3:30 p.m. EDT.",
		"Beginning March 2, 2099, the following are prohibited: (1) providing updates; (2) operating the network of the covered person.",
		"New agreements are prohibited.",
	}, "\n")
	got := prohibitionsOf(text)
	want := []Prohibition{
		{Resale, time.Date(2099, 9, 1, 15, 30, 0, 0, Eastern), "Example Widget Trading Co., Ltd. is prohibited from reselling its software from September 1, 2099 at 3:30 p.m. EDT"},
		{Update, OnDay(2099, 3, 2), "providing updates"},
		{NetworkOperation, OnDay(2099, 3, 2), "operating the network of the covered person"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("prohibitionsOf (-want +got):\n%s", diff)
	}
}
