package entitylist

import (
	"bytes"
)

// Format is an input format Sniff recognises.
type Format int

// The formats.
const (
	FormatUnknown Format = iota
	// FormatECFRXML is the eCFR's XML (versioner API or bulk data): an
	// optional XML declaration, then an upper-case eCFR element
	// (DIV1..DIV9, ECFR, CFRGRANULE, ...).
	FormatECFRXML
	// FormatHTML is an HTML page (a doctype or an <html>, <head>, <body>,
	// <div>, <table> or <meta> element).
	FormatHTML
)

// String returns "ecfr-xml", "html" or "unknown".
func (f Format) String() string {
	switch f {
	case FormatECFRXML:
		return "ecfr-xml"
	case FormatHTML:
		return "html"
	}
	return "unknown"
}

// Sniff tells the eCFR XML and HTML renderings apart from the first bytes
// of a document (512 are plenty; fewer work when the document starts
// straight away). It skips a byte-order mark, white space, an XML
// declaration and comments, then looks at the first element: upper-case
// eCFR element names (DIV5, DIV9, ECFR, ...) mean eCFR XML, an HTML
// doctype or a lower-case HTML element means HTML. An XML declaration
// followed by an <html> element is HTML (XHTML). Anything else is
// FormatUnknown. Sniff does not validate the document.
func Sniff(prefix []byte) Format {
	b := bytes.TrimPrefix(prefix, []byte("\xef\xbb\xbf"))
	sawDecl := false
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case bytes.HasPrefix(b, []byte("<?xml")):
			sawDecl = true
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return FormatECFRXML
			}
			b = b[i+2:]
			continue
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return guess(sawDecl)
			}
			b = b[i+3:]
			continue
		}
		break
	}
	if len(b) == 0 || b[0] != '<' {
		if len(b) == 0 {
			return guess(sawDecl)
		}
		return FormatUnknown
	}
	if len(b) > 9 && bytes.EqualFold(b[:9], []byte("<!DOCTYPE")) {
		if bytes.Contains(bytes.ToLower(b[:min(len(b), 64)]), []byte("html")) {
			return FormatHTML
		}
		return guess(sawDecl)
	}
	name := b[1:]
	end := bytes.IndexAny(name, " \t\r\n>/")
	if end < 0 {
		end = len(name)
	}
	name = name[:end]
	if len(name) == 0 {
		return FormatUnknown
	}
	switch string(bytes.ToLower(name)) {
	case "html", "head", "body", "meta", "title", "link", "script", "style":
		return FormatHTML
	}
	if isUpper(name) {
		return FormatECFRXML
	}
	switch string(name) {
	case "div", "table", "section", "article", "main", "p", "h1", "h2", "h3", "h4", "h5", "h6":
		if sawDecl {
			return FormatECFRXML
		}
		return FormatHTML
	}
	if sawDecl {
		return FormatECFRXML
	}
	return FormatUnknown
}

func guess(sawDecl bool) Format {
	if sawDecl {
		return FormatECFRXML
	}
	return FormatUnknown
}

// isUpper reports whether an element name is written in upper case (digits
// allowed), as the eCFR's XML elements are.
func isUpper(name []byte) bool {
	letter := false
	for _, c := range name {
		switch {
		case c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9', c == '_', c == '-':
		default:
			return false
		}
	}
	return letter
}
