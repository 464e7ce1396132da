package csl

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/rpscreen/rpscreen/sanctions"
)

// readCorpus reads a real CSL sample from ../shared, skipping the test
// when the directory is absent. It checks that every data row is
// accounted for: the number of rows must equal the number of lines that
// start a record in the file.
func readCorpus(t *testing.T, name string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", name))
	if os.IsNotExist(err) {
		t.Skipf("../shared absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(bytes.NewReader(data), Options{})
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	if len(res.Errors) != 0 {
		t.Errorf("%s: bad rows %v", name, res.Errors)
	}
	if res.Rows != len(res.Records)+len(res.Errors) {
		t.Errorf("%s: %d rows, %d records, %d errors", name, res.Rows, len(res.Records), len(res.Errors))
	}
	// No field of either sample spans lines, so each line after the
	// header is one record.
	lines := bytes.Count(bytes.TrimRight(data, "\r\n"), []byte("\n"))
	if res.Rows != lines {
		t.Errorf("%s: %d rows read, file has %d data lines", name, res.Rows, lines)
	}
	seen := map[string]bool{}
	for _, r := range res.Records {
		key := r.SourceCode + "/" + r.ID
		if r.ID == "" || seen[key] {
			t.Errorf("%s: record %d has empty or repeated ID %q", name, r.Index, key)
		}
		seen[key] = true
	}
	return res
}

func countBySource(res *Result) map[string]int {
	m := map[string]int{}
	for _, s := range res.Snapshots() {
		m[s.Source.Code] = len(s.Parties)
	}
	return m
}

func find(t *testing.T, res *Result, name string) sanctions.Party {
	t.Helper()
	for i := range res.Records {
		if res.Records[i].Name == name {
			return res.Records[i].Party()
		}
	}
	t.Fatalf("no record named %q", name)
	return sanctions.Party{}
}

func TestCorpusCurrentLayout(t *testing.T) {
	res := readCorpus(t, "csl-sample-2025.csv")
	want := map[string]int{"EL": 1, "DPL": 1, "UVL": 1, "MEU": 1, "SDN": 1, "SSI": 3, "FSE": 1, "PLC": 2, "ISN": 1, "DTC": 1}
	if diff := cmp.Diff(want, countBySource(res)); diff != "" {
		t.Errorf("parties per list (-want +got):\n%s", diff)
	}
	if len(res.Columns) != 29 || res.Columns[0] != "_id" {
		t.Errorf("columns %v", res.Columns)
	}

	isn := find(t, res, "Sinobright Import and Export Company")
	if isn.ID != "233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b" || isn.Source != "ISN" ||
		!cmp.Equal(isn.Remarks, []string{SuccessorRemark}) || !cmp.Equal(isn.Programs, []string{"INKSNA"}) ||
		!cmp.Equal(isn.Citations, []sanctions.FRCitation{{Volume: 88, Issue: 151, Date: day(2023, 8, 8)}}) ||
		!isn.Listed.Equal(day(2023, 7, 19)) {
		t.Errorf("ISN party %+v", isn)
	}

	el := find(t, res, "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)")
	if len(el.Addresses) != 1 || el.Addresses[0].Country != "CN" || el.Addresses[0].Region != "Hebei Province" ||
		len(el.Aliases) != 6 || el.Aliases[5] != "CETC Research Institute 13" ||
		!cmp.Equal(el.Citations, []sanctions.FRCitation{{Volume: 83, Page: 37423}, {Volume: 87, Page: 77505}}) ||
		el.LicensePolicy == "" || el.LicenseRequirement == "" {
		t.Errorf("EL party %+v", el)
	}

	sdn := find(t, res, "RIM, Ryong Nam")
	wantSDN := sanctions.Party{
		ID: "52291", Source: "SDN", Kind: sanctions.KindPerson, Name: "RIM, Ryong Nam",
		Addresses: []sanctions.Address{{Text: "Shenyang, CN", City: "Shenyang", Country: "CN"}, {Text: "Pyongyang, KP", City: "Pyongyang", Country: "KP"}},
		Countries: []string{"CN", "KP"},
		Programs:  []string{"NPWMD"},
		Identifiers: []sanctions.Identifier{
			{Type: "Passport", Number: "836238033", Country: "KP"},
			{Type: "Secondary sanctions risk", Number: "North Korea Sanctions Regulations, sections 510.201 and 510.210"},
			{Type: "Gender", Number: "Male"},
			{Type: "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions", Number: "North Korea Sanctions Regulations section 510.214"},
		},
		Individual: &sanctions.Individual{DatesOfBirth: []string{"1978-12-05"}, Nationalities: []string{"KP"}},
		URLs: []string{"https://sanctionslist.ofac.treas.gov/Home/SdnList",
			"https://home.treasury.gov/policy-issues/financial-sanctions/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"},
	}
	if diff := cmp.Diff(wantSDN, sdn); diff != "" {
		t.Errorf("SDN party (-want +got):\n%s", diff)
	}

	plc := find(t, res, "Fathi Mohammed QAR'AWI")
	if plc.Kind != sanctions.KindPerson || plc.Individual == nil || !cmp.Equal(plc.Individual.DatesOfBirth, []string{"1958"}) ||
		!cmp.Equal(plc.Individual.PlacesOfBirth, []string{"Ramin, West Bank"}) || plc.Addresses[0].Country != "PS" {
		t.Errorf("PLC party %+v", plc)
	}

	dpl := find(t, res, "I. ASH")
	if !dpl.Removed.Equal(day(2056, 6, 29)) || len(dpl.Citations) != 3 || dpl.Citations[2].Date != day(2006, 7, 10) ||
		dpl.Addresses[0].PostalCode != "75081" || dpl.Addresses[0].Region != "TX" {
		t.Errorf("DPL party %+v", dpl)
	}

	ssi := find(t, res, "TNK Trading International S.A.")
	if !cmp.Equal(ssi.Programs, []string{"VENEZUELA-EO13850", "UKRAINE-EO13662"}) || ssi.Identifiers[0].Country != "CH" ||
		ssi.Identifiers[0].Number != "CHE-267.936.404" || ssi.Addresses[0].City != "Geneve" {
		t.Errorf("SSI party %+v", ssi)
	}

	dtc := find(t, res, "Cesareo Estanislao Benitez")
	if dtc.Source != "DTC" || !cmp.Equal(dtc.Citations, []sanctions.FRCitation{{Volume: 53, Page: 27097}}) ||
		dtc.URLs[0] != "https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page&sys_id=c22d1833dbb8d300d0a370131f9619f0" {
		t.Errorf("DTC party %+v", dtc)
	}

	fse := find(t, res, "Evren KAYAKIRAN")
	if !cmp.Equal(fse.Countries, []string{"TR"}) || fse.Individual == nil || !cmp.Equal(fse.Individual.Citizenships, []string{"TR"}) {
		t.Errorf("FSE party %+v", fse)
	}
	meu := find(t, res, "Academy of Aerospace Solid Propulsion Technology (AASPT)")
	if meu.Addresses[0].City != "Xian" || meu.Addresses[0].Country != "CN" {
		t.Errorf("MEU party %+v", meu)
	}
	uvl := find(t, res, "Atlas Sanatgaran")
	if uvl.Addresses[0].City != "Yerevan" || uvl.Addresses[0].Country != "AM" {
		t.Errorf("UVL party %+v", uvl)
	}
}

func TestCorpusLegacyLayout(t *testing.T) {
	res := readCorpus(t, "csl-legacy-2019.csv")
	want := map[string]int{"EL": 22, "DPL": 8, "UVL": 4, "SDN": 28, "SSI": 26, "PLC": 13, "CAP": 1, "ISN": 3, "DTC": 10}
	if diff := cmp.Diff(want, countBySource(res)); diff != "" {
		t.Errorf("parties per list (-want +got):\n%s", diff)
	}
	if len(res.Columns) != 28 {
		t.Errorf("columns %d", len(res.Columns))
	}
	// cp1252 mojibake: U+0092 for an apostrophe, in a name and an address.
	gui := find(t, res, "Gui’an New District Huawei Investment Co., Ltd., Guiyang, Guizhou")
	if gui.Source != "EL" || !gui.Listed.Equal(day(2019, 5, 21)) || !cmp.Equal(gui.Citations, []sanctions.FRCitation{{Volume: 84, Page: 22961}}) {
		t.Errorf("EL party %+v", gui)
	}
	found := false
	for _, r := range res.Records {
		for _, a := range r.Addresses {
			if a.Street == "HA’Assif 19" && a.City == "Binyamina" && a.Country == "IL" {
				found = true
			}
		}
	}
	if !found {
		t.Error("address HA’Assif 19 not repaired")
	}
	dpl := find(t, res, "ADRIAN MANUEL HERNANDEZ") // published with a leading space
	if dpl.Addresses[0].Country != "" || dpl.Addresses[0].PostalCode != "85043" || !dpl.Removed.Equal(day(2020, 10, 13)) ||
		!cmp.Equal(dpl.Citations, []sanctions.FRCitation{{Volume: 82, Page: 48792, Date: day(2017, 10, 20)}}) {
		t.Errorf("DPL party %+v", dpl)
	}
	vessel := find(t, res, "7-28")
	if vessel.Kind != sanctions.KindVessel || vessel.Vessel == nil || vessel.Vessel.Flag != "KP" || vessel.ID != "23156" ||
		vessel.Identifiers[0] != (sanctions.Identifier{Type: "Vessel Registration Identification", Number: "IMO 8898831"}) {
		t.Errorf("vessel %+v", vessel)
	}
	tanker := find(t, res, "ADRIAN DARYA 1")
	if tanker.Vessel.Type != "Crude Oil Tanker" || tanker.Vessel.Flag != "IR" {
		t.Errorf("tanker %+v", tanker.Vessel)
	}
	sdn := find(t, res, "200G PSA HOLDINGS LLC")
	if sdn.Identifiers[0] != (sanctions.Identifier{Type: "Tax ID No.", Number: "80-0890696", Country: "US"}) || sdn.ID != "20264" {
		t.Errorf("SDN ids %+v", sdn.Identifiers)
	}
	el := find(t, res, "54th Research Institute of China")
	if !cmp.Equal(el.Citations, []sanctions.FRCitation{{Volume: 66, Page: 24266}, {Volume: 77, Page: 58006, Issue: 182}, {Volume: 81, Page: 64694}}) ||
		len(el.Aliases) != 3 || el.Addresses[0] != (sanctions.Address{Text: "CN", Country: "CN"}) {
		t.Errorf("EL party %+v", el)
	}
	kinds := map[RepairKind]int{}
	for _, r := range res.Repairs {
		kinds[r.Kind]++
	}
	if kinds[RepairMojibake] != 2 || kinds[RepairSpace] == 0 {
		t.Errorf("repairs %v", kinds)
	}
	var individuals, withTitle int
	for _, r := range res.Records {
		p := r.Party()
		if p.Kind == sanctions.KindPerson {
			individuals++
		}
		if p.Individual != nil && p.Individual.Title != "" {
			withTitle++
		}
	}
	if individuals != 20 || withTitle != 4 {
		t.Errorf("individuals %d, with title %d", individuals, withTitle)
	}
}
