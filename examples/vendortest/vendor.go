// Package vendortest shows rpscreen in a team's own unit tests: a vendor
// onboarding check that refuses a vendor on a restricted-party list, tested
// against a small list the test builds itself.
package vendortest

import (
	"fmt"

	"github.com/rpscreen/rpscreen/sanctions"
)

// Onboarding approves new vendors.
type Onboarding struct {
	Screener *sanctions.Screener
}

// Approve returns an error naming the list entry when the vendor matches a
// restricted party.
func (o *Onboarding) Approve(name, country string) error {
	ms := o.Screener.Screen(sanctions.Query{Name: name, Country: country})
	if len(ms) > 0 {
		m := ms[0]
		return fmt.Errorf("vendor %q matches %s entry %q (%s, score %.2f): %s",
			name, m.Source.Code, m.MatchedName, m.Party.ID, m.Score, m.Reason)
	}
	return nil
}
