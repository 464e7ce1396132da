package entitylist

import "strings"

// countryCodes maps country names as the Entity List and its addresses
// write them (folded by countryKey) to ISO 3166-1 alpha-2 codes. It covers
// every destination heading the Entity List has used and the common
// variants found in addresses.
var countryCodes = map[string]string{
	"afghanistan": "AF", "albania": "AL", "algeria": "DZ", "andorra": "AD", "angola": "AO",
	"argentina": "AR", "armenia": "AM", "australia": "AU", "austria": "AT", "azerbaijan": "AZ",
	"bahamas": "BS", "the bahamas": "BS", "bahrain": "BH", "bangladesh": "BD", "belarus": "BY",
	"belgium": "BE", "belize": "BZ", "benin": "BJ", "bolivia": "BO", "bosnia and herzegovina": "BA",
	"botswana": "BW", "brazil": "BR", "brunei": "BN", "bulgaria": "BG", "burkina faso": "BF",
	"burma": "MM", "myanmar": "MM", "burma (myanmar)": "MM", "cambodia": "KH", "cameroon": "CM",
	"canada": "CA", "chile": "CL",
	"china": "CN", "china, people's republic of": "CN", "people's republic of china": "CN", "prc": "CN",
	"colombia": "CO", "congo": "CG", "costa rica": "CR", "cote d'ivoire": "CI", "croatia": "HR",
	"cuba": "CU", "cyprus": "CY", "czech republic": "CZ", "czechia": "CZ",
	"democratic republic of the congo": "CD", "congo, democratic republic of the": "CD",
	"denmark": "DK", "djibouti": "DJ", "dominican republic": "DO", "ecuador": "EC", "egypt": "EG",
	"el salvador": "SV", "eritrea": "ER", "estonia": "EE", "ethiopia": "ET", "fiji": "FJ",
	"finland": "FI", "france": "FR", "gabon": "GA", "georgia": "GE", "germany": "DE", "ghana": "GH",
	"greece": "GR", "guatemala": "GT", "guinea": "GN", "haiti": "HT", "honduras": "HN",
	"hong kong": "HK", "hong kong sar": "HK", "hong kong, china": "HK", "hungary": "HU", "iceland": "IS",
	"india": "IN", "indonesia": "ID", "iran": "IR", "iran, islamic republic of": "IR", "iraq": "IQ",
	"ireland": "IE", "israel": "IL", "italy": "IT", "jamaica": "JM", "japan": "JP", "jordan": "JO",
	"kazakhstan": "KZ", "kenya": "KE", "korea, north": "KP", "north korea": "KP",
	"korea, democratic people's republic of": "KP", "korea, south": "KR", "south korea": "KR",
	"korea, republic of": "KR", "republic of korea": "KR", "kosovo": "XK", "kuwait": "KW",
	"kyrgyzstan": "KG", "kyrgyz republic": "KG", "laos": "LA", "latvia": "LV", "lebanon": "LB",
	"liberia": "LR", "libya": "LY", "liechtenstein": "LI", "lithuania": "LT", "luxembourg": "LU",
	"macau": "MO", "macao": "MO", "madagascar": "MG", "malawi": "MW", "malaysia": "MY",
	"maldives": "MV", "mali": "ML", "malta": "MT", "marshall islands": "MH", "mauritania": "MR",
	"mauritius": "MU", "mexico": "MX", "moldova": "MD", "monaco": "MC", "mongolia": "MN",
	"montenegro": "ME", "morocco": "MA", "mozambique": "MZ", "namibia": "NA", "nepal": "NP",
	"netherlands": "NL", "the netherlands": "NL", "new zealand": "NZ", "nicaragua": "NI",
	"niger": "NE", "nigeria": "NG", "north macedonia": "MK", "macedonia": "MK", "norway": "NO",
	"oman": "OM", "pakistan": "PK", "palestinian territories": "PS", "panama": "PA",
	"papua new guinea": "PG", "paraguay": "PY", "peru": "PE", "philippines": "PH",
	"the philippines": "PH", "poland": "PL", "portugal": "PT", "qatar": "QA", "romania": "RO",
	"russia": "RU", "russian federation": "RU", "rwanda": "RW", "saudi arabia": "SA",
	"senegal": "SN", "serbia": "RS", "seychelles": "SC", "sierra leone": "SL", "singapore": "SG",
	"slovakia": "SK", "slovak republic": "SK", "slovenia": "SI", "somalia": "SO",
	"south africa": "ZA", "south sudan": "SS", "spain": "ES", "sri lanka": "LK", "sudan": "SD",
	"suriname": "SR", "sweden": "SE", "switzerland": "CH", "syria": "SY",
	"syrian arab republic": "SY", "taiwan": "TW", "tajikistan": "TJ", "tanzania": "TZ",
	"thailand": "TH", "togo": "TG", "trinidad and tobago": "TT", "tunisia": "TN",
	"turkey": "TR", "turkiye": "TR", "republic of turkiye": "TR", "turkmenistan": "TM",
	"uganda": "UG", "ukraine": "UA", "united arab emirates": "AE", "uae": "AE", "u.a.e": "AE",
	"united kingdom": "GB", "uk": "GB", "u.k": "GB", "great britain": "GB", "england": "GB",
	"scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"united states": "US", "united states of america": "US", "usa": "US", "u.s.a": "US",
	"uruguay": "UY", "uzbekistan": "UZ", "vanuatu": "VU", "venezuela": "VE", "vietnam": "VN",
	"viet nam": "VN", "yemen": "YE", "zambia": "ZM", "zimbabwe": "ZW",
	"crimea region of ukraine": "UA", "crimea": "UA",
}

var countryFold = strings.NewReplacer(
	"\u2019", "'", "\u2018", "'", "`", "'",
	"ü", "u", "Ü", "u", "ç", "c", "é", "e", "ô", "o", "ã", "a",
)

// countryKey folds a country name for lookup in countryCodes.
func countryKey(name string) string {
	simple := true
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 0x80 || c == '`' || (c == ' ' && (i == 0 || name[i-1] == ' ')) || c < ' ' {
			simple = false
			break
		}
	}
	if simple {
		return strings.TrimRight(strings.ToLower(name), ". ")
	}
	s := strings.ToLower(countryFold.Replace(name))
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ". ")
}

// CountryCode returns the ISO 3166-1 alpha-2 code for a country name as the
// Entity List writes it ("China, People's Republic of", "Korea, North",
// "Türkiye", "United Kingdom", ...), and false when the name is unknown.
func CountryCode(name string) (string, bool) {
	c, ok := countryCodes[countryKey(name)]
	return c, ok
}
