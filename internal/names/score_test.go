package names

import (
	"math"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestIssueExamples checks the pairs the name engine exists to catch, and
// the traps other tools fall into.
func TestIssueExamples(t *testing.T) {
	tests := []struct {
		a, b  string
		kind  Kind
		match bool
	}{
		{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD.", KindUnknown, true},
		{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab", KindUnknown, true},
		{"华为技术有限公司", "Huawei Technologies Co., Ltd.", KindUnknown, true},
		{"BUSH GEORGE", "GEORGE BUSH", KindUnknown, true},
		{"BUSH, George", "George Bush", KindPerson, true},
		{"Acme PLC", "Acme Public Limited Company", KindUnknown, true},
		{"George Bush", "George Habbash", KindUnknown, false},
		{"George Bush", "George Habbash", KindPerson, false},
		{"emma daniels", "EMMA LLC", KindUnknown, false},
		{"11420 Corp", "11421 Corp", KindUnknown, false},
		{"Ahmad bin Hasan al-Ubaidi", "Hasan bin Ahmad al-Ubaidi", KindPerson, false},
	}
	for _, tt := range tests {
		a, b := Parse(tt.a, tt.kind), Parse(tt.b, tt.kind)
		s := Score(a, b, nil)
		if got := s >= DefaultThreshold; got != tt.match {
			t.Errorf("Score(%q, %q) = %.3f; match = %v, want %v", tt.a, tt.b, s, got, tt.match)
		}
		if r := Compare(a, b, nil); r.Score != s {
			t.Errorf("Compare(%q, %q).Score = %v, Score = %v", tt.a, tt.b, r.Score, s)
		}
	}
}

// TestVariantsMeet checks, kind by kind, that spelling variants of one name
// score at or above DefaultThreshold.
func TestVariantsMeet(t *testing.T) {
	tests := []struct {
		variant string
		a, b    string
		kind    Kind
	}{
		{"translit -iy/-ii/-y", "Kasperskiy", "Kasperskii", KindUnknown},
		{"translit -iy/-y", "Kasperskiy", "Kaspersky", KindUnknown},
		{"translit -ij", "Kasperskij", "Kaspersky", KindUnknown},
		{"cyrillic to latin", "Касперский", "Kaspersky", KindUnknown},
		{"kh/h", "Mikhail Khodorkovsky", "Mihail Hodorkovskij", KindPerson},
		{"ts/tz", "Tsoi Viktor", "Tzoi Viktor", KindPerson},
		{"yu/iu/ju", "Yuliya Tymoshenko", "Iuliia Tymoshenko", KindPerson},
		{"ju", "Juliya Tymoshenko", "Yuliya Tymoshenko", KindPerson},
		{"ya/ia/ja", "Yakovlev Design Bureau", "Jakovlev Design Bureau", KindOrganization},
		{"shch/sch", "Shchukin Sergey", "Schukin Sergei", KindPerson},
		{"zh", "Zhukov Georgy", "Joukov Georgiy", KindPerson},
		{"ukrainian", "Володимир Зеленський", "Volodymyr Zelenskyy", KindPerson},
		{"greek", "Αλέξης Τσίπρας", "Alexis Tsipras", KindPerson},
		{"han pinyin", "华为", "Huawei", KindOrganization},
		{"han person", "习近平", "Xi Jinping", KindPerson},
		{"diacritics", "Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", KindPerson},
		{"hyphen joined", "Hik-Vision", "HikVision", KindOrganization},
		{"split joined", "Hik Vision", "Hikvision", KindOrganization},
		{"three-way split", "van der bilt corp", "vanderbilt corp", KindOrganization},
		{"ampersand", "H&M Hennes", "H and M Hennes", KindOrganization},
		{"dots", "S.C. Johnson", "SC Johnson", KindOrganization},
		{"abbreviation", "Example International Technology", "Example Intl Tech", KindOrganization},
		{"truncation", "Example Electric Supply", "Example Elec Supply", KindOrganization},
		{"acronym", "U.S. Department of State", "United States Department of State", KindOrganization},
		{"legal form spelled out", "Example OOO", "Obshchestvo s Ogranichennoy Otvetstvennostyu Example", KindUnknown},
		{"legal form position", "AO Example Systems", "Example Systems AO", KindUnknown},
		{"number words", "Brigade Forty-Four", "Brigade 44", KindOrganization},
		{"ordinals", "First International Bank", "1st International Bank", KindOrganization},
		{"typo", "Emmanuel Macron", "Emanuel Macron", KindPerson},
		{"transposition", "Apple Inc", "Appel Inc", KindOrganization},
		{"initial", "John F Kennedy", "John Fitzgerald Kennedy", KindPerson},
		{"nickname", "Bill Clinton", "William Clinton", KindPerson},
		{"patronymic omitted", "Sergey Viktorovich Lavrov", "Sergey Lavrov", KindPerson},
		{"patronymic misspelled", "Arkadiy Romanovic Rotenberg", "ROTENBERG, Arkady Romanovich", KindPerson},
		{"surname first", "LAVROV Sergey", "Sergey Lavrov", KindPerson},
		{"comma reorder", "Lavrov, Sergey", "Sergey Lavrov", KindPerson},
		{"title", "Dr. Ayman al-Zawahiri", "Ayman al-Zawahiri", KindPerson},
		{"particle", "Abdul Aziz al-Nuristani", "Abdul Aziz Nuristani", KindPerson},
		{"look-alike digits", "Ig0r Sech1n", "Igor Sechin", KindPerson},
		{"generic word added", "Kaspersky Lab", "Kaspersky Lab Trading", KindOrganization},
		{"joined before expansion", "KASPERSKYLAB AO", "AO Kaspersky Lab", KindUnknown},
		{"legal form cut off", "KASPERSKY GROUP OBSHCHESTVO S OGRAN", "Kaspersky Group", KindUnknown},
		{"province segmented", "浙江大华技术股份有限公司", "Zhejiang Dahua Technology Co., Ltd.", KindOrganization},
		{"short brand with a missing letter", "BANK MELI IRAN", "Bank Melli Iran", KindUnknown},
		{"short brand with a folded sound", "Sukhoi Company", "Sukhoy Company", KindOrganization},
		{"letters and digits joined", "CETC13", "CETC 13", KindUnknown},
		{"letters and digits joined, ordinal", "CETC13", "CETC 13th", KindOrganization},
		{"city abbreviated", "SAMPLE OPTOELECTRONICS SZ CO LIMTED", "Sample Optoelectronics (Shenzhen) Co., Ltd.", KindUnknown},
		{"turkish abbreviations", "ÖRNEK SAVUNMA SAN. VE TİC. A.Ş.", "Örnek Savunma Sanayi ve Ticaret A.Ş.", KindUnknown},
		{"turkish abbreviations without periods", "ORNEK SAVUNMA SAN TIC AS", "Örnek Savunma Sanayi ve Ticaret A.Ş.", KindUnknown},
		{"turkish legal form abbreviated", "Örnek Makina Ltd. Şti.", "Örnek Makina Limited Şirketi", KindUnknown},
		{"place moved to the end", "Hikvision Digital Technology (Hangzhou) Co Ltd", "Hangzhou Hikvision Digital Technology Co Ltd", KindOrganization},
	}
	for _, tt := range tests {
		s := Score(Parse(tt.a, tt.kind), Parse(tt.b, tt.kind), nil)
		if s < DefaultThreshold {
			t.Errorf("%s: Score(%q, %q) = %.3f, want >= %.2f", tt.variant, tt.a, tt.b, s, DefaultThreshold)
		}
	}
}

// TestDifferentNamesApart checks hard negatives: names that share words,
// legal forms or sound, but name different parties.
func TestDifferentNamesApart(t *testing.T) {
	tests := []struct {
		why  string
		a, b string
		kind Kind
	}{
		{"only the legal form agrees", "Alpha Trading LLC", "Omega Trading LLC", KindOrganization},
		{"only generic words agree", "Example Technology Co Ltd", "Sample Technology Co Ltd", KindOrganization},
		{"different generic words both sides", "Saudi Arabian Gas Company", "Saudi Arabian Oil Company", KindOrganization},
		{"number differs", "11420 Corp", "11421 Corp", KindOrganization},
		{"roman numeral added", "Example Fund II LP", "Example Fund LP", KindOrganization},
		{"different surname", "George Bush", "George Habbash", KindPerson},
		{"given name alone", "George", "George Bush", KindPerson},
		{"person and company share a word", "Emma Daniels", "Emma LLC", KindUnknown},
		{"han characters differ", "习近平", "习近朋", KindPerson},
		{"same reading, different characters", "高石早苗", "高市早苗", KindPerson},
		{"hangul syllable differs", "김정은", "김종은", KindPerson},
		{"initials of a whole person name", "N.N.", "Nursultan Nazarbayev", KindPerson},
		{"swapped father and son", "Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi", KindPerson},
		{"empty", "", "Example", KindUnknown},
		{"a word is not an abbreviation of a longer one", "SME Banking Solutions Ltd", "SME Bank", KindOrganization},
		{"short tokens compared as spelled", "DJ International Technology Co Ltd", "DJI", KindOrganization},
		{"province is not the brand", "Zhejiang Technology Trading Co., Ltd.", "浙江大华技术股份有限公司", KindOrganization},
		{"same turkish group words, different brand", "ÖRNEK GIDA SANAYİ VE TİCARET A.Ş.", "Örnek Savunma Sanayi ve Ticaret A.Ş.", KindUnknown},
		{"short brand, same sound, different spelling", "ALPHA BANK SA", "Alfa-Bank JSC", KindUnknown},
		{"short brand one letter off, generic words added", "HUAWEN TRADING CO LTD", "Huawei", KindUnknown},
		{"joined number differs", "CETC13", "CETC 14", KindOrganization},
		{"joined letters differ", "CETD13", "CETC 13", KindOrganization},
		{"surname aligned with a patronymic", "Arkady Romanov", "ROTENBERG, Arkady Romanovich", KindPerson},
		{"brand moved", "Widget Trading Example Imports LLC", "Example Widget Trading Co., Ltd.", KindOrganization},
	}
	// A person's name inside a company's name (the screener compares a
	// vendor of unknown kind with a listed person).
	if s := Score(Parse("Evren Kayakiran Gida Ltd", KindUnknown), Parse("Evren KAYAKIRAN", KindPerson), nil); s >= DefaultThreshold {
		t.Errorf("company named after a person: %.3f, want < %.2f", s, DefaultThreshold)
	}
	for _, tt := range tests {
		s := Score(Parse(tt.a, tt.kind), Parse(tt.b, tt.kind), nil)
		if s >= DefaultThreshold {
			t.Errorf("%s: Score(%q, %q) = %.3f, want < %.2f", tt.why, tt.a, tt.b, s, DefaultThreshold)
		}
	}
}

// TestRanking checks that scores order candidates by closeness to a query
// and that only identical normalised names reach 1.
func TestRanking(t *testing.T) {
	tests := []struct {
		query  string
		kind   Kind
		ranked []string // best first, strictly decreasing
	}{
		{"Kaspersky Lab", KindOrganization, []string{
			"KASPERSKY LAB", "Kaspersky Laboratory Ltd", "Kasperski Lab", "Kasperskiy Labs Holding",
			"Kaspersky", "Kasparov Lab",
		}},
		{"Vladimir Putin", KindPerson, []string{
			"PUTIN, Vladimir", "Vladimir Vladimirovich Putin", "Vladimir Poutine", "Vladimir Pushkin",
		}},
		{"Example Widget Trading Co., Ltd.", KindOrganization, []string{
			"Example Widget Trading Company Limited", "Example Widget Trading GmbH",
			"Example Widget Trading JSC", "Example Gadget Trading Co Ltd", "Sample Gadget Trading Co Ltd",
		}},
	}
	for _, tt := range tests {
		q := Parse(tt.query, tt.kind)
		var scores []float64
		for _, c := range tt.ranked {
			scores = append(scores, Score(q, Parse(c, tt.kind), nil))
		}
		if !sort.SliceIsSorted(scores, func(i, j int) bool { return scores[i] > scores[j] }) {
			t.Errorf("query %q: scores %.3f not in the order %q", tt.query, scores, tt.ranked)
		}
		for i := 1; i < len(scores); i++ {
			if scores[i] >= scores[i-1] {
				t.Errorf("query %q: %q (%.3f) not below %q (%.3f)", tt.query, tt.ranked[i], scores[i], tt.ranked[i-1], scores[i-1])
			}
		}
		for i, s := range scores {
			identical := Parse(tt.ranked[i], tt.kind).Normalized == q.Normalized
			if (s == 1) != identical {
				t.Errorf("query %q vs %q: score %v; identical normalised = %v", tt.query, tt.ranked[i], s, identical)
			}
		}
	}
}

// TestSymmetry checks Score(a, b) == Score(b, a) on a mix of pairs.
func TestSymmetry(t *testing.T) {
	pairs := [][2]string{
		{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD."},
		{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab"},
		{"Hik Vision", "Hikvision"},
		{"PLA", "People's Liberation Army"},
		{"BUSH GEORGE", "GEORGE BUSH"},
		{"Ahmad bin Hasan", "Hasan bin Ahmad"},
		{"John F Kennedy", "John Fitzgerald Kennedy"},
		{"Example Fund II", "Example Fund"},
		{"Alpha Beta Gamma", "Gamma Alpha Delta"},
	}
	for _, kind := range []Kind{KindUnknown, KindOrganization, KindPerson} {
		for _, p := range pairs {
			a, b := Parse(p[0], kind), Parse(p[1], kind)
			if x, y := Score(a, b, nil), Score(b, a, nil); x != y {
				t.Errorf("%v: Score(%q, %q) = %v but reversed %v", kind, p[0], p[1], x, y)
			}
		}
	}
}

// TestNumbersExact checks that numbers agree exactly or cost.
func TestNumbersExact(t *testing.T) {
	same := Score(Parse("11420 Corp", KindOrganization), Parse("11420 Corporation", KindOrganization), nil)
	diff := Score(Parse("11420 Corp", KindOrganization), Parse("11421 Corp", KindOrganization), nil)
	if same < DefaultThreshold || diff != 0 {
		t.Errorf("11420 vs 11420: %.3f (want a match); 11420 vs 11421: %.3f (want 0)", same, diff)
	}
	if s := Score(Parse("Plant 5 Example", KindOrganization), Parse("Plant 6 Example", KindOrganization), nil); s >= DefaultThreshold {
		t.Errorf("Plant 5 vs Plant 6: %.3f, want below threshold", s)
	}
}

// TestLegalFormNudges checks that legal forms adjust the score a little,
// never decide it.
func TestLegalFormNudges(t *testing.T) {
	base := Score(Parse("Example Widgets", KindOrganization), Parse("Example Widget", KindOrganization), nil)
	same := Score(Parse("Example Widgets LLC", KindOrganization), Parse("Example Widget Limited Liability Company", KindOrganization), nil)
	conflict := Score(Parse("Example Widgets LLC", KindOrganization), Parse("Example Widget JSC", KindOrganization), nil)
	if !(same > base && base > conflict) {
		t.Errorf("matching form %.3f, none %.3f, conflicting %.3f: want decreasing", same, base, conflict)
	}
	if same-base > 0.05 || base-conflict > 0.05 {
		t.Errorf("legal forms moved the score by more than 0.05: %.3f / %.3f / %.3f", same, base, conflict)
	}
	if s := Score(Parse("Alpha LLC", KindOrganization), Parse("Omega LLC", KindOrganization), nil); s > 0.1 {
		t.Errorf("two companies sharing only a legal form score %.3f", s)
	}
}

// TestScoreRange checks range, NaN and identity on odd inputs.
func TestScoreRange(t *testing.T) {
	inputs := []string{"", " ", "LLC", "Co", "a", "1", "a b c d e f g h i j k l m n o p q r s t u v w x y z",
		"株式会社", "有限公司", "&&&", "ООО", "\x00\xff", "x\u0301\u0301\u0301", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"}
	for _, a := range inputs {
		for _, b := range inputs {
			for _, k := range []Kind{KindUnknown, KindOrganization, KindPerson} {
				x, y := Parse(a, k), Parse(b, k)
				s := Score(x, y, nil)
				if s < 0 || s > 1 || math.IsNaN(s) {
					t.Errorf("Score(%q, %q) = %v", a, b, s)
				}
				if s != Compare(x, y, nil).Score {
					t.Errorf("Score and Compare differ on %q, %q", a, b)
				}
			}
		}
	}
	if Score(nil, Parse("x", KindUnknown), nil) != 0 {
		t.Error("Score with a nil name is not 0")
	}
}

// TestCompareExplains checks the explanation of a comparison.
func TestCompareExplains(t *testing.T) {
	r := Compare(Parse("Hangzhou Hikvision Digital Technology Co Ltd", KindOrganization),
		Parse("HIK-VISION DIGITAL TECH CO., LTD.", KindOrganization), nil)
	type pair struct{ A, B string }
	var got []pair
	for _, p := range r.Pairs {
		got = append(got, pair{p.A, p.B})
	}
	want := []pair{{"digital", "digital"}, {"technology", "technology"}, {"hikvision", "hik+vision"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pairs mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Unmatched{{Text: "hangzhou", Weight: 0.45}}, r.UnmatchedA); diff != "" {
		t.Errorf("unmatched mismatch (-want +got):\n%s", diff)
	}
	if r.LegalAdjust <= 0 || r.Mode != "organization" || r.Reason == "" {
		t.Errorf("legal adjust %v, mode %q, reason %q", r.LegalAdjust, r.Mode, r.Reason)
	}
}

// TestIDF checks that the corpus decides what is informative.
func TestIDF(t *testing.T) {
	var corpus []*Name
	for _, s := range []string{
		"Alpha Trading Co", "Beta Trading Co", "Gamma Trading Co", "Delta Trading Co",
		"Epsilon Trading Co", "Zeta Logistics", "Eta Shipping", "Theta Trading Co",
	} {
		corpus = append(corpus, Parse(s, KindOrganization))
	}
	corpus = append(corpus, nil)
	idf := NewIDF(corpus)
	if idf.Docs() != 8 {
		t.Errorf("Docs() = %d, want 8", idf.Docs())
	}
	if w := idf.Weight("trading"); w > 0.2 {
		t.Errorf("Weight(trading) = %v, want small", w)
	}
	if w := idf.Weight("zeta"); w != 1 {
		t.Errorf("Weight(zeta) = %v, want 1", w)
	}
	if w := idf.Weight("unseen"); w != 1 {
		t.Errorf("Weight(unseen) = %v, want 1", w)
	}
	// With the corpus, a shared common word cannot carry a match.
	s := Score(Parse("Alpha Trading", KindOrganization), Parse("Omega Trading", KindOrganization), idf)
	if s >= DefaultThreshold {
		t.Errorf("Alpha Trading vs Omega Trading with IDF: %.3f", s)
	}
	var nilIDF *IDF
	if w := nilIDF.Weight("trading"); w != genericWeights["trading"] {
		t.Errorf("nil IDF weight %v", w)
	}
}

// TestParseConcurrent parses and scores from several goroutines (run with
// -race).
func TestParseConcurrent(t *testing.T) {
	done := make(chan float64)
	for g := 0; g < 4; g++ {
		go func() {
			a := Parse("Общество с ограниченной ответственностью Пример", KindUnknown)
			b := Parse("华为技术有限公司", KindUnknown)
			done <- Score(a, b, nil)
		}()
	}
	first := <-done
	for g := 1; g < 4; g++ {
		if s := <-done; s != first {
			t.Errorf("concurrent scores differ: %v vs %v", s, first)
		}
	}
}

// TestSurnameCosts checks that a person's name that leaves out the surname
// scores below one that leaves out a given name or the patronymic.
func TestSurnameCosts(t *testing.T) {
	listed := Parse("ROTENBERG, Arkady Romanovich", KindPerson)
	tests := []struct {
		name string
		want string // "above" or "below" the name without the patronymic
	}{
		{"Arkady Romanovich", "below"},
		{"Romanovich Rotenberg", "below"},
	}
	ref := Score(Parse("Arkady Rotenberg", KindUnknown), listed, nil)
	for _, tt := range tests {
		s := Score(Parse(tt.name, KindUnknown), listed, nil)
		got := "above"
		if s < ref {
			got = "below"
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Score(%q) = %.3f against %.3f (-want +got):\n%s", tt.name, s, ref, diff)
		}
	}
	// The surname left out costs more than a given name left out.
	noSurname := Score(Parse("Arkady Romanovich", KindUnknown), listed, nil)
	noGiven := Score(Parse("Romanovich Rotenberg", KindUnknown), listed, nil)
	if noSurname >= noGiven {
		t.Errorf("without surname %.3f, without given name %.3f; want the first lower", noSurname, noGiven)
	}
}
