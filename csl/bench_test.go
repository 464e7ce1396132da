package csl

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"runtime"
	"testing"
)

// generated documents are built once per test binary.
var genCSV, genJSON []byte

// generate builds a CSV and a JSON document of n synthetic records in the
// current layouts, mixing lists, kinds, aliases, addresses, citations,
// identifiers and text that needs repair. As in the real list, where one
// rule adds many parties, records share 2,000 distinct notices.
func generate(n int) (csvDoc, jsonDoc []byte) {
	sources := []string{Lists[0].Name, Lists[1].Name, Lists[4].Name, Lists[5].Name, Lists[11].Name}
	types := []string{"", "Entity", "Individual", "Vessel", ""}
	var cb bytes.Buffer
	w := csv.NewWriter(&cb)
	w.Write(csvColumns)
	var results []map[string]any
	for i := 0; i < n; i++ {
		src := sources[i%len(sources)]
		name := fmt.Sprintf("Example Widget Trading %d Co., Ltd.", i)
		if i%97 == 0 {
			name = fmt.Sprintf("Example Xi?an Works %d; and any successor, sub-unit, or subsidiary thereof", i)
		}
		if i%89 == 0 {
			name = fmt.Sprintf("Example Gui\u0092an  Holdings %d", i)
		}
		aliases := []string{fmt.Sprintf("EWT %d", i), fmt.Sprintf("Example Widget %d", i)}
		addrs := [][5]string{{fmt.Sprintf("%d Example Road", i), "Example City", "Example Province", fmt.Sprintf("%06d", i), "CN"}, {"", "Tehran", "", "", "IR"}}
		var flat []string
		var jaddr []map[string]any
		for _, a := range addrs {
			var parts []string
			for _, p := range a {
				if p != "" {
					parts = append(parts, p)
				}
			}
			flat = append(flat, join(parts, ", "))
			jaddr = append(jaddr, map[string]any{"address": a[0], "city": a[1], "state": a[2], "postal_code": a[3], "country": a[4]})
		}
		rec := map[string]string{
			"_id": fmt.Sprintf("gen-%d", i), "source": src, "type": types[i%len(types)], "programs": "SDGT; IRGC",
			"name": name, "addresses": join(flat, "; "), "federal_register_notice": fmt.Sprintf("83 FR %d; 87 FR 77505", 10000+i%2000),
			"start_date": "2018-08-01", "license_requirement": "For all items subject to the EAR.  (See § 744.11 of the EAR)",
			"license_policy": "Presumption of denial.", "remarks": "Synthetic benchmark record.",
			"source_list_url": "https://example.invalid/list", "alt_names": join(aliases, "; "),
			"dates_of_birth": "1970-01-15", "nationalities": "IR", "ids": "Passport, X0000001, IR; Gender, Male",
		}
		row := make([]string, len(csvColumns))
		for j, c := range csvColumns {
			row[j] = rec[c]
		}
		w.Write(row)
		results = append(results, map[string]any{
			"id": rec["_id"], "source": src, "type": rec["type"], "programs": []string{"SDGT", "IRGC"}, "name": name,
			"addresses": jaddr, "federal_register_notice": rec["federal_register_notice"], "start_date": "2018-08-01",
			"license_requirement": rec["license_requirement"], "license_policy": rec["license_policy"], "remarks": rec["remarks"],
			"source_list_url": rec["source_list_url"], "alt_names": aliases, "dates_of_birth": []string{"1970-01-15"},
			"nationalities": []string{"IR"}, "citizenships": nil,
			"ids": []map[string]any{{"type": "Passport", "number": "X0000001", "country": "IR", "issue_date": nil, "expiration_date": nil}},
		})
	}
	w.Flush()
	jb, err := json.Marshal(map[string]any{"total": n, "results": results, "sources_used": []any{}})
	if err != nil {
		panic(err)
	}
	return cb.Bytes(), jb
}

func join(s []string, sep string) string {
	var b bytes.Buffer
	for i, x := range s {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(x)
	}
	return b.String()
}

var csvColumns = []string{"_id", "source", "entity_number", "type", "programs", "name", "title", "addresses", "federal_register_notice",
	"start_date", "end_date", "standard_order", "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
	"gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
	"dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids"}

const genRecords = 30000

func generated() ([]byte, []byte) {
	if genCSV == nil {
		genCSV, genJSON = generate(genRecords)
	}
	return genCSV, genJSON
}

// TestLargeDocuments reads the generated 30,000-record documents and
// checks that every record is read and that a read allocates less than
// 300 MB.
func TestLargeDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("large documents skipped in -short mode")
	}
	c, j := generated()
	for _, doc := range []struct {
		name string
		data []byte
	}{{"csv", c}, {"json", j}} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res, err := Read(bytes.NewReader(doc.data), Options{})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("%s: %v", doc.name, err)
		}
		if res.Rows != genRecords || len(res.Records) != genRecords || len(res.Errors) != 0 {
			t.Errorf("%s: rows %d, records %d, errors %d", doc.name, res.Rows, len(res.Records), len(res.Errors))
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 300<<20 {
			t.Errorf("%s: read allocated %d MB, limit 300 MB", doc.name, alloc>>20)
		}
		snaps := res.Snapshots()
		total := 0
		for _, s := range snaps {
			total += len(s.Parties)
		}
		if len(snaps) != 5 || total != genRecords {
			t.Errorf("%s: %d snapshots holding %d parties", doc.name, len(snaps), total)
		}
	}
}

func BenchmarkReadCSV30k(b *testing.B) {
	c, _ := generated()
	b.SetBytes(int64(len(c)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(c), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadJSON30k(b *testing.B) {
	_, j := generated()
	b.SetBytes(int64(len(j)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(j), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSnapshots30k(b *testing.B) {
	c, _ := generated()
	res, err := Read(bytes.NewReader(c), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res.Snapshots()
	}
}
