package csl_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/csl"
)

// A two-row extract in the CSV download's current layout.
const exampleCSV = `_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids
ex-1,Entity List (EL) - Bureau of Industry and Security,,,,Example Widget Trading Co.  Ltd.,,"2 Sample Street, Xi?an, 710000, CN",83 FR 37423; 87 FR 77505,2018-08-01,,,For all items subject to the EAR.,Presumption of denial.,,,,,,,,,EWT; and Example Widget,,,,,,
ex-2,Nonproliferation Sanctions (ISN) - State Department,,,INKSNA,"Example Institute; and any successor, sub-unit, or subsidiary thereof",,,"Vol. 88, No. 151, 08/08/2023",2023-07-19,,,,,,,,,,,,,,,,,,,
`

func ExampleRead() {
	res, err := csl.Read(strings.NewReader(exampleCSV), csl.Options{
		RetrievedAt: time.Date(2025, 6, 25, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Format, res.Rows, "rows")
	for _, snap := range res.Snapshots() {
		for _, p := range snap.Parties {
			fmt.Printf("%s %s %q aliases=%q\n", snap.Source.Code, p.ID, p.Name, p.Aliases)
			for _, a := range p.Addresses {
				fmt.Printf("  address: street=%q city=%q postal=%q country=%s\n", a.Street, a.City, a.PostalCode, a.Country)
			}
			for _, c := range p.Citations {
				fmt.Println("  cited:", c)
			}
			fmt.Println("  listed:", p.Listed.Format("2006-01-02"), "remarks:", p.Remarks)
		}
	}
	for _, r := range res.Repairs {
		fmt.Printf("repair record %d %s (%s): %q\n", r.Record, r.Field, r.Kind, r.After)
	}
	// Output:
	// csv 2 rows
	// EL ex-1 "Example Widget Trading Co. Ltd." aliases=["EWT" "Example Widget"]
	//   address: street="2 Sample Street" city="Xi'an" postal="710000" country=CN
	//   cited: 83 FR 37423
	//   cited: 87 FR 77505
	//   listed: 2018-08-01 remarks: []
	// ISN ex-2 "Example Institute" aliases=[]
	//   cited: Vol. 88, No. 151, 8/8/2023
	//   listed: 2023-07-19 remarks: [Listing extends to any successor, sub-unit, or subsidiary thereof.]
	// repair record 1 name (space): "Example Widget Trading Co. Ltd."
	// repair record 1 alt_names (conjunction): "Example Widget"
	// repair record 1 addresses (apostrophe): "2 Sample Street, Xi'an, 710000, CN"
	// repair record 2 name (successor-clause): "Example Institute"
}

func ExampleReadJSON() {
	doc := `{"results":[
	  {"id":"ex-9","source":"Specially Designated Nationals (SDN) - Treasury Department","type":"Vessel",
	   "name":"EXAMPLE STAR","vessel_flag":"Panama","call_sign":"9XXX1","start_date":"3033-01-17",
	   "ids":[{"type":"Vessel Registration Identification","number":"IMO 0000001"}]},
	  {"id":"ex-10","source":"Entity List (EL) - Bureau of Industry and Security","name":{"bad":"shape"}}
	]}`
	res, err := csl.ReadJSON(strings.NewReader(doc), csl.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := res.Records[0].Party()
	fmt.Println(p.Kind, p.Name, p.Vessel.Flag, p.Vessel.CallSign, p.Identifiers[0].Number, p.Listed.IsZero())
	for _, w := range res.Warnings {
		fmt.Println("warning:", w)
	}
	for _, e := range res.Errors {
		fmt.Println("error:", e)
	}
	// Output:
	// vessel EXAMPLE STAR PA 9XXX1 IMO 0000001 true
	// warning: record 1 (line 2) start_date: not taken as a date: date "3033-01-17": year 3033 out of range
	// error: csl: record 2 (line 5, byte 298): invalid record: field "name": object where text was expected
}

func ExampleSniff() {
	fmt.Println(csl.Sniff([]byte(`{"results":[`)))
	fmt.Println(csl.Sniff([]byte("_id,source,entity_number,type,programs,name,title")))
	fmt.Println(csl.Sniff([]byte("_id\tsource\tentity_number\ttype\tprograms\tname")))
	fmt.Println(csl.Sniff([]byte("<!DOCTYPE html>")))
	// Output:
	// json
	// csv
	// tsv
	// unknown
}

func ExampleSourceCode() {
	fmt.Println(csl.SourceCode("Military End User (MEU) List - Bureau of Industry and Security"))
	fmt.Println(csl.SourceCode("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"))
	fmt.Println(csl.SourceCode("Example Watch List (EWL) - Department of Examples"))
	// Output:
	// MEU true
	// MBS true
	// EWL false
}

func ExampleParseAddress() {
	a := csl.ParseAddress("80 SW 8th Street Suite 2000, Miami, FL, 33130, US")
	fmt.Printf("%q %q %q %q %q\n", a.Street, a.City, a.Region, a.PostalCode, a.Country)
	// Output:
	// "80 SW 8th Street Suite 2000" "Miami" "FL" "33130" "US"
}
