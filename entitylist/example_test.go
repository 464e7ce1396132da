package entitylist_test

import (
	"fmt"
	"strings"

	"github.com/rpscreen/rpscreen/entitylist"
	"github.com/rpscreen/rpscreen/sanctions"
)

// A small supplement in the eCFR versioner XML, with the June 2024
// Kaspersky additions under Russia and the United Kingdom.
const doc = `<?xml version="1.0"?>
<DIV9 N="Supplement No. 4 to Part 744" TYPE="APPENDIX">
<HEAD>Supplement No. 4 to Part 744&#x2014;Entity List</HEAD>
<DIV class="gpotbl_div"><TABLE class="gpotbl_table">
<TR><TH>Country</TH><TH>Entity</TH><TH>License requirement</TH><TH>License review policy</TH><TH>Federal Register citation</TH></TR>
<TR><TD>Russia</TD><TD>AO Kaspersky Lab, Moscow, Russia.</TD><TD>For all items subject to the EAR.</TD><TD>Presumption of denial.</TD><TD>89 FR 52362, 6/24/24.</TD></TR>
<TR><TD/><TD>OOO Kaspersky Group, Moscow, Russia.</TD><TD>For all items subject to the EAR.</TD><TD>Presumption of denial.</TD><TD>89 FR 52362, 6/24/24.</TD></TR>
<TR><TD/><TD>[Reserved]</TD><TD/><TD/><TD/></TR>
<TR><TD>United Kingdom</TD><TD>Kaspersky Labs Limited, London, United Kingdom.</TD><TD>For all items subject to the EAR.</TD><TD>Presumption of denial.</TD><TD>89 FR 52362, 6/24/24.</TD></TR>
</TABLE></DIV>
</DIV9>`

func ExampleParseECFR() {
	l, err := entitylist.ParseECFR(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Heading)
	for _, e := range l.Entries {
		fmt.Printf("row %d: %s (%s) %s; %s; listed %s\n", e.Row, e.Name, e.Country.Code,
			e.LicenseRequirement.ItemScope, e.LicensePolicy.Kind, e.Listed().Format("2006-01-02"))
	}
	for _, s := range l.Skipped {
		fmt.Printf("row %d skipped: %s\n", s.Row, s.Reason)
	}
	// Output:
	// Supplement No. 4 to Part 744—Entity List
	// row 1: AO Kaspersky Lab (RU) all items subject to the EAR; presumption of denial; listed 2024-06-24
	// row 2: OOO Kaspersky Group (RU) all items subject to the EAR; presumption of denial; listed 2024-06-24
	// row 4: Kaspersky Labs Limited (GB) all items subject to the EAR; presumption of denial; listed 2024-06-24
	// row 3 skipped: reserved
}

func ExampleEntry_Party() {
	l, err := entitylist.ParseECFR(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := l.Entries[2].Party()
	fmt.Println(p.Source, p.Kind, p.Name, p.Countries)
	fmt.Println(p.Addresses[0].City, p.Addresses[0].Country)
	fmt.Println(p.Citations[0], p.Listed.Format("2006-01-02"))
	// Output:
	// EL organization Kaspersky Labs Limited [GB]
	// London GB
	// 89 FR 52362, 6/24/2024 2024-06-24
}

func ExampleList_Snapshot() {
	l, err := entitylist.ParseECFR(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	snap := l.Snapshot(sanctions.Source{URL: "https://www.ecfr.gov/api/versioner/v1/full/2024-06-24/title-15.xml?part=744"})
	fmt.Println(snap.Source.Code, snap.Source.Name, len(snap.Parties))
	// Output:
	// EL Entity List (15 CFR 744 Supplement No. 4) 3
}

func ExampleSniff() {
	fmt.Println(entitylist.Sniff([]byte(`<?xml version="1.0"?><DIV9 TYPE="APPENDIX">`)))
	fmt.Println(entitylist.Sniff([]byte("<!DOCTYPE html><html>")))
	fmt.Println(entitylist.Sniff([]byte("Country,Entity")))
	// Output:
	// ecfr-xml
	// html
	// unknown
}
