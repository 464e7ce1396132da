package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AddressParts is a postal address as a list publishes it: the whole text
// and whatever parts the publisher split out. Any field may be empty; Text
// alone is enough.
type AddressParts struct {
	Text       string
	Street     string
	City       string
	Region     string
	PostalCode string
	// Country is an ISO 3166-1 alpha-2 code.
	Country string
}

// NumberRole says what a number in an address numbers.
type NumberRole uint8

// The roles a number plays in an address.
const (
	// RoleHouse is the house or street number ("No. 555", "39A", "д. 5").
	RoleHouse NumberRole = iota
	// RoleBuilding is a building, block, tower or korpus/stroenie number.
	RoleBuilding
	// RoleFloor is a floor number ("Fl 5", "5F", "5th Floor").
	RoleFloor
	// RoleRoom is a room, suite, unit, office or apartment number.
	RoleRoom
)

// AddressNumber is one number of an address with the role it plays.
// Value is compared exactly: lower case, leading zeros removed, letters
// kept ("39a" is not "39").
type AddressNumber struct {
	Role  NumberRole
	Value string
}

// Address is a postal address normalised for comparison; build it with
// ParseAddress. It is immutable after parsing and safe for concurrent use.
type Address struct {
	// Original is the text the address was parsed from.
	Original string
	// Words are the normalised words of street, building name, district,
	// city and region, abbreviations expanded ("rd" -> "road"), numbers
	// and postal code removed, in order.
	Words []string
	// Numbers are the house, building, floor and room numbers.
	Numbers []AddressNumber
	// PostalCode is the postal code with spaces and dashes removed, lower
	// case; empty when none was found.
	PostalCode string
	// City is the normalised city when the publisher gave it separately.
	City string
	// Country is the ISO alpha-2 code, upper case, when known.
	Country string

	generic []bool // generic[i]: Words[i] is a generic address word (road, district, ...)
}

// IsZero reports whether the address carries nothing to compare.
func (a *Address) IsZero() bool {
	return a == nil || (len(a.Words) == 0 && len(a.Numbers) == 0 && a.PostalCode == "")
}

// Key returns the address's normalised form as one string, for display and
// for caching: words, then numbers with their roles, then the postal code.
func (a *Address) Key() string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(strings.Join(a.Words, " "))
	for _, n := range a.Numbers {
		b.WriteString(" ")
		b.WriteString(addrRoleNames[n.Role])
		b.WriteString(":")
		b.WriteString(n.Value)
	}
	if a.PostalCode != "" {
		b.WriteString(" postal:")
		b.WriteString(a.PostalCode)
	}
	if a.Country != "" {
		b.WriteString(" country:")
		b.WriteString(a.Country)
	}
	return strings.TrimSpace(b.String())
}

var addrRoleNames = [...]string{RoleHouse: "house", RoleBuilding: "building", RoleFloor: "floor", RoleRoom: "room"}

// String returns the name of the role.
func (r NumberRole) String() string {
	if int(r) < len(addrRoleNames) {
		return addrRoleNames[r]
	}
	return "number"
}

// addrAbbrev expands the abbreviations of address words to one spelling,
// in English and in the transliterated Russian and Chinese forms the lists
// use. Both sides of a comparison go through it, so only consistency
// matters.
var addrAbbrev = map[string]string{
	"st": "street", "str": "street", "strasse": "street", "straße": "street", "jie": "street",
	"rd": "road", "lu": "road",
	"ave": "avenue", "av": "avenue", "avn": "avenue",
	"blvd": "boulevard", "bd": "boulevard", "bul": "boulevard", "bulvar": "boulevard",
	"ln": "lane", "hutong": "lane",
	"dr": "drive", "hwy": "highway", "sq": "square", "pl": "place", "ct": "court",
	"pr": "prospekt", "prosp": "prospekt", "prospect": "prospekt", "pr-t": "prospekt", "prt": "prospekt",
	"per": "pereulok", "pereulok": "pereulok", "lane.": "lane",
	"ul": "ulitsa", "ulitsa": "ulitsa", "ulica": "ulitsa", "ulitca": "ulitsa", "ulitza": "ulitsa",
	"sh": "shosse", "shosse": "shosse", "shose": "shosse", "highway.": "highway",
	"nab":  "naberezhnaya",
	"bldg": "building", "bld": "building", "blg": "building", "bldng": "building",
	"korp": "building", "korpus": "building", "k": "building", "stroenie": "building", "stroyeniye": "building",
	"str.": "building", "blk": "block", "dasha": "building", "lou": "building",
	"fl": "floor", "flr": "floor", "floor": "floor", "ceng": "floor", "etazh": "floor", "et": "floor",
	"rm": "room", "room": "room", "shi": "room", "ste": "suite", "suite": "suite", "apt": "apartment",
	"kv": "apartment", "flat": "apartment", "flt": "apartment", "ofc": "office", "of": "of", "off": "office", "ofis": "office", "unit": "unit",
	"no": "number", "nr": "number", "num": "number", "hao": "number", "d": "number", "dom": "number", "house": "number",
	"dist": "district", "distr": "district", "qu": "district", "rayon": "district", "raion": "district", "r-n": "district",
	"obl": "region", "oblast": "region", "prov": "province", "sheng": "province",
	"ind": "industrial", "indl": "industrial", "pk": "park", "twr": "tower", "ctr": "center", "centre": "center",
	"zhongxin": "center", "mt": "mount", "ft": "fort", "bldgs": "building", "fz": "free zone",
	"g": "city", "gorod": "city", "shi.": "city", "ctry": "country",
	"tsentr": "center", "tower": "tower", "town": "town", "zhen": "town", "xian": "county", "cun": "village",
}

// addrMarkers are the words after which a number takes a role.
var addrMarkers = map[string]NumberRole{
	"number": RoleHouse, "building": RoleBuilding, "block": RoleBuilding, "tower": RoleBuilding,
	"floor": RoleFloor, "room": RoleRoom, "suite": RoleRoom, "apartment": RoleRoom, "office": RoleRoom,
	"unit": RoleRoom,
}

// addrGeneric are words every address uses; they weigh little in a
// comparison.
var addrGeneric = map[string]bool{
	"street": true, "road": true, "avenue": true, "boulevard": true, "lane": true, "drive": true,
	"highway": true, "square": true, "place": true, "court": true, "prospekt": true, "pereulok": true,
	"ulitsa": true, "shosse": true, "naberezhnaya": true, "building": true, "block": true, "floor": true,
	"room": true, "suite": true, "apartment": true, "office": true, "unit": true, "number": true,
	"district": true, "region": true, "province": true, "industrial": true, "park": true, "tower": true,
	"center": true, "city": true, "county": true, "village": true, "town": true, "zone": true, "free": true,
	"the": true, "of": true, "and": true, "east": true, "west": true, "north": true, "south": true,
	"new": true, "high": true, "tech": true, "technology": true, "science": true, "development": true,
	"economic": true, "area": true, "plaza": true, "international": true, "business": true,
	"estate": true, "p": true, "o": true, "box": true, "po": true, "middle": true, "central": true,
	"dong": true, "xi": true, "nan": true, "bei": true, "zhong": true, "ltd": true, "co": true,
	"pos": true, "poselok": true, "selo": true, "derevnya": true, "mikrorayon": true, "mkr": true,
	"township": true, "subdistrict": true, "ward": true, "republic": true, "st.": true, "mansion": true,
}

// addrOrdinalSuffix are the endings of "1st", "2nd", "3rd", "4th".
var addrOrdinalSuffix = []string{"st", "nd", "rd", "th"}

// addrCountryWords are country names that end published address texts;
// they are dropped from the words (the country is compared by code).
var addrCountryWords = map[string]bool{
	"china": true, "prc": true, "russia": true, "russian": true, "federation": true, "hong": true,
	"kong": true, "usa": true, "united": true, "states": true, "america": true, "kingdom": true, "uk": true,
	"iran": true, "belarus": true, "germany": true, "cyprus": true, "turkey": true, "armenia": true,
	"uae": true, "arab": true, "emirates": true, "singapore": true, "taiwan": true, "japan": true,
	"india": true, "pakistan": true, "israel": true, "malaysia": true, "ukraine": true, "kazakhstan": true,
	"zhonghua": true, "renmin": true, "gongheguo": true, "zhongguo": true, "rossiya": true, "rossiyskaya": true,
	"federatsiya": true,
}

// ParseAddress normalises an address for comparison. It never panics. The
// text is folded and transliterated like names (Unicode NFKC, case,
// diacritics, Cyrillic and Han script to Latin), split into words and
// numbers; abbreviations are expanded, numbers get roles from the words
// around them ("Bldg 3", "5F", "Room 1201"), and a postal code is taken
// from PostalCode or recognised as a lone 4-to-6-digit comma-separated part
// of the text.
func ParseAddress(p AddressParts) *Address {
	a := &Address{Country: strings.ToUpper(strings.TrimSpace(p.Country))}
	text := p.Text
	if text == "" {
		text = joinNonEmpty(", ", p.Street, p.City, p.Region, p.PostalCode)
	} else if p.Street != "" && !strings.Contains(text, p.Street) {
		text = p.Street + ", " + text
	}
	a.Original = text
	if p.PostalCode != "" {
		a.PostalCode = addrPostal(p.PostalCode)
	}
	if p.City != "" {
		a.City = strings.Join(addrFoldWords(p.City), " ")
	}
	for _, seg := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '，' || r == '、' }) {
		a.addSegment(seg)
	}
	if a.City != "" {
		found := false
		for _, w := range a.Words {
			if strings.Contains(a.City, w) {
				found = true
				break
			}
		}
		if !found {
			for _, w := range strings.Fields(a.City) {
				a.Words = append(a.Words, w)
				a.generic = append(a.generic, addrGeneric[w])
			}
		}
	}
	return a
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// addrPostal normalises a postal code: lower case, no spaces or dashes.
func addrPostal(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// addSegment adds one comma-separated part of an address.
func (a *Address) addSegment(seg string) {
	words := addrFoldWords(seg)
	if len(words) == 0 {
		return
	}
	// A lone number of 4 to 6 digits in its own part is a postal code
	// (310051, 125212, 1204); so is a part that is exactly the given code.
	if len(words) == 1 && addrAllDigits(words[0]) && len(words[0]) >= 4 && len(words[0]) <= 6 {
		if a.PostalCode == "" {
			a.PostalCode = words[0]
		}
		if a.PostalCode == words[0] {
			return
		}
	}
	if a.PostalCode != "" && addrPostal(seg) == a.PostalCode {
		return
	}
	// Country names and two-letter country codes that close the address.
	allCountry := true
	for _, w := range words {
		if !addrCountryWords[w] && !(len(words) == 1 && len(w) == 2 && strings.EqualFold(w, a.Country)) {
			allCountry = false
			break
		}
	}
	if allCountry {
		return
	}
	var pending NumberRole
	hasPending := false
	for i := 0; i < len(words); i++ {
		w := words[i]
		if canon, ok := addrAbbrev[w]; ok {
			// "str" followed by a number is the Russian stroenie (building).
			if w == "str" && i+1 < len(words) && addrHasDigit(words[i+1]) {
				canon = "building"
			}
			if w == "d" && !(i+1 < len(words) && addrHasDigit(words[i+1])) {
				canon = "d"
			}
			if w == "k" && !(i+1 < len(words) && addrHasDigit(words[i+1])) {
				canon = "k"
			}
			w = canon
		}
		if e, ok := addrExonyms[w]; ok {
			w = e
		}
		if addrHasDigit(w) {
			// A number of five or six digits not after a marker is the
			// postal code ("Moscow 125212", "10115 Berlin").
			if !hasPending && addrAllDigits(w) && len(w) >= 5 && len(w) <= 6 && a.PostalCode == "" {
				a.PostalCode = w
				continue
			}
			if addrAllDigits(w) && w == a.PostalCode {
				continue
			}
			for _, v := range addrSplitNumber(w) {
				role := RoleHouse
				switch {
				case hasPending:
					role = pending
				case v.role != RoleHouse:
					role = v.role
				case i+1 < len(words) && addrRoleAfter(words[i+1]) != RoleHouse:
					role = addrRoleAfter(words[i+1])
				}
				a.Numbers = append(a.Numbers, AddressNumber{Role: role, Value: v.value})
				hasPending = false
			}
			// "39A/2": the part after the slash is the building.
			continue
		}
		if r, ok := addrMarkers[w]; ok {
			pending, hasPending = r, true
		}
		for _, part := range strings.Fields(w) {
			a.Words = append(a.Words, part)
			a.generic = append(a.generic, addrGeneric[part])
		}
	}
}

// addrRoleAfter returns the role a number takes from the word that follows
// it ("5 floor", "12 lou"); RoleHouse when the word says nothing.
func addrRoleAfter(next string) NumberRole {
	if c, ok := addrAbbrev[next]; ok {
		next = c
	}
	switch next {
	case "floor":
		return RoleFloor
	case "building", "block", "tower":
		return RoleBuilding
	}
	return RoleHouse
}

type addrNum struct {
	role  NumberRole
	value string
}

// addrSplitNumber splits a token that carries digits: "39a/2" is house 39a
// and building 2; "5f" and "5th" before "floor" are floors; "555hao" is
// number 555.
func addrSplitNumber(w string) []addrNum {
	var out []addrNum
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '/' || r == '\\' })
	for i, p := range parts {
		role := RoleHouse
		if i > 0 {
			role = RoleBuilding
		}
		p = strings.Trim(p, "-.#№")
		// Digits followed by a known suffix.
		d := 0
		for d < len(p) && p[d] >= '0' && p[d] <= '9' {
			d++
		}
		if d > 0 && d < len(p) {
			suf := p[d:]
			switch {
			case suf == "f" || suf == "fl" || suf == "floor" || suf == "lou" || suf == "ceng":
				role, p = RoleFloor, p[:d]
			case suf == "hao":
				p = p[:d]
			case suf == "shi":
				role, p = RoleRoom, p[:d]
			default:
				for _, o := range addrOrdinalSuffix {
					if suf == o {
						p = p[:d]
						break
					}
				}
			}
		}
		p = strings.TrimLeft(p, "0")
		if p == "" {
			p = "0"
		}
		out = append(out, addrNum{role: role, value: p})
	}
	return out
}

func addrHasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func addrAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// addrFoldWords folds a piece of address text into lower-case Latin words.
// Letters go through the name normaliser's folding and transliteration one
// word at a time; numbers stay as written ("39A/2" -> "39a/2").
func addrFoldWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' || r == '«' || r == '»' || r == ':' || r == '“' || r == '”'
	}) {
		f = strings.Trim(f, ".,'’-")
		if f == "" {
			continue
		}
		if f == "#" || f == "№" {
			out = append(out, "no")
			continue
		}
		if strings.HasPrefix(f, "#") || strings.HasPrefix(f, "№") {
			out = append(out, "no")
			_, size := utf8.DecodeRuneInString(f)
			f = f[size:]
		}
		if addrHasDigit(f) {
			// Split "No.5" and "д.5" into marker and number; keep "39a/2".
			if i := strings.IndexByte(f, '.'); i > 0 && !addrHasDigit(f[:i]) {
				out = append(out, addrFoldLetters(f[:i])...)
				f = f[i+1:]
			}
			// Letters of other scripts glued to digits ("555号", "д39",
			// "前进路555号"): split into runs of digits and of letters.
			out = append(out, addrSplitMixed(f)...)
			continue
		}
		out = append(out, addrFoldLetters(f)...)
	}
	return out
}

// addrSplitMixed splits a token holding digits into numbers and words:
// ASCII digits and letters stay together ("39a", "5f"); a number directly
// followed by a one-word suffix in another script takes it as a suffix
// ("555号" -> "555number" is read as house 555 by addrSplitNumber when the
// suffix is a marker).
func addrSplitMixed(f string) []string {
	var out []string
	rs := []rune(f)
	for i := 0; i < len(rs); {
		j := i
		if rs[i] < utf8.RuneSelf {
			for j < len(rs) && rs[j] < utf8.RuneSelf {
				j++
			}
			out = append(out, strings.ToLower(string(rs[i:j])))
		} else {
			for j < len(rs) && rs[j] >= utf8.RuneSelf {
				j++
			}
			words := addrFoldLetters(string(rs[i:j]))
			if n := len(out); n > 0 && addrHasDigit(out[n-1]) && len(words) > 0 {
				// A marker after a number names its role: 5层 -> floor 5.
				if c, ok := addrAbbrev[words[0]]; ok {
					words[0] = c
				}
				if len(words[0]) == 1 && words[0][0] >= 'a' && words[0][0] <= 'z' {
					// A letter of the house number in another script (39А).
					out[n-1] += words[0]
					words = words[1:]
				} else if r, ok := addrMarkers[words[0]]; ok && r != RoleHouse {
					out[n-1] += addrRoleSuffix[r]
					words = words[1:]
				} else if words[0] == "number" {
					words = words[1:]
				}
			}
			out = append(out, words...)
		}
		i = j
	}
	return out
}

// addrRoleSuffix are the suffixes addrSplitNumber reads as roles.
var addrRoleSuffix = map[NumberRole]string{RoleFloor: "f", RoleRoom: "shi", RoleBuilding: ""}

// addrExonyms spell city names the way English-language lists do.
var addrExonyms = map[string]string{
	"moskva": "moscow", "sanktpeterburg": "petersburg", "peterburg": "petersburg", "kiev": "kyiv",
	"kiyev": "kyiv", "geneve": "geneva", "genf": "geneva", "muenchen": "munich", "munchen": "munich",
	"koln": "cologne", "wien": "vienna", "praha": "prague", "warszawa": "warsaw", "lefkosia": "nicosia",
	"bengaluru": "bangalore", "xian": "xian", "dolgoprudnyy": "dolgoprudny", "dolgoprudnyi": "dolgoprudny",
}

// addrFoldLetters folds a word of letters to lower-case Latin words the
// way names are folded (NFKC, case folding, diacritics, Cyrillic and Greek
// transliteration); Han script is read in pinyin, split at the characters
// that mark address parts (市 city, 区 district, 路 road, 号 number, ...).
// Punctuation splits words, except inside the hyphenated abbreviations
// of addrAbbrev ("r-n").
func addrFoldLetters(s string) []string {
	var out []string
	var b []byte
	flush := func() {
		if len(b) > 0 {
			out = append(out, string(b))
			b = b[:0]
		}
	}
	rs := []rune(foldString(s))
	prev := rune(0)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isHan(r) {
			flush()
			j := i
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			out = append(out, addrHan(rs[i:j])...)
			i = j - 1
			prev = r
			continue
		}
		if r == '-' && len(b) > 0 {
			if _, ok := addrAbbrev[string(b)+"-n"]; ok {
				b = append(b, '-')
				prev = r
				continue
			}
		}
		var ok bool
		b, ok = foldRune(b, r, prev)
		if !ok {
			flush()
		}
		prev = r
	}
	flush()
	return out
}

// addrHanMarkers are the Han characters and words that mark the parts of
// a Chinese address, with the English word they stand for.
var addrHanMarkers = map[string]string{
	"省": "province", "市": "city", "区": "district", "县": "county", "镇": "town", "乡": "town",
	"村": "village", "路": "road", "街": "street", "道": "road", "巷": "lane", "号": "number",
	"楼": "building", "栋": "building", "座": "building", "层": "floor", "室": "room",
	"大厦": "building", "大道": "avenue", "园区": "park", "工业区": "industrial",
}

// addrHan reads a run of Han characters: the characters between markers
// form one word in pinyin ("龙岗区" -> "longgang", "district").
func addrHan(run []rune) []string {
	var out []string
	start := 0
	for i := 0; i < len(run); {
		m, l := "", 0
		for k := min(3, len(run)-i); k >= 1; k-- {
			if w, ok := addrHanMarkers[string(run[i:i+k])]; ok {
				m, l = w, k
				break
			}
		}
		if l == 0 {
			i++
			continue
		}
		if i > start {
			out = append(out, pinyinWord(run[start:i]))
		}
		out = append(out, m)
		i += l
		start = i
	}
	if start < len(run) {
		out = append(out, pinyinWord(run[start:]))
	}
	return out
}

// StreetLevel reports whether the address says more than a city or a
// district: it has a house, building, floor or room number, or at least
// three distinctive words. Only such an address is evidence that two
// parties share premises.
func (a *Address) StreetLevel() bool {
	if a == nil {
		return false
	}
	if len(a.Numbers) > 0 {
		return true
	}
	n := 0
	for i, w := range a.Words {
		if !a.generic[i] && !slices.Contains(a.Words[:i], w) {
			n++
		}
	}
	return n >= 3
}

// IsGenericAddressWord reports whether a normalised address word is one
// that many addresses share (road, district, building, ...); such words
// weigh little in AddressScore.
func IsGenericAddressWord(w string) bool { return addrGeneric[w] }

// AddressScore scores how likely two addresses name the same place, in
// [0, 1]. Words are compared one to one, tolerant of typos, distinctive
// words weighing more than generic ones (road, district, building); the
// numbers of each role present on both sides must be equal (a different
// house number caps the score at 0.4); an equal postal code raises the
// score and a different one caps it at 0.6; a different country caps it at
// 0.3. An empty address scores 0 against anything.
func AddressScore(a, b *Address) float64 {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	matchedA, totalA := addrCover(a, b)
	matchedB, totalB := addrCover(b, a)
	score := 0.0
	if totalA+totalB > 0 {
		score = (matchedA + matchedB) / (totalA + totalB)
	}
	// Numbers: where both sides number the same role (house, building,
	// floor, room), the fewer numbers must all be among the other's: one
	// side may give more detail, but a different number is a different
	// place.
	agree, conflict := false, false
	for role := RoleHouse; role <= RoleRoom; role++ {
		na, nb := addrRoleCount(a, role), addrRoleCount(b, role)
		if na == 0 || nb == 0 {
			continue
		}
		small, large := a, b
		if na > nb {
			small, large = b, a
		}
		if addrRoleSubset(small, large, role) {
			agree = true
		} else {
			conflict = true
		}
	}
	if agree && !conflict && score > 0 {
		score += (1 - score) * 0.5
	}
	if a.PostalCode != "" && b.PostalCode != "" {
		if a.PostalCode == b.PostalCode {
			if score > 0 {
				score += (1 - score) * 0.3
			}
		} else {
			score = min(score, 0.6)
		}
	}
	if conflict {
		score = min(score, 0.4)
	}
	if a.City != "" && b.City != "" && addrWordSim(a.City, b.City) < 0.8 {
		score = min(score, 0.3)
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		score = min(score, 0.3)
	}
	return max(0, min(1, score))
}

// addrRoleCount counts a's numbers of the given role.
func addrRoleCount(a *Address, role NumberRole) int {
	n := 0
	for _, x := range a.Numbers {
		if x.Role == role {
			n++
		}
	}
	return n
}

// addrRoleSubset reports whether every number of the role in a is also a
// number of that role in b.
func addrRoleSubset(a, b *Address, role NumberRole) bool {
	for _, x := range a.Numbers {
		if x.Role != role {
			continue
		}
		found := false
		for _, y := range b.Numbers {
			if y.Role == role && y.Value == x.Value {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// addrCover returns the weight of a's words found in b and a's total
// weight. Generic words weigh a quarter of a distinctive one; a repeated
// word counts once.
func addrCover(a, b *Address) (matched, total float64) {
	for i, w := range a.Words {
		dup := false
		for j := 0; j < i; j++ {
			if a.Words[j] == w {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		wt := 1.0
		if a.generic[i] {
			wt = 0.25
		}
		total += wt
		best := 0.0
		for _, v := range b.Words {
			if s := addrWordSim(w, v); s > best {
				best = s
				if best == 1 {
					break
				}
			}
		}
		if best >= 0.8 {
			matched += wt * best
		}
	}
	return matched, total
}

// addrWordSim is 1 - the Levenshtein distance over the longer length, on
// letters. Words of up to 64 letters are compared without allocating.
func addrWordSim(a, b string) float64 {
	if a == b {
		return 1
	}
	var ra, rb [64]rune
	na, nb := 0, 0
	for _, r := range a {
		if na == len(ra) {
			return 0
		}
		ra[na] = r
		na++
	}
	for _, r := range b {
		if nb == len(rb) {
			return 0
		}
		rb[nb] = r
		nb++
	}
	if na == 0 || nb == 0 {
		return 0
	}
	var prev, cur [65]int
	for j := 0; j <= nb; j++ {
		prev[j] = j
	}
	for i := 1; i <= na; i++ {
		cur[0] = i
		for j := 1; j <= nb; j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev = cur
	}
	return 1 - float64(prev[nb])/float64(max(na, nb))
}
