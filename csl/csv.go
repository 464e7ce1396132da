package csl

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// rescanBudget bounds how much the CSV reader re-reads after quoted fields
// that ran across lines, in multiples of the document size, so that a file
// full of stray quotes cannot make the read quadratic.
const rescanBudget = 4

// columnAliases maps header spellings to the canonical column names.
var columnAliases = map[string]string{
	"id": "_id",
}

// parseCSV reads a CSV or TSV document.
func parseCSV(data []byte, sum string, opts Options) (*Result, error) {
	res := &Result{Format: opts.Format, SHA256: sum, Size: int64(len(data)), opts: opts}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	bom := int64(len(data) - len(body))
	comma := ','
	if opts.Format == FormatTSV {
		comma = '\t'
	}
	// trade.gov's TSV does not quote fields, and a quote inside a name is
	// just a character; only a TSV whose header is quoted is read with
	// CSV quoting rules.
	plain := comma == '\t' && !bytes.HasPrefix(body, []byte{'"'})
	newReader := func(b []byte) rowReader {
		if plain {
			return &tsvReader{data: b}
		}
		cr := csv.NewReader(bytes.NewReader(b))
		cr.Comma = comma
		cr.FieldsPerRecord = -1
		return cr
	}
	cr := newReader(body)
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%w: document is empty", ErrHeader)
		}
		return nil, fmt.Errorf("%w: line 1: %w", ErrHeader, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		h = strings.ReplaceAll(h, " ", "_")
		if a, ok := columnAliases[h]; ok {
			h = a
		}
		res.Columns = append(res.Columns, h)
		if _, dup := col[h]; !dup && h != "" {
			col[h] = i
		}
	}
	if _, ok := col["source"]; !ok {
		return nil, fmt.Errorf("%w: no source column in %q", ErrHeader, strings.Join(header, string(comma)))
	}
	if _, ok := col["name"]; !ok {
		return nil, fmt.Errorf("%w: no name column in %q", ErrHeader, strings.Join(header, string(comma)))
	}
	_, hasID := col["_id"]
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}

	b := newBuilder(res)
	res.Records = make([]Record, 0, min(bytes.Count(body, []byte{'\n'}), len(body)/32+1))
	lineBase := 0  // lines before the current reader's input
	var base int64 // byte offset of the current reader's input in body
	var rescanned int64
	prevOff := cr.InputOffset()
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		start := base + prevOff
		prevOff = cr.InputOffset()
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, fmt.Errorf("csl: reading rows: %w", err)
			}
			res.Rows++
			re := &RowError{Record: res.Rows, Line: lineBase + pe.StartLine, Offset: bom + start,
				Err: fmt.Errorf("%w: line %d, column %d: %w", ErrQuote, lineBase+pe.Line, pe.Column, pe.Err)}
			if opts.Strict {
				return nil, re
			}
			res.Errors = append(res.Errors, re)
			if pe.Line > pe.StartLine {
				// A quoted field swallowed the lines after it: start again
				// on the line after the one the bad row began on.
				next := lineBase + pe.StartLine // lines to skip in body
				off := lineOffset(body[base:], pe.StartLine)
				if off >= 0 {
					off += int(base)
					rescanned += int64(len(body) - off)
				}
				if off < 0 || rescanned > rescanBudget*int64(len(body))+1<<20 {
					re.Err = fmt.Errorf("%w; the rest of the document was not read", re.Err)
					break
				}
				cr = newReader(body[off:])
				lineBase, base, prevOff = next, int64(off), 0
			}
			continue
		}
		res.Rows++
		line, _ := cr.FieldPos(0)
		line += lineBase
		if len(row) != len(header) {
			re := &RowError{Record: res.Rows, Line: line, Offset: bom + start,
				Err: fmt.Errorf("%w: %d fields, header has %d", ErrFieldCount, len(row), len(header))}
			if opts.Strict {
				return nil, re
			}
			res.Errors = append(res.Errors, re)
			continue
		}
		raw := rawRecord{
			index: res.Rows, line: line, offset: bom + start, legacy: !hasID,
			id:            get(row, "_id"),
			source:        get(row, "source"),
			entityNum:     get(row, "entity_number"),
			typ:           get(row, "type"),
			programsText:  get(row, "programs"),
			name:          get(row, "name"),
			title:         get(row, "title"),
			addrTexts:     splitAddresses(get(row, "addresses")),
			frNotice:      get(row, "federal_register_notice"),
			startDate:     get(row, "start_date"),
			endDate:       get(row, "end_date"),
			standardOrder: get(row, "standard_order"),
			licReq:        get(row, "license_requirement"),
			licPolicy:     get(row, "license_policy"),
			callSign:      get(row, "call_sign"),
			vesselType:    get(row, "vessel_type"),
			grossT:        get(row, "gross_tonnage"),
			grossRT:       get(row, "gross_registered_tonnage"),
			flag:          get(row, "vessel_flag"),
			owner:         get(row, "vessel_owner"),
			remarks:       get(row, "remarks"),
			listURL:       get(row, "source_list_url"),
			altText:       get(row, "alt_names"),
			citText:       get(row, "citizenships"),
			dobText:       get(row, "dates_of_birth"),
			natText:       get(row, "nationalities"),
			pobText:       get(row, "places_of_birth"),
			infoURL:       get(row, "source_information_url"),
			idsText:       get(row, "ids"),
		}
		if err := b.add(&raw, opts.Strict); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// lineOffset returns the byte offset at which line n+1 of b starts (the
// offset after the n-th newline), or -1 if b has fewer lines.
func lineOffset(b []byte, n int) int {
	off := 0
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(b[off:], '\n')
		if j < 0 {
			return -1
		}
		off += j + 1
	}
	return off
}

// rowReader is what parseCSV needs of a row reader; *csv.Reader has it.
type rowReader interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
	InputOffset() int64
}

// tsvReader reads tab-separated rows without quoting: one row per line,
// fields split at tabs, a trailing carriage return dropped, blank lines
// skipped.
type tsvReader struct {
	data []byte
	off  int // offset of the next line
	line int // lines read so far
	row  int // line of the last row returned
}

// Read returns the next row.
func (r *tsvReader) Read() ([]string, error) {
	for r.off < len(r.data) {
		rest := r.data[r.off:]
		n := bytes.IndexByte(rest, '\n')
		var ln []byte
		if n < 0 {
			ln, r.off = rest, len(r.data)
		} else {
			ln, r.off = rest[:n], r.off+n+1
		}
		r.line++
		ln = bytes.TrimSuffix(ln, []byte{'\r'})
		if len(ln) == 0 {
			continue
		}
		r.row = r.line
		return strings.Split(string(ln), "\t"), nil
	}
	return nil, io.EOF
}

// FieldPos returns the line of the last row; columns are not tracked.
func (r *tsvReader) FieldPos(int) (int, int) { return r.row, 1 }

// InputOffset returns the offset after the last row read.
func (r *tsvReader) InputOffset() int64 { return int64(r.off) }
