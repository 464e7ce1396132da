package csl

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rpscreen/rpscreen/sanctions"
)

func TestCleanerRepairs(t *testing.T) {
	tests := []struct {
		name, field, in, want string
		kinds                 []RepairKind
	}{
		{"clean ASCII untouched", "name", "Example Widget Trading Co., Ltd.", "Example Widget Trading Co., Ltd.", nil},
		{"C1 apostrophe", "name", "Gui\u0092an Example Works", "Gui’an Example Works", []RepairKind{RepairMojibake}},
		{"C1 quotes and dash", "remarks", "\u0093Example\u0094 \u0096 note", "“Example” – note", []RepairKind{RepairMojibake}},
		{"UTF-8 read as cp1252", "name", "Example Bankâ€™s Arm", "Example Bank’s Arm", []RepairKind{RepairMojibake}},
		{"UTF-8 e-acute read as cp1252", "name", "Soci\u00c3\u00a9t\u00c3\u00a9 Example", "Société Example", []RepairKind{RepairMojibake}},
		{"legit accents untouched", "name", "Côte d’Ivoire Société Example", "Côte d’Ivoire Société Example", nil},
		{"raw cp1252 byte", "name", "Example O\x92Brien", "Example O’Brien", []RepairKind{RepairEncoding}},
		{"raw latin-1 byte", "name", "Caf\xe9 Example", "Café Example", []RepairKind{RepairEncoding}},
		{"question mark apostrophe", "addresses", "2 Sample Street, Xi?an, CN", "2 Sample Street, Xi'an, CN", []RepairKind{RepairApostrophe}},
		{"question mark possessive", "name", "Example Ministry?s Office", "Example Ministry's Office", []RepairKind{RepairApostrophe}},
		{"real question mark kept", "remarks", "Is this an example? Yes", "Is this an example? Yes", nil},
		{"URL query kept", "remarks", "See https://example.invalid/page?id=1 now", "See https://example.invalid/page?id=1 now", nil},
		{"URL field kept", "source_list_url", "https://example.invalid/ddtc_public?id=abc", "https://example.invalid/ddtc_public?id=abc", nil},
		{"section sign", "license_requirement", "(See ? 744.11 of the EAR)", "(See § 744.11 of the EAR)", []RepairKind{RepairSectionSign}},
		{"double section sign", "license_policy", "See ??744.21(d)", "See §§744.21(d)", []RepairKind{RepairSectionSign}},
		{"doubled spaces", "license_requirement", "For all items.  (See §744.11)", "For all items. (See §744.11)", []RepairKind{RepairSpace}},
		{"leading and trailing space", "name", " EXAMPLE PERSON ", "EXAMPLE PERSON", []RepairKind{RepairSpace}},
		{"no-break space", "name", "Example\u00a0Co", "Example Co", []RepairKind{RepairSpace}},
		{"html entity", "remarks", "Directives &amp; determinations", "Directives & determinations", []RepairKind{RepairEntity}},
		{"ampersand kept", "name", "Example A&B Co", "Example A&B Co", nil},
		{"control removed", "name", "Example\u0001 Co", "Example Co", []RepairKind{RepairControl}},
		{"several", "license_requirement", "For all  items (See ? 744.11)", "For all items (See § 744.11)", []RepairKind{RepairSectionSign, RepairSpace}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := cleaner{record: 7, line: 9}
			got := c.text(tt.field, tt.in)
			if got != tt.want {
				t.Errorf("text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			var kinds []RepairKind
			for _, r := range c.repairs {
				kinds = append(kinds, r.Kind)
				if r.Record != 7 || r.Line != 9 || r.Field != tt.field || r.Before == r.After {
					t.Errorf("repair %+v: wrong position, field or no change", r)
				}
			}
			if diff := cmp.Diff(tt.kinds, kinds); diff != "" {
				t.Errorf("repair kinds (-want +got):\n%s", diff)
			}
			if n := len(c.repairs); n > 0 && c.repairs[n-1].After != tt.want {
				t.Errorf("last repair After = %q, want %q", c.repairs[n-1].After, tt.want)
			}
		})
	}
}

func TestStripSuccessor(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Example Institute; and any successor, sub-unit, or subsidiary thereof", "Example Institute", true},
		{"Example Institute, and any successors, sub-units, or subsidiaries thereof.", "Example Institute", true},
		{"EXAMPLE INSTITUTE; AND ANY SUCCESSOR, SUB-UNIT, OR SUBSIDIARY THEREOF", "EXAMPLE INSTITUTE", true},
		{"Example Institute", "Example Institute", false},
		{"and any successor, sub-unit, or subsidiary thereof", "and any successor, sub-unit, or subsidiary thereof", false},
	}
	for _, tt := range tests {
		got, ok := stripSuccessor(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("stripSuccessor(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseAddress(t *testing.T) {
	tests := []struct {
		in   string
		want sanctions.Address
	}{
		{"CN", sanctions.Address{Text: "CN", Country: "CN"}},
		{"80 SW 8th Street Suite 2000, Miami, FL, 33130, US", sanctions.Address{Street: "80 SW 8th Street Suite 2000", City: "Miami", Region: "FL", PostalCode: "33130", Country: "US"}},
		{"818 rue Sherbrooke East, Montreal, Quebec, H2L 1K3, CA", sanctions.Address{Street: "818 rue Sherbrooke East, Montreal", City: "Quebec", PostalCode: "H2L 1K3", Country: "CA"}},
		{"Komitas 26/114, Yerevan, Armenia, AM", sanctions.Address{Street: "Komitas 26/114", City: "Yerevan", Country: "AM"}},
		{"Room 101, 1 Example Road, Kowloon, Hong Kong, 999077, HK", sanctions.Address{Street: "Room 101, 1 Example Road", City: "Kowloon", PostalCode: "999077", Country: "HK"}},
		{"Shenyang, CN", sanctions.Address{City: "Shenyang", Country: "CN"}},
		{"3037 S. 69TH DRIVE, PHONEIX, AZ, 85043", sanctions.Address{Street: "3037 S. 69TH DRIVE", City: "PHONEIX", Region: "AZ", PostalCode: "85043"}},
		{"8019 NIEDERSEEON, HOUSE 21, DE", sanctions.Address{Street: "8019 NIEDERSEEON", City: "HOUSE 21", Country: "DE"}},
		{"2 Sample Street, Xi'an, Shaanxi Province, 710000, CN", sanctions.Address{Street: "2 Sample Street", City: "Xi'an", Region: "Shaanxi Province", PostalCode: "710000", Country: "CN"}},
		{"113 Example Road, Shijiazhuang, Hebei, China", sanctions.Address{Street: "113 Example Road, Shijiazhuang", City: "Hebei", Country: "CN"}},
		{"Atlanta, Georgia", sanctions.Address{Street: "Atlanta", City: "Georgia"}},
		{"1 Example Street", sanctions.Address{Street: "1 Example Street"}},
		{"", sanctions.Address{}},
	}
	for _, tt := range tests {
		want := tt.want
		want.Text = tt.in
		if diff := cmp.Diff(want, ParseAddress(tt.in)); diff != "" {
			t.Errorf("ParseAddress(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestSplitAddresses(t *testing.T) {
	in := "113 Example Road, Shijiazhuang, China; and 21 Example Street, Shijiazhuang, China, CN; Tehran, IR;  ; P.O. Box 1, Dubai, AE"
	want := []string{"113 Example Road, Shijiazhuang, China; and 21 Example Street, Shijiazhuang, China, CN", "Tehran, IR", "P.O. Box 1, Dubai, AE"}
	if diff := cmp.Diff(want, splitAddresses(in)); diff != "" {
		t.Errorf("splitAddresses (-want +got):\n%s", diff)
	}
}

func TestParseIDs(t *testing.T) {
	tests := []struct {
		in     string
		legacy bool
		want   []sanctions.Identifier
	}{
		{"Passport, 836238033, KP; Gender, Male", false, []sanctions.Identifier{
			{Type: "Passport", Number: "836238033", Country: "KP"}, {Type: "Gender", Number: "Male"}}},
		{"Secondary sanctions risk:, Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209", false, []sanctions.Identifier{
			{Type: "Secondary sanctions risk", Number: "Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209"}}},
		{"Executive Order 13662 Directive Determination -, Subject to Directive 2", false, []sanctions.Identifier{
			{Type: "Executive Order 13662 Directive Determination", Number: "Subject to Directive 2"}}},
		{"US, 80-0890696, Tax ID No.; 5030056754, Tax ID No.; CH, CHE-427.006.032, Company Number", true, []sanctions.Identifier{
			{Type: "Tax ID No.", Number: "80-0890696", Country: "US"}, {Type: "Tax ID No.", Number: "5030056754"},
			{Type: "Company Number", Number: "CHE-427.006.032", Country: "CH"}}},
		{"IMO 8898831, Vessel Registration Identification; North Korea Sanctions Regulations, sections 510.201 and 510.210, Secondary sanctions risk:", true, []sanctions.Identifier{
			{Type: "Vessel Registration Identification", Number: "IMO 8898831"},
			{Type: "Secondary sanctions risk", Number: "North Korea Sanctions Regulations, sections 510.201 and 510.210"}}},
		{"US, 80-0890696, Tax ID No.", false, []sanctions.Identifier{{Type: "Tax ID No.", Number: "80-0890696", Country: "US"}}},
		{"X123", false, []sanctions.Identifier{{Number: "X123"}}},
		{" ; ", false, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseIDs(tt.in, tt.legacy)); diff != "" {
			t.Errorf("parseIDs(%q, %v) (-want +got):\n%s", tt.in, tt.legacy, diff)
		}
	}
}

func TestSourceCode(t *testing.T) {
	tests := []struct {
		in    string
		code  string
		known bool
	}{
		{"Entity List (EL) - Bureau of Industry and Security", "EL", true},
		{"Denied Persons List (DPL) - Bureau of Industry and Security", "DPL", true},
		{"Unverified List (UVL) - Bureau of Industry and Security", "UVL", true},
		{"Military End User (MEU) List - Bureau of Industry and Security", "MEU", true},
		{"Specially Designated Nationals (SDN) - Treasury Department", "SDN", true},
		{"Sectoral Sanctions Identifications List (SSI) - Treasury Department", "SSI", true},
		{"Foreign Sanctions Evaders (FSE) - Treasury Department", "FSE", true},
		{"Palestinian Legislative Council List (PLC) - Treasury Department", "PLC", true},
		{"Capta List (CAP) - Treasury Department", "CAP", true},
		{"Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "CMIC", true},
		{"Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "MBS", true},
		{"Nonproliferation Sanctions (ISN) - State Department", "ISN", true},
		{"ITAR Debarred (DTC) - State Department", "DTC", true},
		{"el", "EL", true},
		{"Example Watch List (EWL) - Department of Examples", "EWL", false},
		{"Example Watch List - Department of Examples", "EWL", false},
		{"Example (Acme Corp) Watch List (EWL2) - Department", "EWL2", false},
		{"", "", false},
		{"()", "UNKNOWN", false},
	}
	for _, tt := range tests {
		code, known := SourceCode(tt.in)
		if code != tt.code || known != tt.known {
			t.Errorf("SourceCode(%q) = %q, %v; want %q, %v", tt.in, code, known, tt.code, tt.known)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{`{"results":[]}`, FormatJSON},
		{"\xef\xbb\xbf\n  [ {", FormatJSON},
		{"_id,source,entity_number,type,programs,name\n", FormatCSV},
		{`"_id","source","name"`, FormatCSV},
		{"source,entity_number,type,programs,name,title,addresses", FormatCSV},
		{"_id\tsource\tentity_number\ttype\tprograms\tname\n", FormatTSV},
		{"\xef\xbb\xbf_id,source,name", FormatCSV},
		{"_id,source,entity_nu", FormatUnknown},
		{"<html><body>", FormatUnknown},
		{"a,b,c\n1,2,3", FormatUnknown},
		{"", FormatUnknown},
		{"   \n", FormatUnknown},
	}
	for _, tt := range tests {
		if got := Sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("Sniff(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if s := FormatTSV.String(); s != "tsv" {
		t.Errorf("FormatTSV.String() = %q", s)
	}
}

func TestHashID(t *testing.T) {
	a := []sanctions.Address{{Text: "1 Example Road, Example City, CN"}}
	id := HashID("EL", "Example Widget Co.", a)
	if id != HashID("EL", "EXAMPLE  WIDGET CO.", []sanctions.Address{{Text: "1 Example Road,  Example City, CN"}}) {
		t.Error("HashID differs for case and spacing")
	}
	if id == HashID("DPL", "Example Widget Co.", a) || id == HashID("EL", "Example Widget Co. 2", a) || id == HashID("EL", "Example Widget Co.", nil) {
		t.Error("HashID ignores list, name or address")
	}
	if len(id) != len("csl-")+20 || id[:4] != "csl-" {
		t.Errorf("HashID = %q, want csl- and 20 hex digits", id)
	}
}
