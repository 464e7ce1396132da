package icts

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// Issue is a Federal Register daily issue (or a single document) read from
// GPO's full-text XML.
type Issue struct {
	// Volume, Number and Date come from the issue's VOL, NO and DATE
	// elements; zero when the input is a single document.
	Volume int
	Number int
	Date   time.Time
	// Documents are the issue's documents in order.
	Documents []Document
	// Contents are the table of contents' entries (CNTNTS), one per
	// distinct FR document number, in order of first appearance.
	Contents []ContentsEntry
}

// ContentsEntry is one entry of an issue's table of contents.
type ContentsEntry struct {
	DocumentNumber      string
	FirstPage, LastPage int
	// Line is where the entry's FRDOCBP element is.
	Line int
}

// Document is one document of an issue: a rule, proposed rule, notice or
// presidential document, with the parts of its heading the parser reads.
// Text fields are trimmed, with runs of white space collapsed.
type Document struct {
	// Type is the document element: RULE, PRORULE, NOTICE or PRESDOCU.
	Type string
	// Line is the line of the document's start tag.
	Line int
	// Agency is the AGENCY element; SubAgencies the SUBAGY elements.
	Agency      string
	SubAgencies []string
	Subject     string
	// CFR are the CFR references of the heading and of the amendatory
	// text (CFR elements), parsed.
	CFR []CFRRef
	// Dockets are the DEPDOC elements ("[Docket No. 240620-0169]").
	Dockets []string
	RIN     string
	// Action is the ACT text without its caption ("Final rule.").
	Action string
	// Summary is the SUM text without its caption.
	Summary string
	// Dates is the DATES or EFFDATE text without its caption.
	Dates string
	// Effective is the effective date the Dates text states; CommentsDue
	// the closing date for comments; Signed the date of the DATED element.
	// All at UTC midnight, zero when not stated.
	Effective   time.Time
	CommentsDue time.Time
	Signed      time.Time
	// Citation is built from the issue's volume, number and date and the
	// document's printed pages (PRTPAGE).
	Citation       sanctions.FRCitation
	DocumentNumber string
	BillingCode    string
	// Text is the document's text with quotes, dashes and printer slugs
	// normalised (see CleanText), one paragraph per line.
	Text string
}

// CFRRef is a reference to parts of a title of the Code of Federal
// Regulations ("15 CFR Parts 7 and 791").
type CFRRef struct {
	Title int
	// Parts is empty for a reference to a chapter or subtitle.
	Parts []int
	Raw   string
}

// SyntaxError is an error in the XML of an FR document, with its position.
type SyntaxError struct {
	Line   int
	Offset int64
	Msg    string
	Err    error
}

// Error returns the message with its line and byte offset.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("icts: FR XML line %d (byte %d): %s", e.Line, e.Offset, e.Msg)
}

// Unwrap returns the underlying error (an *xml.SyntaxError, a number
// conversion error, or nil).
func (e *SyntaxError) Unwrap() error { return e.Err }

// docElements are the elements that open a document.
var docElements = map[string]bool{"RULE": true, "PRORULE": true, "NOTICE": true, "PRESDOCU": true}

// captured are the heading elements whose text the parser keeps.
var captured = map[string]bool{
	"AGENCY": true, "SUBAGY": true, "SUBJECT": true, "CFR": true, "DEPDOC": true, "RIN": true,
	"ACT": true, "SUM": true, "DATES": true, "EFFDATE": true, "DATED": true, "FRDOC": true, "BILCOD": true,
	// issue level and contents
	"VOL": true, "NO": true, "DATE": true, "PGS": true, "FRDOCBP": true,
}

// paragraphs end a line of Document.Text.
var paragraphs = map[string]bool{"P": true, "FP": true, "HD": true, "LI": true, "SIG": true, "NAME": true, "TITLE": true,
	"SUBJECT": true, "AGENCY": true, "SUBAGY": true, "CFR": true, "DEPDOC": true, "RIN": true, "DATED": true, "FRDOC": true,
	"BILCOD": true, "ROW": true, "AMDPAR": true, "SECTNO": true, "PROC": true, "PRES": true, "EAR": true}

const maxCaptureDepth = 4

type capture struct {
	name string
	line int
	b    strings.Builder
}

// ReadIssue reads a Federal Register daily issue (root FEDREG) or a single
// document (root RULE, PRORULE, NOTICE or PRESDOCU) in GPO's XML. Every
// document must have an FR document number (FRDOC) and a printed page
// (PRTPAGE); a document that lacks one, malformed XML, or an issue date
// that cannot be read is an error with its line and byte offset. For a
// single document the citation has no volume or date: complete it with
// (*Document).ApplyMetadata.
func ReadIssue(r io.Reader) (*Issue, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	is := &Issue{}
	var (
		stack    []string
		caps     []*capture
		doc      *Document
		docText  strings.Builder
		docHas   bool // document has text before its first PRTPAGE
		curPage  int
		firstPg  int
		lastPg   int
		contents = map[string]int{}
		cntPGS   string
		inCnt    int
	)
	pos := func() (int, int64) {
		l, _ := dec.InputPos()
		return l, dec.InputOffset()
	}
	fail := func(msg string, err error) error {
		l, off := pos()
		return &SyntaxError{Line: l, Offset: off, Msg: msg, Err: err}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				_, off := pos()
				return nil, &SyntaxError{Line: se.Line, Offset: off, Msg: se.Msg, Err: err}
			}
			return nil, fail(err.Error(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			stack = append(stack, name)
			if name == "CNTNTS" {
				inCnt++
			}
			if docElements[name] && doc == nil && inCnt == 0 {
				l, _ := pos()
				doc = &Document{Type: name, Line: l}
				docText.Reset()
				docHas = false
				firstPg, lastPg = curPage, curPage
			}
			if name == "PRTPAGE" {
				for _, a := range t.Attr {
					if a.Name.Local != "P" {
						continue
					}
					p, err := strconv.Atoi(strings.TrimSpace(a.Value))
					if err != nil || p <= 0 {
						if doc != nil {
							return nil, fail(fmt.Sprintf("PRTPAGE P=%q in %s is not a page number", a.Value, doc.Type), err)
						}
						continue // roman-numbered pages of the contents
					}
					if doc != nil {
						// A document starts on the page of its first
						// PRTPAGE when no text precedes it, or when the
						// numbering breaks there (the presidential
						// documents are printed ahead of the rules but
						// come last in the XML).
						if !docHas || lastPg == firstPg && p != curPage+1 {
							firstPg = p
						}
						lastPg = p
					}
					curPage = p
				}
			}
			if captured[name] {
				// Nested captures each keep the text; past a small
				// depth they are dropped (nil) so that pathological
				// nesting cannot make reading quadratic.
				var c *capture
				if len(caps) < maxCaptureDepth {
					l, _ := pos()
					c = &capture{name: name, line: l}
				}
				caps = append(caps, c)
			}
		case xml.CharData:
			s := string(t)
			if doc != nil && strings.TrimSpace(s) != "" {
				docHas = true
				docText.WriteString(s)
			}
			for _, c := range caps {
				if c != nil {
					c.b.WriteString(s)
				}
			}
		case xml.EndElement:
			name := t.Name.Local
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if name == "CNTNTS" {
				inCnt--
			}
			if doc != nil && paragraphs[name] {
				docText.WriteByte('\n')
			}
			if captured[name] && len(caps) > 0 && caps[len(caps)-1] == nil {
				caps = caps[:len(caps)-1] // a capture dropped for depth
			} else if captured[name] && len(caps) > 0 {
				c := caps[len(caps)-1]
				caps = caps[:len(caps)-1]
				text := collapse(c.b.String())
				switch {
				case doc != nil:
					if err := setDocField(doc, name, text); err != nil {
						return nil, fail(err.Error(), err)
					}
				case inCnt > 0 && name == "PGS":
					cntPGS = text
				case inCnt > 0 && name == "FRDOCBP":
					if _, seen := contents[text]; !seen && reDocNumber.MatchString(text) {
						e := ContentsEntry{DocumentNumber: text, Line: c.line}
						e.FirstPage, e.LastPage = pageRange(cntPGS)
						contents[text] = len(is.Contents)
						is.Contents = append(is.Contents, e)
					}
				case len(stack) == 1 && name == "VOL" && is.Volume == 0:
					if is.Volume, err = strconv.Atoi(text); err != nil {
						return nil, fail(fmt.Sprintf("VOL %q is not a number", text), err)
					}
				case len(stack) == 1 && name == "NO" && is.Number == 0:
					if is.Number, err = strconv.Atoi(text); err != nil {
						return nil, fail(fmt.Sprintf("NO %q is not a number", text), err)
					}
				case len(stack) == 1 && name == "DATE" && is.Date.IsZero():
					if is.Date, err = parseCalendarDate(text); err != nil {
						return nil, fail(fmt.Sprintf("issue DATE %q", text), err)
					}
				}
			}
			if doc != nil && name == doc.Type && docElements[name] {
				if doc.DocumentNumber == "" {
					return nil, &SyntaxError{Line: doc.Line, Msg: fmt.Sprintf("%s starting here has no FRDOC document number", doc.Type)}
				}
				if firstPg == 0 {
					return nil, &SyntaxError{Line: doc.Line, Msg: fmt.Sprintf("%s %s has no printed page (PRTPAGE)", doc.Type, doc.DocumentNumber)}
				}
				doc.Citation = sanctions.FRCitation{Volume: is.Volume, Page: firstPg, Issue: is.Number, Date: is.Date}
				if lastPg > firstPg {
					doc.Citation.LastPage = lastPg
				}
				doc.Text = CleanText(docText.String())
				is.Documents = append(is.Documents, *doc)
				doc = nil
			}
		}
	}
	if len(stack) != 0 {
		l, off := pos()
		return nil, &SyntaxError{Line: l, Offset: off, Msg: "unexpected end of input inside " + stack[len(stack)-1]}
	}
	if len(is.Documents) == 0 && len(is.Contents) == 0 && is.Volume == 0 {
		return nil, &SyntaxError{Line: 1, Msg: "no Federal Register issue or document found"}
	}
	return is, nil
}

var (
	reFRDoc    = regexp.MustCompile(`\b(\d{4}-\d{5})\b`)
	reRIN      = regexp.MustCompile(`\b(\d{4}-[A-Z]{2}\d{2})\b`)
	reCFRRef   = regexp.MustCompile(`(?i)(\d+)\s*CFR\s*(?:(Parts?|Chapter|Ch\.|Subtitle)\s*)?([0-9][0-9,\sand-]*)?`)
	reCaption  = regexp.MustCompile(`^[A-Z][A-Z ]+:\s*`)
	reDatedPre = regexp.MustCompile(`(?i)^(?:dated|issued|signed)(?:\s+(?:on|at|this))?[:,]?\s*`)
)

func setDocField(doc *Document, name, text string) error {
	switch name {
	case "AGENCY":
		if doc.Agency == "" {
			doc.Agency = text
		}
	case "SUBAGY":
		doc.SubAgencies = append(doc.SubAgencies, text)
	case "SUBJECT":
		if doc.Subject == "" {
			doc.Subject = text
		}
	case "CFR":
		if ref, ok := parseCFRRef(text); ok {
			doc.CFR = append(doc.CFR, ref)
		}
	case "DEPDOC":
		doc.Dockets = append(doc.Dockets, text)
	case "RIN":
		if m := reRIN.FindString(text); m != "" && doc.RIN == "" {
			doc.RIN = m
		}
	case "ACT":
		doc.Action = reCaption.ReplaceAllString(text, "")
	case "SUM":
		doc.Summary = reCaption.ReplaceAllString(text, "")
	case "DATES", "EFFDATE":
		doc.Dates = reCaption.ReplaceAllString(text, "")
		clean := CleanText(doc.Dates)
		doc.Effective = findDate(reEffective, clean)
		doc.CommentsDue = findDate(reComments, clean)
	case "DATED":
		if doc.Signed.IsZero() {
			s := strings.TrimSuffix(reDatedPre.ReplaceAllString(text, ""), ".")
			if d, err := parseCalendarDate(s); err == nil {
				doc.Signed = d
			}
		}
	case "FRDOC":
		m := reFRDoc.FindString(text)
		if m == "" {
			return fmt.Errorf("FRDOC %q has no FR document number", text)
		}
		if doc.DocumentNumber == "" {
			doc.DocumentNumber = m
		}
	case "BILCOD":
		doc.BillingCode = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "BILLING CODE"), "Billing code"))
	}
	return nil
}

func parseCFRRef(s string) (CFRRef, bool) {
	m := reCFRRef.FindStringSubmatch(s)
	if m == nil {
		return CFRRef{}, false
	}
	ref := CFRRef{Raw: s}
	ref.Title, _ = strconv.Atoi(m[1])
	kind := strings.ToLower(m[2])
	if kind == "" || strings.HasPrefix(kind, "part") {
		for _, f := range regexp.MustCompile(`\d+`).FindAllString(m[3], -1) {
			if n, err := strconv.Atoi(f); err == nil {
				ref.Parts = append(ref.Parts, n)
			}
		}
	}
	return ref, true
}

// pageRange reads "9776-9784" or "9834".
func pageRange(s string) (int, int) {
	a, b, _ := strings.Cut(strings.TrimSpace(s), "-")
	first, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil {
		return 0, 0
	}
	last, err := strconv.Atoi(strings.TrimSpace(b))
	if err != nil || last < first {
		last = 0
	}
	return first, last
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

var (
	reSlug = regexp.MustCompile(`\s*\b[A-Za-z0-9]*\s+on\s+DSK[0-9A-Z]+PROD\s+with\s+[A-Z]+\d*\b`)
	reCase = regexp.MustCompile(`ICTS\s*[-‐‑‒–—]\s*(\d{4})\s*[-‐‑‒–—]\s*(\d{3})\b`)
	quotes = strings.NewReplacer("``", `"`, "''", `"`, "“", `"`, "”", `"`, "‘‘", `"`, "’’", `"`, "‘", "'", "’", "'", "\u00a0", " ")
)

// CleanText normalises the quirks of Federal Register text: GPO's “...”
// quotes and curly quotes become straight quotes, dashes and spaces inside
// ICTS case numbers are removed ("ICTS– 2021–002" becomes "ICTS-2021-002"),
// printer slugs of PDF-derived text ("lotter on DSK11XQN23PROD with
// NOTICES1") are dropped, and runs of spaces collapse. Line breaks are kept
// (one paragraph per line); empty lines are dropped.
func CleanText(s string) string {
	s = quotes.Replace(s)
	if strings.Contains(s, "PROD") {
		s = reSlug.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "ICTS") {
		s = reCase.ReplaceAllString(s, "ICTS-$1-$2")
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	// Paragraph breaks inside inline elements (E) split a sentence; they
	// only ever come from the element structure, so join lines that do not
	// end a sentence with the next one starting in lower case.
	var b strings.Builder
	for i, l := range out {
		if i > 0 {
			prev := out[i-1]
			if startsLower(l) && !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ":") {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z' || r == ',' || r == ';' || r == ')' || r == '.'
	}
	return false
}

const reDateText = `((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2},?\s+\d{4})`

var (
	reEffective = regexp.MustCompile(`(?i)(?:effective|in effect|takes effect|goes into effect)(?:\s+(?:on|as of|date is|beginning))?\s+` + reDateText)
	reComments  = regexp.MustCompile(`(?i)comments?\b[^.]{0,120}?(?:on or before|by|no later than)\s+` + reDateText)
	reAnyDate   = regexp.MustCompile(reDateText)
	reClock     = regexp.MustCompile(`(?i)\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\.?(?:\s*\(?(?:EDT|EST|ET|eastern\s+(?:daylight|standard)?\s*time)\)?)?`)
)

func findDate(re *regexp.Regexp, s string) time.Time {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	d, err := parseCalendarDate(m[len(m)-1])
	if err != nil {
		return time.Time{}
	}
	return d
}

// CaseNumbers returns the distinct ICTS case numbers in the document's
// subject, dockets and text, in order of appearance.
func (d *Document) CaseNumbers() []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range append(append([]string{d.Subject}, d.Dockets...), d.Text) {
		for _, m := range reCase.FindAllStringSubmatch(CleanText(s), -1) {
			c := "ICTS-" + m[1] + "-" + m[2]
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// IsICTS reports whether the document is an ICTS document: it cites or
// amends 15 CFR part 7 or part 791, or its subject or docket names an ICTS
// case number.
func (d *Document) IsICTS() bool {
	if d.Type == "PRESDOCU" {
		return false
	}
	for _, r := range d.CFR {
		if r.Title != 15 {
			continue
		}
		for _, p := range r.Parts {
			if p == 7 || p == 791 {
				return true
			}
		}
	}
	for _, s := range append([]string{d.Subject}, d.Dockets...) {
		if reCase.MatchString(CleanText(s)) {
			return true
		}
	}
	return false
}

// ErrNotICTS is returned by (*Document).Determination for a document that
// is not an ICTS document.
var ErrNotICTS = errors.New("icts: not an ICTS document")

var (
	reEO        = regexp.MustCompile(`(?:E\.\s?O\.|Executive Order)(?:\s*No\.)?(?:\s*\("?E\.\s?O\."?\))?\s*(1\d{4})\b`)
	reSectCite  = regexp.MustCompile(`(?:15\s+CFR|§+)\s*((?:7|791)\.\d+[a-z]?(?:\([a-z0-9]+\))*)`)
	rePartCite  = regexp.MustCompile(`15\s+CFR\s+part\s+(7|791)\b`)
	reScope     = regexp.MustCompile(`(?i)^,?\s*\(\s*together with ([^)"]{1,300}?),?\s*"([^"]{1,200})"\s*\)`)
	reExclusion = regexp.MustCompile(`(?i)\b(?:do|does|shall) not apply to ([^.]+(?:\.[a-z][^.]*)*)\.`)
	reItem      = regexp.MustCompile(`\(\d+\)\s*|;\s*(?:and\s+|or\s+)?`)
	reListSep   = regexp.MustCompile(`,\s*(?:and\s+|or\s+)?`)
)

// Determination turns an ICTS document into a Determination: kind (from the
// action and subject), case number, title (the subject), citation, FR
// document number, docket, RIN, publication, signature, effective and
// comment dates, authority (executive orders, CFR part, sections cited in
// both numberings), the covered person a final determination names in its
// subject with the scope and defined term of its "(together with ...)"
// clause, dated prohibitions (each paragraph that prohibits and gives a
// date, split into its numbered or semicolon-separated clauses, each
// classified by its words), exclusions ("do not apply to ..."), summary and
// source URL. It returns ErrNotICTS for other documents, and the record with
// an error wrapping ErrIncomplete when it lacks what Validate requires.
func (d *Document) Determination() (*Determination, error) {
	if !d.IsICTS() {
		return nil, fmt.Errorf("%w: %s %s (line %d)", ErrNotICTS, d.Type, d.DocumentNumber, d.Line)
	}
	subject := CleanText(d.Subject)
	det := &Determination{
		Kind:           kindOf(d.Type, d.Action, subject),
		DocumentType:   d.Type,
		Title:          subject,
		Citation:       d.Citation,
		DocumentNumber: d.DocumentNumber,
		RIN:            d.RIN,
		Published:      d.Citation.Date,
		Signed:         d.Signed,
		CommentsDue:    d.CommentsDue,
		Summary:        CleanText(d.Summary),
		SourceURL:      "https://www.federalregister.gov/d/" + d.DocumentNumber,
	}
	if cs := d.CaseNumbers(); len(cs) > 0 {
		det.CaseNumber = cs[0]
	}
	for _, dk := range d.Dockets {
		if m := regexp.MustCompile(`\d{6}-\d{4}`).FindString(dk); m != "" {
			det.Docket = m
			break
		}
	}
	if det.Kind.IsRule() {
		det.Effective = d.Effective
	}
	text := d.Text
	det.Authority = authorityOf(d, text)
	if det.Kind == KindFinalDetermination {
		det.CoveredPersons = personsOf(det.CaseNumber, subject, text)
		det.Prohibitions = prohibitionsOf(text)
		for _, p := range det.Prohibitions {
			if day := dayUTC(p.Effective); det.Effective.IsZero() || day.Before(det.Effective) {
				det.Effective = day
			}
		}
	}
	det.Exclusions = exclusionsOf(text)
	if err := det.Validate(); err != nil {
		return det, fmt.Errorf("%s (line %d): %w", d.DocumentNumber, d.Line, err)
	}
	return det, nil
}

func kindOf(typ, action, subject string) Kind {
	a := strings.ToLower(action)
	switch {
	case strings.HasPrefix(strings.ToLower(subject), "final determination"):
		return KindFinalDetermination
	case strings.Contains(a, "advance notice of proposed rulemaking"):
		return KindANPRM
	case strings.Contains(a, "interim final rule"):
		return KindInterimFinalRule
	case strings.Contains(a, "proposed rule"):
		return KindNPRM
	case strings.Contains(a, "final rule"):
		return KindFinalRule
	case typ == "PRORULE":
		return KindNPRM
	case typ == "RULE":
		return KindFinalRule
	}
	return KindNotice
}

func authorityOf(d *Document, text string) Authority {
	a := Authority{CFRTitle: 15}
	seen := map[string]bool{}
	for _, m := range reEO.FindAllStringSubmatch(text+"\n"+CleanText(d.Summary), -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			a.ExecutiveOrders = append(a.ExecutiveOrders, m[1])
		}
	}
	for _, r := range d.CFR {
		if r.Title != 15 {
			continue
		}
		for _, p := range r.Parts {
			if p == 791 || p == 7 && a.CFRPart == 0 {
				a.CFRPart = p
			}
		}
	}
	if a.CFRPart == 0 {
		if m := rePartCite.FindStringSubmatch(text); m != nil {
			a.CFRPart, _ = strconv.Atoi(m[1])
		}
	}
	secs := map[string]CFRSection{}
	for _, m := range reSectCite.FindAllStringSubmatch(text, -1) {
		if s, err := ParseCFRSection(m[1]); err == nil {
			if old, ok := secs[s.Part791]; !ok || old.Part7 == "" {
				secs[s.Part791] = s
			}
		}
	}
	for _, s := range secs {
		a.Sections = append(a.Sections, s)
	}
	sort.Slice(a.Sections, func(i, j int) bool { return sectionLess(a.Sections[i].Part791, a.Sections[j].Part791) })
	return a
}

func sectionLess(a, b string) bool {
	na, ra := sectionNum(a)
	nb, rb := sectionNum(b)
	if na != nb {
		return na < nb
	}
	return ra < rb
}

func sectionNum(s string) (int, string) {
	s = strings.TrimPrefix(s, "791.")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

func personsOf(caseNo, subject, text string) []CoveredPerson {
	if caseNo == "" {
		return nil
	}
	_, name, ok := strings.Cut(subject, caseNo)
	if !ok {
		return nil
	}
	name = strings.TrimSpace(strings.TrimLeft(name, ",:;- "))
	if name == "" {
		return nil
	}
	p := CoveredPerson{ID: caseNo + "/1", Name: name}
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			break
		}
		off += i + len(name)
		// The scope clause must follow the name directly; the anchored
		// expression keeps the scan linear however often the name recurs.
		if m := reScope.FindStringSubmatchIndex(text[off:]); m != nil {
			rel := strings.ToLower(text[off+m[2] : off+m[3]])
			for _, x := range []struct {
				word string
				rel  Relationship
			}{{"affiliat", Affiliates}, {"subsidiar", Subsidiaries}, {"parent", ParentCompanies}, {"successor", Successors}} {
				if strings.Contains(rel, x.word) {
					p.Scope = append(p.Scope, x.rel)
				}
			}
			if alias := strings.TrimSpace(text[off+m[4] : off+m[5]]); alias != "" && alias != name {
				p.Aliases = append(p.Aliases, alias)
			}
			break
		}
	}
	return []CoveredPerson{p}
}

func prohibitionsOf(text string) []Prohibition {
	var out []Prohibition
	seen := map[TransactionClass]bool{}
	for _, para := range strings.Split(text, "\n") {
		low := strings.ToLower(para)
		if !strings.Contains(low, "prohibit") {
			continue
		}
		dm := reAnyDate.FindStringSubmatchIndex(para)
		if dm == nil {
			continue
		}
		day, err := parseCalendarDate(para[dm[2]:dm[3]])
		if err != nil {
			continue
		}
		at := OnDay(day.Year(), day.Month(), day.Day())
		// A clock time within the 40 bytes before the date, or right
		// after it ("12:00 a.m. EDT on September 29, 2024").
		lo := max(0, dm[0]-40)
		if cm := reClock.FindStringSubmatch(para[lo:min(len(para), dm[1]+25)]); cm != nil {
			h, _ := strconv.Atoi(cm[1])
			mi, _ := strconv.Atoi(cm[2])
			if h >= 1 && h <= 12 && mi < 60 {
				h %= 12
				if strings.EqualFold(cm[3], "p") {
					h += 12
				}
				at = time.Date(day.Year(), day.Month(), day.Day(), h, mi, 0, 0, Eastern)
			}
		}
		for _, clause := range reItem.Split(para, -1) {
			clause = strings.TrimSpace(strings.TrimRight(clause, ". "))
			c := classify(clause)
			if c == ClassUnknown || seen[c] {
				continue
			}
			seen[c] = true
			out = append(out, Prohibition{Class: c, Effective: at, Clause: clause})
		}
	}
	return out
}

func classify(clause string) TransactionClass {
	l := strings.ToLower(clause)
	switch {
	case strings.Contains(l, "licens") && (strings.Contains(l, "resale") || strings.Contains(l, "integrat")):
		return Licensing
	case strings.Contains(l, "new agreement"):
		return NewAgreement
	case strings.Contains(l, "update"):
		return Update
	case strings.Contains(l, "integrat"):
		return Integration
	case strings.Contains(l, "resale") || strings.Contains(l, "resell"):
		return Resale
	case strings.Contains(l, "licens"):
		return Licensing
	case strings.Contains(l, "network") && strings.Contains(l, "operat"):
		return NetworkOperation
	}
	return ClassUnknown
}

func exclusionsOf(text string) []Exclusion {
	var out []Exclusion
	for _, m := range reExclusion.FindAllStringSubmatch(text, -1) {
		for _, item := range reListSep.Split(m[1], -1) {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, Exclusion{Description: item})
			}
		}
	}
	return out
}
