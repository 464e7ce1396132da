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
	return loadVendorListFrom(t, "vendors")
}

// loadVendorListFrom reads testdata/<dir>/list.jsonl into a snapshot.
func loadVendorListFrom(t testing.TB, dir string) Snapshot {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", dir, "list.jsonl"))
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
	return loadVendorCSVFrom(t, "vendors", name)
}

func loadVendorCSVFrom(t testing.TB, dir, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", dir, name))
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

// vendorScore screens the vendors and returns the counts behind recall
// (found of expected) and precision (correct of flagged), with a line per
// miss and per false hit.
// reportVendorScore screens the vendors, logs the misses, the false hits
// and the counts, and returns recall and precision.
func reportVendorScore(t *testing.T, s *Screener, vendors []vendorRow, expected map[string]map[string]bool, variant map[string]string) (recall, precision float64) {
	t.Helper()
	found, flagged, correct, misses, falseHits := vendorScore(s, vendors, expected, variant)
	recall = float64(found) / float64(len(expected))
	precision = 1.0
	if flagged > 0 {
		precision = float64(correct) / float64(flagged)
	}
	for _, m := range misses {
		t.Logf("miss: %s", m)
	}
	for _, m := range falseHits {
		t.Logf("false hit: %s", m)
	}
	t.Logf("vendors %d, expected hits %d, found %d, flagged %d, correct %d: recall %.3f precision %.3f",
		len(vendors), len(expected), found, flagged, correct, recall, precision)
	return recall, precision
}

func vendorScore(s *Screener, vendors []vendorRow, expected map[string]map[string]bool, variant map[string]string) (found, flagged, correct int, misses, falseHits []string) {
	for _, v := range vendors {
		addr := strings.Trim(strings.TrimSpace(strings.Join([]string{v.address, v.city}, ", ")), ", ")
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
	sort.Strings(misses)
	return found, flagged, correct, misses, falseHits
}

// TestVendorScreening screens the labelled vendor master against the test
// list at the default threshold and checks recall >= 0.98 and precision >=
// 0.95. It also reports the held-out set (holdout.csv), written after the
// name engine had been adjusted on the labelled set, as a check that those
// adjustments generalise; the held-out set must reach recall and
// precision of 0.9.
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
	var held []vendorRow
	heldExp := map[string]map[string]bool{}
	for _, r := range loadVendorCSV(t, "holdout.csv") {
		held = append(held, vendorRow{r[0], r[1], r[2], r[3], r[4]})
		variant[r[0]] = r[6]
		if r[5] != "" {
			set := map[string]bool{}
			for _, id := range strings.Split(r[5], "|") {
				set[id] = true
			}
			heldExp[r[0]] = set
		}
	}
	for _, set := range []struct {
		name               string
		vendors            []vendorRow
		expected           map[string]map[string]bool
		minRecall, minPrec float64
	}{
		{"labelled", vendors, expected, 0.98, 0.95},
		{"held-out", held, heldExp, 0.9, 0.9},
	} {
		t.Run(set.name, func(t *testing.T) {
			recall, precision := reportVendorScore(t, s, set.vendors, set.expected, variant)
			if recall < set.minRecall {
				t.Errorf("recall %.3f < %.2f", recall, set.minRecall)
			}
			if precision < set.minPrec {
				t.Errorf("precision %.3f < %.2f", precision, set.minPrec)
			}
		})
	}
}

// TestVendorScreeningIndependent screens the independent held-out set in
// testdata/vendors-holdout (its own list, vendor master and expected hits,
// written without looking at the engine or at testdata/vendors) and
// reports recall and precision at the default threshold beside the
// acceptance bar of the labelled set (0.98, 0.95). Since the set exists to
// measure generalisation and must not be tuned against, it fails only
// below 0.9 on either, a regression no single row explains. It is skipped
// when the set is absent.
func TestVendorScreeningIndependent(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "testdata", "vendors-holdout", "list.jsonl")); err != nil {
		t.Skip("testdata/vendors-holdout absent")
	}
	s := NewScreener(loadVendorListFrom(t, "vendors-holdout"))
	var vendors []vendorRow
	for _, r := range loadVendorCSVFrom(t, "vendors-holdout", "vendors.csv") {
		vendors = append(vendors, vendorRow{r[0], r[1], r[2], r[3], r[4]})
	}
	expected := map[string]map[string]bool{}
	variant := map[string]string{}
	for _, r := range loadVendorCSVFrom(t, "vendors-holdout", "expected.csv") {
		set := map[string]bool{}
		for _, id := range strings.Split(r[1], "|") {
			set[id] = true
		}
		expected[r[0]] = set
		variant[r[0]] = r[2]
	}
	recall, precision := reportVendorScore(t, s, vendors, expected, variant)
	if recall < 0.98 || precision < 0.95 {
		t.Logf("below the labelled set's acceptance bar (recall 0.98, precision 0.95)")
	}
	if recall < 0.9 || precision < 0.9 {
		t.Errorf("recall %.3f, precision %.3f: below 0.9", recall, precision)
	}
}
