package names

// phoneticKey folds a normalised (lower-case, Latin) token to a key on
// which the usual spelling variants of one name meet: the transliteration
// schemes for Cyrillic (BGN/PCGN "Kasperskiy", ISO 9 / passport "Kasperskij",
// "Kasperskii", English "Kaspersky"; kh/h, ts/tz, yu/iu/ju, ya/ia/ja,
// shch/sch, zh), German and Polish digraphs (sch, tsch, sz, cz), ph/f, w/v,
// c/k, q/k, x/ks, doubled letters and the final -ff/-v of names like
// Smirnoff. Keys are compared, never shown. Tokens that hold digits are
// their own key.
func phoneticKey(s string) string { return foldKey(s, false) }

// phoneticKeyZh is phoneticKey reading every j as the zh of French and
// English transliterations (Joukov for Zhukov); tokens holding a j are
// compared on both keys.
func phoneticKeyZh(s string) string { return foldKey(s, true) }

// foldStarts marks the letters with which foldKey's patterns and
// replacements begin; every other letter is kept as it is.
var foldStarts = func() (t [256]bool) {
	for _, c := range []byte("stzkgpdocqxwyj") {
		t[c] = true
	}
	return t
}()

// foldKey computes a phonetic key; jzh reads j as zh.
func foldKey(s string, jzh bool) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return s
		}
	}
	var buf [64]byte
	out := buf[:0]
	n := len(s)
	at := func(i int) byte {
		if i < n && i >= 0 {
			return s[i]
		}
		return 0
	}
	has := func(i int, p string) bool {
		return i+len(p) <= n && s[i:i+len(p)] == p
	}
	isVowel := func(c byte) bool {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
		return false
	}
	for i := 0; i < n; {
		c := s[i]
		if !foldStarts[c] {
			// Most letters begin no pattern below and stay as they are.
			out, i = append(out, c), i+1
			continue
		}
		switch {
		case has(i, "shch"):
			out, i = append(out, 'S'), i+4
		case has(i, "tsch"):
			out, i = append(out, 'C'), i+4
		case has(i, "sch"):
			out, i = append(out, 'S'), i+3
		case has(i, "sh"), has(i, "sz"):
			out, i = append(out, 'S'), i+2
		case has(i, "tch"):
			out, i = append(out, 'C'), i+3
		case has(i, "ch"), has(i, "cz"):
			out, i = append(out, 'C'), i+2
		case has(i, "zh"):
			out, i = append(out, 'Z'), i+2
		case has(i, "kh"), has(i, "gh") && i > 0:
			if c == 'k' {
				out = append(out, 'h')
			} else {
				out = append(out, 'g')
			}
			i += 2
		case has(i, "ts"), has(i, "tz"):
			out, i = append(out, 'T'), i+2
		case has(i, "ph"):
			out, i = append(out, 'f'), i+2
		case has(i, "th"), has(i, "dh"):
			out, i = append(out, c), i+2
		case has(i, "ou") && (i == 0 || !isVowel(at(i-1))):
			// French and older English spellings: Oulianov, Joukov, Youssef.
			out, i = append(out, 'u'), i+2
		case has(i, "ck"):
			out, i = append(out, 'k'), i+2
		case c == 'c':
			if nx := at(i + 1); nx == 'e' || nx == 'i' || nx == 'y' {
				out = append(out, 's')
			} else {
				out = append(out, 'k')
			}
			i++
		case c == 'q':
			out, i = append(out, 'k'), i+1
		case c == 'x':
			out, i = append(out, 'k', 's'), i+1
		case c == 'w':
			out, i = append(out, 'v'), i+1
		case c == 'y' || c == 'j':
			// й, ы, j and y of the different schemes: a vowel-like i.
			// Russian/German j before a vowel is the same sound as y.
			if c == 'j' && (jzh || !(isVowel(at(i+1)) || i+1 == n || isVowel(at(i-1)))) {
				out = append(out, 'Z') // English/French j
			} else {
				out = append(out, 'i')
			}
			i++
		default:
			out, i = append(out, c), i+1
		}
	}
	// Collapse doubled letters (ii from -iy/-ij/-yi endings, ss, ll, ...).
	w := 0
	for r := 0; r < len(out); r++ {
		if w > 0 && out[w-1] == out[r] {
			continue
		}
		out[w] = out[r]
		w++
	}
	out = out[:w]
	// ie at the start ("Yevgeny", "Evgeny"; "Yelena", "Elena") is e.
	if len(out) > 2 && out[0] == 'i' && out[1] == 'e' {
		out = out[1:]
	}
	// -ff and -v at the end of a name sound alike (Smirnoff, Smirnov).
	if l := len(out); l > 3 && out[l-1] == 'f' {
		out[l-1] = 'v'
	}
	return string(out)
}
