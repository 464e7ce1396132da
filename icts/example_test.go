package icts_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/rpscreen/rpscreen/icts"
)

// Asking the embedded registry, with no network, whether the vendor may
// still push updates to a Kaspersky product at the boundary of the second
// stage of the Kaspersky determination.
func ExampleRegistry_Prohibited() {
	r := icts.Default()
	for _, day := range []string{"2024-09-28", "2024-09-29"} {
		at, _ := icts.ParseDay(day) // that calendar day in US Eastern time
		a := r.Prohibited("Kaspersky Lab Inc", icts.Update, at)
		fmt.Println(day, a.Verdict, a.Determination.CaseNumber, a.Prohibition.Effective.Format(time.RFC3339))
	}
	// The time-zone boundary: 03:59Z on September 29 is still September 28
	// in New York.
	for _, s := range []string{"2024-09-29T03:59:00Z", "2024-09-29T04:00:00Z"} {
		at, _ := time.Parse(time.RFC3339, s)
		fmt.Println(s, r.Prohibited("Kaspersky Lab, Inc.", icts.Update, at).Prohibited)
	}
	// A new purchase (a new agreement) is prohibited from July 20, 2024.
	fmt.Println(r.Prohibited("Kaspersky Lab, Inc.", icts.NewAgreement, icts.OnDay(2024, 7, 19)).Prohibited,
		r.Prohibited("Kaspersky Lab, Inc.", icts.NewAgreement, icts.OnDay(2024, 7, 20)).Prohibited)
	// Output:
	// 2024-09-28 not-yet-in-effect ICTS-2021-002 2024-09-29T00:00:00-04:00
	// 2024-09-29 prohibited ICTS-2021-002 2024-09-29T00:00:00-04:00
	// 2024-09-29T03:59:00Z false
	// 2024-09-29T04:00:00Z true
	// false true
}

// Listing the embedded registry.
func ExampleRegistry_Determinations() {
	r := icts.Default()
	fmt.Println("as of", r.AsOf().Format("2006-01-02"))
	for _, d := range r.Determinations() {
		fmt.Printf("%s %-19s %-14s %s\n", d.Published.Format("2006-01-02"), d.Kind, d.DocumentNumber, d.Citation)
	}
	// Output:
	// as of 2025-01-16
	// 2021-01-19 interim-final-rule  2021-01234     86 FR 4909, 1/19/2021
	// 2024-06-24 final-determination 2024-13532     89 FR 52434-52437, 6/24/2024
	// 2024-07-18 final-rule          2024-15258     89 FR 58263-58265, 7/18/2024
	// 2024-12-06 final-rule          2024-28335     89 FR 96872, 12/6/2024
	// 2025-01-03 anprm               2024-30209     90 FR 271-279, 1/3/2025
	// 2025-01-16 final-rule          2025-00592     90 FR 5360-5424, 1/16/2025
}

// The covered persons as screenable parties, and the way back from a
// party to its prohibitions.
func ExampleRegistry_Snapshot() {
	r := icts.Default()
	s := r.Snapshot()
	for _, p := range s.Parties {
		fmt.Println(p.ID, p.Name, p.Countries)
	}
	_, d, _ := r.PartyDetermination(s.Parties[0].ID)
	for _, p := range d.Prohibitions {
		fmt.Println(p.Class, p.Effective.Format("2006-01-02 15:04 MST"))
	}
	// Output:
	// ICTS-2021-002/1 Kaspersky Lab, Inc. [US]
	// ICTS-2021-002/2 AO Kaspersky Lab [RU]
	// ICTS-2021-002/3 OOO Kaspersky Group [RU]
	// ICTS-2021-002/4 Kaspersky Labs Limited [GB]
	// new-agreement 2024-07-20 00:00 EDT
	// update 2024-09-29 00:00 EDT
	// resale 2024-09-29 00:00 EDT
	// integration 2024-09-29 00:00 EDT
	// licensing 2024-09-29 00:00 EDT
}

// A rule that names a class of products: connected vehicle hardware.
func ExampleRegistry_ProductRestricted() {
	r := icts.Default()
	a := r.ProductRestricted(icts.VCSHardware, 0, icts.OnDay(2029, 1, 1))
	fmt.Println(a.Restricted, a.Nexus, a.Rule.ID)
	a = r.ProductRestricted(icts.VCSSoftware, 2026, icts.OnDay(2026, 1, 1))
	fmt.Println(a.Restricted)
	// Output:
	// true [CN RU] 2025-00592/vcs-hardware
	// false
}

// Reading a Federal Register issue in GPO's XML and turning its ICTS
// documents into determinations.
func ExampleReadIssue() {
	f, err := os.Open(filepath.Join("..", "testdata", "icts", "kaspersky-final-determination.xml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	is, err := icts.ReadIssue(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, doc := range is.Documents {
		if !doc.IsICTS() {
			continue
		}
		d, err := doc.Determination()
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.CaseNumber, d.DocumentNumber, d.Citation)
		for _, p := range d.Prohibitions {
			fmt.Println(" ", p.Class, p.Effective.Format("2006-01-02 15:04 MST"))
		}
	}
	// Output:
	// ICTS-2021-002 2024-13532 89 FR 52434-52437, 6/24/2024
	//   new-agreement 2024-07-20 00:00 EDT
	//   update 2024-09-29 00:00 EDT
	//   resale 2024-09-29 00:00 EDT
	//   integration 2024-09-29 00:00 EDT
	//   licensing 2024-09-29 00:00 EDT
}
