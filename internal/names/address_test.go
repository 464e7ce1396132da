package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseAddress(t *testing.T) {
	tests := []struct {
		name    string
		in      AddressParts
		words   []string
		numbers []AddressNumber
		postal  string
	}{
		{
			name:    "abbreviations and house number",
			in:      AddressParts{Text: "No. 555 Qianmo Rd., Binjiang Dist., Hangzhou, Zhejiang, 310051, China"},
			words:   []string{"number", "qianmo", "road", "binjiang", "district", "hangzhou", "zhejiang"},
			numbers: []AddressNumber{{RoleHouse, "555"}},
			postal:  "310051",
		},
		{
			name:    "house and building after slash",
			in:      AddressParts{Text: "39A/2 Leningradskoe Shosse, Moscow, 125212, Russia"},
			words:   []string{"leningradskoe", "shosse", "moscow"},
			numbers: []AddressNumber{{RoleHouse, "39a"}, {RoleBuilding, "2"}},
			postal:  "125212",
		},
		{
			name:    "building, floor and room markers",
			in:      AddressParts{Text: "Bldg 3, 5F, Rm 1201, 18 Example St", PostalCode: "EX1 2AB"},
			words:   []string{"building", "room", "example", "street"},
			numbers: []AddressNumber{{RoleBuilding, "3"}, {RoleFloor, "5"}, {RoleRoom, "1201"}, {RoleHouse, "18"}},
			postal:  "ex12ab",
		},
		{
			name:    "ordinal floor and leading zeros",
			in:      AddressParts{Text: "2nd Floor, 007 Sample Avenue"},
			words:   []string{"floor", "sample", "avenue"},
			numbers: []AddressNumber{{RoleFloor, "2"}, {RoleHouse, "7"}},
		},
		{
			name:    "hash number and city field",
			in:      AddressParts{Text: "Tian Wang te Zi #1, Baqiao District", City: "Xian"},
			words:   []string{"tian", "wang", "te", "zi", "number", "baqiao", "district", "xian"},
			numbers: []AddressNumber{{RoleHouse, "1"}},
		},
		{
			name:    "Russian stroenie and korpus",
			in:      AddressParts{Text: "ul. Primernaya, d. 5, korp. 2, str. 1"},
			words:   []string{"ulitsa", "primernaya", "number", "building", "building"},
			numbers: []AddressNumber{{RoleHouse, "5"}, {RoleBuilding, "2"}, {RoleBuilding, "1"}},
		},
		{
			name:    "Cyrillic, with the house letter in Cyrillic",
			in:      AddressParts{Text: "Ленинградское шоссе, д. 39А, стр. 3, Москва"},
			words:   []string{"leningradskoe", "shosse", "number", "building", "moscow"},
			numbers: []AddressNumber{{RoleHouse, "39a"}, {RoleBuilding, "3"}},
		},
		{
			name:    "Chinese, split at address markers",
			in:      AddressParts{Text: "杭州市滨江区前进路555号"},
			words:   []string{"hangzhou", "city", "binjiang", "district", "qianjin", "road"},
			numbers: []AddressNumber{{RoleHouse, "555"}},
		},
		{
			name:    "postal code before the city",
			in:      AddressParts{Text: "Musterstraße 17, 10115 Berlin"},
			words:   []string{"musterstrasse", "berlin"},
			numbers: []AddressNumber{{RoleHouse, "17"}},
			postal:  "10115",
		},
		{
			name: "empty",
			in:   AddressParts{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ParseAddress(tt.in)
			if diff := cmp.Diff(tt.words, a.Words); diff != "" {
				t.Errorf("words (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.numbers, a.Numbers); diff != "" {
				t.Errorf("numbers (-want +got):\n%s", diff)
			}
			if a.PostalCode != tt.postal {
				t.Errorf("postal = %q, want %q", a.PostalCode, tt.postal)
			}
		})
	}
}

func TestAddressScore(t *testing.T) {
	hik := AddressParts{Text: "No. 555 Qianmo Road, Binjiang District, Hangzhou, Zhejiang, 310051, China", Country: "CN"}
	kasp := AddressParts{Text: "39A/2 Leningradskoe Shosse, Moscow, 125212, Russia", Country: "RU"}
	hkFlat := AddressParts{Text: "Flat 12, 3/F, Example Industrial Building, 8 Sample Street, Kwun Tong, Kowloon, Hong Kong", Country: "HK"}
	tests := []struct {
		name     string
		a, b     AddressParts
		min, max float64
	}{
		{"identical", hik, hik, 1, 1},
		{"abbreviated vendor form", hik, AddressParts{Text: "555 QIANMO RD, BINJIANG DIST, HANGZHOU 310051", Country: "CN"}, 0.9, 1},
		{"short vendor form", hik, AddressParts{Text: "Qianmo Road 555, Hangzhou"}, 0.75, 1},
		{"typo in street", kasp, AddressParts{Text: "Leningradskoye Shosse 39A/2, Moscow 125212"}, 0.8, 1},
		{"different house number", kasp, AddressParts{Text: "Leningradskoe Shosse 41, Moscow"}, 0, 0.4},
		{"different building", kasp, AddressParts{Text: "39A/5 Leningradskoe Shosse, Moscow"}, 0, 0.4},
		{"different postal code", hik, AddressParts{Text: "555 Qianmo Road, Hangzhou, 310052"}, 0, 0.6},
		{"different country", hik, AddressParts{Text: "555 Qianmo Road, Hangzhou", Country: "TW"}, 0, 0.3},
		{"same city, different street", hik, AddressParts{Text: "No. 700 Dongliu Road, Binjiang District, Hangzhou"}, 0, 0.4},
		{"unrelated", hik, kasp, 0, 0.1},
		{"Cyrillic against Latin", kasp, AddressParts{Text: "Ленинградское шоссе, д. 39А/2, Москва"}, 0.8, 1},
		{"empty", hik, AddressParts{}, 0, 0},
		{"same flat", hkFlat, AddressParts{Text: "Flat 12, 3/F, Example Industrial Bldg, 8 Sample St, Kwun Tong, Kowloon"}, 0.9, 1},
		{"another flat in the building", hkFlat, AddressParts{Text: "Flat 14, 3/F, Example Industrial Bldg, 8 Sample St, Kwun Tong, Kowloon"}, 0, 0.4},
		{"another floor", hkFlat, AddressParts{Text: "Flat 12, 5/F, Example Industrial Building, 8 Sample Street, Kwun Tong"}, 0, 0.4},
		{"building without the flat", hkFlat, AddressParts{Text: "Example Industrial Building, 8 Sample Street, Kwun Tong, Kowloon"}, 0.6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := ParseAddress(tt.a), ParseAddress(tt.b)
			s := AddressScore(a, b)
			if s < tt.min || s > tt.max {
				t.Errorf("AddressScore(%q, %q) = %.3f, want in [%.2f, %.2f]", a.Key(), b.Key(), s, tt.min, tt.max)
			}
			if r := AddressScore(b, a); r != s {
				t.Errorf("not symmetric: %.4f vs %.4f", s, r)
			}
		})
	}
}

func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{"No. 555 Qianmo Rd., Hangzhou", "39A/2 Leningradskoe Shosse", "#1 5F/3 ..,,", "д.5 стр.1", "555号", "\xff\xfe/0/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := ParseAddress(AddressParts{Text: s, City: s})
		if s := AddressScore(a, a); s < 0 || s > 1 {
			t.Fatalf("score %v out of range", s)
		}
		_ = a.Key()
	})
}

func TestStreetLevel(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Moscow, Russia", false},
		{"Haidian District, Beijing", false},
		{"No. 555 Qianmo Road, Hangzhou", true},
		{"Bantian Huawei Base, Longgang District, Shenzhen", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := ParseAddress(AddressParts{Text: tt.in}).StreetLevel(); got != tt.want {
			t.Errorf("StreetLevel(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
