package entitylist

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const formatXML = "eCFR XML"

var reOnDate = regexp.MustCompile(`/on/(\d{4}-\d{2}-\d{2})/`)

// ParseECFR reads the Entity List from the eCFR versioner API's XML of
// 15 CFR part 744 Supplement No. 4 (or of the whole part, or of any
// document holding the supplement): the TABLE whose header reads Country |
// Entity | License requirement | License review policy | Federal Register
// citation (the rows of several such tables are read in order), and the
// footnote paragraphs (FTNT) after it. Other tables are ignored. Input
// above DefaultMaxBytes is refused; use ParseECFROptions to change the
// limit. The document is read into memory whole and checked for
// well-formedness as it is scanned.
//
// Errors are *ParseError values with the line and column where the problem
// was found; they wrap ErrTooLarge, ErrNoTable, ErrColumns, ErrTruncated or
// ErrSyntax. On error the returned list is nil.
func ParseECFR(r io.Reader) (*List, error) {
	return ParseECFROptions(r, Options{})
}

// ParseECFROptions is ParseECFR with options.
func ParseECFROptions(r io.Reader, opt Options) (*List, error) {
	data, err := io.ReadAll(newLimitedReader(r, opt.limit()))
	if err != nil {
		line, col := lineCol(data, len(data))
		pe := &ParseError{Format: formatXML, Line: line, Column: col, Offset: int64(len(data)), Err: err}
		if !errors.Is(err, ErrTooLarge) {
			pe.Err = fmt.Errorf("reading input: %w", err)
		}
		return nil, pe
	}
	p := &xmlParser{s: newXMLScanner(data)}
	if err := p.run(); err != nil {
		return nil, err
	}
	l := &List{Heading: p.heading, AsOf: p.asOf, Footnotes: p.footnotes}
	if err := interpret(l, p.rows, formatXML); err != nil {
		var pe *ParseError
		if errors.As(err, &pe) && pe.Offset > 0 {
			pe.Line, pe.Column = lineCol(data, int(pe.Offset))
		}
		return nil, err
	}
	return l, nil
}

type xmlTable struct {
	off    int
	rows   []rawRow
	header []bool // per row: made of TH cells
}

type xmlParser struct {
	s *xmlScanner

	heading   string
	asOf      time.Time
	rows      []rawRow
	found     bool
	footnotes []Footnote

	tables   []*xmlTable // open tables, innermost last
	row      *rawRow
	rowTH    bool
	inCell   int // depth of open cells
	cellSpan int
	cell     cellBuilder
	inSU     int
	su       strings.Builder

	inHead int
	head   cellBuilder

	inFTNT int
	inFTP  int
	ftNum  int
	ftText cellBuilder
}

// errAt makes a ParseError at byte offset off.
func (p *xmlParser) errAt(off int, elem string, err error) error {
	line, col := lineCol(p.s.data, off)
	return &ParseError{Format: formatXML, Line: line, Column: col, Offset: int64(off), Row: len(p.rows) + p.openRows(), Element: elem, Err: err}
}

// openRows counts the data rows of the open table, the one being read
// included, for error positions.
func (p *xmlParser) openRows() int {
	n := 0
	if len(p.tables) > 0 {
		if n = len(p.tables[0].rows); n > 0 {
			n-- // the header
		}
	}
	if p.row != nil {
		n++
	}
	return n
}

func upperASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}

func (p *xmlParser) run() error {
	sc := p.s
	for {
		if err := sc.next(); err != nil {
			var se *scanError
			if errors.As(err, &se) {
				base := ErrSyntax
				if se.truncated {
					base = ErrTruncated
				}
				elem := ""
				if n := len(sc.stack); n > 0 {
					elem = sc.stack[n-1]
				}
				return p.errAt(se.off, elem, fmt.Errorf("%w: %s", base, se.msg))
			}
			return p.errAt(sc.pos, "", err)
		}
		switch sc.kind {
		case tokEOF:
			if !p.found {
				return p.errAt(len(sc.data), "", fmt.Errorf("%w: no TABLE with the columns Country, Entity, License requirement, License review policy, Federal Register citation", ErrNoTable))
			}
			return nil
		case tokStart:
			if err := p.start(upperASCII(sc.name)); err != nil {
				return err
			}
		case tokEnd:
			if err := p.end(upperASCII(sc.name)); err != nil {
				return err
			}
		case tokText:
			p.chars(sc.text)
		}
	}
}

func (p *xmlParser) start(name string) error {
	if p.asOf.IsZero() && len(p.s.attrs) > 0 && strings.HasPrefix(name, "DIV") {
		if hm := p.s.attr("hierarchy_metadata"); hm != "" {
			if m := reOnDate.FindStringSubmatch(hm); m != nil {
				if d, err := time.Parse("2006-01-02", m[1]); err == nil {
					p.asOf = d
				}
			}
		}
	}
	if p.inCell > 0 {
		switch name {
		case "TD", "TH":
			p.inCell++ // a table nested in a cell: its cells are lines
			p.cell.brk()
		case "BR", "P", "FP", "TR", "LI", "DIV", "TABLE":
			p.cell.brk()
		case "SU", "SUP":
			p.inSU++
			if p.inSU == 1 {
				p.su.Reset()
			}
		}
		return nil
	}
	if p.inHead > 0 {
		return nil
	}
	if p.inFTNT > 0 {
		switch name {
		case "P", "FP":
			p.inFTP++
			if p.inFTP == 1 {
				p.ftNum = 0
				p.ftText.reset()
			}
		case "SU":
			p.inSU++
			if p.inSU == 1 {
				p.su.Reset()
			}
		}
		return nil
	}
	switch name {
	case "HEAD", "HD":
		p.inHead++
		p.head.reset()
	case "TABLE":
		p.tables = append(p.tables, &xmlTable{off: p.s.start})
	case "TR":
		if len(p.tables) == 0 {
			return nil
		}
		p.row = &rawRow{offset: int64(p.s.start)}
		p.rowTH = true
	case "TD", "TH":
		if p.row == nil {
			return nil
		}
		p.inCell = 1
		p.cell.reset()
		p.cellSpan = 1
		if cs := p.s.attr("colspan"); cs != "" {
			if n, err := strconv.Atoi(cs); err == nil && n > 1 && n <= numColumns {
				p.cellSpan = n
			}
		}
		if name == "TD" {
			p.rowTH = false
		}
	case "FTNT":
		if p.found {
			p.inFTNT++
		}
	}
	return nil
}

func (p *xmlParser) end(name string) error {
	if p.inSU > 0 && (name == "SU" || name == "SUP") {
		p.inSU--
		if p.inSU == 0 {
			s := p.su.String()
			switch {
			case p.inCell > 0:
				if d, ok := footnoteDigits(s); ok {
					p.cell.marker(d)
				} else {
					p.cell.text(s)
				}
			case p.inFTP > 0:
				if d, ok := footnoteDigits(s); ok && p.ftNum == 0 && p.ftText.b.Len() == 0 {
					p.ftNum, _ = strconv.Atoi(d)
				} else {
					p.ftText.text(s)
				}
			}
		}
		return nil
	}
	if p.inCell > 0 {
		switch name {
		case "TD", "TH":
			p.inCell--
			if p.inCell > 0 {
				p.cell.brk()
				return nil
			}
			p.row.cells = append(p.row.cells, p.cell.String())
			for i := 1; i < p.cellSpan; i++ {
				p.row.cells = append(p.row.cells, "")
			}
		case "BR", "P", "FP", "LI", "DIV", "TR", "TABLE":
			p.cell.brk()
		}
		return nil
	}
	if p.inHead > 0 {
		if name == "HEAD" || name == "HD" {
			p.inHead--
			if p.inHead == 0 {
				h := oneLine(stripMarkers(p.head.String(), new([]int)))
				if p.heading == "" && strings.Contains(strings.ToLower(h), "supplement no. 4 to part 744") {
					p.heading = h
				}
			}
		}
		return nil
	}
	if p.inFTNT > 0 {
		switch name {
		case "P", "FP":
			p.inFTP--
			if p.inFTP == 0 {
				txt := oneLine(p.ftText.String())
				if p.ftNum > 0 || txt != "" {
					p.footnotes = append(p.footnotes, Footnote{Number: p.ftNum, Text: txt})
				}
			}
		case "FTNT":
			p.inFTNT--
		}
		return nil
	}
	switch name {
	case "TR":
		if p.row != nil && len(p.tables) > 0 {
			tb := p.tables[len(p.tables)-1]
			tb.rows = append(tb.rows, *p.row)
			tb.header = append(tb.header, p.rowTH && len(p.row.cells) > 0)
		}
		p.row = nil
	case "TABLE":
		if len(p.tables) == 0 {
			return nil
		}
		tb := p.tables[len(p.tables)-1]
		p.tables = p.tables[:len(p.tables)-1]
		p.row = nil
		rows, ok, err := takeTable(tb.rows, tb.header)
		if err != nil {
			return p.errAt(tb.off, "TABLE", err)
		}
		if ok {
			p.found = true
			p.rows = append(p.rows, rows...)
		}
	}
	return nil
}

func (p *xmlParser) chars(b []byte) {
	switch {
	case p.inSU > 0:
		p.su.Write(b)
	case p.inCell > 0:
		p.cell.textBytes(b)
	case p.inHead > 0:
		p.head.textBytes(b)
	case p.inFTP > 0:
		p.ftText.textBytes(b)
	}
}

// headerNames are the words each header cell must contain.
var headerNames = [numColumns]string{"country", "entity", "license requirement", "review policy", "federal register"}

// isHeader reports whether the cells read as the Entity List's header (the
// first two columns are enough to recognise it).
func isHeader(cells []string) bool {
	if len(cells) < 2 {
		return false
	}
	return strings.Contains(strings.ToLower(stripMarkers(cells[0], new([]int))), headerNames[0]) &&
		strings.Contains(strings.ToLower(stripMarkers(cells[1], new([]int))), headerNames[1])
}

// takeTable decides whether a table is the Entity List and returns its data
// rows. A table whose first row reads as the header is the Entity List;
// if it does not have the five columns that is an error. Header rows
// repeated inside the table are dropped.
func takeTable(rows []rawRow, th []bool) ([]rawRow, bool, error) {
	if len(rows) == 0 || !isHeader(rows[0].cells) {
		return nil, false, nil
	}
	h := rows[0].cells
	if len(h) != numColumns {
		return nil, false, fmt.Errorf("%w: the Entity List header has %d columns (%s), want %d", ErrColumns, len(h), strings.Join(onelineAll(h), " | "), numColumns)
	}
	for i := 2; i < numColumns; i++ {
		if !strings.Contains(strings.ToLower(oneLine(h[i])), headerNames[i]) {
			return nil, false, fmt.Errorf("%w: header column %d reads %q, want %q", ErrColumns, i+1, oneLine(h[i]), headerNames[i])
		}
	}
	out := make([]rawRow, 0, len(rows)-1)
	for i, r := range rows[1:] {
		if (th == nil || th[i+1]) && isHeader(r.cells) {
			continue
		}
		out = append(out, r)
	}
	return out, true, nil
}

func onelineAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = oneLine(c)
	}
	return out
}
