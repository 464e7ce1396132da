package sanctions_test

import (
	"context"
	"fmt"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

func exampleSnapshot() sanctions.Snapshot {
	return sanctions.Snapshot{
		Source: sanctions.Source{Code: "EL", Name: "Entity List (example)", AsOf: time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC), SHA256: "3f2a..."},
		Parties: []sanctions.Party{
			{ID: "el-1", Source: "EL", Kind: sanctions.KindOrganization, Name: "AO Kaspersky Lab",
				Aliases: []string{"Kaspersky Lab"}, Countries: []string{"RU"},
				Addresses: []sanctions.Address{{Text: "39A/3 Leningradskoe Shosse, Moscow, 125212", Country: "RU"}}},
			{ID: "el-2", Source: "EL", Kind: sanctions.KindOrganization, Name: "Example Widget Trading Co., Ltd.", Countries: []string{"CN"}},
			{ID: "el-3", Source: "EL", Kind: sanctions.KindAddress,
				Addresses: []sanctions.Address{{Text: "Unit 1208, 12/F, Example Commercial Building, 88 Specimen Road, Kowloon", Country: "HK"}}},
		},
	}
}

func ExampleScreener_Screen() {
	s := sanctions.NewScreener(exampleSnapshot())
	for _, m := range s.Screen(sanctions.Query{Name: "KASPERSKY LAB AO", Country: "RU"}) {
		fmt.Println(m.Party.ID, m.MatchedName, m.Source.Code, m.Source.AsOf.Format("2006-01-02"))
		fmt.Println(m.Reason)
	}
	// Output:
	// el-1 AO Kaspersky Lab EL 2024-06-24
	// name 'KASPERSKY LAB AO' ~ 'AO Kaspersky Lab' 0.99; country RU matches; score 0.99
}

func ExampleScreener_Screen_address() {
	s := sanctions.NewScreener(exampleSnapshot())
	ms := s.Screen(sanctions.Query{Address: "88 SPECIMEN RD, EXAMPLE COMMERCIAL BLDG, UNIT 1208, KOWLOON", Country: "HK"})
	for _, m := range ms {
		fmt.Printf("%s %.2f %s\n", m.Party.ID, m.AddressScore, m.MatchedAddress.Text)
	}
	// Output:
	// el-3 1.00 Unit 1208, 12/F, Example Commercial Building, 88 Specimen Road, Kowloon
}

func ExampleScreener_ScreenAll() {
	s := sanctions.NewScreener(exampleSnapshot())
	vendors := []sanctions.Query{
		{Name: "EXAMPLE WIDGET TRADING CO LTD"},
		{Name: "Grainger Industrial Supply"},
	}
	results, err := s.ScreenAll(context.Background(), vendors, sanctions.WithThreshold(0.85))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, ms := range results {
		fmt.Println(vendors[i].Name, len(ms))
	}
	// Output:
	// EXAMPLE WIDGET TRADING CO LTD 1
	// Grainger Industrial Supply 0
}
