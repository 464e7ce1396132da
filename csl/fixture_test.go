package csl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rpscreen/rpscreen/sanctions"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func readFixture(t *testing.T, name string, opts Options) *Result {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "csl", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Read(f, opts)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	if res.Rows != len(res.Records)+len(res.Errors) {
		t.Errorf("%s: %d rows but %d records and %d errors", name, res.Rows, len(res.Records), len(res.Errors))
	}
	return res
}

func parties(res *Result) []sanctions.Party {
	var out []sanctions.Party
	for i := range res.Records {
		out = append(out, res.Records[i].Party())
	}
	return out
}

const (
	elURL  = "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"
	sdnURL = "https://sanctionslist.ofac.treas.gov/Home/SdnList"
	sdnInf = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
)

// wantCSVParties are the parties of testdata/csl/consolidated.csv.
var wantCSVParties = []sanctions.Party{
	{
		ID: "fixture-el-1", Source: "EL", Kind: sanctions.KindOrganization,
		Name:    "Example Widget Trading Co., Ltd.",
		Aliases: []string{"Example Widget Co.", "EWT", "Example Widget Hong Kong"},
		Addresses: []sanctions.Address{
			{Text: "Room 101, 1 Example Road, Kowloon, Hong Kong, 999077, HK", Street: "Room 101, 1 Example Road", City: "Kowloon", PostalCode: "999077", Country: "HK"},
			{Text: "2 Sample Street, Xi'an, Shaanxi Province, 710000, CN", Street: "2 Sample Street", City: "Xi'an", Region: "Shaanxi Province", PostalCode: "710000", Country: "CN"},
		},
		Countries:          []string{"HK", "CN"},
		Citations:          []sanctions.FRCitation{{Volume: 83, Page: 37423}, {Volume: 87, Page: 77505}},
		Listed:             day(2018, 8, 1),
		LicenseRequirement: "For all items subject to the EAR. (See § 744.11 of the EAR)",
		LicensePolicy:      "Presumption of denial.",
		Remarks:            []string{"Synthetic fixture record."},
		URLs:               []string{elURL},
	},
	{
		ID: "fixture-dpl-1", Source: "DPL", Kind: sanctions.KindOrganization,
		Name:      "Example Denied Person",
		Addresses: []sanctions.Address{{Text: "100 Example Avenue, Springfield, IL, 62701, US", Street: "100 Example Avenue", City: "Springfield", Region: "IL", PostalCode: "62701", Country: "US"}},
		Countries: []string{"US"},
		Citations: []sanctions.FRCitation{{Volume: 67, Page: 56530, Date: day(2002, 9, 4)}, {Volume: 67, Page: 10890, Date: day(2002, 3, 11)}},
		Listed:    day(2002, 3, 4),
		Remarks:   []string{"50 YEAR DENIAL", "Standard denial order applies."},
		URLs:      []string{"https://www.bis.doc.gov/index.php/the-denied-persons-list", "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list"},
	},
	{
		ID: "fixture-isn-1", Source: "ISN", Kind: sanctions.KindOrganization,
		Name:      "Example Nonproliferation Institute",
		Programs:  []string{"INKSNA"},
		Citations: []sanctions.FRCitation{{Volume: 88, Issue: 151, Date: day(2023, 8, 8)}},
		Listed:    day(2023, 7, 19),
		Remarks:   []string{SuccessorRemark},
		URLs:      []string{"https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions/"},
	},
	{
		ID: "90001", Source: "SDN", Kind: sanctions.KindPerson,
		Name:        "EXAMPLE, Person One",
		Aliases:     []string{"EXAMPLE, P. O."},
		Addresses:   []sanctions.Address{{Text: "Tehran, IR", City: "Tehran", Country: "IR"}},
		Countries:   []string{"IR"},
		Programs:    []string{"SDGT", "IRGC"},
		Identifiers: []sanctions.Identifier{{Type: "Passport", Number: "X0000001", Country: "IR"}, {Type: "Gender", Number: "Male"}},
		Individual: &sanctions.Individual{
			Title: "Director of Example Operations", DatesOfBirth: []string{"1970-01-15"},
			PlacesOfBirth: []string{"Tehran, Iran"}, Nationalities: []string{"IR"}, Citizenships: []string{"IR"},
		},
		URLs: []string{sdnURL, sdnInf},
	},
	{
		ID: "90002", Source: "SDN", Kind: sanctions.KindVessel,
		Name:        "EXAMPLE STAR",
		Programs:    []string{"SDGT"},
		Identifiers: []sanctions.Identifier{{Type: "Vessel Registration Identification", Number: "IMO 0000001"}},
		Vessel: &sanctions.Vessel{CallSign: "9XXX1", Type: "Crude Oil Tanker", Flag: "PA", Owner: "Example Shipping Co. Ltd.",
			GrossTonnage: "1000", GrossRegisteredTonnage: "2000"},
		Remarks: []string{"(Linked To: EXAMPLE SHIPPING CO. LTD.)"},
		URLs:    []string{sdnURL},
	},
	{
		ID: "fixture-meu-1", Source: "MEU", Kind: sanctions.KindOrganization,
		Name:               "Example Gui’an Aerospace Works",
		Addresses:          []sanctions.Address{{Text: "CN", Country: "CN"}},
		Countries:          []string{"CN"},
		Citations:          []sanctions.FRCitation{{Volume: 85, Page: 83799}},
		Listed:             day(2020, 12, 23),
		LicenseRequirement: "For any item subject to the EAR listed in supplement no. 2 to part 744.",
		LicensePolicy:      "See §§744.21(d) and (e).",
		URLs:               []string{"https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern"},
	},
	{
		ID: "90003", Source: "SSI", Kind: sanctions.KindOrganization,
		Name:      "Example Bank’s Trading Arm",
		Addresses: []sanctions.Address{{Text: "1 Example ul., Moscow, 115035, RU", Street: "1 Example ul.", City: "Moscow", PostalCode: "115035", Country: "RU"}},
		Countries: []string{"RU"},
		Programs:  []string{"UKRAINE-EO13662"},
		Identifiers: []sanctions.Identifier{{Type: "Registration ID", Number: "0000000000001"},
			{Type: "Executive Order 13662 Directive Determination", Number: "Subject to Directive 1"}},
		Remarks: []string{"Directives & determinations apply."},
	},
	{
		ID: "fixture-dtc-1", Source: "DTC", Kind: sanctions.KindOrganization,
		Name:      "Example Debarred Exporter",
		Citations: []sanctions.FRCitation{{Volume: 66, Page: 24266}, {Volume: 77, Page: 58006, Issue: 182}},
		Listed:    day(2001, 5, 14),
		Remarks:   []string{"Federal Register: see notice text"},
	},
	{
		ID: "fixture-ewl-1", Source: "EWL", Kind: sanctions.KindAircraft,
		Name: "Example Air 1",
	},
	{
		ID: "90004", Source: "FSE", Kind: sanctions.KindOrganization,
		Name:      "Example Evasion Ltd.",
		Addresses: []sanctions.Address{{Text: "TR", Country: "TR"}},
		Countries: []string{"TR"},
		Programs:  []string{"FSE-IR"},
		Citations: []sanctions.FRCitation{{Volume: 76, Page: 50407, Date: day(2011, 8, 15)}},
	},
}

func TestCSVFixture(t *testing.T) {
	res := readFixture(t, "consolidated.csv", Options{})
	if res.Format != FormatCSV || len(res.Errors) != 0 || res.Rows != 10 {
		t.Fatalf("format %v, rows %d, errors %v", res.Format, res.Rows, res.Errors)
	}
	if diff := cmp.Diff(wantCSVParties, parties(res)); diff != "" {
		t.Errorf("parties (-want +got):\n%s", diff)
	}
	type rk struct {
		Record int
		Field  string
		Kind   RepairKind
		After  string
	}
	var gotRepairs []rk
	for _, r := range res.Repairs {
		gotRepairs = append(gotRepairs, rk{r.Record, r.Field, r.Kind, r.After})
	}
	wantRepairs := []rk{
		{1, "alt_names", RepairConjunction, "Example Widget Hong Kong"},
		{1, "addresses", RepairApostrophe, "2 Sample Street, Xi'an, Shaanxi Province, 710000, CN"},
		{1, "license_requirement", RepairSectionSign, "For all items subject to the EAR.  (See § 744.11 of the EAR)"},
		{1, "license_requirement", RepairSpace, "For all items subject to the EAR. (See § 744.11 of the EAR)"},
		{1, "remarks", RepairSpace, "Synthetic fixture record."},
		{2, "name", RepairSpace, "Example Denied Person"},
		{3, "name", RepairSuccessor, "Example Nonproliferation Institute"},
		{6, "name", RepairMojibake, "Example Gui’an Aerospace Works"},
		{6, "license_policy", RepairSectionSign, "See §§744.21(d) and (e)."},
		{7, "name", RepairMojibake, "Example Bank’s Trading Arm"},
		{7, "remarks", RepairEntity, "Directives & determinations apply."},
	}
	if diff := cmp.Diff(wantRepairs, gotRepairs); diff != "" {
		t.Errorf("repairs (-want +got):\n%s", diff)
	}
	type wk struct {
		Record, Line int
		Field        string
	}
	var gotWarn []wk
	for _, w := range res.Warnings {
		gotWarn = append(gotWarn, wk{w.Record, w.Line, w.Field})
	}
	wantWarn := []wk{
		{2, 3, "end_date"},       // 3033-01-17
		{4, 5, "dates_of_birth"}, // 0203-05-10
		{9, 10, "source"},        // unknown list EWL
		{9, 10, "start_date"},    // 2024-02-30
		{10, 11, "type"},         // "Company"
	}
	if diff := cmp.Diff(wantWarn, gotWarn); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	// The record keeps what the party cannot.
	dpl := res.Records[1]
	if dpl.EndDateText != "3033-01-17" || !dpl.EndDate.IsZero() || dpl.StandardOrder != "Y" {
		t.Errorf("DPL record: end %q %v, standard order %q", dpl.EndDateText, dpl.EndDate, dpl.StandardOrder)
	}
	if isn := res.Records[2]; !isn.Successors || isn.FederalRegisterNotice != "Vol. 88, No. 151, 08/08/2023" {
		t.Errorf("ISN record: successors %v, notice %q", isn.Successors, isn.FederalRegisterNotice)
	}
	if sdn := res.Records[3]; sdn.EntityNumber != "90001" || sdn.Type != "Individual" || sdn.Line != 5 || sdn.Index != 4 {
		t.Errorf("SDN record: %+v", sdn)
	}
	if dtc := res.Records[7]; !cmp.Equal(dtc.CitationText, []string{"see notice text"}) {
		t.Errorf("DTC citation text %q", dtc.CitationText)
	}
}

func TestTSVMatchesCSV(t *testing.T) {
	res := readFixture(t, "consolidated.tsv", Options{})
	if res.Format != FormatTSV || len(res.Errors) != 0 {
		t.Fatalf("format %v, errors %v", res.Format, res.Errors)
	}
	ps := parties(res)
	if len(ps) != 5 {
		t.Fatalf("%d parties, want 5", len(ps))
	}
	if diff := cmp.Diff(wantCSVParties[:4], ps[:4]); diff != "" {
		t.Errorf("TSV parties differ from CSV (-csv +tsv):\n%s", diff)
	}
	// Quotes in the TSV are characters, not quoting.
	if ps[4].Name != `"Example Quoted" Works 5" Pipe` || ps[4].Addresses[0].Country != "AM" {
		t.Errorf("TSV row with quotes: %+v", ps[4])
	}
}

func TestLegacyFixture(t *testing.T) {
	res := readFixture(t, "legacy.csv", Options{})
	if len(res.Errors) != 0 || res.Rows != 4 || len(res.Columns) != 28 {
		t.Fatalf("rows %d, columns %d, errors %v", res.Rows, len(res.Columns), res.Errors)
	}
	ps := parties(res)
	if diff := cmp.Diff([]sanctions.Identifier{{Type: "Tax ID No.", Number: "00-0000000", Country: "US"}, {Type: "Registration ID", Number: "1234567"}}, ps[0].Identifiers); diff != "" {
		t.Errorf("legacy ids (-want +got):\n%s", diff)
	}
	if ps[0].ID != "90010" {
		t.Errorf("legacy SDN ID = %q, want the entity number", ps[0].ID)
	}
	el := ps[1]
	if !strings.HasPrefix(el.ID, "csl-") || el.ID != HashID("EL", "Example Optics Institute", el.Addresses) {
		t.Errorf("legacy EL ID = %q", el.ID)
	}
	if diff := cmp.Diff([]sanctions.FRCitation{{Volume: 66, Page: 24266}, {Volume: 77, Page: 58006, Issue: 182}, {Volume: 81, Page: 64694}}, el.Citations); diff != "" {
		t.Errorf("citations (-want +got):\n%s", diff)
	}
	if ps[2].Name != "Example O’Brien Holdings" {
		t.Errorf("cp1252 byte: name %q", ps[2].Name)
	}
	if ps[3].ID != el.ID+"~2" {
		t.Errorf("duplicate row ID = %q, want %q", ps[3].ID, el.ID+"~2")
	}
	kinds := map[RepairKind]int{}
	for _, r := range res.Repairs {
		kinds[r.Kind]++
	}
	if kinds[RepairEncoding] != 1 || kinds[RepairConjunction] != 1 {
		t.Errorf("repairs %v", kinds)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Field != "id" || res.Warnings[0].Record != 4 {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestJSONFixture(t *testing.T) {
	res := readFixture(t, "consolidated.json", Options{RetrievedAt: day(2025, 6, 25)})
	if res.Format != FormatJSON || len(res.Errors) != 0 || res.Rows != 4 {
		t.Fatalf("format %v, rows %d, errors %v", res.Format, res.Rows, res.Errors)
	}
	want := []sanctions.Party{
		{
			ID: "fixture-json-el-1", Source: "EL", Kind: sanctions.KindOrganization,
			Name:    "Example Widget Trading Co., Ltd.",
			Aliases: []string{"Example Widget Co.", "EWT"},
			Addresses: []sanctions.Address{
				{Text: "Room 101, 1 Example Road, Kowloon, Hong Kong, 999077, HK", Street: "Room 101, 1 Example Road", City: "Kowloon", Region: "Hong Kong", PostalCode: "999077", Country: "HK"},
				{Text: "2 Sample Street, Xi'an, Shaanxi, 710000, CN", Street: "2 Sample Street", City: "Xi'an", Region: "Shaanxi", PostalCode: "710000", Country: "CN"},
			},
			Countries:          []string{"HK", "CN"},
			Citations:          []sanctions.FRCitation{{Volume: 83, Page: 37423}, {Volume: 87, Page: 77505}},
			Listed:             day(2018, 8, 1),
			LicenseRequirement: "For all items subject to the EAR. (See § 744.11 of the EAR)",
			LicensePolicy:      "Presumption of denial.",
			Remarks:            []string{SuccessorRemark},
			URLs:               []string{elURL},
		},
		{
			ID: "90001", Source: "SDN", Kind: sanctions.KindPerson,
			Name:      "EXAMPLE, Person One",
			Aliases:   []string{"EXAMPLE, P. O."},
			Addresses: []sanctions.Address{{Text: "Tehran, IR", City: "Tehran", Country: "IR"}},
			Countries: []string{"IR"},
			Programs:  []string{"SDGT", "IRGC"},
			Identifiers: []sanctions.Identifier{
				{Type: "Passport", Number: "X0000001", Country: "IR", Issued: "2015-01-01", Expires: "2025-01-01"},
				{Type: "Gender", Number: "Male"},
			},
			Individual: &sanctions.Individual{
				Title: "Director of Example Operations", DatesOfBirth: []string{"1970-01-15"},
				PlacesOfBirth: []string{"Tehran, Iran"}, Nationalities: []string{"IR"}, Citizenships: []string{"IR"},
			},
			Remarks: []string{"Example remark."},
			URLs:    []string{sdnURL, sdnInf},
		},
		{
			ID: "90002", Source: "SDN", Kind: sanctions.KindVessel,
			Name:        "EXAMPLE STAR",
			Programs:    []string{"SDGT"},
			Identifiers: []sanctions.Identifier{{Type: "Vessel Registration Identification", Number: "IMO 0000001"}},
			Vessel: &sanctions.Vessel{CallSign: "9XXX1", Type: "Crude Oil Tanker", Flag: "PA", Owner: "Example Shipping Co. Ltd.",
				GrossTonnage: "1000", GrossRegisteredTonnage: "2000"},
		},
		{
			ID: "fixture-json-dpl-1", Source: "DPL", Kind: sanctions.KindOrganization,
			Name:      "Example Denied Person",
			Addresses: []sanctions.Address{{Text: "100 Example Avenue, Springfield, IL, 62701, US", Street: "100 Example Avenue", City: "Springfield", Region: "IL", PostalCode: "62701", Country: "US"}},
			Countries: []string{"US"},
			Citations: []sanctions.FRCitation{{Volume: 67, Page: 56530, Date: day(2002, 9, 4)}},
			Listed:    day(2002, 3, 4),
			Remarks:   []string{"Example remark.", "Standard denial order applies."},
		},
	}
	if diff := cmp.Diff(want, parties(res)); diff != "" {
		t.Errorf("parties (-want +got):\n%s", diff)
	}
	var fields []string
	for _, w := range res.Warnings {
		fields = append(fields, w.Field)
	}
	if diff := cmp.Diff([]string{"dates_of_birth", "end_date"}, fields); diff != "" {
		t.Errorf("warning fields (-want +got):\n%s", diff)
	}
	wantSU := []SourceStatus{
		{Code: "EL", Name: "Entity List (EL) - Bureau of Industry and Security", LastUpdated: time.Date(2025, 6, 24, 20, 0, 0, 0, time.UTC), LastImported: time.Date(2025, 6, 25, 5, 0, 0, 0, time.UTC)},
		{Code: "SDN", Name: "Specially Designated Nationals (SDN) - Treasury Department", LastUpdated: day(2025, 6, 20), LastImported: time.Date(2025, 6, 25, 1, 0, 0, 0, time.UTC)},
	}
	if diff := cmp.Diff(wantSU, res.SourcesUsed); diff != "" {
		t.Errorf("sources used (-want +got):\n%s", diff)
	}
	snaps := res.Snapshots()
	var srcs []sanctions.Source
	for _, s := range snaps {
		srcs = append(srcs, s.Source)
	}
	wantSrc := []sanctions.Source{
		{Code: "EL", Name: "Entity List (EL) - Bureau of Industry and Security", URL: elURL, AsOf: wantSU[0].LastUpdated, RetrievedAt: day(2025, 6, 25), SHA256: res.SHA256},
		{Code: "DPL", Name: "Denied Persons List (DPL) - Bureau of Industry and Security", RetrievedAt: day(2025, 6, 25), SHA256: res.SHA256},
		{Code: "SDN", Name: "Specially Designated Nationals (SDN) - Treasury Department", URL: sdnURL, AsOf: day(2025, 6, 20), RetrievedAt: day(2025, 6, 25), SHA256: res.SHA256},
	}
	if diff := cmp.Diff(wantSrc, srcs); diff != "" {
		t.Errorf("snapshot sources (-want +got):\n%s", diff)
	}
	if len(snaps[2].Parties) != 2 || snaps[2].Parties[1].Name != "EXAMPLE STAR" {
		t.Errorf("SDN snapshot parties %v", snaps[2].Parties)
	}
}

func TestOlderJSONShapes(t *testing.T) {
	old := readFixture(t, "api-v1.json", Options{})
	want := []sanctions.Party{
		{
			ID: "old-1", Source: "ISN", Kind: sanctions.KindOrganization,
			Name: "Example Nonproliferation Institute", Aliases: []string{"Example NPI", "ENPI"},
			Addresses: []sanctions.Address{{Text: "3 Example Lane, Example City, Syria", Street: "3 Example Lane", City: "Example City", Country: "SY"}},
			Countries: []string{"SY"}, Programs: []string{"INKSNA", "ISNA"},
			Citations: []sanctions.FRCitation{{Volume: 83, Issue: 91, Date: day(2018, 5, 10)}},
			Listed:    day(2018, 4, 30),
			URLs:      []string{"http://example.invalid/isn"},
		},
		{
			ID: "old-2", Source: "DTC", Kind: sanctions.KindOrganization,
			Name: "Example Debarred Exporter", Countries: []string{"SY"},
			Citations:  []sanctions.FRCitation{{Volume: 53, Page: 27097}},
			Listed:     day(1988, 7, 19),
			Individual: &sanctions.Individual{DatesOfBirth: []string{"1960"}, Citizenships: []string{"SY"}},
		},
	}
	if diff := cmp.Diff(want, parties(old)); diff != "" {
		t.Errorf("api-v1 parties (-want +got):\n%s", diff)
	}
	arr := readFixture(t, "array.json", Options{})
	ps := parties(arr)
	if len(ps) != 2 || ps[0].ID != "90002" || ps[1].Addresses[0].City != "Example City" || ps[1].ID != HashID("EL", "Example Array Co.", ps[1].Addresses) {
		t.Errorf("array parties %+v", ps)
	}
}

func TestBadCSV(t *testing.T) {
	res := readFixture(t, "bad.csv", Options{})
	var names []string
	for _, r := range res.Records {
		names = append(names, r.Name)
	}
	if diff := cmp.Diff([]string{"Example Good One", "Example Good Four", "Example Good Seven", "Example Good Eight"}, names); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	type pos struct {
		Record, Line int
		Err          error
	}
	want := []pos{{2, 3, ErrFieldCount}, {3, 4, ErrQuote}, {5, 6, ErrNoSource}, {6, 7, ErrQuote}}
	if len(res.Errors) != len(want) {
		t.Fatalf("errors %v", res.Errors)
	}
	for i, e := range res.Errors {
		if e.Record != want[i].Record || e.Line != want[i].Line || !errors.Is(e, want[i].Err) {
			t.Errorf("error %d = %v, want record %d line %d %v", i, e, want[i].Record, want[i].Line, want[i].Err)
		}
		if e.Offset <= 0 {
			t.Errorf("error %d has no offset", i)
		}
	}
	if !strings.Contains(res.Errors[0].Error(), "record 2 (line 3, byte ") {
		t.Errorf("message %q lacks its position", res.Errors[0].Error())
	}

	f, _ := os.Open(filepath.Join("..", "testdata", "csl", "bad.csv"))
	defer f.Close()
	_, err := Read(f, Options{Strict: true})
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || !errors.Is(err, ErrFieldCount) {
		t.Errorf("strict read: %v, want the row error at line 3", err)
	}
}

func TestBadJSON(t *testing.T) {
	res := readFixture(t, "bad.json", Options{})
	if len(res.Records) != 2 || len(res.Errors) != 1 || res.Errors[0].Record != 2 || !errors.Is(res.Errors[0], ErrRecord) {
		t.Errorf("records %d, errors %v", len(res.Records), res.Errors)
	}
	if res.Records[1].Name != "Example After Bad Record" {
		t.Errorf("record after the bad one: %q", res.Records[1].Name)
	}
	tr := readFixture(t, "truncated.json", Options{})
	if len(tr.Records) != 1 || len(tr.Errors) != 1 || !errors.Is(tr.Errors[0], ErrSyntax) || tr.Errors[0].Record != 2 {
		t.Errorf("truncated: records %d, errors %v", len(tr.Records), tr.Errors)
	}
	for _, name := range []string{"bad.json", "truncated.json"} {
		f, _ := os.Open(filepath.Join("..", "testdata", "csl", name))
		_, err := Read(f, Options{Strict: true})
		f.Close()
		var re *RowError
		if !errors.As(err, &re) || re.Record != 2 || re.Offset <= 0 {
			t.Errorf("strict %s: %v", name, err)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts Options
		want error
	}{
		{"empty", "", Options{}, ErrFormat},
		{"html", "<html></html>", Options{}, ErrFormat},
		{"empty CSV", "", Options{Format: FormatCSV}, ErrHeader},
		{"CSV without name column", "_id,source,title\n1,EL,x\n", Options{Format: FormatCSV}, ErrHeader},
		{"JSON without results", `{"total":0}`, Options{}, ErrFormat},
		{"JSON results not an array", `{"results":{}}`, Options{}, ErrFormat},
		{"JSON scalar", `"text"`, Options{Format: FormatJSON}, ErrFormat},
		{"JSON broken before results", `{"total":`, Options{}, ErrSyntax},
		{"too large", `{"results":[]}`, Options{MaxBytes: 5}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), tt.opts)
			if !errors.Is(err, tt.want) {
				t.Errorf("Read(%q) error = %v, want %v", tt.in, err, tt.want)
			}
		})
	}
	if _, err := Read(strings.NewReader(`{"results":[]}`), Options{MaxBytes: -1}); err != nil {
		t.Errorf("no limit: %v", err)
	}
	res, err := ReadJSON(strings.NewReader(`{"results":[]} `), Options{})
	if err != nil || res.Rows != 0 {
		t.Errorf("empty results: %v %v", res, err)
	}
}

func TestStableIDsAcrossReads(t *testing.T) {
	a := readFixture(t, "legacy.csv", Options{})
	b := readFixture(t, "legacy.csv", Options{})
	for i := range a.Records {
		if a.Records[i].ID != b.Records[i].ID {
			t.Errorf("record %d: ID %q then %q", i+1, a.Records[i].ID, b.Records[i].ID)
		}
	}
	if a.SHA256 != b.SHA256 || len(a.SHA256) != 64 {
		t.Errorf("SHA256 %q / %q", a.SHA256, b.SHA256)
	}
}

func TestJSONSyntaxPositions(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		records   int
		errRecord int // record number of the row error, 0 for none
		warnings  int
	}{
		{"open array only", "[", 0, 1, 0},
		{"cut between records", `{"results":[{"source":"EL","name":"Example A"},`, 1, 2, 0},
		{"cut inside a record", "[{\"source\":\"EL\",\"name\":\"Example A\"},\n{\"source\":\"EL\",\"na", 1, 2, 0},
		{"garbage after the results", `{"results":[{"source":"EL","name":"Example A"}],"total":}`, 1, 0, 1},
		{"garbage after the document", `[{"source":"EL","name":"Example A"}] x`, 1, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ReadJSON(strings.NewReader(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Records) != tt.records || len(res.Warnings) != tt.warnings || res.Rows != len(res.Records)+len(res.Errors) {
				t.Errorf("records %d, warnings %v, rows %d, errors %v", len(res.Records), res.Warnings, res.Rows, res.Errors)
			}
			if tt.errRecord == 0 && len(res.Errors) != 0 || tt.errRecord != 0 && (len(res.Errors) != 1 || res.Errors[0].Record != tt.errRecord || !errors.Is(res.Errors[0], ErrSyntax)) {
				t.Errorf("errors %v, want one syntax error at record %d", res.Errors, tt.errRecord)
			}
			if _, err := ReadJSON(strings.NewReader(tt.in), Options{Strict: true}); !errors.Is(err, ErrSyntax) {
				t.Errorf("strict: %v, want a syntax error", err)
			}
		})
	}
}

func TestColumnsFoundByName(t *testing.T) {
	// Columns in another order, an extra column, "ID" for "_id", CRLF.
	doc := "Name,extra,ID,Source,addresses,start_date\r\n" +
		"Example Widget Co.,ignored,ex-1,Entity List (EL) - Bureau of Industry and Security,\"1 Example Road, Example City, CN\",2018-08-01\r\n"
	res, err := ReadCSV(strings.NewReader(doc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []sanctions.Party{{
		ID: "ex-1", Source: "EL", Kind: sanctions.KindOrganization, Name: "Example Widget Co.",
		Addresses: []sanctions.Address{{Text: "1 Example Road, Example City, CN", Street: "1 Example Road", City: "Example City", Country: "CN"}},
		Countries: []string{"CN"}, Listed: day(2018, 8, 1),
	}}
	if diff := cmp.Diff(want, parties(res)); diff != "" {
		t.Errorf("parties (-want +got):\n%s", diff)
	}
}

func TestHashIDsIndependentOfOrder(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "csl", "legacy.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimRight(string(data), "\r\n"), "\r\n")
	// Header, then the unique rows in reverse order, without the duplicate.
	reordered := lines[0] + lines[3] + "\r\n" + lines[2] + lines[1]
	a, err := ReadCSV(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadCSV(strings.NewReader(reordered), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, r := range a.Records {
		if _, seen := ids[r.Name]; !seen {
			ids[r.Name] = r.ID
		}
	}
	if len(b.Records) != 3 {
		t.Fatalf("%d records, want 3", len(b.Records))
	}
	for _, r := range b.Records {
		if ids[r.Name] != r.ID {
			t.Errorf("%s: ID %q in one order, %q in another", r.Name, ids[r.Name], r.ID)
		}
	}
}
