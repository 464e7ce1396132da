package sanctions_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/rpscreen/rpscreen/sanctions"
)

// CompareNames scores two names and says why.
func ExampleCompareNames() {
	c := sanctions.CompareNames("华为技术有限公司", "Huawei Technologies Co., Ltd.")
	fmt.Println(c.A.Normalized, "|", c.B.Normalized)
	fmt.Println(c.Score, c.Match, c.A.LegalForms)
	fmt.Println(c.Reason)

	c = sanctions.CompareNames("George Bush", "George Habbash")
	fmt.Printf("%.2f %v\n", c.Score, c.Match)
	fmt.Println(c.Reason)
	// Output:
	// huawei technology co ltd | huawei technology co ltd
	// 1 true [co ltd]
	// identical normalised names "huawei technology co ltd"
	// 0.34 false
	// 1 of 2/2 tokens aligned (1 exact, 0 approximate); unmatched: bush, habbash
}

// CompareNamesKind compares names of a known kind; a Comparison marshals to
// the JSON that "rpscreen compare --json" prints.
func ExampleCompareNamesKind() {
	c := sanctions.CompareNamesKind("LAVROV, Sergey Viktorovich", "Sergej Lavrov", sanctions.KindPerson)
	out, _ := json.Marshal(struct {
		Match     bool    `json:"match"`
		Threshold float64 `json:"threshold"`
		Mode      string  `json:"mode"`
	}{c.Match, c.Threshold, c.Mode})
	os.Stdout.Write(append(out, '\n'))
	fmt.Printf("%.3f\n", c.Score)
	for _, p := range c.Pairs {
		fmt.Printf("%s = %s (%.2f)\n", p.A, p.B, p.Score)
	}
	fmt.Println(c.UnmatchedA)
	// Output:
	// {"match":true,"threshold":0.79,"mode":"person"}
	// 0.942
	// lavrov = lavrov (1.00)
	// sergey = sergej (0.95)
	// [viktorovich]
}
