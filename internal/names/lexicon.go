package names

import (
	"sort"
	"strings"
)

// LegalClass is the class of a legal form: forms of one class name the same
// kind of entity in different languages or spellings (ООО, GmbH, SARL and
// "Limited Liability Company" are all ClassLLC).
type LegalClass uint16

// The legal-form classes. Names carry them as a bit set.
const (
	// ClassNone: no legal form.
	ClassNone LegalClass = 0
	// ClassLLC: private companies with limited liability (LLC, Ltd, GmbH,
	// ООО, SARL, BV, Sdn Bhd, Pvt Ltd, 有限公司 ...).
	ClassLLC LegalClass = 1 << iota
	// ClassJSC: joint-stock and public companies (JSC, АО, ПАО, AG, SA, NV,
	// AB, PLC, 株式会社 ...).
	ClassJSC
	// ClassCorp: Inc., Corp., Corporation.
	ClassCorp
	// ClassCo: Co., Company, Cie — compatible with every other class.
	ClassCo
	// ClassLP: partnerships (LP, LLP, KG).
	ClassLP
	// ClassFZ: free-zone establishments (FZE, FZCO, FZC).
	ClassFZ
	// ClassNPO: non-profit organisations (ANO, NKO, e.V.).
	ClassNPO
	// ClassState: state and municipal unitary enterprises (FGUP, GUP, MUP).
	ClassState
)

// String returns the class's short name.
func (c LegalClass) String() string {
	names := []string{"llc", "jsc", "corp", "co", "lp", "fz", "npo", "state"}
	var parts []string
	for i, n := range names {
		if c&(ClassLLC<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "+")
}

// legalForm is one group of spellings of a legal form, shown in normalised
// names as canon.
type legalForm struct {
	canon   string
	class   LegalClass
	phrases []string // spellings as lower-case, mark-free, space-separated tokens
	// edge marks forms that are also ordinary words or initials ("SA",
	// "AG", "Co"): they count as legal forms only at the start or end of
	// an organisation's name.
	edge bool
}

// legalForms lists the legal forms the engine recognises. Spellings are
// matched token by token on phonetic keys, so transliteration variants of the
// spelled-out forms ("Obshchestvo s Ogranichennoy Otvetstvennostyu",
// "obshestvo s ogranichennoi otvetstvennostiu") meet.
var legalForms = []legalForm{
	{canon: "llc", class: ClassLLC, phrases: []string{
		"llc", "l l c", "limited liability company", "limited liability co",
		"ltd liability co", "ltd liability company", "limited liability corporation",
		"ooo", "obshchestvo s ogranichennoy otvetstvennostyu",
		"obshestvo s ogranichennoy otvetstvennostyu", "tov",
		"tovarystvo z obmezhenoyu vidpovidalnistyu", "too",
		"tovarishchestvo s ogranichennoy otvetstvennostyu",
		"sarl", "s a r l", "sa rl", "societe a responsabilite limitee", "srl", "s r l",
		"sro", "s r o", "spol s r o", "kft", "sp z o o", "spzoo", "doo", "d o o",
		"eood", "ood", "ltda", "limitada", "s de rl", "s de r l", "mchj", "sp z oo",
		"societatea cu raspundere limitata", "sociedad de responsabilidad limitada",
		"societa a responsabilita limitata", "spolka z ograniczona odpowiedzialnoscia",
		"spolecnost s rucenim omezenym", "tovarystvo z obmezhenoiu vidpovidalnistiu",
		"limited sirketi", "ltd sti", "limited sti", "ltd sirketi", "sti",
	}},
	{canon: "ano", class: ClassNPO, phrases: []string{
		"ano", "avtonomnaya nekommercheskaya organizatsiya", "nko",
		"nekommercheskaya organizatsiya", "non profit organization",
		"nonprofit organization", "ev", "e v", "eingetragener verein",
	}},
	{canon: "gup", class: ClassState, phrases: []string{
		"fgup", "gup", "mup", "fgbu", "fgu", "gbu",
		"federalnoe gosudarstvennoe unitarnoe predpriyatie",
		"gosudarstvennoe unitarnoe predpriyatie", "munitsipalnoe unitarnoe predpriyatie",
		"federal state unitary enterprise", "state unitary enterprise",
		"federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie",
	}},
	{canon: "gmbh", class: ClassLLC, phrases: []string{
		"gmbh", "gesellschaft mit beschrankter haftung", "ges m b h", "mbh",
	}},
	{canon: "ltd", class: ClassLLC, phrases: []string{
		"ltd", "limited", "lmtd", "lymited", "ltd co", "pvt ltd", "private limited",
		"private limited company", "pvt limited", "pte ltd", "pte limited",
		"pty ltd", "pty limited", "proprietary limited", "sdn bhd", "sendirian berhad",
		"bv", "b v", "besloten vennootschap", "ltd liability", "yugen kaisha",
	}},
	{canon: "co ltd", class: ClassLLC | ClassCo, phrases: []string{
		"co ltd", "company limited", "co limited", "company ltd", "ltd company",
		"limited company", "co ltd co",
	}},
	{canon: "jsc", class: ClassJSC, phrases: []string{
		"jsc", "joint stock company", "joint stock co", "jt stock co",
		"ao", "aktsionernoe obshchestvo", "aktsionernoye obshchestvo",
		"pjsc", "public joint stock company", "pao", "publichnoe aktsionernoe obshchestvo",
		"cjsc", "closed joint stock company", "zao", "zakrytoe aktsionernoe obshchestvo",
		"ojsc", "open joint stock company", "oao", "otkrytoe aktsionernoe obshchestvo",
		"ag", "aktiengesellschaft", "sa", "s a", "societe anonyme", "sociedad anonima",
		"spa", "s p a", "societa per azioni", "nv", "n v", "naamloze vennootschap",
		"ab", "aktiebolag", "publ ab", "asa", "as", "a s", "oyj", "oy", "kk",
		"kabushiki kaisha", "kabushiki gaisha", "tbk", "sa de cv", "s a de c v",
		"bhd", "berhad", "jsc co", "pat", "prat", "tat", "sas", "s a s",
		"societe par actions simplifiee", "sca", "se", "societas europaea",
		"anonim sirketi", "anonim sti",
	}},
	{canon: "plc", class: ClassJSC, phrases: []string{
		"plc", "p l c", "public limited company", "public limited co", "public ltd co",
		"public company limited", "public co ltd", "pcl",
	}},
	{canon: "inc", class: ClassCorp, phrases: []string{
		"inc", "incorporated", "corp", "corporation", "incorporation",
	}},
	{canon: "co", class: ClassCo, phrases: []string{
		"co", "company", "cie", "compagnie", "compania", "cia", "companiya", "kompaniya",
	}},
	{canon: "lp", class: ClassLP, phrases: []string{
		"lp", "llp", "limited partnership", "limited liability partnership", "kg",
		"kommanditgesellschaft", "gmbh co kg",
	}},
	{canon: "fze", class: ClassFZ, phrases: []string{
		"fze", "fzco", "fzc", "fz llc", "free zone establishment", "free zone company",
	}},
}

// edgeOnly lists spellings that are also ordinary words, initials or common
// name parts, so count as legal forms only at the edges of a name.
var edgeOnly = map[string]bool{
	"ao": true, "sa": true, "s a": true, "ag": true, "ab": true, "as": true, "a s": true,
	"nv": true, "n v": true, "bv": true, "b v": true, "oy": true, "kk": true,
	"co": true, "cia": true, "cie": true, "tov": true, "too": true, "doo": true,
	"ood": true, "spa": true, "pat": true, "prat": true, "tat": true, "kg": true,
	"lp": true, "bhd": true, "tbk": true, "pcl": true, "company": true,
	"ano": true, "ev": true, "e v": true, "gup": true, "mup": true, "fgu": true,
	"gbu": true, "se": true, "sca": true, "sas": true, "s a s": true, "nko": true,
	"sti": true,
}

// legalPhrase is one spelling of a legal form, prepared for matching.
type legalPhrase struct {
	keys  []string // phonetic keys of its tokens
	form  int      // index into legalForms
	edge  bool
	words int
}

// legalIndex maps the key of a phrase's first token to its phrases, longest
// first.
var legalIndex = func() map[string][]legalPhrase {
	idx := map[string][]legalPhrase{}
	for fi, f := range legalForms {
		for _, p := range f.phrases {
			toks := strings.Fields(p)
			keys := make([]string, len(toks))
			for i, t := range toks {
				keys[i] = phoneticKey(t)
			}
			lp := legalPhrase{keys: keys, form: fi, edge: edgeOnly[p], words: len(keys)}
			ps := append(idx[keys[0]], lp)
			// Keep longest first so that matching is greedy.
			for i := len(ps) - 1; i > 0 && ps[i].words > ps[i-1].words; i-- {
				ps[i], ps[i-1] = ps[i-1], ps[i]
			}
			idx[keys[0]] = ps
		}
	}
	return idx
}()

// legalPhrases lists every prepared phrase, for the fuzzy scan that
// catches misspelled and truncated forms ("Lymited", "Compan").
var legalPhrases = func() []legalPhrase {
	var all []legalPhrase
	for _, ps := range legalIndex {
		all = append(all, ps...)
	}
	// Longest first, then by form and spelling, for a deterministic scan.
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].words != all[j].words {
			return all[i].words > all[j].words
		}
		if all[i].form != all[j].form {
			return all[i].form < all[j].form
		}
		return strings.Join(all[i].keys, " ") < strings.Join(all[j].keys, " ")
	})
	return all
}()

// legalFuzzy indexes legalPhrases for misspelled and truncated first
// tokens, in two parts: the phrases that count anywhere ([0]) and those
// that count only at the edges of a name ([1]), as markLegal reads them
// in two passes. Under each first key of five letters or more it holds
// every spelling with one letter deleted, and (for one-word phrases) every
// prefix of five letters or more. A token's key and its one-deletion
// variants, looked up here, find every phrase within one edit or
// truncated (the candidates are then verified).
var legalFuzzy = func() (ix [2]fuzzyIndex) {
	for e := range ix {
		ix[e].m = map[string][]int{}
	}
	for i, p := range legalPhrases {
		k := p.keys[0]
		if len(k) < 5 {
			continue
		}
		x := &ix[0]
		if p.edge {
			x = &ix[1]
		}
		x.add(k, i)
		for d := 0; d < len(k); d++ {
			x.add(k[:d]+k[d+1:], i)
		}
		if p.words == 1 {
			for l := 5; l < len(k); l++ {
				x.add(k[:l], i)
			}
		}
	}
	return ix
}()

// fuzzyIndex maps spellings to phrases (see legalFuzzy); first has the
// first letters of its spellings, to spare lookups that cannot succeed.
type fuzzyIndex struct {
	m     map[string][]int
	first [256]bool
}

func (x *fuzzyIndex) add(k string, i int) {
	if l := x.m[k]; len(l) == 0 || l[len(l)-1] != i {
		x.m[k] = append(l, i)
	}
	x.first[k[0]] = true
}

// fuzzyLegalCands returns the indexes into legalPhrases (those that count
// only at the edges, with edge) whose first token may be a misspelling or
// truncation of key, in ascending order.
func fuzzyLegalCands(key string, edge bool) []int {
	if key == "" {
		return nil
	}
	x := &legalFuzzy[0]
	if edge {
		x = &legalFuzzy[1]
	}
	var out []int
	look := func(k string) {
		out = append(out, x.m[k]...)
	}
	// Every variant but the one without the first letter starts with it.
	if len(key) > 1 && x.first[key[1]] {
		look(key[1:])
	}
	if x.first[key[0]] {
		look(key)
		for d := 1; d < len(key); d++ {
			look(key[:d] + key[d+1:])
		}
	}
	sort.Ints(out)
	w := 0
	for i, x := range out {
		if i == 0 || x != out[w-1] {
			out[w] = x
			w++
		}
	}
	return out[:w]
}

// legalByCanon maps a form's canonical spelling to its index in legalForms.
var legalByCanon = func() map[string]int {
	m := map[string]int{}
	for i, f := range legalForms {
		m[f.canon] = i
	}
	// Forms named directly by the Han lexicon.
	m["kk"] = indexOfPhrase("kk")
	m["jsc"] = indexOfPhrase("jsc")
	return m
}()

func indexOfPhrase(p string) int {
	for i, f := range legalForms {
		for _, q := range f.phrases {
			if q == p {
				return i
			}
		}
	}
	return -1
}

// canonicalWords maps abbreviations and inflected forms of common business
// words to one spelling, so that "Tech" meets "Technologies" and "Intl"
// meets "International". Only unambiguous abbreviations are listed: "Elec"
// stands for Electric as well as Electronics, so it maps to neither (the
// prefix rule in the scorer relates it to both).
var canonicalWords = map[string]string{
	"tech": "technology", "techn": "technology", "technology": "technology",
	"technologies": "technology", "technological": "technology", "technologie": "technology",
	"technologia": "technology", "tekhnologii": "technology", "tekhnologiya": "technology",
	"tecnologia": "technology", "technik": "technology", "tekhnologiy": "technology",
	"intl": "international", "int'l": "international", "internacional": "international",
	"internationale": "international", "internazionale": "international",
	"mfg": "manufacturing", "mfr": "manufacturing", "mfrs": "manufacturing",
	"manufacturer": "manufacturing", "manufacturers": "manufacturing",
	"grp": "group", "groupe": "group", "gruppa": "group", "grupo": "group", "gruppe": "group",
	"sci": "science", "sciences": "science", "scientific": "science",
	"dev": "development", "devt": "development", "developments": "development",
	"inst": "institute", "institut": "institute", "instituto": "institute", "institutes": "institute",
	"univ": "university", "universitet": "university", "universite": "university",
	"universidad": "university", "universitat": "university",
	"eng": "engineering", "engg": "engineering", "engr": "engineering",
	"natl": "national", "nat'l": "national",
	"assn": "association", "assoc": "association", "associates": "association",
	"svc": "services", "svcs": "services", "service": "services", "servicos": "services",
	"sys": "systems", "system": "systems", "sistemy": "systems",
	"bros": "brothers", "ind": "industry", "inds": "industry", "industries": "industry",
	"industrial": "industry", "industrie": "industry", "industria": "industry",
	"dept": "department", "govt": "government", "mgmt": "management", "mgt": "management",
	"pharma": "pharmaceutical", "pharm": "pharmaceutical", "pharmaceuticals": "pharmaceutical",
	"chem": "chemical", "chemicals": "chemical", "equip": "equipment",
	"telecom": "telecommunications", "telecommunication": "telecommunications",
	"hldg": "holding", "hldgs": "holding", "holdings": "holding",
	"investments": "investment", "invest": "investment",
	"trade": "trading", "traders": "trading", "trd": "trading",
	"lab": "laboratory", "labs": "laboratory", "laboratories": "laboratory",
	"laboratoriya": "laboratory", "laboratoria": "laboratory", "laboratorio": "laboratory",
	"laboratoire": "laboratory", "laboratorium": "laboratory",
	"enterprises": "enterprise", "ent": "enterprise", "ctr": "center", "centre": "center",
	"products": "product", "prods": "product", "electronic": "electronics",
	"electrical": "electric", "communication": "communications", "comms": "communications",
	"solution": "solutions", "resource": "resources", "materials": "material",
	"machines": "machinery", "mach": "machinery", "instr": "instruments", "instrument": "instruments",
	"logistic": "logistics", "shipping": "shipping", "aviatsiya": "aviation", "avia": "aviation",
	"mezhdunarodnaya": "international", "mezhdunarodnyy": "international",
	// Turkish business words, read as their English equivalents.
	"sanayi": "industry", "sanayii": "industry", "ticaret": "trading",
	"muhendislik": "engineering", "ithalat": "imports", "ihracat": "exports",
}

// shortAbbrevs are abbreviations too short to expand everywhere ("San" is
// also a name word: San Marino, Kim San): they are read as the word they
// stand for only when written with a period ("San.") or next to another of
// the same set ("SAN VE TIC", "SAN TIC"), as Turkish company names write
// them ("Sanayi ve Ticaret").
var shortAbbrevs = map[string]string{
	"san": "sanayi", "tic": "ticaret", "muh": "muhendislik", "ith": "ithalat",
	"ihr": "ihracat", "paz": "pazarlama", "taah": "taahhut",
}

// placeAbbrevs are the letter abbreviations of Chinese cities that vendor
// records use inside company names ("Sample Optoelectronics SZ Co Ltd" for
// "(Shenzhen)"); they are read as the city in organisations' names only.
var placeAbbrevs = map[string]string{
	"sz": "shenzhen", "gz": "guangzhou", "bj": "beijing", "sh": "shanghai",
	"hz": "hangzhou", "tj": "tianjin", "cq": "chongqing", "wh": "wuhan",
	"xm": "xiamen", "qd": "qingdao", "hk": "hongkong", "dg": "dongguan",
}

// stopWords are function words that carry no identity in a name. They are
// shown but not compared. The list is short on purpose: removing real name
// tokens ("Hans", "First", "un") makes different people look alike.
var stopWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true, "und": true, "et": true,
	"y": true, "i": true, "e": true, "in": true, "at": true, "by": true, "on": true,
	"an": true, "a": true, "to": true, "dba": true, "aka": true, "fka": true,
	"formerly": true, "also": true, "known": true, "as": true, "ve": true,
}

// orgOnlyStop are stop words only in organisation names: in a person's
// name "I", "E" or "A" is an initial.
var orgOnlyStop = map[string]bool{"i": true, "e": true, "a": true, "as": true, "y": true, "ve": true}

// personTitles are honorifics and titles dropped from persons' names.
var personTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true,
	"sheikh": true, "shaikh": true, "haji": true, "hajji": true, "sayyid": true,
	"herr": true, "frau": true, "mme": true, "mlle": true, "monsieur": true,
	"madame": true, "senor": true, "sra": true, "sr": true, "jr": true, "gen": true,
	"general": true, "col": true, "colonel": true, "capt": true, "captain": true,
	"maj": true, "major": true, "lt": true, "admiral": true, "brigadier": true,
}

// particles are name particles: they belong to the name, but weigh little
// and are not required to match ("al", "bin", "van", "de").
var particles = map[string]bool{
	"al": true, "el": true, "ul": true, "bin": true, "ibn": true, "bint": true,
	"ben": true, "binti": true, "van": true, "von": true, "der": true, "den": true,
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true,
	"dos": true, "das": true, "la": true, "le": true, "ter": true, "ten": true,
	"vander": true, "st": true, "ould": true, "abd": true,
}

// genericWeights gives the built-in informativeness of words that are common
// in organisation names, used when no IDF is loaded (and as a ceiling for
// it): "technology" or "trading" says little about which company is meant.
var genericWeights = func() map[string]float64 {
	m := map[string]float64{}
	set := func(w float64, words string) {
		for _, t := range strings.Fields(words) {
			m[t] = w
		}
	}
	set(0.15, `technology trading industry group international holding services
		enterprise manufacturing development investment product solutions global
		general commercial import export systems engineering company corporation`)
	set(0.3, `electronics electric science logistics shipping equipment network
		communications telecommunications resources energy construction consulting
		management partners association material machinery instruments national
		center agency office factory plant works branch imports exports world
		information software precision chemical pharmaceutical industry
		aviation aerospace research marine petroleum oil gas mining metals steel
		power transport transportation digital intelligent optoelectronics
		semiconductor microelectronics biological medical new products trade
		pazarlama taahhut`)
	set(0.4, `bank university institute laboratory academy ministry department
		foundation fund council committee organization organisation federal
		state central republic union society brothers`)
	// Country and major city names in company names mostly tell where, not who.
	set(0.45, `china chinese zhongguo russia russian rossiya rossii iran iranian
		korea korean hong kong hongkong beijing shanghai shenzhen hangzhou
		guangzhou tianjin wuhan chengdu nanjing xian chongqing suzhou zhuhai
		xiamen qingdao dalian hefei changsha dongguan ningbo wuxi foshan zhengzhou
		jinan shenyang harbin haerbin zhejiang jiangsu guangdong fujian shandong
		hebei henan hubei hunan sichuan anhui jiangxi shaanxi shanxi liaoning jilin
		heilongjiang yunnan guizhou gansu hainan neimenggu xinjiang xizang ningxia
		guangxi qinghai moscow moskva moskovskiy
		petersburg tehran dubai emirates uae america american usa asia asian
		europe european pacific middle east eastern western northern southern
		north south west`)
	return m
}()

// orgMarkers are words that show a name is an organisation's even without
// a legal form.
var orgMarkers = map[string]bool{
	"bank": true, "university": true, "institute": true, "ministry": true,
	"laboratory": true, "technology": true, "trading": true, "group": true,
	"holding": true, "industry": true, "services": true, "systems": true,
	"international": true, "enterprise": true, "manufacturing": true,
	"association": true, "foundation": true, "academy": true, "center": true,
	"department": true, "agency": true, "factory": true, "plant": true,
	"shipping": true, "electronics": true, "engineering": true, "committee": true,
	"organization": true, "organisation": true, "bureau": true, "corps": true,
	"army": true, "navy": true, "force": true, "forces": true, "party": true,
	"front": true, "brigade": true, "movement": true, "council": true, "fund": true,
}
