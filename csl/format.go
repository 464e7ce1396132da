package csl

import "bytes"

// Format is a serialisation of the CSL.
type Format int

// The formats trade.gov publishes the CSL in.
const (
	FormatUnknown Format = iota
	FormatCSV
	FormatTSV
	FormatJSON
)

// String returns "csv", "tsv", "json" or "unknown".
func (f Format) String() string {
	switch f {
	case FormatCSV:
		return "csv"
	case FormatTSV:
		return "tsv"
	case FormatJSON:
		return "json"
	}
	return "unknown"
}

// Sniff detects the format of a CSL document from its first bytes (512 are
// plenty). After an optional UTF-8 byte order mark and white space, "{" or
// "[" is JSON. Otherwise the first line must be a header row that names
// the source and name columns; it is TSV when it holds more tabs than
// commas and CSV otherwise. Anything else is FormatUnknown. A prefix cut
// inside the header row is judged by what it holds.
func Sniff(prefix []byte) Format {
	p := bytes.TrimPrefix(prefix, []byte("\xef\xbb\xbf"))
	p = bytes.TrimLeft(p, " \t\r\n")
	if len(p) == 0 {
		return FormatUnknown
	}
	if p[0] == '{' || p[0] == '[' {
		return FormatJSON
	}
	line := p
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	l := bytes.ToLower(line)
	if !bytes.Contains(l, []byte("source")) || !bytes.Contains(l, []byte("name")) {
		return FormatUnknown
	}
	tabs, commas := bytes.Count(line, []byte{'\t'}), bytes.Count(line, []byte{','})
	switch {
	case tabs > commas:
		return FormatTSV
	case commas > 0:
		return FormatCSV
	}
	return FormatUnknown
}
