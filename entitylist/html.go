package entitylist

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/rpscreen/rpscreen/sanctions"
)

const formatHTML = "HTML"

var reUpToDate = regexp.MustCompile(`(?i)up to date as of\s+((?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})`)

// ParseHTML reads the Entity List from the eCFR's HTML rendering of
// 15 CFR part 744 Supplement No. 4: the table whose header reads Country |
// Entity | License requirement | License review policy | Federal Register
// citation, and the footnote paragraphs (elements whose class names a
// footnote: "ftnt", "footnote"). It gives the same entries as ParseECFR for
// the same content. Input above DefaultMaxBytes is refused; use
// ParseHTMLOptions to change the limit.
//
// HTML parsers repair damaged markup silently, so ParseHTML also checks the
// raw input: a document that ends inside a table (more <table> than
// </table> tags) or that opens <html> without closing it is refused with
// ErrTruncated. Errors are *ParseError values with the byte offset, line
// and column of the table or row concerned where they can be found.
func ParseHTML(r io.Reader) (*List, error) {
	return ParseHTMLOptions(r, Options{})
}

// ParseHTMLOptions is ParseHTML with options.
func ParseHTMLOptions(r io.Reader, opt Options) (*List, error) {
	data, err := io.ReadAll(newLimitedReader(r, opt.limit()))
	if err != nil {
		pe := &ParseError{Format: formatHTML, Offset: int64(len(data)), Err: err}
		if !errors.Is(err, ErrTooLarge) {
			pe.Err = fmt.Errorf("reading input: %w", err)
		}
		return nil, pe
	}
	if err := checkClosed(data); err != nil {
		return nil, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		return nil, &ParseError{Format: formatHTML, Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	l := &List{}
	doc.Find("h1, h2, h3, h4, h5, h6").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var cb cellBuilder
		for _, n := range s.Nodes {
			walkHTML(&cb, n)
		}
		h := oneLine(stripMarkers(cb.String(), new([]int)))
		if strings.Contains(strings.ToLower(h), "supplement no. 4 to part 744") {
			l.Heading = h
			return false
		}
		return true
	})
	l.AsOf = htmlAsOf(doc, data)

	var rows []rawRow
	found := false
	var tableErr error
	doc.Find("table").EachWithBreak(func(k int, s *goquery.Selection) bool {
		tr, th := htmlRows(s.Nodes[0])
		got, ok, err := takeTable(tr, th)
		if err != nil {
			off := nthTag(data, "<table", 0, k)
			line, col := lineCol(data, off)
			tableErr = &ParseError{Format: formatHTML, Line: line, Column: col, Offset: int64(off), Element: "table", Err: err}
			return false
		}
		if ok {
			found = true
			rows = append(rows, got...)
		}
		return true
	})
	if tableErr != nil {
		return nil, tableErr
	}
	if !found {
		return nil, &ParseError{Format: formatHTML, Offset: int64(len(data)), Err: fmt.Errorf("%w: no table with the columns Country, Entity, License requirement, License review policy, Federal Register citation", ErrNoTable)}
	}
	doc.Find("div, section, aside, ol, ul").Each(func(_ int, s *goquery.Selection) {
		cls := strings.ToLower(s.AttrOr("class", ""))
		if !strings.Contains(cls, "ftnt") && !strings.Contains(cls, "footnote") {
			return
		}
		if s.ParentsFiltered("table").Length() > 0 {
			return
		}
		s.ChildrenFiltered("p, li").Each(func(_ int, p *goquery.Selection) {
			l.Footnotes = append(l.Footnotes, htmlFootnote(p.Nodes[0]))
		})
	})
	if err := interpret(l, rows, formatHTML); err != nil {
		var pe *ParseError
		if errors.As(err, &pe) && pe.Row > 0 {
			if off := nthTag(data, "<tr", 0, pe.Row); off >= 0 { // header is tr 0
				pe.Line, pe.Column = lineCol(data, off)
				pe.Offset = int64(off)
			}
		}
		return nil, err
	}
	return l, nil
}

// htmlAsOf finds the date the document says it is current to.
func htmlAsOf(doc *goquery.Document, data []byte) time.Time {
	var t time.Time
	doc.Find("[data-hierarchy-metadata], [hierarchy_metadata]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		hm := s.AttrOr("data-hierarchy-metadata", s.AttrOr("hierarchy_metadata", ""))
		if m := reOnDate.FindStringSubmatch(hm); m != nil {
			if d, err := time.Parse("2006-01-02", m[1]); err == nil {
				t = d
				return false
			}
		}
		return true
	})
	if !t.IsZero() {
		return t
	}
	if i := indexFoldText(data, "up to date as of"); i >= 0 {
		data = data[i:min(len(data), i+80)]
	} else {
		return t
	}
	if m := reUpToDate.FindSubmatch(data); m != nil {
		if d, err := sanctions.ParseDate(string(m[1])); err == nil {
			return d
		}
	}
	return t
}

// htmlRows returns the rows of a table (not of tables nested in its
// cells) with their cell texts, and whether each row is made of th cells.
func htmlRows(table *html.Node) ([]rawRow, []bool) {
	var rows []rawRow
	var th []bool
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				visit(c)
			case atom.Tr:
				var rr rawRow
				allTH := true
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type != html.ElementNode || (cell.DataAtom != atom.Td && cell.DataAtom != atom.Th) {
						continue
					}
					if cell.DataAtom == atom.Td {
						allTH = false
					}
					var cb cellBuilder
					walkHTML(&cb, cell)
					rr.cells = append(rr.cells, cb.String())
					for i := 1; i < colspan(cell); i++ {
						rr.cells = append(rr.cells, "")
					}
				}
				rows = append(rows, rr)
				th = append(th, allTH && len(rr.cells) > 0)
			}
		}
	}
	visit(table)
	return rows, th
}

func colspan(n *html.Node) int {
	for _, a := range n.Attr {
		if a.Key == "colspan" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > 1 && v <= numColumns {
				return v
			}
		}
	}
	return 1
}

func hasFootnoteClass(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "href" {
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "footnote") || strings.Contains(v, "ftref") || strings.Contains(v, "ftnt") {
				return true
			}
		}
	}
	return false
}

// walkHTML renders the text of n's children into cb: line breaks for br
// and block elements, footnote markers for numeric superscripts and
// footnote links.
func walkHTML(cb *cellBuilder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			cb.text(c.Data)
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Br:
				cb.brk()
			case atom.Script, atom.Style, atom.Template:
			case atom.Sup:
				s := nodeText(c)
				if d, ok := footnoteDigits(s); ok {
					cb.marker(d)
				} else {
					cb.text(s)
				}
			case atom.A:
				if s := nodeText(c); hasFootnoteClass(c) {
					if d, ok := footnoteDigits(s); ok {
						cb.marker(d)
						continue
					}
				}
				walkHTML(cb, c)
			case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Td, atom.Th, atom.Table, atom.Section,
				atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				cb.brk()
				walkHTML(cb, c)
				cb.brk()
			default:
				walkHTML(cb, c)
			}
		}
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if c.Type == html.ElementNode {
				f(c)
			}
		}
	}
	f(n)
	return b.String()
}

// htmlFootnote reads a footnote paragraph: a leading numeric superscript
// is the number, the rest the text.
func htmlFootnote(p *html.Node) Footnote {
	var cb cellBuilder
	walkHTML(&cb, p)
	var nums []int
	s := cb.String()
	fn := Footnote{}
	if strings.HasPrefix(s, string(markOpen)) {
		end := strings.IndexRune(s, markClose)
		fn.Number, _ = strconv.Atoi(s[len(string(markOpen)):end])
		s = s[end+len(string(markClose)):]
	}
	fn.Text = oneLine(stripMarkers(s, &nums))
	return fn
}

// checkClosed refuses raw HTML that ends inside a table or an html element.
func checkClosed(data []byte) error {
	opens := countTag(data, "<table")
	closes := countTag(data, "</table")
	if opens > closes {
		line, col := lineCol(data, len(data))
		return &ParseError{Format: formatHTML, Line: line, Column: col, Offset: int64(len(data)), Row: countTag(data, "<tr") - 1, Element: "table",
			Err: fmt.Errorf("%w: the input ends inside a table (%d <table>, %d </table>)", ErrTruncated, opens, closes)}
	}
	if countTag(data, "<html") > 0 && countTag(data, "</html") == 0 {
		line, col := lineCol(data, len(data))
		return &ParseError{Format: formatHTML, Line: line, Column: col, Offset: int64(len(data)), Element: "html",
			Err: fmt.Errorf("%w: <html> is not closed", ErrTruncated)}
	}
	return nil
}

// countTag counts case-insensitive occurrences of tag ("<table") followed
// by a delimiter.
func countTag(data []byte, tag string) int {
	n := 0
	for off := 0; ; off++ {
		off = nthTag(data, tag, off, 0)
		if off < 0 {
			return n
		}
		n++
	}
}

// nthTag returns the offset of the nth (0-based) case-insensitive
// occurrence of tag at or after from, followed by '>', '/' or space; -1 if
// there is none.
func nthTag(data []byte, tag string, from, nth int) int {
	for i := from; i+len(tag) <= len(data); {
		j := indexFold(data[i:], tag)
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(tag)
		if end == len(data) || data[end] == '>' || data[end] == '/' || data[end] == ' ' || data[end] == '\n' || data[end] == '\t' || data[end] == '\r' {
			if nth == 0 {
				return at
			}
			nth--
		}
		i = at + 1
	}
	return -1
}

// indexFold is a case-insensitive bytes.Index for an ASCII lower-case
// needle starting with '<'.
func indexFold(data []byte, needle string) int {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return -1
		}
		at := i + j
		if at+len(needle) > len(data) {
			return -1
		}
		match := true
		for k := 1; k < len(needle); k++ {
			c := data[at+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[k] {
				match = false
				break
			}
		}
		if match {
			return at
		}
		i = at + 1
	}
}

// indexFoldText is a case-insensitive bytes.Index for an ASCII lower-case
// needle.
func indexFoldText(data []byte, needle string) int {
	first := needle[0]
	for i := 0; i+len(needle) <= len(data); i++ {
		c := data[i] | 0x20
		if c != first {
			continue
		}
		ok := true
		for k := 1; k < len(needle); k++ {
			c := data[i+k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[k] {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// lineCol converts a byte offset to a 1-based line and column.
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		return 0, 0
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}
