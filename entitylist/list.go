package entitylist

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// List is the Entity List as read from one document.
type List struct {
	// Heading is the supplement's heading as published
	// ("Supplement No. 4 to Part 744—Entity List"), when present.
	Heading string `json:"heading,omitempty"`
	// AsOf is the date the document says its content is current to, zero
	// when it does not say. ParseECFR reads it from the versioner API's
	// hierarchy_metadata path ("/on/2024-06-24/..."); ParseHTML from a
	// "up to date as of" statement or the same path in a data attribute.
	AsOf time.Time `json:"as_of,omitzero"`
	// Rows is the number of data rows in the table (header rows excluded).
	// Rows == len(Entries) + len(Skipped) always holds.
	Rows int `json:"rows"`
	// Entries are the rows read as entries, in table order.
	Entries []Entry `json:"entries"`
	// Skipped are the rows that did not become entries: reserved rows and
	// rows whose entity cell could not be read.
	Skipped []RowNote `json:"skipped,omitempty"`
	// Warnings are notes on rows that did become entries but have a
	// doubtful part (unknown country name, unreadable citation text, a
	// duplicated ID). Row refers to Entry.Row.
	Warnings []RowNote `json:"warnings,omitempty"`
	// Footnotes are the footnote paragraphs printed after the table.
	Footnotes []Footnote `json:"footnotes,omitempty"`
}

// Reasons used in RowNote.Reason for skipped rows.
const (
	ReasonReserved    = "reserved"
	ReasonEmptyEntity = "empty entity cell"
	ReasonNoCountry   = "no country"
)

// RowNote reports something about one data row of the table.
type RowNote struct {
	// Row is the 1-based data row number (header excluded).
	Row int `json:"row"`
	// Reason says what is wrong or why the row was skipped.
	Reason string `json:"reason"`
	// Text is the text concerned: the row's cells joined with " | " for a
	// skipped row, the doubtful text for a warning.
	Text string `json:"text,omitempty"`
}

// Footnote is a numbered footnote paragraph printed after the table.
type Footnote struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
}

// Reserved returns the number of rows skipped as "[Reserved]".
func (l *List) Reserved() int {
	n := 0
	for _, s := range l.Skipped {
		if s.Reason == ReasonReserved {
			n++
		}
	}
	return n
}

// Snapshot turns the list into a sanctions.Snapshot. src supplies what the
// document itself does not know (URL, retrieved-at, sha256); its Code and
// Name are set to "EL" and SourceName, and its AsOf to l.AsOf when src has
// none.
func (l *List) Snapshot(src sanctions.Source) sanctions.Snapshot {
	src.Code = SourceCode
	src.Name = SourceName
	if src.AsOf.IsZero() {
		src.AsOf = l.AsOf
	}
	s := sanctions.Snapshot{Source: src, Parties: make([]sanctions.Party, 0, len(l.Entries))}
	for i := range l.Entries {
		s.Parties = append(s.Parties, l.Entries[i].Party())
	}
	return s
}

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero:
// 64 MiB, about thirty times the size of the published supplement.
const DefaultMaxBytes int64 = 64 << 20

// Options adjust the parsers.
type Options struct {
	// MaxBytes is the largest input accepted; input above it is refused
	// with ErrTooLarge as soon as the limit is passed, without reading the
	// rest. Zero means DefaultMaxBytes; a negative value means no limit.
	MaxBytes int64
}

func (o *Options) limit() int64 {
	if o == nil || o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Errors a caller can test for with errors.Is. Parse errors are
// *ParseError values that wrap one of these or the underlying cause.
var (
	// ErrTooLarge: the input is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("input larger than the size limit")
	// ErrNoTable: the document holds no Entity List table.
	ErrNoTable = errors.New("no Entity List table")
	// ErrColumns: the table, or a row of it, does not have the five columns.
	ErrColumns = errors.New("wrong number of columns")
	// ErrTruncated: the document ends before the table is closed.
	ErrTruncated = errors.New("document truncated")
	// ErrSyntax: the document is not well-formed.
	ErrSyntax = errors.New("malformed document")
)

// ParseError says where in the input a parse failed. Fields that are not
// known are zero.
type ParseError struct {
	// Format is "eCFR XML" or "HTML".
	Format string
	// Line and Column are 1-based positions in the input (XML only).
	Line, Column int
	// Offset is the byte offset in the input.
	Offset int64
	// Row is the 1-based data row of the table.
	Row int
	// Element is the element being read (TABLE, TR, TD, ...).
	Element string
	Err     error
}

// Error renders the error with its position: "entitylist: eCFR XML line
// 18, column 60, byte 1055, row 2: document truncated: unexpected EOF".
func (e *ParseError) Error() string {
	s := "entitylist: " + e.Format
	sep := ": "
	if e.Line > 0 {
		s += fmt.Sprintf(" line %d, column %d", e.Line, e.Column)
		sep = ", "
	}
	if e.Offset > 0 {
		s += fmt.Sprintf("%sbyte %d", sep, e.Offset)
		sep = ", "
	}
	if e.Row > 0 {
		s += fmt.Sprintf("%srow %d", sep, e.Row)
		sep = ", "
	}
	if e.Element != "" {
		s += fmt.Sprintf("%s<%s>", sep, e.Element)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// limitedReader returns ErrTooLarge once more than n bytes have been read.
type limitedReader struct {
	r    io.Reader
	n    int64 // bytes still allowed
	read int64
}

func newLimitedReader(r io.Reader, limit int64) io.Reader {
	if limit < 0 {
		return r
	}
	return &limitedReader{r: r, n: limit}
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return 0, ErrTooLarge
	}
	// Allow one byte more than the limit so that input of exactly the
	// limit is accepted and anything longer is seen.
	if int64(len(p)) > l.n+1 {
		p = p[:l.n+1]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	l.read += int64(n)
	if l.n < 0 {
		return n, fmt.Errorf("%w (%d bytes read)", ErrTooLarge, l.read)
	}
	return n, err
}
