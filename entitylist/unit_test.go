package entitylist

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rpscreen/rpscreen/sanctions"
)

func TestParseAddress(t *testing.T) {
	ru := Country{Name: "Russia", Code: "RU"}
	tests := []struct {
		in   string
		def  Country
		want sanctions.Address
	}{
		{"39A Example Shosse, Moscow, 125212, Russia", ru, sanctions.Address{Street: "39A Example Shosse", City: "Moscow", PostalCode: "125212", Country: "RU"}},
		{"Moscow, Russia", ru, sanctions.Address{City: "Moscow", Country: "RU"}},
		{"2 Example Street, London, W2 6BD, United Kingdom", ru, sanctions.Address{Street: "2 Example Street", City: "London", PostalCode: "W2 6BD", Country: "GB"}},
		{"10 Example Road, Singapore 569059", Country{"Singapore", "SG"}, sanctions.Address{Street: "10 Example Road", City: "Singapore", PostalCode: "569059", Country: "SG"}},
		{"No. 3 Example Street, Wuhan, Hubei Province, China", Country{"China", "CN"}, sanctions.Address{Street: "No. 3 Example Street", City: "Wuhan", Region: "Hubei Province", Country: "CN"}},
		{"Flat 1, 3/F, Example Building, Kowloon, Hong Kong, China", Country{"Hong Kong", "HK"}, sanctions.Address{Street: "Flat 1, 3/F, Example Building", City: "Kowloon", Country: "HK"}},
		// Not split where it cannot be done reliably: the last part is a street.
		{"Example Industrial Zone, Building 5", ru, sanctions.Address{Country: "RU"}},
		{"", ru, sanctions.Address{Country: "RU"}},
	}
	for _, tc := range tests {
		tc.want.Text = tc.in
		if d := cmp.Diff(tc.want, parseAddress(tc.in, tc.def)); d != "" {
			t.Errorf("parseAddress(%q) (-want +got):\n%s", tc.in, d)
		}
	}
}

func TestParseRequirement(t *testing.T) {
	tests := []struct {
		in   string
		want LicenseRequirement
	}{
		{"For all items subject to the EAR. (See § 744.11 of the EAR)", LicenseRequirement{Sections: []string{"744.11"}, ItemScope: "all items subject to the EAR"}},
		{"All items subject to the EAR. (See §§ 746.8(a)(3) and 744.21 of the EAR).", LicenseRequirement{Sections: []string{"746.8(a)(3)", "744.21"}, ItemScope: "all items subject to the EAR"}},
		{"For all items subject to the EAR, see §§ 734.9(e), and 744.11 of the EAR, EXCEPT for technology.", LicenseRequirement{Sections: []string{"734.9(e)", "744.11"}, ItemScope: "all items subject to the EAR, EXCEPT for technology"}},
		{"Items subject to the EAR classified under ECCN 9A515. See § 744.21.", LicenseRequirement{Sections: []string{"744.21"}, ItemScope: "Items subject to the EAR classified under ECCN 9A515"}},
		{"All items subject to the EAR having a classification other than EAR99.", LicenseRequirement{ItemScope: "all items subject to the EAR having a classification other than EAR99"}},
		{"", LicenseRequirement{}},
	}
	for _, tc := range tests {
		tc.want.Text = tc.in
		if d := cmp.Diff(tc.want, parseRequirement(tc.in)); d != "" {
			t.Errorf("parseRequirement(%q) (-want +got):\n%s", tc.in, d)
		}
	}
}

func TestGluedFootnotes(t *testing.T) {
	tests := []struct {
		in, want string
		notes    []int
	}{
		{"see §§ 734.9(e),1 and 744.11 of the EAR", "see §§ 734.9(e), and 744.11 of the EAR", []int{1}},
		{"EXCEPT2 for technology", "EXCEPT for technology", []int{2}},
		{"(See §§ 734.9(g),3 746.8(a)(3), and 744.21 of the EAR)", "(See §§ 734.9(g), 746.8(a)(3), and 744.21 of the EAR)", []int{3}},
		{"744.11,4 and", "744.11, and", []int{4}},
		{"designated as EAR99, or", "designated as EAR99, or", nil},
		{"§§ 744.11, 744.21", "§§ 744.11, 744.21", nil},
	}
	for _, tc := range tests {
		var notes []int
		got := stripGluedFootnotes(tc.in, &notes)
		if got != tc.want || !cmp.Equal(notes, tc.notes) {
			t.Errorf("stripGluedFootnotes(%q) = %q, %v; want %q, %v", tc.in, got, notes, tc.want, tc.notes)
		}
	}
}

func TestPartyAndSnapshot(t *testing.T) {
	e := Entry{
		ID: "EL-x", Row: 5, Country: Country{"China, People's Republic of", "CN"}, Name: "Example Academy",
		Aliases:   []string{"EA"},
		Addresses: []sanctions.Address{{Text: "1 Road, Mianyang, China", City: "Mianyang", Country: "CN"}, {Text: "Kowloon, Hong Kong", City: "Kowloon", Country: "HK"}},
		Parts: []SubPart{
			{Kind: SubPartSubordinate, Heading: "the following subordinate institutions:", Items: []string{"Example Institute One"}},
			{Kind: SubPartAddresses, Heading: "addresses:", Items: []string{"Kowloon, Hong Kong"}},
		},
		LicenseRequirement: LicenseRequirement{Text: "For all items subject to the EAR."},
		LicensePolicy:      LicensePolicy{Kind: PolicyDenial, Text: "Presumption of denial."},
		Footnotes:          []int{1, 4},
		Citations:          []sanctions.FRCitation{{Volume: 85, Page: 36720, Date: day(2020, 6, 18)}, {Volume: 62, Page: 35334, Date: day(1997, 6, 30)}, {Volume: 89, Page: 1}},
		UnreadCitations:    []string{"Corrected later"},
	}
	want := sanctions.Party{
		ID: "EL-x", Source: "EL", Kind: sanctions.KindOrganization, Name: "Example Academy",
		Aliases:            []string{"EA", "Example Institute One"},
		Addresses:          e.Addresses,
		Countries:          []string{"CN", "HK"},
		Citations:          e.Citations,
		Listed:             day(1997, 6, 30),
		LicenseRequirement: "For all items subject to the EAR.",
		LicensePolicy:      "Presumption of denial.",
		Remarks:            []string{"subordinate institutions: Example Institute One", "footnotes: 1 4", "unread citation text: Corrected later"},
	}
	if d := cmp.Diff(want, e.Party()); d != "" {
		t.Errorf("Party (-want +got):\n%s", d)
	}
	ao := Entry{ID: "EL-y", Country: Country{"Hong Kong", "HK"}, Addresses: []sanctions.Address{{Text: "Flat 1, Kowloon, Hong Kong", Country: "HK"}}}
	if p := ao.Party(); p.Kind != sanctions.KindAddress || p.Name != "" || !p.Listed.IsZero() {
		t.Errorf("address-only party = %+v", p)
	}
	l := &List{AsOf: day(2025, 1, 20), Entries: []Entry{e, ao}}
	s := l.Snapshot(sanctions.Source{Code: "XX", SHA256: "abc"})
	wantSrc := sanctions.Source{Code: "EL", Name: SourceName, AsOf: day(2025, 1, 20), SHA256: "abc"}
	if d := cmp.Diff(wantSrc, s.Source); d != "" || len(s.Parties) != 2 {
		t.Errorf("Snapshot source (-want +got):\n%s; %d parties", d, len(s.Parties))
	}
}
