package sanctions_test

import (
	"fmt"

	"github.com/rpscreen/rpscreen/sanctions"
)

func ExampleParseFRCitations() {
	cites, rest := sanctions.ParseFRCitations("84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20. See remarks.")
	for _, c := range cites {
		fmt.Println(c.Volume, c.Page, c.Date.Format("2006-01-02"))
	}
	fmt.Println(rest)
	// Output:
	// 84 22961 2019-05-21
	// 85 36720 2020-06-18
	// [See remarks]
}
