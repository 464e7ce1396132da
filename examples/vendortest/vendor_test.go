package vendortest

import (
	"testing"

	"github.com/rpscreen/rpscreen/sanctions"
)

// testList is a list built in the test: two entries in the shape of the
// Entity List's June 2024 additions and one clearly synthetic party.
func testList() sanctions.Snapshot {
	return sanctions.Snapshot{
		Source: sanctions.Source{Code: "EL", Name: "test list"},
		Parties: []sanctions.Party{
			{ID: "el-1", Source: "EL", Kind: sanctions.KindOrganization, Name: "AO Kaspersky Lab", Countries: []string{"RU"}},
			{ID: "el-2", Source: "EL", Kind: sanctions.KindOrganization, Name: "Kaspersky Labs Limited", Countries: []string{"GB"}},
			{ID: "el-3", Source: "EL", Kind: sanctions.KindOrganization, Name: "Example Widget Trading Co., Ltd.",
				Aliases: []string{"Example Widget HK"}, Countries: []string{"HK"}},
		},
	}
}

func TestApprove(t *testing.T) {
	o := &Onboarding{Screener: sanctions.NewScreener(testList())}
	tests := []struct {
		name, country string
		refuse        bool
	}{
		{"Kaspersky Lab AO", "RU", true},
		{"KASPERSKIY LABORATORIYA, AO", "RU", true},
		{"Example Widget Trading Company Limited", "HK", true},
		{"Acme Office Supplies Inc.", "US", false},
		{"Example Gadget Trading Co., Ltd.", "HK", false},
	}
	for _, tc := range tests {
		err := o.Approve(tc.name, tc.country)
		if (err != nil) != tc.refuse {
			t.Errorf("Approve(%q) = %v, want refused=%v", tc.name, err, tc.refuse)
		}
	}
}
