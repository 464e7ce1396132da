package sanctions

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// loadVendorList reads testdata/vendors/list.jsonl into a snapshot.
func loadVendorList(t testing.TB) Snapshot {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "vendors", "list.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	snap := Snapshot{Source: Source{Code: "TEST", Name: "vendor-screening test list", SHA256: strings.Repeat("0", 64)}}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Party
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("list.jsonl line %d: %v", line, err)
		}
		snap.Parties = append(snap.Parties, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return snap
}

type vendorRow struct {
	id, name, address, city, country string
}

func loadVendorCSV(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "vendors", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows[1:]
}

// TestVendorScreening screens the labelled vendor master against the test
// list at the default threshold and checks recall and precision.
func TestVendorScreening(t *testing.T) {
	s := NewScreener(loadVendorList(t))
	var vendors []vendorRow
	for _, r := range loadVendorCSV(t, "vendors.csv") {
		vendors = append(vendors, vendorRow{r[0], r[1], r[2], r[3], r[4]})
	}
	expected := map[string]map[string]bool{}
	variant := map[string]string{}
	for _, r := range loadVendorCSV(t, "expected.csv") {
		set := map[string]bool{}
		for _, id := range strings.Split(r[1], "|") {
			set[id] = true
		}
		expected[r[0]] = set
		variant[r[0]] = r[2]
	}
	var found, flagged, correct int
	var misses, falseHits []string
	for _, v := range vendors {
		addr := strings.TrimSpace(strings.Join([]string{v.address, v.city}, ", "))
		addr = strings.Trim(addr, ", ")
		ms := s.Screen(Query{Name: v.name, Address: addr, Country: v.country})
		exp := expected[v.id]
		hit := false
		for _, m := range ms {
			if exp[m.Party.ID] {
				hit = true
			}
		}
		if len(ms) > 0 {
			flagged++
			if hit {
				correct++
			} else {
				falseHits = append(falseHits, fmt.Sprintf("%s %q -> %s %q (%s)", v.id, v.name, ms[0].Party.ID, ms[0].MatchedName, ms[0].Reason))
			}
		}
		if exp != nil {
			if hit {
				found++
			} else {
				best := "nothing"
				if len(ms) > 0 {
					best = ms[0].Party.ID + " " + ms[0].Reason
				}
				misses = append(misses, fmt.Sprintf("%s %q [%s]: got %s", v.id, v.name, variant[v.id], best))
			}
		}
	}
	recall := float64(found) / float64(len(expected))
	precision := 1.0
	if flagged > 0 {
		precision = float64(correct) / float64(flagged)
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	for _, m := range falseHits {
		t.Logf("false hit: %s", m)
	}
	t.Logf("vendors %d, expected hits %d, found %d, flagged %d, correct %d: recall %.3f precision %.3f",
		len(vendors), len(expected), found, flagged, correct, recall, precision)
	if recall < 0.98 {
		t.Errorf("recall %.3f < 0.98", recall)
	}
	if precision < 0.95 {
		t.Errorf("precision %.3f < 0.95", precision)
	}
}
