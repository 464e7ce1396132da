package sanctions

import "testing"

func TestCountryCode(t *testing.T) {
	tests := map[string]string{
		"CN": "CN", "cn": "CN", "China, People's Republic of": "CN", "China, People’s Republic of": "CN",
		"Korea, North": "KP", "Democratic People's Republic of Korea": "KP", "Türkiye": "TR", "Turkey": "TR",
		"Russia": "RU", "Russian Federation": "RU", "United Kingdom": "GB", "U.K.": "GB", "UK": "GB",
		"Hong Kong": "HK", "United Arab Emirates": "AE", "  Iran  ": "IR", "The Netherlands": "NL",
		"Côte d'Ivoire": "CI", "Kosovo": "XK", "Burma": "MM", "Taiwan": "TW",
		"Democratic People’s Republic of Korea": "KP", "Syrian Arab Republic": "SY", "Panama": "PA",
		"TURKIYE": "TR", "  Pakistan. ": "PK", "Korea, South": "KR", "Belarus": "BY", "Singapore": "SG",
		"Armenia": "AM", "the Netherlands": "NL", "Iran, Islamic Republic of": "IR",
	}
	for in, want := range tests {
		if got, ok := CountryCode(in); !ok || got != want {
			t.Errorf("CountryCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "ZZ", "XX", "Freedonia", "Atlantis", "Moscow"} {
		if got, ok := CountryCode(in); ok {
			t.Errorf("CountryCode(%q) = %q, want unknown", in, got)
		}
	}
	if CountryName("ru") != "Russia" || CountryName("ZZ") != "" {
		t.Errorf("CountryName: %q %q", CountryName("ru"), CountryName("ZZ"))
	}
	if !IsCountryCode("GB") || IsCountryCode("UK") || IsCountryCode("gb") {
		t.Error("IsCountryCode")
	}
}
