package entitylist

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

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
// Entry, a skipped row or a warning. Rows are classified in order (the
// country carries forward), their cells are read in parallel when there
// are many, and the results are gathered in table order.
func interpret(l *List, rows []rawRow, format string) error {
	jobs := make([]rowJob, len(rows))
	var country Country
	haveCountry := false
	for i, rr := range rows {
		j := &jobs[i]
		j.rowNum = i + 1
		if len(rr.cells) != numColumns {
			return &ParseError{Format: format, Line: rr.line, Column: rr.col, Offset: rr.offset, Row: j.rowNum, Element: "TR",
				Err: fmt.Errorf("%w: row has %d cells, the Entity List has %d", ErrColumns, len(rr.cells), numColumns)}
		}
		for c, s := range rr.cells {
			j.cells[c] = stripMarkers(s, &j.notes)
		}
		j.cells[2] = stripGluedFootnotes(j.cells[2], &j.notes)
		j.cells[3] = stripGluedFootnotes(j.cells[3], &j.notes)

		j.countryText = oneLine(j.cells[0])
		j.entityText = strings.Join(lines(j.cells[1]), "\n")
		if j.countryText != "" && !isReserved(j.countryText) {
			code, _ := sanctions.CountryCode(j.countryText)
			country = Country{Name: j.countryText, Code: code}
			haveCountry = true
		}
		j.country = country
		switch {
		case isReserved(j.entityText) || (j.entityText == "" && isReserved(j.countryText)):
			j.skip = ReasonReserved
		case j.entityText == "":
			j.skip = ReasonEmptyEntity
		case !haveCountry:
			j.skip = ReasonNoCountry
		}
	}
	runJobs(jobs)

	l.Rows = len(rows)
	l.Entries = make([]Entry, 0, len(rows))
	seen := make(map[string]int, len(rows))
	for i := range jobs {
		j := &jobs[i]
		if j.skip != "" {
			l.Skipped = append(l.Skipped, RowNote{Row: j.rowNum, Reason: j.skip, Text: rowText(j.cells)})
			continue
		}
		l.Warnings = append(l.Warnings, j.warn...)
		e := j.entry
		seen[j.key]++
		e.ID = hashID(j.key)
		if n := seen[j.key]; n > 1 {
			e.ID += "-" + strconv.Itoa(n)
			l.Warnings = append(l.Warnings, RowNote{Row: j.rowNum, Reason: "same country and name as an earlier row", Text: e.Name})
		}
		l.Entries = append(l.Entries, e)
	}
	return nil
}

// rowJob is one data row on its way to an Entry.
type rowJob struct {
	rowNum      int
	cells       [numColumns]string
	notes       []int
	countryText string
	entityText  string
	country     Country
	skip        string // reason the row is skipped, "" when it is read

	entry Entry
	key   string
	warn  []RowNote
}

// parallelRows is the table size from which rows are read in parallel.
const parallelRows = 256

// runJobs reads the rows that are not skipped, on up to GOMAXPROCS
// goroutines (at most 8) for large tables.
func runJobs(jobs []rowJob) {
	workers := min(runtime.GOMAXPROCS(0), 8)
	if len(jobs) < parallelRows || workers < 2 {
		cc := citeCache{}
		for i := range jobs {
			jobs[i].read(cc)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (len(jobs) + workers - 1) / workers
	for lo := 0; lo < len(jobs); lo += chunk {
		part := jobs[lo:min(len(jobs), lo+chunk)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			cc := citeCache{}
			for i := range part {
				part[i].read(cc)
			}
		}()
	}
	wg.Wait()
}

// read turns the row into an Entry, or marks it skipped when the entity
// cell yields neither a name nor an address.
func (j *rowJob) read(cc citeCache) {
	if j.skip != "" {
		return
	}
	e := Entry{Row: j.rowNum, Country: j.country, EntityText: j.entityText}
	ep := parseEntityCell(j.entityText)
	e.Name = ep.name
	e.Aliases = ep.aliases
	for _, a := range ep.addresses {
		e.Addresses = append(e.Addresses, parseAddress(a, j.country))
	}
	for _, sp := range ep.parts {
		if sp.Kind == SubPartAddresses {
			for _, a := range sp.Items {
				e.Addresses = append(e.Addresses, parseAddress(a, j.country))
			}
		}
	}
	e.Parts = ep.parts
	if e.Name == "" && len(e.Addresses) == 0 {
		j.skip = ReasonEmptyEntity
		return
	}
	if j.country.Code == "" {
		j.warn = append(j.warn, RowNote{Row: j.rowNum, Reason: "unknown country name", Text: j.country.Name})
	}
	e.LicenseRequirement = parseRequirement(oneLine(j.cells[2]))
	e.LicensePolicy = parsePolicy(oneLine(j.cells[3]))
	e.CitationText = oneLine(j.cells[4])
	e.Citations, e.UnreadCitations = cc.parse(e.CitationText)
	if len(e.UnreadCitations) > 0 {
		j.warn = append(j.warn, RowNote{Row: j.rowNum, Reason: "unread citation text", Text: strings.Join(e.UnreadCitations, "; ")})
	}
	if len(e.Citations) == 0 && e.CitationText == "" {
		j.warn = append(j.warn, RowNote{Row: j.rowNum, Reason: "no citation"})
	}
	e.Footnotes = sortedUnique(j.notes)
	j.key = entryKey(&e)
	j.entry = e
}

// citeCache remembers parsed citation cells: many rows of the list share
// the same citation text (every entry added by one rule).
type citeCache map[string]citeResult

type citeResult struct {
	cites []sanctions.FRCitation
	rest  []string
}

func (c citeCache) parse(s string) ([]sanctions.FRCitation, []string) {
	if r, ok := c[s]; ok {
		return slices.Clone(r.cites), slices.Clone(r.rest)
	}
	cites, rest := sanctions.ParseFRCitations(s)
	c[s] = citeResult{cites, rest}
	return slices.Clone(cites), slices.Clone(rest)
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
	reFollowing = regexp.MustCompile(`(?i)^the\s+following\s+(?:([\w-]+)\s+)?(?:[\w-]+\s+)?(?:aliases|alias|names|name)\s*:?[ \t]*`)
	reAddrOnly  = regexp.MustCompile(`(?i)^(?:address(?:[\s-]+only)?|addresses)\s*:\s*`)
	reAddrStart = regexp.MustCompile(`(?i)^(?:room|rm\.|flat|unit|suite|floor|shop)\s+\S*\d`)
	reNumbering = regexp.MustCompile(`^\(?\d{1,3}[.)]\s+`)
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

// abbrevForms are legal forms written as abbreviations with a period
// ("Ltd.", "Inc."); a period after them belongs to the name.
var abbrevForms = map[string]bool{
	"ltd": true, "inc": true, "co": true, "corp": true, "bhd": true, "pte": true, "pvt": true,
	"sdn": true, "sti": true, "tic": true, "ltda": true, "lda": true, "pty": true,
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
		if !(abbrevForms[foldWord(word)] || strings.Contains(word, ".") || len([]rune(word)) == 1 || abbrevs[foldWord(word)]) {
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
	s = collapseSpace(s)
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
	low := strings.ToLower(text)
	if heads := findSubHeads(low); len(heads) > 0 {
		main = text[:heads[0].start]
		for k, h := range heads {
			end := len(text)
			if k+1 < len(heads) {
				end = heads[k+1].start
			}
			sp := SubPart{Kind: h.kind, Heading: strings.TrimSpace(text[h.start:h.end])}
			for _, it := range splitItems(text[h.end:end]) {
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
	var m []int
	if strings.Contains(low, "k.a") || strings.Contains(low, "/k/a") || strings.Contains(low, "d.b.a") || strings.Contains(low, "d/b/a") {
		m = reAKA.FindStringSubmatchIndex(main)
	}
	if m != nil {
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
		short := strings.TrimSpace(ep.name[i+1 : len(ep.name)-1])
		if short != "" && !strings.ContainsAny(short, "(),") && strings.Count(short, " ") < 5 &&
			!(short[0] >= 'a' && short[0] <= 'z') {
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
	count := 0 // the number the heading announces, 0 when none
	if m := reFollowing.FindStringSubmatchIndex(s); m != nil {
		if m[2] >= 0 {
			count = numberWord(s[m[2]:m[3]])
		}
		s = s[m[1]:]
	}
	lineMode := strings.HasPrefix(s, "\n")
	s = strings.TrimLeft(s, " \n")
	var items []string
	switch {
	case hasLeadingDash(s):
		items = splitDashItems(s)
	case lineMode && count > 0:
		// "the following two aliases:" with one alias per line, no dashes.
		items = strings.SplitN(s, "\n", count+1)
		if len(items) > count {
			items[count] = "\n" + items[count]
		}
	}
	if len(items) > 0 {
		var extra []string
		if count > 0 && len(items) > count {
			items, extra = items[:count], items[count:]
		}
		for k, it := range items {
			if k == len(items)-1 {
				it, rest = splitAliasTail(it)
			}
			if a := finishName(it); a != "" {
				aliases = append(aliases, a)
			}
		}
		if len(extra) > 0 {
			rest = strings.TrimSpace(rest + "\n" + strings.Join(extra, "\n"))
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

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}

// numberWord reads "two" or "12"; 0 when w is not a number.
func numberWord(w string) int {
	if n, ok := numberWords[strings.ToLower(w)]; ok {
		return n
	}
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 1000 {
		return n
	}
	return 0
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
	for len(s) > 0 {
		i := strings.IndexAny(s, ";\n")
		part := s
		if i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if a := finishAddress(part); a != "" {
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

// subHead is the heading of a sub-part: text[start:end] in the entity
// cell, end just after the colon.
type subHead struct {
	start, end int
	kind       SubPartKind
}

var subKeywords = []struct {
	word string
	kind SubPartKind
}{
	{"subordinate institution", SubPartSubordinate},
	{"affiliated entit", SubPartAffiliated},
	{"affiliates", SubPartAffiliated},
	{"addresses", SubPartAddresses},
}

// findSubHeads finds the sub-part headings in low (the lower-cased entity
// cell): a line that starts with a keyword ("Subordinate institutions:"),
// or "the following [up to three words] <keyword> ...:" anywhere, the colon
// on the same line within 160 bytes of the keyword.
func findSubHeads(low string) []subHead {
	var heads []subHead
	for _, kw := range subKeywords {
		for from := 0; ; {
			i := strings.Index(low[from:], kw.word)
			if i < 0 {
				break
			}
			p := from + i
			from = p + len(kw.word)
			if p > 0 && isLetter(low[p-1]) {
				continue
			}
			lineEnd := strings.IndexByte(low[p:], '\n')
			if lineEnd < 0 {
				lineEnd = len(low) - p
			}
			colon := strings.IndexByte(low[p:p+lineEnd], ':')
			if colon < 0 || colon > 160 {
				continue
			}
			ls := strings.LastIndexByte(low[:p], '\n') + 1
			start := -1
			if strings.TrimSpace(low[ls:p]) == "" {
				start = p
			} else {
				win := max(ls, p-80)
				tf := strings.LastIndex(low[win:p], "the following")
				if tf < 0 {
					continue
				}
				tf += win
				if strings.Count(strings.TrimSpace(low[tf+len("the following"):p]), " ") > 2 {
					continue
				}
				if tf > 0 && isLetter(low[tf-1]) {
					continue
				}
				start = tf
			}
			heads = append(heads, subHead{start: start, end: p + colon + 1, kind: kw.kind})
		}
	}
	if len(heads) < 2 {
		return heads
	}
	slices.SortFunc(heads, func(a, b subHead) int { return a.start - b.start })
	out := heads[:1]
	for _, h := range heads[1:] {
		if h.start >= out[len(out)-1].end {
			out = append(out, h)
		}
	}
	return out
}

// ---- license requirement and policy ----

var (
	reForAll = regexp.MustCompile(`(?i)^for\s+`)
)

func parseRequirement(text string) LicenseRequirement {
	r := LicenseRequirement{Text: text}
	seen := map[string]bool{}
	for _, sec := range findSections(text) {
		if !seen[sec] {
			seen[sec] = true
			r.Sections = append(r.Sections, sec)
		}
	}
	r.ItemScope = itemScope(text)
	return r
}

// itemScope removes the "see §" references from a license requirement and
// returns the items it covers.
func itemScope(s string) string {
	// Parenthesised "(See §§ 746.8(a)(3) and 744.21 of the EAR)".
	for strings.Contains(s, "§") {
		lo, open := parenSee(s)
		if lo < 0 {
			break
		}
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
		s = s[:lo] + s[end:]
	}
	// Bare ", see §§ 734.9(e), and 744.11 of the EAR,".
	for {
		lo, hi := bareSee(s)
		if lo < 0 {
			break
		}
		s = s[:lo] + s[hi:]
	}
	s = collapseSpace(s)
	s = strings.Trim(s, " .,;—–-")
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.ReplaceAll(s, ",,", ",")
	s = reForAll.ReplaceAllString(s, "")
	if strings.HasPrefix(s, "All ") {
		s = "all " + s[4:]
	}
	return s
}

// findSections returns the EAR section numbers in s, parts 730-779:
// "744.11", "734.9(e)", "746.8(a)(3)".
func findSections(s string) []string {
	var out []string
	for i := 0; i+4 < len(s); i++ {
		if s[i] != '7' || (i > 0 && (isDigit(s[i-1]) || s[i-1] == '.')) {
			continue
		}
		if !(s[i+1] >= '3' && s[i+1] <= '7') || !isDigit(s[i+2]) || s[i+3] != '.' || !isDigit(s[i+4]) {
			continue
		}
		j := i + 4
		for j < len(s) && j < i+7 && isDigit(s[j]) {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			continue // too many digits for a section
		}
		if j < len(s) && s[j] >= 'a' && s[j] <= 'z' && (j+1 == len(s) || !isLetter(s[j+1])) {
			j++
		}
		for j < len(s) && s[j] == '(' {
			k := j + 1
			for k < len(s) && k < j+6 && (isDigit(s[k]) || isLetter(s[k])) {
				k++
			}
			if k == j+1 || k >= len(s) || s[k] != ')' {
				break
			}
			j = k + 1
		}
		out = append(out, s[i:j])
		i = j - 1
	}
	return out
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// parenSee finds a parenthesised "(See § ...)" reference and returns the
// start of the separator before it and the index of its "(", or -1, -1.
func parenSee(s string) (lo, open int) {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j+3 > len(s) || !strings.EqualFold(s[j:j+3], "see") {
			continue
		}
		j += 3
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if !strings.HasPrefix(s[j:], "§") {
			continue
		}
		lo = i
		for lo > 0 && s[lo-1] == ' ' {
			lo--
		}
		if lo > 0 && (s[lo-1] == ',' || s[lo-1] == '.' || s[lo-1] == ';') {
			lo--
		}
		return lo, i
	}
	return -1, -1
}

// bareSee finds an unparenthesised "see § ..." reference: from the
// separator before "see" to "of the EAR" or, failing that, to the end of
// the sentence ("." followed by a capital), a ";" or the end of s. It
// returns -1, -1 when there is none.
func bareSee(s string) (lo, hi int) {
	i := 0
	for {
		j := strings.Index(s[i:], "§")
		if j < 0 {
			return -1, -1
		}
		at := i + j
		k := strings.LastIndexAny(s[:at], "sS")
		if k >= 0 && k+3 <= at && strings.EqualFold(s[k:k+3], "see") && strings.TrimSpace(s[k+3:at]) == "" &&
			(k == 0 || s[k-1] == ' ' || s[k-1] == ',' || s[k-1] == ';') {
			lo = k
			for lo > 0 && (s[lo-1] == ' ' || s[lo-1] == ',' || s[lo-1] == ';') {
				lo--
			}
			rest := s[at:]
			if e := strings.Index(rest, "of the EAR"); e >= 0 {
				return lo, at + e + len("of the EAR")
			}
			hi = len(s)
			for q := 0; q+2 < len(rest); q++ {
				if (rest[q] == '.' && rest[q+1] == ' ' && rest[q+2] >= 'A' && rest[q+2] <= 'Z') || rest[q] == ';' {
					hi = at + q
					break
				}
			}
			return lo, hi
		}
		i = at + len("§")
	}
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
	if !strings.Contains(text, "§") {
		return p
	}
	if loc := rePolicySection.FindStringIndex(text); loc != nil {
		try(loc[0], PolicySection)
	}
	return p
}
