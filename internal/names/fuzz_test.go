package names

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics and always yields a consistent
// name: valid UTF-8, Normalized equal to the tokens' texts joined, no empty
// token, and a name that scores 1 against itself when it has anything to
// compare.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD.",
		"Kasperskiy Laboratoriya AO", "华为技术有限公司", "ООО «Пример»", "Αλέξης Τσίπρας",
		"PUTIN, Vladimir", "S.C. Johnson & Son", "11420 Corp.", "Brigade Forty-Four",
		"バラク・オバマ", "नरेन्द्र मोदी", "O?Brien", "\xff\xfe", "a\u0301\u0301", "株式会社",
		"Sp. z o.o.", "Ig0r", "ﬁ", "ǅ", "İstanbul",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		kind := Kind(k % 3)
		n := Parse(s, kind)
		if !utf8.ValidString(n.Normalized) {
			t.Fatalf("Parse(%q): invalid UTF-8 in %q", s, n.Normalized)
		}
		var texts []string
		for _, tok := range n.Tokens {
			if tok.Text == "" {
				t.Fatalf("Parse(%q): empty token %+v", s, tok)
			}
			texts = append(texts, tok.Text)
		}
		if j := strings.Join(texts, " "); j != n.Normalized {
			t.Fatalf("Parse(%q): Normalized %q, tokens %q", s, n.Normalized, j)
		}
		if n.Original != s {
			t.Fatalf("Original %q, want %q", n.Original, s)
		}
		self := Score(n, n, nil)
		if len(n.content) > 0 && self != 1 {
			t.Fatalf("Parse(%q) scores %v against itself", s, self)
		}
		if math.IsNaN(self) || self < 0 || self > 1 {
			t.Fatalf("self score %v", self)
		}
	})
}
