package names

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNormalized checks every normalisation rule through the normalised
// form it produces.
func TestNormalized(t *testing.T) {
	tests := []struct {
		rule string
		in   string
		kind Kind
		want string
	}{
		// Unicode: NFKC, case folding, diacritics.
		{"nfkc fullwidth", "ＡＢＣ Ｔｒａｄｉｎｇ", KindUnknown, "abc trading"},
		{"nfkc ligature", "ﬁnance ﬂow", KindUnknown, "finance flow"},
		{"case folding", "MÜLLER Straße", KindPerson, "muller strasse"},
		{"diacritics", "José Ñúñez Őrsi Çelik", KindPerson, "jose nunez orsi celik"},
		{"combining marks", "Jose\u0301 Nu\u0303nez", KindPerson, "jose nunez"},
		{"non-decomposing ø", "Søren Kierkegaard", KindPerson, "soren kierkegaard"},
		{"non-decomposing ł", "Łukasz Wałęsa", KindPerson, "lukasz walesa"},
		{"non-decomposing đ", "Đorđe Đoković", KindPerson, "dorde dokovic"},
		{"non-decomposing ß", "Großmann", KindPerson, "grossmann"},
		{"non-decomposing æ œ", "Ærø Œuvre", KindUnknown, "aero oeuvre"},
		{"non-decomposing þ ð", "Þórður", KindPerson, "thordur"},
		{"dotless ı", "Yıldız Kılıç", KindPerson, "yildiz kilic"},
		// Punctuation and spacing.
		{"hyphen", "Hik-Vision", KindOrganization, "hik vision"},
		{"ampersand", "H&M", KindOrganization, "h and m"},
		{"and spelled", "H and M", KindOrganization, "h and m"},
		{"dotted initials", "S.C. Johnson", KindOrganization, "sc johnson"},
		{"dotted acronym", "U.S.A. Trading", KindOrganization, "usa trading"},
		{"apostrophe", "O'Brien’s", KindPerson, "obriens"},
		{"bis question mark apostrophe", "O?Brien", KindPerson, "obrien"},
		{"brackets and slashes", "Alpha (Beta) / Gamma", KindOrganization, "alpha beta gamma"},
		{"invalid utf-8", "Acme\xff\xfeWidgets", KindOrganization, "acme widgets"},
		// Cyrillic: Russian, Ukrainian, Belarusian.
		{"russian", "Касперский Евгений", KindPerson, "kasperskiy evgeniy"},
		{"russian shch zh kh ts", "Щукин Жуков Хрущёв Цой", KindPerson, "shchukin zhukov khrushchev tsoy"},
		{"russian yu ya", "Юлия Яковлева", KindPerson, "yuliya yakovleva"},
		{"ukrainian", "Їжак Єва Іван Ґудзь", KindPerson, "yizhak yeva ivan gudz"},
		{"belarusian", "Лукашэнка Ўладзімір", KindPerson, "lukashenka uladzimir"},
		{"soft and hard signs", "Ольга Подъячев", KindPerson, "olga podyachev"},
		// Greek.
		{"greek", "Αλέξης Τσίπρας", KindPerson, "alexis tsipras"},
		{"greek ou", "Μητσοτάκης Κυριάκος Γεωργίου", KindPerson, "mitsotakis kyriakos georgiou"},
		// Han through pinyin, with the lexicon.
		{"han company", "华为技术有限公司", KindUnknown, "huawei technology co ltd"},
		{"han company jsc", "杭州海康威视数字技术股份有限公司", KindUnknown, "hangzhou haikangweishi digital technology co ltd"},
		{"han person", "习近平", KindPerson, "xi jinping"},
		{"japanese kabushiki kaisha", "株式会社東芝", KindOrganization, "jsc dongzhi"},
		// Other scripts.
		{"armenian", "Բարակ Օբամա", KindPerson, "barak obama"},
		{"georgian", "ბარაკ ობამა", KindPerson, "barak obama"},
		{"katakana", "バラク・オバマ", KindPerson, "baraku obama"},
		// Abbreviations.
		{"abbreviations", "Intl Tech Mfg Grp", KindOrganization, "international technology manufacturing group"},
		{"abbreviations 2", "Natl Inst of Sci & Dev Univ", KindOrganization, "national institute of science and development university"},
		{"inflections", "Kaspersky Labs Technologies Holdings", KindOrganization, "kaspersky laboratory technology holding"},
		{"turkish abbreviations with periods", "Örnek Savunma San. ve Tic. A.Ş.", KindUnknown, "ornek savunma industry ve trading jsc"},
		{"turkish abbreviations side by side", "ORNEK SAVUNMA SAN TIC AS", KindUnknown, "ornek savunma industry trading jsc"},
		{"turkish words spelled out", "Örnek Gıda Sanayi ve Ticaret A.Ş.", KindUnknown, "ornek gida industry ve trading jsc"},
		{"turkish dotted capital i", "ÖRNEK SAVUNMA SANAYİ VE TİCARET", KindOrganization, "ornek savunma industry ve trading"},
		{"short abbreviation alone stays a word", "San Marino Widget Trading", KindOrganization, "san marino widget trading"},
		{"misspelled legal form at the end", "Example Optics Co Limitd", KindUnknown, "example optics co ltd"},
		{"misspelled legal form before another", "Example Optics Lmited Co", KindUnknown, "example optics ltd co"},
		{"name word one letter from a legal form, first", "Berhan Bank", KindUnknown, "berhan bank"},
		{"name word one letter from a legal form, middle", "Widget Berhan Trading", KindOrganization, "widget berhan trading"},
		{"name word near a legal form, first", "Campania Widget", KindOrganization, "campania widget"},
		{"city abbreviation in a company name", "Sample Optoelectronics SZ Co Ltd", KindUnknown, "sample optoelectronics shenzhen co ltd"},
		{"city abbreviation is not read in a person's name", "SZ Kovacs", KindPerson, "sz kovacs"},
		// Numbers.
		{"numbers kept", "11420 Corp.", KindOrganization, "11420 inc"},
		{"number words", "Brigade Forty-Four", KindOrganization, "brigade 44"},
		{"ordinals", "1st International Bank", KindOrganization, "1 international bank"},
		{"ordinal words", "First International Bank", KindOrganization, "1 international bank"},
		{"roman numerals", "Carlyle Partners VII L.P.", KindOrganization, "carlyle partners 7 lp"},
		{"roman numeral first is a word", "Vi Holdings", KindOrganization, "vi holding"},
		// Persons.
		{"surname comma given", "PUTIN, Vladimir Vladimirovich", KindPerson, "vladimir vladimirovich putin"},
		{"surname comma given, unknown kind", "Frost, William G.", KindUnknown, "william g frost"},
		{"company comma legal form", "Kaspersky Lab, Inc.", KindUnknown, "kaspersky laboratory inc"},
		{"titles", "Dr. Sheikh Ahmed Al-Mansouri", KindPerson, "dr sheikh ahmed al mansouri"},
		{"particles", "Osama bin Laden", KindPerson, "osama bin laden"},
		{"look-alike digits", "Ig0r Sech1n", KindPerson, "igor sechin"},
		{"number words stay words for persons", "Ninety Smith", KindPerson, "ninety smith"},
		// Edge cases.
		{"empty", "", KindUnknown, ""},
		{"only punctuation", " -- ., ", KindUnknown, ""},
		{"only a legal form", "Limited", KindOrganization, "limited"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got := Parse(tt.in, tt.kind).Normalized
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q).Normalized mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestTokens checks token kinds, legal classes and sources.
func TestTokens(t *testing.T) {
	type tok struct {
		Text  string
		Kind  TokenKind
		Orig  string
		Class LegalClass
	}
	tests := []struct {
		in   string
		kind Kind
		want []tok
	}{
		{"The Example Widget Trading Co., Ltd.", KindOrganization, []tok{
			{"the", Stop, "The", 0}, {"example", Word, "Example", 0}, {"widget", Word, "Widget", 0},
			{"trading", Word, "Trading", 0}, {"co ltd", LegalForm, "Co Ltd", ClassLLC | ClassCo},
		}},
		{"ООО «Пример»", KindUnknown, []tok{
			{"llc", LegalForm, "ООО", ClassLLC}, {"primer", Word, "Пример", 0},
		}},
		{"AO Kaspersky Lab", KindUnknown, []tok{
			{"jsc", LegalForm, "AO", ClassJSC}, {"kaspersky", Word, "Kaspersky", 0},
			{"laboratory", Word, "Lab", 0},
		}},
		{"Mr. John F. Kennedy Jr.", KindPerson, []tok{
			{"mr", Stop, "Mr", 0}, {"john", Word, "John", 0}, {"f", Initial, "F", 0},
			{"kennedy", Word, "Kennedy", 0}, {"jr", Stop, "Jr", 0},
		}},
		{"Abd al-Rahman bin Omar", KindPerson, []tok{
			{"abd", Particle, "Abd", 0}, {"al", Particle, "al", 0}, {"rahman", Word, "Rahman", 0},
			{"bin", Particle, "bin", 0}, {"omar", Word, "Omar", 0},
		}},
		{"11420 Corp", KindUnknown, []tok{
			{"11420", Number, "11420", 0}, {"inc", LegalForm, "Corp", ClassCorp},
		}},
	}
	for _, tt := range tests {
		n := Parse(tt.in, tt.kind)
		var got []tok
		for _, x := range n.Tokens {
			got = append(got, tok{x.Text, x.Kind, x.Orig, x.LegalClass})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Parse(%q).Tokens mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestLegalForms checks that every listed legal form is recognised, in
// any position and spelling, and mapped to its class.
func TestLegalForms(t *testing.T) {
	tests := []struct {
		in    string
		class LegalClass
	}{
		{"Example LLC", ClassLLC},
		{"Example L.L.C.", ClassLLC},
		{"Example Limited Liability Company", ClassLLC},
		{"Example Ltd", ClassLLC},
		{"Example Limited", ClassLLC},
		{"Example Lymited", ClassLLC},
		{"Example Limted", ClassLLC},
		{"Example Lmited", ClassLLC},
		{"Example Limitd", ClassLLC},
		{"Example Co Limted", ClassLLC | ClassCo},
		{"Example A.Ş.", ClassJSC},
		{"Example Anonim Şirketi", ClassJSC},
		{"Example Ltd. Şti.", ClassLLC},
		{"Example Limited Şirketi", ClassLLC},
		{"Example Co.", ClassCo},
		{"Example Company", ClassCo},
		{"Example Co., Ltd.", ClassLLC | ClassCo},
		{"Example Company Limited", ClassLLC | ClassCo},
		{"Example Inc.", ClassCorp},
		{"Example Incorporated", ClassCorp},
		{"Example Corp", ClassCorp},
		{"Example Corporation", ClassCorp},
		{"Example PLC", ClassJSC},
		{"Example Public Limited Company", ClassJSC},
		{"Example LLP", ClassLP},
		{"Example GmbH", ClassLLC},
		{"Example Gesellschaft mit beschränkter Haftung", ClassLLC},
		{"Example AG", ClassJSC},
		{"Example S.A.", ClassJSC},
		{"Example SA", ClassJSC},
		{"Example SARL", ClassLLC},
		{"Example S.à r.l.", ClassLLC},
		{"Example B.V.", ClassLLC},
		{"Example N.V.", ClassJSC},
		{"Example AB", ClassJSC},
		{"OOO Example", ClassLLC},
		{"ООО Пример", ClassLLC},
		{"Obshchestvo s Ogranichennoy Otvetstvennostyu Example", ClassLLC},
		{"Общество с ограниченной ответственностью Пример", ClassLLC},
		{"AO Example", ClassJSC},
		{"АО Пример", ClassJSC},
		{"Aktsionernoe Obshchestvo Example", ClassJSC},
		{"Акционерное общество Пример", ClassJSC},
		{"ZAO Example", ClassJSC},
		{"ЗАО Пример", ClassJSC},
		{"OAO Example", ClassJSC},
		{"ОАО Пример", ClassJSC},
		{"PAO Example", ClassJSC},
		{"ПАО Пример", ClassJSC},
		{"JSC Example", ClassJSC},
		{"Example Joint Stock Company", ClassJSC},
		{"Example Joint-Stock Company", ClassJSC},
		{"PJSC Example", ClassJSC},
		{"TOO Example", ClassLLC},
		{"Example Pvt Ltd", ClassLLC},
		{"Example Private Limited", ClassLLC},
		{"Example Sdn Bhd", ClassLLC},
		{"Example FZE", ClassFZ},
		{"Example FZCO", ClassFZ},
		{"示例有限公司", ClassLLC | ClassCo},
		{"示例股份有限公司", ClassLLC | ClassCo},
		{"示例有限责任公司", ClassLLC},
		{"株式会社示例", ClassJSC},
		{"ANO Example", ClassNPO},
		{"FGUP Example", ClassState},
		// In the middle of a name.
		{"Example GmbH Holding", ClassLLC},
		// Cut off by a field length.
		{"Example Obshchestvo s Ogran", ClassLLC},
		{"Example Joint Stock", ClassJSC},
	}
	for _, tt := range tests {
		n := Parse(tt.in, KindUnknown)
		if n.Legal != tt.class {
			t.Errorf("Parse(%q).Legal = %v, want %v (tokens %q)", tt.in, n.Legal, tt.class, n.Normalized)
		}
		if len(n.content) == 0 {
			t.Errorf("Parse(%q) kept nothing to compare", tt.in)
		}
	}
	// Ambiguous short forms count only at the edges, and never in persons'
	// names.
	for _, in := range []string{"Sa Ag Holding Example"} {
		if n := Parse(in, KindOrganization); n.Legal != 0 && n.Tokens[0].Kind == LegalForm && n.Tokens[1].Kind == LegalForm {
			t.Errorf("Parse(%q) took two edge forms: %q", in, n.Normalized)
		}
	}
	if n := Parse("Anna AB Co", KindPerson); n.Legal != 0 {
		t.Errorf("person's name read with legal forms: %q", n.Normalized)
	}
}
