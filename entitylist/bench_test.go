package entitylist

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// genRows makes n rows shaped like the published supplement: countries in
// blocks with continuation rows, alias blocks, several addresses, footnote
// markers, sub-parts, many citations and a reserved row now and then. All
// names are synthetic.
func genRows(n int) [][]string {
	countries := []string{"China, People&#x2019;s Republic of", "Russia", "Iran", "United Arab Emirates", "Hong Kong", "Pakistan", "T&#xFC;rkiye", "United Kingdom"}
	rows := make([][]string, 0, n)
	for i := 0; i < n; i++ {
		country := ""
		if i%(n/len(countries)+1) == 0 {
			country = countries[(i*len(countries))/n]
		}
		if i%97 == 50 {
			rows = append(rows, []string{country, "[Reserved]", "", "", ""})
			continue
		}
		var ent string
		switch i % 5 {
		case 0:
			ent = fmt.Sprintf("Example Widget %d Technology Co., Ltd., a.k.a., the following three aliases:<br/>&#x2014;EW%d;<br/>&#x2014;Example Widget Holdings %d; and<br/>&#x2014;Sample Widget %d Trading Co., Ltd. Room %d, Building %d, No. %d Example Road, Haidian District, Beijing, 100084, China.", i, i, i, i, 1000+i, i%40, i%300)
		case 1:
			ent = fmt.Sprintf("Example Avionics %d JSC, a.k.a. EA%d; Sample Avionics %d, %d Example Prospekt, Moscow, 125212, Russia; and %d Sample Street, Kazan, 420000, Russia.", i, i, i, i%200, i%90)
		case 2:
			ent = fmt.Sprintf("Example Academy %d, %d Example Road, Mianyang, Sichuan Province, China, and the following subordinate institutions:<P>&#x2014;Example Institute %d-A;</P><P>&#x2014;Example Institute %d-B; and</P><P>&#x2014;Example Institute %d-C.</P>", i, i%99, i, i, i)
		case 3:
			ent = fmt.Sprintf("Address: Flat %d, %d/F, Example Industrial Building, %d Sample Street, Kwun Tong, Kowloon, Hong Kong.", i%50, i%30, i%80)
		default:
			ent = fmt.Sprintf("Example Global Trading %d FZE, Office %d, Example Tower, Dubai, United Arab Emirates.", i, i%2000)
		}
		lic := "For all items subject to the EAR. (See &#xA7; 744.11 of the EAR)"
		if i%7 == 0 {
			lic = "For all items subject to the EAR, see &#xA7;&#xA7; 734.9(e),<SU>1</SU> and 744.11 of the EAR, EXCEPT<SU>2</SU> for technology subject to the EAR that is designated as EAR99, or controlled on the Commerce Control List for anti-terrorism reasons only."
		}
		pol := "Presumption of denial."
		if i%3 == 0 {
			pol = "Case-by-case review for items necessary to detect, identify and treat infectious disease; presumption of denial for all other items subject to the EAR."
		}
		cite := fmt.Sprintf("84 FR %d, 5/21/19. 85 FR %d, 6/18/20. 89 FR %d-%d, 6/24/24.", 20000+i, 30000+i, 50000+i, 50002+i)
		rows = append(rows, []string{country, ent, lic, pol, cite})
	}
	return rows
}

var (
	benchXML  = xmlDoc(genRows(3500)...)
	benchHTML = htmlDoc(genRows(3500)...)
)

func TestGeneratedSupplement(t *testing.T) {
	lx, lh := parseBoth(t, benchXML, benchHTML)
	if lx.Rows != 3500 || len(lx.Entries)+len(lx.Skipped) != 3500 {
		t.Fatalf("rows %d, entries %d, skipped %d", lx.Rows, len(lx.Entries), len(lx.Skipped))
	}
	reserved := 0
	for i := 0; i < 3500; i++ {
		if i%97 == 50 {
			reserved++
		}
	}
	if lx.Reserved() != reserved || len(lx.Skipped) != reserved {
		t.Errorf("reserved %d, skipped %d, want %d", lx.Reserved(), len(lx.Skipped), reserved)
	}
	if len(lx.Warnings) != 0 {
		t.Errorf("warnings: %v", lx.Warnings[:min(3, len(lx.Warnings))])
	}
	if len(lx.Entries) != len(lh.Entries) {
		t.Fatalf("xml %d entries, html %d", len(lx.Entries), len(lh.Entries))
	}
	for i := range lx.Entries {
		if !entriesEqual(lx.Entries[i], lh.Entries[i]) {
			t.Fatalf("entry %d differs between XML and HTML", i)
		}
	}
	for _, e := range lx.Entries {
		if e.Country.Code == "" || len(e.Citations) != 3 || (e.Name == "" && len(e.Addresses) == 0) {
			t.Fatalf("row %d badly read: %+v", e.Row, e)
		}
	}
}

func entriesEqual(a, b Entry) bool {
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}

func BenchmarkParseECFR(b *testing.B) {
	data := []byte(benchXML)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := ParseECFR(bytes.NewReader(data))
		if err != nil || len(l.Entries) < 3400 {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data := []byte(benchHTML)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := ParseHTML(bytes.NewReader(data))
		if err != nil || len(l.Entries) < 3400 {
			b.Fatal(err)
		}
	}
}

func BenchmarkSniff(b *testing.B) {
	p := []byte(strings.Repeat(" ", 10) + benchXML[:500])
	for b.Loop() {
		Sniff(p)
	}
}
