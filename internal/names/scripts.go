package names

// armenian maps lower-case Armenian letters to Latin (after the
// BGN/PCGN romanisation, simplified to ASCII).
var armenian = map[rune]string{
	'ա': "a", 'բ': "b", 'գ': "g", 'դ': "d", 'ե': "e", 'զ': "z", 'է': "e",
	'ը': "y", 'թ': "t", 'ժ': "zh", 'ի': "i", 'լ': "l", 'խ': "kh", 'ծ': "ts",
	'կ': "k", 'հ': "h", 'ձ': "dz", 'ղ': "gh", 'ճ': "ch", 'մ': "m", 'յ': "y",
	'ն': "n", 'շ': "sh", 'ո': "o", 'չ': "ch", 'պ': "p", 'ջ': "j", 'ռ': "r",
	'ս': "s", 'վ': "v", 'տ': "t", 'ր': "r", 'ց': "ts", 'ւ': "v", 'փ': "p",
	'ք': "k", 'օ': "o", 'ֆ': "f", 'և': "ev",
}

// georgian maps Georgian (Mkhedruli) letters to Latin after the national
// romanisation of 2002, without apostrophes.
var georgian = map[rune]string{
	'ა': "a", 'ბ': "b", 'გ': "g", 'დ': "d", 'ე': "e", 'ვ': "v", 'ზ': "z",
	'თ': "t", 'ი': "i", 'კ': "k", 'ლ': "l", 'მ': "m", 'ნ': "n", 'ო': "o",
	'პ': "p", 'ჟ': "zh", 'რ': "r", 'ს': "s", 'ტ': "t", 'უ': "u", 'ფ': "p",
	'ქ': "k", 'ღ': "gh", 'ყ': "q", 'შ': "sh", 'ჩ': "ch", 'ც': "ts", 'ძ': "dz",
	'წ': "ts", 'ჭ': "ch", 'ხ': "kh", 'ჯ': "j", 'ჰ': "h",
}

// kana maps Japanese hiragana and katakana to Hepburn romaji. Small kana
// (ゃ, ュ, ョ, ァ ...) combine with the preceding syllable in appendKana;
// the long-vowel mark and the sokuon (っ) are handled there too.
var kana = func() map[rune]string {
	rows := []struct {
		hira, kata string
		latin      []string
	}{
		{"あいうえお", "アイウエオ", []string{"a", "i", "u", "e", "o"}},
		{"かきくけこ", "カキクケコ", []string{"ka", "ki", "ku", "ke", "ko"}},
		{"がぎぐげご", "ガギグゲゴ", []string{"ga", "gi", "gu", "ge", "go"}},
		{"さしすせそ", "サシスセソ", []string{"sa", "shi", "su", "se", "so"}},
		{"ざじずぜぞ", "ザジズゼゾ", []string{"za", "ji", "zu", "ze", "zo"}},
		{"たちつてと", "タチツテト", []string{"ta", "chi", "tsu", "te", "to"}},
		{"だぢづでど", "ダヂヅデド", []string{"da", "ji", "zu", "de", "do"}},
		{"なにぬねの", "ナニヌネノ", []string{"na", "ni", "nu", "ne", "no"}},
		{"はひふへほ", "ハヒフヘホ", []string{"ha", "hi", "fu", "he", "ho"}},
		{"ばびぶべぼ", "バビブベボ", []string{"ba", "bi", "bu", "be", "bo"}},
		{"ぱぴぷぺぽ", "パピプペポ", []string{"pa", "pi", "pu", "pe", "po"}},
		{"まみむめも", "マミムメモ", []string{"ma", "mi", "mu", "me", "mo"}},
		{"やゆよ", "ヤユヨ", []string{"ya", "yu", "yo"}},
		{"らりるれろ", "ラリルレロ", []string{"ra", "ri", "ru", "re", "ro"}},
		{"わをん", "ワヲン", []string{"wa", "o", "n"}},
		{"ゃゅょ", "ャュョ", []string{"_ya", "_yu", "_yo"}},
		{"ぁぃぅぇぉ", "ァィゥェォ", []string{"_a", "_i", "_u", "_e", "_o"}},
		{"っ", "ッ", []string{"_tsu"}},
		{"", "ー", []string{"_long"}},
		{"", "ヴ", []string{"vu"}},
	}
	m := map[rune]string{}
	for _, r := range rows {
		h, k := []rune(r.hira), []rune(r.kata)
		for i, l := range r.latin {
			if i < len(h) {
				m[h[i]] = l
			}
			if i < len(k) {
				m[k[i]] = l
			}
		}
	}
	return m
}()

// appendKana appends the romaji of one kana. Small ya/yu/yo and small
// vowels replace the vowel of the syllable before (キャ -> kya, ファ -> fa);
// the long-vowel mark repeats the last vowel; the small tsu is dropped (it
// doubles the next consonant, which the phonetic key folds anyway).
func appendKana(dst []byte, s string, r rune) []byte {
	if s == "" || s[0] != '_' {
		return append(dst, s...)
	}
	switch s {
	case "_tsu":
		return dst
	case "_long":
		if n := len(dst); n > 0 {
			return append(dst, dst[n-1])
		}
		return dst
	}
	v := s[1:]
	n := len(dst)
	if n > 0 && isASCIIVowel(dst[n-1]) {
		if len(v) == 2 && n >= 2 && dst[n-1] == 'i' {
			// ki + ya -> kya; shi + ya -> sha; chi + ya -> cha; ji + ya -> ja
			dst = dst[:n-1]
			if n >= 3 && (string(dst[n-3:n-1]) == "sh" || string(dst[n-3:n-1]) == "ch") || dst[len(dst)-1] == 'j' {
				return append(dst, v[1])
			}
			return append(dst, v...)
		}
		if len(v) == 1 {
			return append(dst[:n-1], v...)
		}
	}
	return append(dst, v[len(v)-1])
}

func isASCIIVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
