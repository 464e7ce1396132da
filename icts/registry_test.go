package icts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rpscreen/rpscreen/sanctions"
)

func TestEmbeddedRegistryComplete(t *testing.T) {
	r := Default()
	if got, want := r.AsOf(), utcDate(2025, 1, 16); !got.Equal(want) {
		t.Errorf("AsOf = %v, want %v", got, want)
	}
	dets := r.Determinations()
	kinds := map[Kind]int{}
	for _, d := range dets {
		kinds[d.Kind]++
		if err := d.Validate(); err != nil {
			t.Errorf("%s: %v", d.ID(), err)
		}
		if d.Published.After(r.AsOf()) {
			t.Errorf("%s published %v after as-of %v", d.ID(), d.Published, r.AsOf())
		}
		if !strings.HasSuffix(d.SourceURL, "/"+d.DocumentNumber) {
			t.Errorf("%s: source URL %q does not name the document", d.ID(), d.SourceURL)
		}
		if d.Kind == KindFinalDetermination {
			for _, p := range d.CoveredPersons {
				if p.Country == "" || len(p.Scope) == 0 {
					t.Errorf("%s: covered person %s lacks country or scope", d.ID(), p.ID)
				}
			}
			first := d.Prohibitions[0].Effective
			for _, p := range d.Prohibitions {
				if p.Effective.Before(first) {
					first = p.Effective
				}
				if p.Effective.Location() != Eastern {
					t.Errorf("%s: %s instant not in Eastern: %v", d.ID(), p.Class, p.Effective.Location())
				}
			}
			if !dayUTC(first).Equal(d.Effective) {
				t.Errorf("%s: effective %v, first prohibition %v", d.ID(), d.Effective, first)
			}
			if len(d.Exclusions) == 0 || len(d.Related) == 0 || len(d.CoveredProducts) == 0 {
				t.Errorf("%s: lacks exclusions, related listings or covered products", d.ID())
			}
		}
		for _, s := range d.Authority.Sections {
			want, err := ParseCFRSection(s.Part791)
			if err != nil || (s.Part7 != "" && want.Part791 != s.Part791) {
				t.Errorf("%s: section %+v: %v", d.ID(), s, err)
			}
			if s.Part7 != "" {
				got, err := ParseCFRSection(s.Part7)
				if err != nil || got != s {
					t.Errorf("%s: section %+v renumbers to %+v (%v)", d.ID(), s, got, err)
				}
			}
		}
	}
	for _, k := range []Kind{KindFinalDetermination, KindInterimFinalRule, KindFinalRule, KindANPRM} {
		if kinds[k] == 0 {
			t.Errorf("no record of kind %s", k)
		}
	}
	rules := r.ProductRules()
	if len(rules) != 3 {
		t.Fatalf("%d product rules, want 3", len(rules))
	}
	for _, pr := range rules {
		if err := pr.Validate(); err != nil {
			t.Error(err)
		}
		if _, ok := r.Lookup(pr.Document); !ok {
			t.Errorf("%s: document %s missing", pr.ID, pr.Document)
		}
	}
}

func TestKaspersky(t *testing.T) {
	d, ok := Default().Lookup("ICTS-2021-002")
	if !ok {
		t.Fatal("ICTS-2021-002 missing")
	}
	want := sanctions.FRCitation{Volume: 89, Page: 52434, LastPage: 52437, Issue: 121, Date: utcDate(2024, 6, 24)}
	if diff := cmp.Diff(want, d.Citation); diff != "" {
		t.Errorf("citation (-want +got):\n%s", diff)
	}
	if d.DocumentNumber != "2024-13532" || d.Kind != KindFinalDetermination || d.DocumentType != "NOTICE" {
		t.Errorf("got %s %s %s", d.DocumentNumber, d.Kind, d.DocumentType)
	}
	type pw struct {
		Class TransactionClass
		At    string
	}
	var got []pw
	for _, p := range d.Prohibitions {
		got = append(got, pw{p.Class, p.Effective.Format("2006-01-02 15:04 MST")})
	}
	wantP := []pw{
		{NewAgreement, "2024-07-20 00:00 EDT"}, {Update, "2024-09-29 00:00 EDT"}, {Resale, "2024-09-29 00:00 EDT"},
		{Integration, "2024-09-29 00:00 EDT"}, {Licensing, "2024-09-29 00:00 EDT"},
	}
	if diff := cmp.Diff(wantP, got); diff != "" {
		t.Errorf("prohibitions (-want +got):\n%s", diff)
	}
}

func TestProhibitedBoundaries(t *testing.T) {
	r := Default()
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		party string
		class TransactionClass
		at    time.Time
		want  Verdict
	}{
		{"Kaspersky Lab, Inc.", Update, OnDay(2024, 9, 28), VerdictNotYetInEffect},
		{"Kaspersky Lab, Inc.", Update, OnDay(2024, 9, 29), VerdictProhibited},
		{"Kaspersky Lab, Inc.", NewAgreement, OnDay(2024, 7, 19), VerdictNotYetInEffect},
		{"Kaspersky Lab, Inc.", NewAgreement, OnDay(2024, 7, 20), VerdictProhibited},
		{"Kaspersky Lab, Inc.", NewAgreement, OnDay(2024, 7, 20).Add(-time.Nanosecond), VerdictNotYetInEffect},
		// 03:59Z on Sept 29 is 11:59 p.m. EDT on Sept 28; 04:00Z is midnight.
		{"Kaspersky Lab, Inc.", Update, utc("2024-09-29T03:59:00Z"), VerdictNotYetInEffect},
		{"Kaspersky Lab, Inc.", Update, utc("2024-09-29T04:00:00Z"), VerdictProhibited},
		{"Kaspersky Lab Inc", Resale, OnDay(2025, 1, 1), VerdictProhibited},
		{"KASPERSKY LAB", Licensing, OnDay(2024, 9, 29), VerdictProhibited},
		{"ICTS-2021-002/1", Integration, OnDay(2024, 9, 29), VerdictProhibited},
		{"ICTS-2021-002/4", Update, OnDay(2024, 9, 29), VerdictProhibited},
		{"AO Kaspersky Lab", NewAgreement, OnDay(2024, 7, 20), VerdictProhibited},
		{"Kaspersky Lab, Inc.", NetworkOperation, OnDay(2025, 1, 1), VerdictNotRestricted},
		{"Example Widget Trading Co., Ltd.", Update, OnDay(2025, 1, 1), VerdictNotCovered},
		{"", Update, OnDay(2025, 1, 1), VerdictNotCovered},
	}
	for _, tc := range tests {
		a := r.Prohibited(tc.party, tc.class, tc.at)
		if a.Verdict != tc.want || a.Prohibited != (tc.want == VerdictProhibited) {
			t.Errorf("Prohibited(%q, %s, %v) = %s (%v), want %s; %s", tc.party, tc.class, tc.at, a.Verdict, a.Prohibited, tc.want, a.Reason)
			continue
		}
		if tc.class == Update && tc.want >= VerdictNotYetInEffect && !strings.Contains(a.Reason, "from 12:00 a.m. EDT on September 29, 2024") {
			t.Errorf("reason %q", a.Reason)
		}
		if tc.want >= VerdictNotYetInEffect {
			if a.Determination == nil || a.Determination.CaseNumber != "ICTS-2021-002" || a.Prohibition == nil || a.Prohibition.Class != tc.class {
				t.Errorf("Prohibited(%q, %s): missing determination or clause: %+v", tc.party, tc.class, a)
			}
			if len(a.Exclusions) != 3 {
				t.Errorf("exclusions: %d", len(a.Exclusions))
			}
		}
		if tc.want == VerdictNotCovered && (a.Determination != nil || a.Person != nil) {
			t.Errorf("not covered but has record: %+v", a)
		}
	}
}

func TestParseDay(t *testing.T) {
	got, err := ParseDay("2024-09-29")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2024, 9, 29, 4, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("ParseDay = %v, want %v", got, want)
	}
	if got, _ := ParseDay("December 1, 2024"); !got.Equal(time.Date(2024, 12, 1, 5, 0, 0, 0, time.UTC)) {
		t.Errorf("EST day = %v", got)
	}
	if got, err := ParseDay("Tuesday, June 25, 2024"); err != nil || !got.Equal(OnDay(2024, 6, 25)) {
		t.Errorf("weekday form = %v, %v", got, err)
	}
	if got, _ := ParseDay("2024-09-29T03:59:00Z"); got.Day() != 28 {
		t.Errorf("instant in Eastern = %v", got)
	}
	for _, bad := range []string{"", "2024-02-30", "tomorrow", "2024-09-29T25:00:00Z"} {
		if _, err := ParseDay(bad); err == nil {
			t.Errorf("ParseDay(%q): no error", bad)
		}
	}
}

func TestTransactionClassRoundTrip(t *testing.T) {
	for _, c := range TransactionClasses() {
		got, err := ParseTransactionClass(c.String())
		if err != nil || got != c {
			t.Errorf("%v: %v %v", c, got, err)
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != c.String() {
			t.Errorf("MarshalText(%v) = %s, %v", c, b, err)
		}
	}
	if c, err := ParseTransactionClass(" Network_Operation "); err != nil || c != NetworkOperation {
		t.Errorf("tolerant parse: %v %v", c, err)
	}
	if _, err := ParseTransactionClass("purchase"); err == nil || !strings.Contains(err.Error(), "new-agreement") {
		t.Errorf("bad class error: %v", err)
	}
	if _, err := ClassUnknown.MarshalText(); err == nil {
		t.Error("MarshalText(ClassUnknown): no error")
	}
	if s := TransactionClass(99).String(); s != "TransactionClass(99)" {
		t.Error(s)
	}
}

func TestProductRestricted(t *testing.T) {
	r := Default()
	tests := []struct {
		class        ProductClass
		year         int
		at           time.Time
		restricted   bool
		undetermined bool
	}{
		{VCSSoftware, 2027, OnDay(2026, 6, 1), true, false},
		{VCSSoftware, 2026, OnDay(2026, 6, 1), false, false},
		{ADSSoftware, 2027, OnDay(2026, 6, 1), true, false},
		{ADSSoftware, 2027, OnDay(2025, 3, 16), false, false}, // rule not yet effective
		{ADSSoftware, 2027, OnDay(2025, 3, 17), true, false},
		{VCSHardware, 2029, OnDay(2029, 6, 1), false, false},
		{VCSHardware, 2030, OnDay(2029, 6, 1), true, false},
		{VCSHardware, 0, OnDay(2028, 12, 31), false, false},
		{VCSHardware, 0, OnDay(2029, 1, 1), true, false},
		{VCSSoftware, 0, OnDay(2029, 1, 1), false, true},
	}
	for _, tc := range tests {
		a := r.ProductRestricted(tc.class, tc.year, tc.at)
		if a.Restricted != tc.restricted || a.Undetermined != tc.undetermined || a.Rule == nil || a.Determination == nil {
			t.Errorf("ProductRestricted(%s, %d, %v) = %+v", tc.class, tc.year, tc.at, a)
		}
		if a.Restricted && !cmp.Equal(a.Nexus, []string{"CN", "RU"}) {
			t.Errorf("nexus %v", a.Nexus)
		}
	}
	if a := NewRegistry(time.Time{}).ProductRestricted(VCSHardware, 2030, OnDay(2030, 1, 1)); a.Restricted || a.Rule != nil {
		t.Errorf("empty registry: %+v", a)
	}
}

func TestSnapshot(t *testing.T) {
	r := Default()
	s := r.Snapshot()
	if s.Source.Code != "ICTS" || !s.Source.AsOf.Equal(r.AsOf()) || len(s.Source.SHA256) != 64 {
		t.Errorf("source %+v", s.Source)
	}
	var ids []string
	for _, p := range s.Parties {
		ids = append(ids, p.ID)
		if p.Source != "ICTS" || !p.Listed.Equal(utcDate(2024, 7, 20)) || len(p.Citations) != 1 || p.Citations[0].Page != 52434 {
			t.Errorf("party %+v", p)
		}
		cp, d, ok := r.PartyDetermination(p.ID)
		if !ok || cp.Name != p.Name || len(d.Prohibitions) != 5 {
			t.Errorf("PartyDetermination(%s) = %v %v", p.ID, cp, ok)
		}
	}
	if diff := cmp.Diff([]string{"ICTS-2021-002/1", "ICTS-2021-002/2", "ICTS-2021-002/3", "ICTS-2021-002/4"}, ids); diff != "" {
		t.Errorf("party IDs (-want +got):\n%s", diff)
	}
	first := s.Parties[0]
	if diff := cmp.Diff(sanctions.Party{
		ID: "ICTS-2021-002/1", Source: "ICTS", Kind: sanctions.KindOrganization, Name: "Kaspersky Lab, Inc.",
		Aliases: []string{"Kaspersky Lab", "Kaspersky"}, Countries: []string{"US"}, Programs: []string{"E.O. 13873"},
		Citations: []sanctions.FRCitation{{Volume: 89, Page: 52434, LastPage: 52437, Issue: 121, Date: utcDate(2024, 6, 24)}},
		Listed:    utcDate(2024, 7, 20),
		Remarks: []string{
			"Final Determination: Case No. ICTS-2021-002, Kaspersky Lab, Inc.; scope: affiliates, subsidiaries, parent-companies",
			"new-agreement prohibited from 2024-07-20T00:00:00-04:00",
			"update prohibited from 2024-09-29T00:00:00-04:00",
			"resale prohibited from 2024-09-29T00:00:00-04:00",
			"integration prohibited from 2024-09-29T00:00:00-04:00",
			"licensing prohibited from 2024-09-29T00:00:00-04:00",
		},
		URLs: []string{"https://www.federalregister.gov/d/2024-13532"},
	}, first); diff != "" {
		t.Errorf("first party (-want +got):\n%s", diff)
	}
}

func TestAddAndRoundTrip(t *testing.T) {
	r := Default()
	base, _ := r.Lookup("ICTS-2021-002")
	d := base
	d.CaseNumber = "ICTS-2099-001"
	d.DocumentNumber = "2099-00001"
	d.Title = "Final Determination: Case No. ICTS-2099-001, Example Widget Trading Co., Ltd."
	d.CoveredPersons = []CoveredPerson{{Name: "Example Widget Trading Co., Ltd.", Scope: []Relationship{Successors}}}
	d.Published = utcDate(2099, 1, 2)
	d.Citation = sanctions.FRCitation{Volume: 164, Page: 10, Date: d.Published}
	d.Related = nil
	if err := r.Add(&d); err != nil {
		t.Fatal(err)
	}
	if !r.AsOf().Equal(d.Published) || r.Snapshot().Source.SHA256 != "" {
		t.Errorf("after Add: as-of %v, sha %q", r.AsOf(), r.Snapshot().Source.SHA256)
	}
	if a := r.Prohibited("ICTS-2099-001/1", Update, OnDay(2099, 1, 1)); a.Verdict != VerdictProhibited {
		t.Errorf("added record: %+v", a)
	}
	if err := r.Add(&d); !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate Add: %v", err)
	}
	bad := d
	bad.CaseNumber, bad.DocumentNumber, bad.Prohibitions = "ICTS-2099-002", "2099-00002", nil
	if err := r.Add(&bad); !errors.Is(err, ErrIncomplete) || !strings.Contains(err.Error(), "prohibitions") {
		t.Errorf("incomplete Add: %v", err)
	}
	// Default registries are independent.
	if _, ok := Default().Lookup("ICTS-2099-001"); ok {
		t.Error("Add leaked into Default()")
	}
	var buf bytes.Buffer
	if _, err := r.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(`{`+"\n"+`  "format": "rpscreen-icts-registry"`)) {
		t.Errorf("written file starts %q", buf.Bytes()[:40])
	}
	r2, err := ReadRegistry(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(r.Determinations(), r2.Determinations()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

func TestReadRegistryErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"format":"other","version":1,"as_of":"2025-01-01"}`, "format"},
		{`{"format":"rpscreen-icts-registry","version":2,"as_of":"2025-01-01"}`, "version"},
		{`{"format":"rpscreen-icts-registry","version":1,"as_of":"soon"}`, "as_of"},
		{"{\"format\":\n\"rpscreen-icts-registry\",,}", "line 2"},
		{`{"format":"rpscreen-icts-registry","version":"1"}`, "byte offset"},
		{`{"format":"rpscreen-icts-registry","version":1,"as_of":"2025-01-01","determinations":[{"kind":"final-determination"}]}`, "determinations[0]"},
		{`{"format":"rpscreen-icts-registry","version":1,"as_of":"2025-01-01","determinations":[null]}`, "null"},
		{`{"format":"rpscreen-icts-registry","version":1,"as_of":"2025-01-01","extra":1}`, "unknown field"},
		{`{"format":"rpscreen-icts-registry","version":1,"as_of":"2025-01-01","product_rules":[{"id":"x","document":"2025-00592","class":"vcs-hardware","description":"d","subpart":"D","first_section":"791.300","from_model_year":2030,"nexus":["CN"]}]}`, "not in the registry"},
	}
	for _, tc := range tests {
		_, err := ReadRegistry(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadRegistry(%.50q) = %v, want error containing %q", tc.in, err, tc.want)
		}
	}
}

func TestParseCFRSection(t *testing.T) {
	tests := map[string]CFRSection{
		"7.103(b)":           {Part7: "7.103(b)", Part791: "791.103(b)"},
		"15 CFR 7.109(a)":    {Part7: "7.109(a)", Part791: "791.109(a)"},
		"§ 791.300":          {Part791: "791.300"},
		"7.1(b)":             {Part7: "7.1(b)", Part791: "791.1(b)"},
		"15 CFR 791.2(a)(1)": {Part791: "791.2(a)(1)"},
	}
	for in, want := range tests {
		got, err := ParseCFRSection(in)
		if err != nil || got != want {
			t.Errorf("ParseCFRSection(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"744.11(b)", "7", "", "791.x"} {
		if _, err := ParseCFRSection(bad); err == nil {
			t.Errorf("ParseCFRSection(%q): no error", bad)
		}
	}
}

func TestIsRegistry(t *testing.T) {
	if !IsRegistry(embedded[:64]) {
		t.Errorf("embedded registry not recognised: %q", embedded[:64])
	}
	for in, want := range map[string]bool{
		`{"format":"rpscreen-icts-registry","version":1}`:   true,
		"\ufeff{ \"format\" :\n \"rpscreen-icts-registry\"": true,
		`{"version":1,"format":"rpscreen-icts-registry"}`:   false,
		`{"format":"other"}`:                                false,
		`<FEDREG>`:                                          false,
		``:                                                  false,
	} {
		if got := IsRegistry([]byte(in)); got != want {
			t.Errorf("IsRegistry(%q) = %v", in, got)
		}
	}
}

func TestRegistryConcurrent(t *testing.T) {
	r := Default()
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			defer func() { done <- true }()
			for i := 0; i < 50; i++ {
				if g == 0 {
					d, _ := r.Lookup("ICTS-2021-002")
					d.CaseNumber = fmt.Sprintf("ICTS-2098-%03d", i)
					d.DocumentNumber = fmt.Sprintf("2098-%05d", i)
					d.CoveredPersons = []CoveredPerson{{Name: "Example Widget Trading Co., Ltd."}}
					if err := r.Add(&d); err != nil {
						t.Error(err)
					}
					continue
				}
				r.Prohibited("Kaspersky Lab, Inc.", Update, OnDay(2024, 9, 29))
				r.Snapshot()
				r.Determinations()
			}
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if a := r.Prohibited("Example Widget Trading Co Ltd", Update, OnDay(2024, 9, 29)); !a.Prohibited || a.Determination.CaseNumber != "ICTS-2098-000" {
		t.Errorf("after concurrent adds: %s %v", a.Verdict, a.Reason)
	}
	b, err := VerdictProhibited.MarshalText()
	if err != nil || string(b) != "prohibited" {
		t.Errorf("MarshalText: %s %v", b, err)
	}
	if _, err := Verdict(9).MarshalText(); err == nil {
		t.Error("MarshalText(Verdict(9)): no error")
	}
}
