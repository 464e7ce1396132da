package sanctions

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// The generator below writes synthetic restricted-party lists for the
// property test and the benchmarks: company names built from invented
// distinctive words, real place and industry words and legal forms in
// several spellings; persons from common given and family names; aliases in
// Cyrillic and Chinese script, acronyms, spelled-out legal forms; and
// addresses. Everything it writes is synthetic.

var (
	genSyllables = strings.Fields(`ka per sky hik vi sion hua wei zhi pu ros tek nov al ma ton
		bel ar gus ti mo ra den sa lu ko ri na ve sta lin gor don ex cel tra vor zen qi xin long
		da fu hai mei sun ri yu an bo te ne mi ga zo ru dan kor vel trin ost mar lex pol sib ur
		dor fel gan hol jin kai lum mor nik or pan quan ren sol tur ul van wen yar zal ber cor`)
	genCities = strings.Fields(`Beijing Shanghai Shenzhen Hangzhou Guangzhou Tianjin Wuhan Chengdu
		Moscow Novosibirsk Kazan Samara Minsk Tehran Isfahan Dubai Sharjah Istanbul Karachi
		Hong-Kong Singapore Almaty Tashkent Yerevan Baku Pyongyang Caracas Damascus Nicosia`)
	genIndustry = strings.Fields(`Technology Technologies Electronics Trading Industrial Machinery
		Logistics Energy Aerospace Research Import Export Shipping Petroleum Engineering Systems
		Semiconductor Optics Chemical Instruments Precision Materials Digital Communications
		Software Equipment Development Investment Holding Group International Science Marine
		Aviation Defense Nuclear Metals Components Solutions Supply Manufacturing`)
	genLegal = []string{"Co., Ltd.", "Co Ltd", "Company Limited", "LLC", "Limited Liability Company",
		"OOO", "ООО", "AO", "АО", "JSC", "PJSC", "Joint Stock Company", "GmbH", "Ltd", "Limited",
		"Inc.", "Corp.", "Corporation", "FZE", "FZCO", "Pvt. Ltd.", "Sdn. Bhd.", "S.A.", "PLC", "LLP",
		"有限公司", "股份有限公司", "ZAO", "TOO", "Aktsionernoe Obshchestvo"}
	genGiven = strings.Fields(`Ivan Sergei Alexei Dmitri Mikhail Olga Elena Natalia Tatiana Andrei
		Mohammed Ahmad Ali Hassan Hussein Fatima Reza Mehdi Omar Yusuf Wei Jian Li Ming Hong Xiaoming
		Kim Jong Ryong Chol Song Hye Juan Carlos Jose Maria Luis Ana Evren Mehmet Ayse Hans Peter`)
	genFamily = strings.Fields(`Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Volkov Sokolov Lebedev
		Kozlov Novikov Morozov Karimi Hosseini Rezaei Ahmadi Mousavi Zhang Wang Liu Chen Yang Zhao
		Huang Zhou Wu Kim Pak Choe Rim Jang Garcia Rodriguez Martinez Hernandez Lopez Yilmaz Kaya
		Demir Sahin Celik Muller Schmidt Schneider Fischer Haddad Khoury Nasser Mansour Jaber`)
	genStreets = strings.Fields(`Lenina Mira Gagarina Sadovaya Tverskaya Qianmo Zhangjiang Nanjing
		Huaihai Jianguo Chang'an Azadi Valiasr Enghelab Sheikh-Zayed Istiklal Ataturk Komitas`)
	genRoads = []string{"Road", "Rd", "Street", "St.", "Avenue", "ul.", "Prospekt", "Lu", "Shosse"}
	genHan   = []rune("华为海康威视数字技术中兴通讯科大讯飞大疆创新智谱章北京上海深圳杭州国际贸易电子机械能源航空研究所进出口集团控股发展精密光学材料化工仪器")
)

var genCyr = map[byte]string{'a': "а", 'b': "б", 'v': "в", 'g': "г", 'd': "д", 'e': "е", 'z': "з",
	'i': "и", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'r': "р", 's': "с", 't': "т",
	'u': "у", 'f': "ф", 'h': "х", 'c': "к", 'y': "й", 'x': "кс", 'j': "дж", 'w': "в", 'q': "к"}

// genCyrillic writes a Latin word in Cyrillic letter by letter, the way a
// Russian-language register spells a foreign name.
func genCyrillic(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c == 's' && i+1 < len(s) && s[i+1]|0x20 == 'h' {
			b.WriteString("ш")
			i++
			continue
		}
		if c == 'z' && i+1 < len(s) && s[i+1]|0x20 == 'h' {
			b.WriteString("ж")
			i++
			continue
		}
		if c == 'k' && i+1 < len(s) && s[i+1]|0x20 == 'h' {
			b.WriteString("х")
			i++
			continue
		}
		if r, ok := genCyr[c]; ok {
			b.WriteString(r)
		} else if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func genPick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// genWord invents a distinctive word of two or three syllables.
func genWord(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(genPick(r, genSyllables))
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// genCompany returns a company's primary name and its aliases.
func genCompany(r *rand.Rand) (string, []string) {
	core := []string{genWord(r)}
	if r.IntN(3) == 0 {
		core = append(core, genWord(r))
	}
	var parts []string
	city := ""
	if r.IntN(2) == 0 {
		city = genPick(r, genCities)
		parts = append(parts, city)
	}
	parts = append(parts, core...)
	for range 1 + r.IntN(2) {
		parts = append(parts, genPick(r, genIndustry))
	}
	if r.IntN(10) == 0 {
		parts = append(parts, fmt.Sprintf("No. %d", 1+r.IntN(999)))
	}
	legal := genPick(r, genLegal)
	primary := strings.Join(parts, " ") + " " + legal
	var aliases []string
	// Acronym of the core and industry words.
	var acr strings.Builder
	for _, p := range parts {
		if p != city && p[0] >= 'A' && p[0] <= 'Z' {
			acr.WriteByte(p[0])
		}
	}
	if acr.Len() >= 3 && r.IntN(2) == 0 {
		aliases = append(aliases, acr.String())
	}
	// Without the city, another legal form.
	aliases = append(aliases, strings.Join(parts[min(len(parts)-1, boolInt(city != "")):], " ")+" "+genPick(r, genLegal))
	if r.IntN(3) == 0 {
		var cyr []string
		for _, c := range core {
			cyr = append(cyr, genCyrillic(c))
		}
		aliases = append(aliases, "ООО «"+strings.Join(cyr, " ")+"»")
	}
	if r.IntN(3) == 0 {
		var b strings.Builder
		for range 2 + r.IntN(4) {
			b.WriteRune(genPick(r, genHan))
		}
		b.WriteString(genPick(r, []string{"有限公司", "股份有限公司", "科技有限公司"}))
		aliases = append(aliases, b.String())
	}
	if r.IntN(4) == 0 {
		aliases = append(aliases, strings.Join(core, "")+" "+genPick(r, genIndustry))
	}
	if r.IntN(2) == 0 {
		// An English trading name in capitals.
		aliases = append(aliases, strings.ToUpper(strings.Join(core, " ")+" "+genPick(r, genIndustry)+" "+genPick(r, []string{"CO LTD", "LIMITED", "INC", "LLC", "GROUP"})))
	}
	return primary, aliases
}

// genPerson returns a person's primary name and aliases.
func genPerson(r *rand.Rand) (string, []string) {
	given, family := genPick(r, genGiven), genPick(r, genFamily)
	middle := ""
	if r.IntN(2) == 0 {
		middle = " " + genPick(r, genGiven)
	}
	primary := strings.ToUpper(family) + ", " + given + middle
	aliases := []string{given + middle + " " + family}
	if r.IntN(2) == 0 {
		aliases = append(aliases, genCyrillic(given)+" "+genCyrillic(family))
	}
	if r.IntN(3) == 0 {
		aliases = append(aliases, given[:1]+". "+family)
	}
	if r.IntN(2) == 0 {
		aliases = append(aliases, family+" "+given)
	}
	return primary, aliases
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// genSnapshot generates a list of n parties, about four names each.
func genSnapshot(seed uint64, n int) Snapshot {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s := Snapshot{Source: Source{Code: "GEN", Name: "Generated list", SHA256: fmt.Sprintf("%064x", seed)}}
	s.Parties = make([]Party, 0, n)
	for i := range n {
		p := Party{ID: fmt.Sprintf("GEN-%06d", i), Source: "GEN"}
		switch x := r.IntN(20); {
		case x == 0:
			p.Kind = KindAddress
		case x < 7:
			p.Kind = KindPerson
			p.Name, p.Aliases = genPerson(r)
		default:
			p.Kind = KindOrganization
			p.Name, p.Aliases = genCompany(r)
			if r.IntN(2) == 0 {
				a, aa := genCompany(r)
				_ = aa
				p.Aliases = append(p.Aliases, a)
			}
		}
		if p.Kind != KindPerson || r.IntN(2) == 0 {
			city := genPick(r, genCities)
			p.Addresses = []Address{{
				Text: fmt.Sprintf("No. %d %s %s, %s", 1+r.IntN(999), genPick(r, genStreets), genPick(r, genRoads), city),
				City: city, Country: genPick(r, []string{"CN", "RU", "IR", "AE", "TR", "KP"}),
			}}
			p.Countries = []string{p.Addresses[0].Country}
		}
		s.Parties = append(s.Parties, p)
	}
	return s
}

// genVariant returns a variant of name of the given kind: 0 exact, 1 typo,
// 2 reordered, 3 truncated at 35 characters, 4 joined or split tokens,
// 5 legal form changed, 6 upper case with a typo.
func genVariant(r *rand.Rand, name string, kind int) string {
	words := strings.Fields(name)
	switch kind {
	case 1, 6:
		rs := []rune(name)
		if len(rs) > 4 {
			i := 1 + r.IntN(len(rs)-2)
			switch r.IntN(4) {
			case 0:
				rs = append(rs[:i], rs[i+1:]...)
			case 1:
				rs[i], rs[i+1] = rs[i+1], rs[i]
			case 2:
				rs = append(rs[:i], append([]rune{rune('a' + r.IntN(26))}, rs[i:]...)...)
			default:
				rs[i] = rune('a' + r.IntN(26))
			}
		}
		if kind == 6 {
			return strings.ToUpper(string(rs))
		}
		return string(rs)
	case 2:
		r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		return strings.Join(words, " ")
	case 3:
		rs := []rune(name)
		if len(rs) > 35 {
			return string(rs[:35])
		}
		return name
	case 4:
		if len(words) >= 2 {
			i := r.IntN(len(words) - 1)
			joined := append([]string{}, words[:i]...)
			joined = append(joined, words[i]+words[i+1])
			return strings.Join(append(joined, words[i+2:]...), " ")
		}
		if rs := []rune(name); len(rs) > 6 {
			return string(rs[:len(rs)/2]) + " " + string(rs[len(rs)/2:])
		}
		return name
	case 5:
		for i, w := range words {
			for _, l := range genLegal {
				if w == l || strings.HasPrefix(l, w+" ") {
					words = append(words[:i], genPick(r, genLegal))
					return strings.Join(words, " ")
				}
			}
		}
		return name + " " + genPick(r, genLegal)
	}
	return name
}
