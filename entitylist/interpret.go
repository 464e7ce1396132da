package entitylist

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/rpscreen/rpscreen/sanctions"
)

// numColumns is the width of the Entity List table.
const numColumns = 5

// rawRow is one data row as a parser found it: the cell texts built by a
// cellBuilder, and where the row started.
type rawRow struct {
	line, col int
	offset    int64
	cells     []string
}

// interpret reads the data rows of the table into l. It fails only on
// structural damage (a row without five cells); everything else is an
// Entry, a skipped row or a warning.
func interpret(l *List, rows []rawRow, format string) error {
	var country Country
	haveCountry := false
	seen := make(map[string]int, len(rows))
	l.Entries = make([]Entry, 0, len(rows))
	for i, rr := range rows {
		rowNum := i + 1
		if len(rr.cells) != numColumns {
			return &ParseError{Format: format, Line: rr.line, Column: rr.col, Offset: rr.offset, Row: rowNum, Element: "TR",
				Err: fmt.Errorf("%w: row has %d cells, the Entity List has %d", ErrColumns, len(rr.cells), numColumns)}
		}
		var notes []int
		var cells [numColumns]string
		for c, s := range rr.cells {
			cells[c] = stripMarkers(s, &notes)
		}
		cells[2] = stripGluedFootnotes(cells[2], &notes)
		cells[3] = stripGluedFootnotes(cells[3], &notes)
		l.Rows++

		countryText := oneLine(cells[0])
		entityText := strings.Join(lines(cells[1]), "\n")
		if countryText != "" && !isReserved(countryText) {
			code, _ := CountryCode(countryText)
			country = Country{Name: countryText, Code: code}
			haveCountry = true
		}
		if isReserved(entityText) || (entityText == "" && isReserved(countryText)) {
			l.Skipped = append(l.Skipped, RowNote{Row: rowNum, Reason: ReasonReserved, Text: rowText(cells)})
			continue
		}
		if entityText == "" {
			l.Skipped = append(l.Skipped, RowNote{Row: rowNum, Reason: ReasonEmptyEntity, Text: rowText(cells)})
			continue
		}
		if !haveCountry {
			l.Skipped = append(l.Skipped, RowNote{Row: rowNum, Reason: ReasonNoCountry, Text: rowText(cells)})
			continue
		}
		e := Entry{Row: rowNum, Country: country, EntityText: entityText}
		if country.Code == "" && countryText != "" {
			l.Warnings = append(l.Warnings, RowNote{Row: rowNum, Reason: "unknown country name", Text: countryText})
		}
		ep := parseEntityCell(entityText)
		e.Name = ep.name
		e.Aliases = ep.aliases
		for _, a := range ep.addresses {
			e.Addresses = append(e.Addresses, parseAddress(a, country))
		}
		for _, sp := range ep.parts {
			if sp.Kind == SubPartAddresses {
				for _, a := range sp.Items {
					e.Addresses = append(e.Addresses, parseAddress(a, country))
				}
			}
		}
		e.Parts = ep.parts
		if e.Name == "" && len(e.Addresses) == 0 {
			l.Skipped = append(l.Skipped, RowNote{Row: rowNum, Reason: ReasonEmptyEntity, Text: rowText(cells)})
			continue
		}
		e.LicenseRequirement = parseRequirement(oneLine(cells[2]))
		e.LicensePolicy = parsePolicy(oneLine(cells[3]))
		e.CitationText = oneLine(cells[4])
		cites, rest := sanctions.ParseFRCitations(e.CitationText)
		e.Citations = cites
		e.UnreadCitations = rest
		if len(rest) > 0 {
			l.Warnings = append(l.Warnings, RowNote{Row: rowNum, Reason: "unread citation text", Text: strings.Join(rest, "; ")})
		}
		if len(cites) == 0 && e.CitationText == "" {
			l.Warnings = append(l.Warnings, RowNote{Row: rowNum, Reason: "no citation"})
		}
		e.Footnotes = sortedUnique(notes)
		key := entryKey(&e)
		seen[key]++
		e.ID = hashID(key)
		if n := seen[key]; n > 1 {
			e.ID += "-" + strconv.Itoa(n)
			l.Warnings = append(l.Warnings, RowNote{Row: rowNum, Reason: "same country and name as an earlier row", Text: e.Name})
		}
		l.Entries = append(l.Entries, e)
	}
	return nil
}

func rowText(cells [numColumns]string) string {
	parts := make([]string, 0, numColumns)
	for _, c := range cells {
		parts = append(parts, oneLine(c))
	}
	return strings.TrimRight(strings.Join(parts, " | "), " |")
}

func isReserved(s string) bool {
	s = strings.ToLower(strings.Trim(s, " []().\n"))
	return s == "reserved"
}

// ---- entity cell ----

type entityParts struct {
	name      string
	aliases   []string
	addresses []string
	parts     []SubPart
}

var (
	reAKA = regexp.MustCompile(`(?i)(?:^|[\s,;(])((?:a\.k\.a|f\.k\.a|d\.b\.a|a/k/a|d/b/a)\.?)(?:[\s,.:;]|$)`)
	// "the following two aliases:", "the following alias:", "the following names:"
	reFollowing = regexp.MustCompile(`(?i)^the\s+following\s+(?:[\w-]+\s+){0,2}?(?:aliases|alias|names|name)\s*:?\s*`)
	reSubHead   = regexp.MustCompile(`(?im)(?:^|[\s,;.])((?:(?:and|including|includes|with)\s+)?the\s+following\s+(?:[\w-]+\s+){0,3}?(subordinate\s+institutions?|affiliated\s+entit(?:y|ies)|affiliates|addresses)\b[^:\n]{0,160}:|^(subordinate\s+institutions?|affiliated\s+entit(?:y|ies)|affiliates|addresses)\b[^:\n]{0,160}:)`)
	reAddrOnly  = regexp.MustCompile(`(?i)^(?:address(?:[\s-]+only)?|addresses)\s*:\s*`)
	reAddrStart = regexp.MustCompile(`(?i)^(?:room|rm\.|flat|unit|suite|floor|shop)\s+\S*\d`)
	reNumbering = regexp.MustCompile(`^\(?\d{1,3}[.)]\s+`)
	reAddrSplit = regexp.MustCompile(`;\s*(?:and\s+)?|\n`)
)

// legalForms are the words that may follow a comma inside a company name
// ("Co., Ltd.", "Example Corp., Inc."), folded: lower case, dots removed.
var legalForms = map[string]bool{
	"ltd": true, "limited": true, "inc": true, "incorporated": true, "llc": true, "llp": true,
	"lp": true, "plc": true, "corp": true, "corporation": true, "co": true, "company": true,
	"sa": true, "sas": true, "sarl": true, "srl": true, "spa": true, "gmbh": true, "ag": true,
	"kg": true, "bv": true, "nv": true, "jsc": true, "ojsc": true, "cjsc": true, "pjsc": true,
	"pte": true, "pvt": true, "private": true, "sdn": true, "bhd": true, "fze": true, "fzco": true,
	"fz-llc": true, "dmcc": true, "ab": true, "oy": true, "as": true, "aps": true, "kft": true,
	"zao": true, "oao": true, "ooo": true, "tic": true, "sti": true, "sro": true, "spzoo": true,
	"sp": true, "de": true, "sl": true, "lda": true, "ltda": true, "pty": true, "kk": true,
	"pllc": true, "lc": true, "ltdco": true,
}

// abbrevs end with a period that does not end a sentence.
var abbrevs = map[string]bool{
	"no": true, "nos": true, "st": true, "mt": true, "bldg": true, "rd": true, "ave": true,
	"str": true, "blvd": true, "dept": true, "univ": true, "inst": true, "ul": true, "pr": true,
	"pl": true, "mr": true, "dr": true, "jr": true, "sr": true, "vs": true, "rm": true, "fl": true,
}

func foldWord(w string) string {
	w = strings.ToLower(strings.TrimRight(w, ",;:)"))
	return strings.ReplaceAll(w, ".", "")
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexAny(s, " \n"); i >= 0 {
		return s[:i]
	}
	return s
}

func startsWithLegalForm(s string) bool {
	return legalForms[foldWord(firstWord(s))]
}

// nameEnd returns the index in s where a name ends: at the first line break
// or at the first comma (outside parentheses) whose following segment does
// not begin with a legal form or a parenthesis.
func nameEnd(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth > 0 {
				continue
			}
			rest := strings.TrimLeft(s[i+1:], " ")
			if rest == "" || (!startsWithLegalForm(rest) && rest[0] != '(') {
				return i
			}
		}
	}
	return len(s)
}

// sentenceEnd returns the index of the first period in s that ends a name
// run straight into an address ("... Co., Ltd. Room 1001, ..."), or -1.
func sentenceEnd(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' {
			continue
		}
		j := strings.LastIndexAny(s[:i], " \n(") + 1
		word := s[j:i]
		if len([]rune(word)) <= 1 || abbrevs[foldWord(word)] {
			continue
		}
		next := s[i+2:]
		if startsWithLegalForm(next) {
			continue
		}
		c := next[0]
		if (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 {
			return i
		}
	}
	return -1
}

// finishName trims separators around a name and drops a final period
// unless it belongs to an abbreviation ("Ltd.", "S.A.", "Inc.").
func finishName(s string) string {
	s = trimJoiners(s)
	if strings.HasSuffix(s, ".") {
		j := strings.LastIndexAny(s, " (") + 1
		word := s[j : len(s)-1]
		if !(legalForms[foldWord(word)] || strings.Contains(word, ".") || len([]rune(word)) == 1 || abbrevs[foldWord(word)]) {
			s = s[:len(s)-1]
		}
	}
	return strings.Trim(s, " ,;")
}

// finishAddress trims separators and the final period of an address.
func finishAddress(s string) string {
	return strings.TrimRight(trimJoiners(s), " .,;")
}

// trimJoiners collapses white space and removes the separators that join
// list items: leading "and ", trailing "; and", ",", ";", ":".
func trimJoiners(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for {
		t := strings.Trim(s, " ,;:")
		t = strings.TrimPrefix(t, "and ")
		if strings.HasSuffix(t, " and") && len(t) > 4 && strings.ContainsAny(t[len(t)-5:len(t)-4], ",;") {
			t = t[:len(t)-4]
		} else if t == "and" {
			t = ""
		}
		if t == s {
			return s
		}
		s = t
	}
}

// splitDashItems splits "—A; and —B" into its items. A dash starts an item
// at the start of s or after white space.
func splitDashItems(s string) []string {
	var items []string
	start := -1
	prevSpace := true
	for i, r := range s {
		if (r == '—' || r == '–') && prevSpace {
			if start >= 0 {
				items = append(items, s[start:i])
			}
			start = i + len(string(r))
		}
		prevSpace = r == ' ' || r == '\n'
	}
	if start >= 0 {
		items = append(items, s[start:])
	}
	return items
}

func hasLeadingDash(s string) bool {
	return strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–")
}

// parseEntityCell splits the entity cell into name, aliases, addresses and
// sub-parts.
func parseEntityCell(text string) entityParts {
	var ep entityParts
	main := text
	if locs := reSubHead.FindAllStringSubmatchIndex(text, -1); len(locs) > 0 {
		main = text[:locs[0][2]]
		for k, loc := range locs {
			end := len(text)
			if k+1 < len(locs) {
				end = locs[k+1][2]
			}
			head := strings.TrimSpace(text[loc[2]:loc[3]])
			for _, w := range []string{"and ", "including ", "includes ", "with "} {
				head = strings.TrimPrefix(head, w)
			}
			kw := ""
			if loc[4] >= 0 {
				kw = text[loc[4]:loc[5]]
			} else {
				kw = text[loc[6]:loc[7]]
			}
			sp := SubPart{Kind: subPartKind(kw), Heading: head}
			for _, it := range splitItems(text[loc[3]:end]) {
				if sp.Kind == SubPartAddresses {
					it = finishAddress(it)
				} else {
					it = finishName(it)
				}
				if it != "" {
					sp.Items = append(sp.Items, it)
				}
			}
			ep.parts = append(ep.parts, sp)
		}
	}
	main = strings.TrimSpace(main)
	main = strings.TrimSuffix(strings.TrimRight(main, " ,;\n"), " and")

	if m := reAddrOnly.FindStringIndex(main); m != nil {
		ep.addresses = splitAddresses(main[m[1]:])
		return ep
	}
	if reAddrStart.MatchString(main) {
		ep.addresses = splitAddresses(main)
		return ep
	}

	var rest string
	if m := reAKA.FindStringSubmatchIndex(main); m != nil {
		namePart := main[:m[2]]
		after := main[m[3]:]
		paren := strings.HasSuffix(strings.TrimRight(namePart, " "), "(")
		ep.name = finishName(strings.TrimSuffix(strings.TrimRight(namePart, " "), "("))
		ep.aliases, rest = parseAliases(after, paren)
	} else {
		k := nameEnd(main)
		ep.name = finishName(main[:k])
		rest = main[k:]
	}
	// A short name in parentheses at the end of the name is an alias too:
	// "Huawei Technologies Co., Ltd. (Huawei)".
	if i := strings.LastIndexByte(ep.name, '('); i > 0 && strings.HasSuffix(ep.name, ")") {
		if short := strings.TrimSpace(ep.name[i+1 : len(ep.name)-1]); short != "" && !strings.ContainsAny(short, "(),") {
			ep.aliases = append([]string{short}, ep.aliases...)
		}
	}
	ep.addresses = splitAddresses(rest)
	return ep
}

// parseAliases reads the alias block that follows "a.k.a." and returns the
// aliases and the text after the block.
func parseAliases(s string, paren bool) (aliases []string, rest string) {
	s = strings.TrimLeft(s, " ,.:;\n")
	if paren {
		depth := 1
		end := len(s)
		for i := 0; i < len(s); i++ {
			if s[i] == '(' {
				depth++
			} else if s[i] == ')' {
				depth--
				if depth == 0 {
					end = i
					break
				}
			}
		}
		block := s[:end]
		if end < len(s) {
			rest = s[end+1:]
		}
		for _, a := range strings.Split(block, ";") {
			if a = finishName(a); a != "" {
				aliases = append(aliases, a)
			}
		}
		return aliases, rest
	}
	if m := reFollowing.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	s = strings.TrimLeft(s, " \n")
	if hasLeadingDash(s) {
		items := splitDashItems(s)
		for k, it := range items {
			if k == len(items)-1 {
				it, rest = splitAliasTail(it)
			}
			if a := finishName(it); a != "" {
				aliases = append(aliases, a)
			}
		}
		return aliases, rest
	}
	end := nameEnd(s)
	if se := sentenceEnd(s[:end]); se >= 0 {
		end = se + 1
	}
	for _, a := range strings.Split(s[:end], ";") {
		if a = finishName(a); a != "" {
			aliases = append(aliases, a)
		}
	}
	return aliases, s[end:]
}

// splitAliasTail splits the last alias of a dash list from an address that
// runs on after it.
func splitAliasTail(it string) (alias, rest string) {
	it = strings.TrimLeft(it, " ")
	if i := strings.IndexByte(it, '\n'); i >= 0 {
		return it[:i], it[i+1:]
	}
	cut := nameEnd(it)
	if se := sentenceEnd(it[:cut]); se >= 0 {
		return it[:se+1], it[se+1:]
	}
	return it[:cut], it[cut:]
}

// splitAddresses splits address text on "; and", ";" and line breaks.
func splitAddresses(s string) []string {
	s = strings.Trim(s, " ,;.:\n")
	if s == "" {
		return nil
	}
	var out []string
	for _, a := range reAddrSplit.Split(s, -1) {
		if a = finishAddress(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// splitItems splits the body of a sub-part into items: by dashes when it
// uses them, otherwise by lines, otherwise by semicolons.
func splitItems(s string) []string {
	s = strings.TrimSpace(s)
	var items []string
	switch {
	case hasLeadingDash(s):
		items = splitDashItems(s)
	case strings.Contains(s, "\n"):
		items = strings.Split(s, "\n")
	default:
		items = strings.Split(s, ";")
	}
	out := items[:0]
	for _, it := range items {
		it = strings.TrimSpace(it)
		it = reNumbering.ReplaceAllString(it, "")
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

func subPartKind(kw string) SubPartKind {
	kw = strings.ToLower(kw)
	switch {
	case strings.HasPrefix(kw, "subordinate"):
		return SubPartSubordinate
	case strings.HasPrefix(kw, "affiliat"):
		return SubPartAffiliated
	default:
		return SubPartAddresses
	}
}

// ---- license requirement and policy ----

var (
	reSection = regexp.MustCompile(`\b(7[3-7]\d\.\d{1,3}[a-z]?(?:\([a-zA-Z0-9]{1,4}\))*)`)
	reSeeOpen = regexp.MustCompile(`(?i)[,.;]?\s*\(\s*see\s+§`)
	reSeeBare = regexp.MustCompile(`(?i)[,;]?\s*\bsee\s+§§?.*?(?:of the EAR|$)`)
	reSeeCut  = regexp.MustCompile(`(?i)\.\s+[A-Z(]|;\s`)
	reForAll  = regexp.MustCompile(`(?i)^for\s+`)
)

func parseRequirement(text string) LicenseRequirement {
	r := LicenseRequirement{Text: text}
	seen := map[string]bool{}
	for _, m := range reSection.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			r.Sections = append(r.Sections, m[1])
		}
	}
	r.ItemScope = itemScope(text)
	return r
}

// itemScope removes the "see §" references from a license requirement and
// returns the items it covers.
func itemScope(s string) string {
	// Parenthesised "(See §§ 746.8(a)(3) and 744.21 of the EAR)".
	for {
		loc := reSeeOpen.FindStringIndex(s)
		if loc == nil {
			break
		}
		open := strings.IndexByte(s[loc[0]:], '(') + loc[0]
		depth, end := 0, len(s)
		for i := open; i < len(s); i++ {
			if s[i] == '(' {
				depth++
			} else if s[i] == ')' {
				depth--
				if depth == 0 {
					end = i + 1
					break
				}
			}
		}
		s = s[:loc[0]] + s[end:]
	}
	// Bare ", see §§ 734.9(e), and 744.11 of the EAR,".
	for {
		loc := reSeeBare.FindStringIndex(s)
		if loc == nil {
			break
		}
		seg := s[loc[0]:loc[1]]
		if c := reSeeCut.FindStringIndex(seg); c != nil {
			loc[1] = loc[0] + c[0]
		}
		s = s[:loc[0]] + s[loc[1]:]
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " .,;")
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.ReplaceAll(s, ",,", ",")
	s = reForAll.ReplaceAllString(s, "")
	if strings.HasPrefix(s, "All ") {
		s = "all " + s[4:]
	}
	return s
}

var rePolicySection = regexp.MustCompile(`(?i)\b(?:see|set\s+forth\s+in|described\s+in|stated\s+in|in\s+accordance\s+with)\s+§`)

func parsePolicy(text string) LicensePolicy {
	p := LicensePolicy{Kind: PolicyOther, Text: text}
	low := strings.ToLower(text)
	best := len(low) + 1
	try := func(i int, k PolicyKind) {
		if i >= 0 && i < best {
			best, p.Kind = i, k
		}
	}
	try(strings.Index(low, "presumption of denial"), PolicyDenial)
	try(strings.Index(low, "policy of denial"), PolicyDenial)
	try(strings.Index(low, "case-by-case"), PolicyCaseByCase)
	try(strings.Index(low, "case by case"), PolicyCaseByCase)
	try(strings.Index(low, "presumption of approval"), PolicyApproval)
	if loc := rePolicySection.FindStringIndex(text); loc != nil {
		try(loc[0], PolicySection)
	}
	return p
}
