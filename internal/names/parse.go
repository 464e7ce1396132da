package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Kind says whether a name is a person's or an organisation's. It changes
// how the name is read (legal forms for organisations, titles, initials and
// "SURNAME, Given" for persons) and compared.
type Kind int

// The kinds of name.
const (
	// KindUnknown: read both ways; legal forms are recognised, and the name
	// is compared as an organisation's when either side looks like one.
	KindUnknown Kind = iota
	// KindOrganization: companies, agencies, vessels and other non-persons.
	KindOrganization
	// KindPerson: natural persons.
	KindPerson
)

// String returns "unknown", "organization" or "person".
func (k Kind) String() string {
	switch k {
	case KindOrganization:
		return "organization"
	case KindPerson:
		return "person"
	}
	return "unknown"
}

// TokenKind classifies a token.
type TokenKind uint8

// The kinds of token.
const (
	// Word is an ordinary name token.
	Word TokenKind = iota
	// Number is a token that holds digits; numbers must agree exactly.
	Number
	// LegalForm is (part of) a legal form such as LLC, ООО or GmbH; its
	// Text is the form's canonical spelling and LegalClass its class.
	LegalForm
	// Stop is a function word ("the", "of", "and") or a person's title;
	// shown, never compared.
	Stop
	// Initial is a single letter in a person's name.
	Initial
	// Particle is a name particle ("al", "bin", "van", "de"): compared,
	// but weighs little.
	Particle
)

// String returns the kind's lower-case name.
func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case LegalForm:
		return "legal_form"
	case Stop:
		return "stop"
	case Initial:
		return "initial"
	case Particle:
		return "particle"
	}
	return "unknown"
}

// Token is one normalised token of a name.
type Token struct {
	// Text is the normalised token: transliterated to Latin, lower case,
	// without diacritics; abbreviations expanded ("tech" -> "technology");
	// for a legal form, the form's canonical spelling.
	Text string
	// Kind classifies the token.
	Kind TokenKind
	// Orig is the source text the token came from.
	Orig string
	// Key is the phonetic key the token is compared on (empty for legal
	// forms and stop words).
	Key string
	// LegalClass is the class of a LegalForm token.
	LegalClass LegalClass

	surface string // the folded text before abbreviations were expanded
}

// SurfaceKey is the phonetic key of the token as written (folded), before
// the parser rewrote it: an abbreviation expanded ("Tech" read as
// "technology"), a word read as its canonical form ("Industrial" as
// "industry"). Joined runs (Name.Joins) join their tokens' surfaces, so a
// run's ends are spelt by its tokens' SurfaceKeys.
func (t Token) SurfaceKey() string {
	if t.surface == "" || t.surface == t.Text {
		return t.Key
	}
	return phoneticKey(t.surface)
}

// InHan reports whether t is a word written in Han script (as its first
// letter tells), without the work of HanChars: a word for which InHan is
// false has no Han characters to compare.
func (t Token) InHan() bool {
	r, _ := utf8.DecodeRuneInString(t.Orig)
	return t.Kind == Word && isHan(r)
}

// HanChars returns the Han characters of a word written in Han script and
// read as pinyin, which Score compares with another such word character by
// character (HanEditSim), not by its pinyin; nil for any other token (a
// translated lexicon word, 技术 "technology", compares by its text).
func (t Token) HanChars() []rune {
	if !t.InHan() {
		return nil
	}
	if rs := []rune(t.Orig); pinyinWord(rs) == t.Text {
		return rs
	}
	return nil
}

// Name is a name prepared once by Parse and compared many times. It is
// safe for concurrent use; only Weigh modifies it, and Weigh must be called
// before the Name is shared between goroutines.
type Name struct {
	// Original is the string given to Parse.
	Original string
	// Normalized is the tokens' Text joined by single spaces.
	Normalized string
	// Tokens are the name's tokens in order.
	Tokens []Token
	// Kind is the kind given to Parse.
	Kind Kind
	// Legal is the set of legal-form classes found in the name.
	Legal LegalClass

	// What Score reads of every name it compares comes first, together
	// with Kind and Legal (a screener compares many names it has not
	// touched for a while, and each cache line costs).
	orgLike bool   // a legal form or an organisation word is present
	surname int8   // index in content of a person's surname, -1 if none
	content []ctok // the compared tokens (words, numbers, initials, particles)
	runs    runSig // what joins and acros can pair with, and what content offers them
	joins   []jtok // runs of 2-3 adjacent content words joined, for split/joined matching
	acros   []jtok // initials of runs of 2-6 content words, for acronyms

	// weighedBy is the Weights the name was weighed with (Weigh), nil if
	// none; content[i].weighed is then weightOf(&content[i], weighedBy).
	weighedBy Weights

	total float64 // sum of default weights of content tokens
}

// runSig summarises a name for runCands, so that a pair whose runs cannot
// pair is passed over without reading joins and acros. Bit l of a length
// set stands for length l, lengths of 63 and more for bit 63; bit h of a
// hash set for spellings whose spellHash is h.
type runSig struct {
	joinNear  uint64 // key lengths of Word tokens that a non-number join may pair with (joinMayPair)
	numJoins  uint64 // key lengths of the joins holding a number
	acros     uint64 // spellHash of the acronyms
	wordKeys  uint64 // key lengths of the Word tokens
	numKeys   uint64 // key lengths of the Number tokens
	wordTexts uint64 // spellHash of the Word tokens' text spellings
}

// ctok is a compared token with everything Score needs precomputed. The
// fields tokenSim reads first come first, and the struct fills two cache
// lines exactly.
type ctok struct {
	text    string // a substring of Name.Normalized
	kind    TokenKind
	first   byte  // first letter of text, for initials
	patr    bool  // a patronymic in a person's name
	plain   bool  // the text is its own key: txt and key are one spelling
	given   int32 // group of given names (see givenNameGroups), 0 if none
	key     spell
	txt     spell   // the text
	han     *[]rune // the Han characters a token was read from, if any
	alt     *spell  // the key with j read as zh, for tokens holding a j
	w       float64 // built-in weight
	weighed float64 // weight under Name.weighedBy (see Name.Weigh)
	_       [8]byte
}

// jtok is a run of adjacent content tokens seen as one: joined
// ("hik"+"vision" -> "hikvision") or as an acronym ("peoples liberation
// army" -> "pla").
type jtok struct {
	key spell
	i   int8 // index of the first token of the run in content
	n   int8 // tokens in the run
	num bool // the run holds a number: it pairs only exactly
}

// rawTok is a token before classification.
type rawTok struct {
	text  string
	orig  string
	legal string // legal form canon from the Han lexicon
	dot   bool   // followed directly by '.' and then a letter (S.C.)
	stop  bool   // followed directly by '.' (an abbreviation: "San.")
	comma bool   // followed by a comma
	han   bool
}

// Parse prepares s for comparison. It never panics and accepts any input,
// including invalid UTF-8 (replaced) and the empty string (no tokens).
func Parse(s string, kind Kind) *Name {
	n := &Name{Original: s, Kind: kind}
	s = strings.ToValidUTF8(s, " ")
	raw := tokenize(s, kind)
	raw = mergeDotted(raw)
	raw = reorderComma(raw, kind)
	if kind != KindPerson {
		raw = readNumbers(raw)
	}
	n.Tokens = classify(raw, kind)
	n.prepare()
	return n
}

// foldString applies NFKC and full case folding. A Caser is not safe for
// concurrent use, so each call makes its own.
func foldString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s // ASCII needs neither NFKC nor folding beyond foldRune's
	}
	return cases.Fold().String(norm.NFKC.String(s))
}

// tokenize splits s into raw tokens. Letters, digits and combining marks
// build tokens; apostrophes inside a word join (O'Brien -> obrien);
// everything else separates. "&" becomes the token "and".
func tokenize(s string, kind Kind) []rawTok {
	var toks []rawTok
	runes := []rune(s)
	isWordRune := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
			unicode.Is(unicode.Mc, r)
	}
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		orig := string(runes[start:end])
		start = -1
		toks = append(toks, wordTokens(orig)...)
	}
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case isHan(r):
			emit(i)
			j := i
			for j < len(runes) && isHan(runes[j]) {
				j++
			}
			words := segmentHan(runes[i:j])
			if splitHanPerson(runes, i, j, words, kind) {
				// A Chinese person's name: family name, then given name.
				r0, rest := runes[i:i+1], runes[i+1:j]
				words = []hanWord{{orig: string(r0), text: pinyinWord(r0)},
					{orig: string(rest), text: pinyinWord(rest)}}
			}
			for _, w := range words {
				for _, t := range strings.Fields(w.text) {
					toks = append(toks, rawTok{text: t, orig: w.orig, han: true})
				}
				if w.legal != "" {
					toks = append(toks, rawTok{orig: w.orig, legal: w.legal, han: true})
				}
			}
			i = j - 1
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApos(r) && start >= 0 && i+1 < len(runes) && isWordRune(runes[i+1]) && !isHan(runes[i+1]):
			// inside a word: keep going, the apostrophe is dropped in folding
		case r == '&' || r == '＆':
			emit(i)
			toks = append(toks, rawTok{text: "and", orig: string(r)})
		default:
			emit(i)
			if len(toks) > 0 {
				switch r {
				case '.':
					if i > 0 && isWordRune(runes[i-1]) {
						toks[len(toks)-1].stop = true
					}
					if i+1 < len(runes) && isWordRune(runes[i+1]) {
						toks[len(toks)-1].dot = true
					}
				case ',', ';', '，', '、':
					toks[len(toks)-1].comma = true
				}
			}
		}
	}
	emit(len(runes))
	return toks
}

// splitHanPerson reports whether the Han run runes[i:j], segmented as
// words, is a person's name to split into family and given name: for
// persons, a run of two to four characters; for names of unknown kind, the
// same when the run is the whole name and holds no lexicon word.
func splitHanPerson(runes []rune, i, j int, words []hanWord, kind Kind) bool {
	n := j - i
	if n < 2 || n > 4 || len(words) != 1 || words[0].legal != "" {
		return false
	}
	for _, r := range runes {
		if r == '·' || r == '・' || r == '•' {
			return false // a foreign name written in Han, parts already separated
		}
	}
	switch kind {
	case KindPerson:
		return true
	case KindUnknown:
		if _, known := cjkWords[words[0].orig]; known {
			return false
		}
		for k, r := range runes {
			if (k < i || k >= j) && !unicode.IsSpace(r) {
				return false
			}
		}
		return true
	}
	return false
}

// isApos reports whether r is an apostrophe or a character used for one
// (BIS rows in the CSL carry "?" for apostrophes).
func isApos(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', '′', '?':
		return true
	}
	return false
}

// wordTokens folds one run of word characters. Folding can itself produce
// several tokens (NFKC turns "㈱" into "(株)"), so the result is split again.
func wordTokens(orig string) []rawTok {
	f := foldString(orig)
	var out []rawTok
	var cur []byte
	prev := rune(0)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, rawTok{text: string(cur), orig: orig})
			cur = cur[:0]
		}
	}
	for _, r := range f {
		if isHan(r) {
			flush()
			for _, w := range segmentHan([]rune{r}) {
				if w.text != "" {
					out = append(out, rawTok{text: w.text, orig: orig, han: true})
				}
			}
			continue
		}
		var ok bool
		before := len(cur)
		cur, ok = foldRune(cur, r, prev)
		if !ok && !unicode.Is(unicode.Mn, r) && !isApos(r) {
			flush() // a separator produced by folding
		}
		_ = before
		prev = r
	}
	flush()
	return out
}

// mergeDotted joins runs of single letters written with dots and no spaces
// ("S.C." -> "sc", "U.S.A." -> "usa").
func mergeDotted(toks []rawTok) []rawTok {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if utf8.RuneCountInString(t.text) == 1 && t.dot && i+1 < len(toks) &&
			utf8.RuneCountInString(toks[i+1].text) == 1 && !t.han {
			var text, orig strings.Builder
			text.WriteString(t.text)
			orig.WriteString(t.orig)
			j := i + 1
			for ; j < len(toks) && utf8.RuneCountInString(toks[j].text) == 1; j++ {
				text.WriteString(toks[j].text)
				orig.WriteString(".")
				orig.WriteString(toks[j].orig)
				if !toks[j].dot {
					j++
					break
				}
			}
			last := toks[j-1]
			out = append(out, rawTok{text: text.String(), orig: orig.String(), comma: last.comma})
			i = j - 1
			continue
		}
		out = append(out, t)
	}
	return out
}

// reorderComma turns "SURNAME, Given" into "Given SURNAME" for persons, and
// for names of unknown kind when the part after the only comma holds no
// legal form ("Kaspersky Lab, Inc." stays as it is).
func reorderComma(toks []rawTok, kind Kind) []rawTok {
	if kind == KindOrganization {
		return toks
	}
	at := -1
	for i, t := range toks {
		if t.comma && i < len(toks)-1 {
			if at >= 0 {
				return toks // more than one comma: a list, leave it
			}
			at = i
		}
	}
	if at < 0 {
		return toks
	}
	head, tail := toks[:at+1], toks[at+1:]
	if kind == KindUnknown {
		if len(head) > 3 || len(tail) > 4 {
			return toks
		}
		for _, t := range tail {
			if t.legal != "" || isLegalStart(t.text) || orgMarkers[canonical(t.text)] {
				return toks
			}
		}
		for _, t := range head {
			if t.legal != "" || orgMarkers[canonical(t.text)] {
				return toks
			}
		}
	}
	out := make([]rawTok, 0, len(toks))
	out = append(out, tail...)
	out = append(out, head...)
	for i := range out {
		out[i].comma = false
	}
	return out
}

// isLegalStart reports whether t can begin a legal form.
func isLegalStart(t string) bool {
	_, ok := legalIndex[phoneticKey(t)]
	return ok
}

// canonical returns the canonical spelling of a word (abbreviations
// expanded) or the word itself.
func canonical(t string) string {
	if c, ok := canonicalWords[t]; ok {
		return c
	}
	return t
}

// classify turns raw tokens into Tokens: legal forms (not for persons),
// stop words, titles, particles, initials, numbers and words.
func classify(raw []rawTok, kind Kind) []Token {
	toks := make([]Token, len(raw))
	keys := make([]string, len(raw))
	for i, r := range raw {
		toks[i] = Token{Text: r.text, Orig: r.orig, Kind: Word, surface: r.text}
		keys[i] = phoneticKey(r.text)
		if r.legal != "" {
			fi := legalByCanon[r.legal]
			toks[i].Kind = LegalForm
			toks[i].Text = legalForms[fi].canon
			toks[i].LegalClass = legalForms[fi].class
		}
	}
	if kind != KindPerson {
		expandShort(raw, toks, keys)
		markLegal(toks, keys, false)
		markLegal(toks, keys, true)
	}
	isOrg := kind == KindOrganization
	for _, t := range toks {
		if t.Kind == LegalForm || orgMarkers[canonical(t.Text)] {
			isOrg = true
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind == LegalForm {
			continue
		}
		if kind == KindPerson && hasDigit(t.Text) {
			t.Text = unLeet(t.Text)
		}
		switch {
		case hasDigit(t.Text):
			t.Kind = Number
		case stopWords[t.Text] && (isOrg || !orgOnlyStop[t.Text]):
			t.Kind = Stop
		case kind != KindOrganization && !isOrg && personTitles[t.Text]:
			t.Kind = Stop
		case particles[t.Text]:
			t.Kind = Particle
		case utf8.RuneCountInString(t.Text) == 1 && !isOrg:
			t.Kind = Initial
		case isOrg && placeAbbrevs[t.Text] != "":
			t.Text = placeAbbrevs[t.Text]
		default:
			t.Text = canonical(t.Text)
		}
	}
	// Never leave a name with nothing to compare: if everything was read as
	// a legal form or stop word, read those tokens as words again.
	hasContent := false
	for _, t := range toks {
		if t.Kind != LegalForm && t.Kind != Stop {
			hasContent = true
			break
		}
	}
	if !hasContent {
		for i := range toks {
			toks[i].Kind = Word
			toks[i].LegalClass = ClassNone
			toks[i].Text, toks[i].Orig = raw[i].text, raw[i].orig
			if toks[i].Text == "" {
				toks[i].Text = pinyinOrOrig(toks[i].Orig)
			}
			if hasDigit(toks[i].Text) {
				toks[i].Kind = Number
			}
		}
	}
	for i := range toks {
		if toks[i].Kind == LegalForm || toks[i].Kind == Stop {
			continue
		}
		// keys[i] is the key of the raw text, unless expandShort read it
		// as the word it abbreviates.
		if toks[i].Text == raw[i].text && shortAbbrevs[raw[i].text] == "" {
			toks[i].Key = keys[i]
		} else {
			toks[i].Key = phoneticKey(toks[i].Text)
		}
	}
	// Drop tokens that folded to nothing.
	out := toks[:0]
	for _, t := range toks {
		if t.Text != "" {
			out = append(out, t)
		}
	}
	return out
}

// expandShort reads the short abbreviations of shortAbbrevs as the words
// they stand for when written with a period ("San.") or next to another
// one, with at most a conjunction between ("SAN VE TIC", "San Tic").
func expandShort(raw []rawTok, toks []Token, keys []string) {
	isAbbr := func(i int) bool {
		return i >= 0 && i < len(raw) && shortAbbrevs[raw[i].text] != ""
	}
	isAnd := func(i int) bool {
		return i >= 0 && i < len(raw) && (raw[i].text == "ve" || raw[i].text == "and")
	}
	for i, r := range raw {
		long := shortAbbrevs[r.text]
		if long == "" || toks[i].Kind != Word {
			continue
		}
		if r.stop || isAbbr(i-1) || isAbbr(i+1) ||
			isAnd(i-1) && isAbbr(i-2) || isAnd(i+1) && isAbbr(i+2) {
			toks[i].Text = long
			keys[i] = phoneticKey(long)
		}
	}
}

// pinyinOrOrig spells a token's source for display when it has no text of
// its own (a Han legal form read back as a word).
func pinyinOrOrig(orig string) string {
	rs := []rune(orig)
	if len(rs) > 0 && isHan(rs[0]) {
		return pinyinWord(rs)
	}
	return strings.ToLower(orig)
}

// markLegal marks the legal forms among toks. In the first pass (edge
// false) only unambiguous spellings count, anywhere; in the second, the
// ambiguous ones count at the start or end of what is left.
func markLegal(toks []Token, keys []string, edge bool) {
	first, last := -1, -1
	for i, t := range toks {
		if t.Kind != LegalForm {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind == LegalForm {
			continue
		}
		cands := legalIndex[keys[i]]
		fuzzy := false
		if len(cands) == 0 && len(keys[i]) >= 5 && len(keys[i]) <= maxLegalKey {
			for _, fi := range fuzzyLegalCands(keys[i], edge) {
				cands = append(cands, legalPhrases[fi])
			}
			fuzzy = true
		}
		for _, p := range cands {
			words := p.words
			if p.edge != edge {
				continue
			}
			if i+words > len(toks) {
				// A spelled-out form cut off by a field length
				// ("Obshchestvo s Ogran"): at least two words, to the
				// end of the name, the last one possibly truncated.
				words = len(toks) - i
				if p.words < 3 || words < 2 {
					continue
				}
			}
			ok := true
			for k := 0; k < words; k++ {
				if k == 0 && !fuzzy {
					continue
				}
				if toks[i+k].Kind == LegalForm ||
					!legalTokenMatch(keys[i+k], p.keys[k], i+k == len(toks)-1 && (k == p.words-1 || words < p.words)) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if fuzzy && words == 1 && !trailingForm(toks, keys, i, first) {
				// A one-word form read through a misspelling only where
				// forms stand, after the name: "Berhan Bank" and
				// "Campania Widget" keep their names.
				continue
			}
			if edge && i != first && i+words-1 != last {
				continue
			}
			if edge && first == i && i+words-1 == last {
				continue // the whole name: it is the name, not a form
			}
			f := legalForms[p.form]
			for k := 0; k < words; k++ {
				toks[i+k].Kind = LegalForm
				toks[i+k].LegalClass = f.class
				toks[i+k].Text = ""
			}
			toks[i].Text = f.canon
			// Keep the source of the whole phrase on its first token.
			for k := 1; k < words; k++ {
				toks[i].Orig += " " + toks[i+k].Orig
			}
			i += words - 1
			break
		}
	}
}

// trailingForm reports whether token i comes after the name's first word
// and is followed only by legal forms (marked, or spelled exactly): the
// place where a misspelled legal form can be told from a name word
// ("Example Co Limted", "Example Limitd Co").
func trailingForm(toks []Token, keys []string, i, first int) bool {
	if i <= first {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].Kind != LegalForm && !isLegalKey(keys[k]) {
			return false
		}
	}
	return true
}

// isLegalKey reports whether a phonetic key spells a one-word legal form
// exactly.
func isLegalKey(key string) bool {
	for _, p := range legalIndex[key] {
		if p.words == 1 {
			return true
		}
	}
	return false
}

// maxLegalKey is the longest key looked up as a possibly misspelled legal
// form; no legal-form word is longer.
const maxLegalKey = 40

// legalTokenMatch reports whether a token's key spells a legal-form
// phrase's token: exactly, with one edit in words of five letters or more
// ("lymited"), or, for the last token of a name, truncated to five letters
// or more ("compan").
func legalTokenMatch(key, want string, last bool) bool {
	if key == want {
		return true
	}
	if len(want) >= 5 && len(key) >= 5 && len(key) <= len(want)+1 && len(want) <= len(key)+1 &&
		OSAWithin(key, want, 1) <= 1 {
		return true
	}
	return last && (len(key) >= 5 || len(want) > 8 && len(key) >= 3) && len(key) < len(want) &&
		strings.HasPrefix(want, key)
}

// leet maps digits written for look-alike letters in persons' names
// ("Ig0r Sech1n").
var leet = map[byte]byte{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g'}

// unLeet replaces look-alike digits in a token that is mostly letters; a
// person's name holds no digits of its own.
func unLeet(t string) string {
	letters := 0
	for i := 0; i < len(t); i++ {
		if t[i] >= 'a' && t[i] <= 'z' {
			letters++
		}
	}
	if letters == 0 || letters*2 < len(t) {
		return t
	}
	b := []byte(t)
	for i, c := range b {
		if l, ok := leet[c]; ok {
			b[i] = l
		}
	}
	return string(b)
}

// patronymicWeight is the weight of an East Slavic patronymic or a Turkic
// "-oglu" form: lists often carry it and vendor records often omit it.
const patronymicWeight = 0.35

// isPatronymic reports whether a person's name token is a patronymic
// (Viktorovich, Oleksandrovych, Petrovna, Mammad oglu ...).
func isPatronymic(t string) bool {
	if len(t) < 7 {
		return false
	}
	for _, suf := range []string{"ovich", "evich", "ovych", "evych", "yevich", "ovna", "evna", "ichna", "ovnа", "ogly", "oglu", "kyzy", "qizi"} {
		if strings.HasSuffix(t, suf) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// prepare computes the data Score needs: the content tokens with keys and
// built-in weights, the joined adjacent pairs, the legal classes and the
// normalised display form.
func (n *Name) prepare() {
	texts := make([]string, 0, len(n.Tokens))
	size := 0
	for _, t := range n.Tokens {
		texts = append(texts, t.Text)
		switch t.Kind {
		case LegalForm:
			n.Legal |= t.LegalClass
			n.orgLike = true
		case Stop:
		default:
			size += 4 * len(t.Text) // key, text, joins and acronyms
			if orgMarkers[t.Text] {
				n.orgLike = true
			}
		}
	}
	switch n.Kind {
	case KindOrganization:
		n.orgLike = true
	case KindPerson:
		n.orgLike = false
	}
	n.Normalized = strings.Join(texts, " ")
	// All spellings share one backing array.
	arena := make([]rune, 0, size)
	// spellFrom makes the spelling of the runes appended from start on.
	spellFrom := func(start int) spell {
		r := arena[start:len(arena):len(arena)]
		return spell{r: r, mask: letterMask(r)}
	}
	spellOf := func(s string) spell {
		start := len(arena)
		for _, r := range s {
			arena = append(arena, r)
		}
		return spellFrom(start)
	}
	spellOfRunes := func(rs []rune) spell {
		start := len(arena)
		arena = append(arena, rs...)
		return spellFrom(start)
	}
	n.content = make([]ctok, 0, min(len(n.Tokens), maxCompared))
	var sbuf [maxContent]string
	surfaces := sbuf[:0] // of the content tokens
	// The rarer parts of tokens, the key with j read as zh and the Han
	// characters, share one allocation per name that has any: room for
	// every word that may need one.
	var extras []tokExtra
	if k := countExtras(n.Tokens); k > 0 {
		extras = make([]tokExtra, 0, k)
	}
	at := 0 // offset of the token's text in n.Normalized
	for _, t := range n.Tokens {
		off := at
		at += len(t.Text) + 1
		if t.Kind == LegalForm || t.Kind == Stop || len(n.content) == maxCompared {
			continue // see maxCompared
		}
		// The texts share the memory of n.Normalized, which holds them
		// all in order: fewer cache lines for Score to read.
		c := ctok{text: n.Normalized[off : off+len(t.Text)], key: spellOf(t.Key), kind: t.Kind,
			w: builtinWeight(t), given: int32(givenNameGroup[t.Text])}
		c.txt, c.plain = c.key, true
		if t.Text != t.Key {
			c.txt, c.plain = spellOf(t.Text), false
		}
		if t.Text != "" {
			c.first = t.Text[0]
		}
		var e *tokExtra // the token's rarer parts, once it has any
		if t.Kind == Word && strings.IndexByte(t.Text, 'j') >= 0 {
			extras = append(extras, tokExtra{alt: spellOf(phoneticKeyZh(t.Text))})
			e = &extras[len(extras)-1]
			c.alt = &e.alt
		}
		if rs := t.HanChars(); rs != nil {
			if e == nil {
				extras = append(extras, tokExtra{})
				e = &extras[len(extras)-1]
			}
			e.han = rs
			c.han = &e.han
		}
		if !n.orgLike && t.Kind == Word && isPatronymic(t.Text) {
			c.w = patronymicWeight
			c.patr = true
		}
		n.content = append(n.content, c)
		surfaces = append(surfaces, t.surface)
		n.total += c.w
	}
	surfaceOf := func(i int) string {
		if surfaces[i] != "" {
			return surfaces[i]
		}
		return n.content[i].text
	}
	n.surname = -1
	if !n.orgLike && len(n.content) >= 2 && len(n.content) <= maxContent {
		// The last word that is not a patronymic: "SURNAME, Given" was
		// turned round, and a patronymic follows the given name.
		for i := len(n.content) - 1; i >= 0; i-- {
			if c := &n.content[i]; c.kind == Word && !c.patr {
				if i > 0 {
					n.surname = int8(i)
				}
				break
			}
		}
	}
	defer n.summariseRuns()
	if len(n.content) > maxContent {
		return // very long names are compared token by token only
	}
	joinable := func(k TokenKind) bool { return k == Word || k == Initial || k == Particle || k == Number }
	// Each token starts at most two joined runs and five acronyms; the
	// slices are sized once.
	nj, na := 0, 0
	for i := range n.content {
		for k := i + 1; k < len(n.content) && k < i+3 && joinable(n.content[i].kind) && joinable(n.content[k].kind); k++ {
			nj++
		}
		for k := i; k < len(n.content) && k < i+6 && acronymable(&n.content[k]); k++ {
			na += min(k-i, 1)
		}
	}
	if nj > 0 {
		n.joins = make([]jtok, 0, nj)
	}
	if na > 0 {
		n.acros = make([]jtok, 0, na)
	}
	var jb [64]byte
	for i := range n.content {
		if !joinable(n.content[i].kind) {
			continue
		}
		// Joined on the surface ("KasperskyLab" is "kaspersky"+"lab",
		// before "lab" became "laboratory"). A run with a number in it
		// ("CETC 13") is joined as written and meets only a token that
		// holds the same letters and digits ("CETC13").
		text := append(jb[:0], surfaceOf(i)...)
		num := n.content[i].kind == Number
		for k := i + 1; k < len(n.content) && k < i+3 && joinable(n.content[k].kind); k++ {
			text = append(text, surfaceOf(k)...)
			num = num || n.content[k].kind == Number
			n.joins = append(n.joins, jtok{key: spellOf(phoneticKey(string(text))), i: int8(i), n: int8(k - i + 1), num: num})
		}
	}
	var ini [6]rune
	for i := range n.content {
		l := 0
		for k := i; k < len(n.content) && k < i+6 && acronymable(&n.content[k]); k++ {
			ini[l] = n.content[k].txt.r[0]
			l++
			if l >= 2 {
				n.acros = append(n.acros, jtok{key: spellOfRunes(ini[:l]), i: int8(i), n: int8(l)})
			}
		}
	}
}

// acronymable reports whether a compared token gives its first letter to
// the acronyms of the runs it is in.
func acronymable(c *ctok) bool {
	return (c.kind == Word || c.kind == Initial) && len(c.txt.r) > 0
}

// tokExtra holds the parts of a compared token that few tokens have.
type tokExtra struct {
	alt spell
	han []rune
}

// countExtras returns the number of tokens that may need a tokExtra in
// prepare: words holding a j or read from Han characters.
func countExtras(toks []Token) int {
	k := 0
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.Orig); isHan(r) || strings.IndexByte(t.Text, 'j') >= 0 {
			k++
		}
	}
	return k
}

// summariseRuns fills in n.runs from n's joins, acros and content.
func (n *Name) summariseRuns() {
	var r runSig
	for _, jt := range n.joins {
		lx := len(jt.key.r)
		if jt.num {
			r.numJoins |= lenBit(lx)
			continue
		}
		r.joinNear |= joinNearBits[min(lx, 63)]
	}
	for _, ac := range n.acros {
		r.acros |= spellHash(ac.key.r)
	}
	for i := range n.content {
		switch c := &n.content[i]; c.kind {
		case Word:
			r.wordKeys |= lenBit(len(c.key.r))
			r.wordTexts |= spellHash(c.txt.r)
		case Number:
			r.numKeys |= lenBit(len(c.key.r))
		}
	}
	n.runs = r
}

// joinNearBits[l] is the set of word key lengths a join's key of length l
// may pair with (joinMayPair); joinNearBits[63] stands for all lengths
// from 63 up. Lengths from 63 up are let through (bit 63) for all
// lengths near them.
var joinNearBits = func() (t [64]uint64) {
	for lx := range t {
		for ly := 1; ly < 63; ly++ {
			if joinMayPair(lx, ly) {
				t[lx] |= lenBit(ly)
			}
		}
		if lx >= 63-maxEditsAny {
			t[lx] |= lenBit(63)
		}
	}
	return t
}()

// lenBit is the bit of length l in a runSig length set.
func lenBit(l int) uint64 { return 1 << min(l, 63) }

// spellHash is the bit of a spelling in a runSig hash set: equal spellings
// have the same bit.
func spellHash(r []rune) uint64 {
	h := uint64(len(r))
	for _, c := range r {
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	return 1 << (h * 0x9e3779b97f4a7c15 >> 58)
}

// builtinWeight is a token's informativeness without list statistics.
func builtinWeight(t Token) float64 {
	switch t.Kind {
	case Number:
		return 1
	case Initial:
		return 0.35
	case Particle:
		return 0.2
	}
	if w, ok := genericWeights[t.Text]; ok {
		return w
	}
	l := utf8.RuneCountInString(t.Text)
	switch {
	case l <= 2:
		return 0.6
	case l == 3:
		return 0.85
	}
	return 1
}
