package names

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// latinSpecial maps Latin letters that carry no combining mark under
// canonical decomposition (and so survive diacritic stripping) to ASCII.
var latinSpecial = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'ß': "ss", 'ẞ': "ss", 'æ': "ae",
	'œ': "oe", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŀ': "l", 'ŧ': "t", 'ĸ': "k",
	'ŋ': "n", 'ſ': "s", 'ə': "e", 'ɨ': "i", 'ƒ': "f", 'ɛ': "e", 'ɔ': "o",
	'ʻ': "", 'ʼ': "", 'ʹ': "", 'ʺ': "",
}

// cyrillic maps the lower-case letters of the Russian, Ukrainian, Belarusian
// and neighbouring Cyrillic alphabets to Latin. The spelling follows
// BGN/PCGN closely; the phonetic key (see phoneticKey) then folds the
// differences between BGN/PCGN, ISO 9 and passport-style spellings.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian and Belarusian.
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g", 'ў': "u",
	// South Slavic and Macedonian.
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Kazakh, Kyrgyz, Tatar, Mongolian and others written in Cyrillic.
	'қ': "k", 'ғ': "g", 'ү': "u", 'ұ': "u", 'ң': "n", 'һ': "h", 'ә': "a",
	'ө': "o", 'ҳ': "h", 'ҷ': "j", 'ӣ': "i", 'ӯ': "u",
}

// greek maps lower-case Greek letters (tonos and dialytika already removed)
// to Latin, after ELOT 743. The diphthongs ου, αυ, ευ and ηυ are handled in
// appendGreek.
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// foldRune appends to dst the Latin, lower-case, mark-free spelling of r,
// whose predecessor in the (already case-folded) input was prev. It returns
// false when r is not a letter or digit the engine keeps (punctuation,
// symbols, spaces), in which case dst is unchanged. Han characters are not
// handled here (see han.go).
func foldRune(dst []byte, r, prev rune) ([]byte, bool) {
	if r < 0x80 {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return append(dst, byte(r)), true
		case r >= 'A' && r <= 'Z':
			return append(dst, byte(r)+'a'-'A'), true
		}
		return dst, false
	}
	if s, ok := cyrillic[r]; ok {
		return append(dst, s...), true
	}
	if unicode.Is(unicode.Greek, r) {
		return appendGreek(dst, r, prev)
	}
	if s, ok := latinSpecial[r]; ok {
		return append(dst, s...), true
	}
	if s, ok := armenian[r]; ok {
		return append(dst, s...), true
	}
	if s, ok := georgian[r]; ok {
		return append(dst, s...), true
	}
	if s, ok := kana[r]; ok {
		return appendKana(dst, s, r), true
	}
	isMark := unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isMark {
		return dst, false
	}
	if unicode.IsDigit(r) {
		if v := digitValue(r); v >= 0 {
			return append(dst, byte('0'+v)), true
		}
	}
	if isMark {
		// A combining mark on a Latin letter that did not compose is
		// dropped; in other scripts (Devanagari, Bengali, Thai ...) vowel
		// signs are letters of the word and stay.
		if prev < 0x250 || unicode.In(prev, unicode.Latin, unicode.Greek, unicode.Cyrillic) {
			return dst, true
		}
		return append(dst, string(r)...), true
	}
	if !unicode.Is(unicode.Latin, r) {
		// Other scripts are kept as written (lower-cased): Hangul keeps
		// its syllables, so that names compare syllable by syllable.
		return append(dst, string(unicode.ToLower(r))...), true
	}
	// Decompose Latin letters and drop combining marks: é -> e, ñ -> n.
	var buf [16]byte
	d := norm.NFD.AppendString(buf[:0], string(r))
	for _, c := range string(d) {
		if unicode.In(c, unicode.Mn, unicode.Me) {
			continue
		}
		if s, ok := latinSpecial[c]; ok {
			dst = append(dst, s...)
			continue
		}
		dst = append(dst, string(unicode.ToLower(c))...)
	}
	return dst, true
}

// digitValue returns the value of a decimal digit from any script, or -1.
// Decimal digits come in contiguous runs of ten starting at zero.
func digitValue(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	z := r
	for z > 0 && unicode.Is(unicode.Nd, z-1) {
		z--
	}
	return int(r-z) % 10
}

// appendGreek transliterates one Greek letter, looking at the previous one
// for the diphthongs ου (u) and αυ, ευ, ηυ (av, ev, iv).
func appendGreek(dst []byte, r, prev rune) ([]byte, bool) {
	var buf [8]byte
	d := norm.NFD.AppendString(buf[:0], string(r))
	base := r
	for _, c := range string(d) {
		if !unicode.Is(unicode.Mn, c) {
			base = c
			break
		}
	}
	if base == 'υ' {
		switch prev {
		case 'ο', 'ό':
			return append(dst, 'u'), true
		case 'α', 'ε', 'η', 'ά', 'έ', 'ή':
			return append(dst, 'v'), true
		}
	}
	if s, ok := greek[base]; ok {
		return append(dst, s...), true
	}
	if unicode.IsLetter(base) {
		return append(dst, string(base)...), true
	}
	return dst, false
}
