package names

import (
	"strconv"
	"strings"
)

// numberWords gives the value of English number words (and the common
// misspelling "fourty"); ordinals give their cardinal value, so that "First
// International Bank" meets "1st International Bank".
var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}

// romanNumerals are the Roman numerals that number companies, funds and
// branches ("Fund III", "Solutions II"). Single letters are left alone (they
// are initials more often than numbers), and so are those that are also
// common name words.
var romanNumerals = map[string]int{
	"ii": 2, "iii": 3, "iv": 4, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
	"xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17,
	"xviii": 18, "xix": 19, "xx": 20,
}

// ordinalDigits reads "1st", "22nd", "3rd", "4th" as their number.
func ordinalDigits(t string) (string, bool) {
	if len(t) < 3 {
		return "", false
	}
	suf := t[len(t)-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return "", false
	}
	d := t[:len(t)-2]
	if _, err := strconv.Atoi(d); err != nil {
		return "", false
	}
	return strings.TrimLeft(d, "0"), true
}

// readNumbers rewrites number words in an organisation's name as digits:
// "Forty-Four" -> "44", "Three" -> "3", "First" -> "1", "1st" -> "1",
// "III" (not first) -> "3". Runs of tens and units combine ("forty four").
// It returns the rewritten tokens.
func readNumbers(toks []rawTok) []rawTok {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if d, ok := ordinalDigits(t.text); ok && d != "" {
			t.text = d
			out = append(out, t)
			continue
		}
		if v, ok := romanNumerals[t.text]; ok && i > 0 {
			t.text = strconv.Itoa(v)
			out = append(out, t)
			continue
		}
		v, ok := numberWords[t.text]
		if !ok {
			out = append(out, t)
			continue
		}
		orig := t.orig
		if v >= 20 && v%10 == 0 && i+1 < len(toks) {
			if u, ok := numberWords[toks[i+1].text]; ok && u > 0 && u < 10 {
				v += u
				orig += " " + toks[i+1].orig
				i++
			} else if u, err := strconv.Atoi(toks[i+1].text); err == nil && u > 0 && u < 10 {
				v += u // "Forty 4"
				orig += " " + toks[i+1].orig
				i++
			}
		}
		t.text, t.orig = strconv.Itoa(v), orig
		out = append(out, t)
	}
	return out
}
