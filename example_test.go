package rpscreen_test

import (
	"context"
	"fmt"
	"time"

	"github.com/rpscreen/rpscreen"
	"github.com/rpscreen/rpscreen/icts"
	"github.com/rpscreen/rpscreen/sanctions"
)

// Open with no list files still screens the embedded ICTS registry, and says
// so.
func ExampleOpen() {
	scr, err := rpscreen.Open(context.Background(), rpscreen.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println("lists loaded:", scr.ListsLoaded())
	m := scr.Screen(sanctions.Query{Name: "Kaspersky Lab Inc"})[0]
	fmt.Println(m.Source.Code, m.Party.ID, m.MatchedName)

	day, _ := icts.ParseDay("2024-09-29")
	a := scr.ICTS.Prohibited(m.Party.ID, icts.Update, day)
	fmt.Println("update prohibited on 2024-09-29:", a.Prohibited)
	a = scr.ICTS.Prohibited(m.Party.ID, icts.Update, day.Add(-time.Nanosecond))
	fmt.Println("update prohibited a moment before:", a.Prohibited)
	// Output:
	// lists loaded: false
	// ICTS ICTS-2021-002/1 Kaspersky Lab, Inc.
	// update prohibited on 2024-09-29: true
	// update prohibited a moment before: false
}

func ExampleReadListFile() {
	lf, err := rpscreen.ReadListFile("testdata/entitylist/supplement4-ecfr.xml", rpscreen.ReadOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(lf.Format, lf.Parties(), "parties,", len(lf.EntityList.Skipped), "rows skipped")
	// Output: entitylist-ecfr-xml 18 parties, 3 rows skipped
}
