package entitylist

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a small, strict tokenizer for the eCFR's XML, held in
// memory. It is several times faster than encoding/xml for this input
// because it hands out slices of the document instead of copies and keeps
// no namespace state, and it checks what matters for well-formedness here:
// tags and attributes are complete, end tags match start tags, entity and
// character references are known, and nothing is left open at the end.
// Entities are the XML five plus the HTML names (encoding/xml's
// HTMLEntity), as the eCFR uses both.
type xmlScanner struct {
	data  []byte
	pos   int
	stack []string
	names map[string]string // interned element names
	buf   []byte            // decoded text, reused
	attrs []rawAttr

	// The current token.
	kind  tokKind
	name  string // element name (start and end tokens)
	empty bool   // start token was <x/>
	text  []byte // character data, decoded
	start int    // offset where the token began
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type rawAttr struct {
	name, val []byte // val raw, entities not yet decoded
}

// scanError is a syntax error at a byte offset.
type scanError struct {
	off       int
	truncated bool
	msg       string
}

func (e *scanError) Error() string { return e.msg }

func newXMLScanner(data []byte) *xmlScanner {
	return &xmlScanner{data: data, names: make(map[string]string, 64)}
}

func (s *xmlScanner) fail(off int, format string, a ...any) error {
	return &scanError{off: off, msg: fmt.Sprintf(format, a...)}
}

func (s *xmlScanner) eof(off int, what string) error {
	return &scanError{off: off, truncated: true, msg: "unexpected EOF in " + what}
}

// next reads the next token. At the end of the input it returns tokEOF,
// or an error when elements are still open. A self-closing element gives a
// start token with empty set; the scanner then gives its end token.
func (s *xmlScanner) next() error {
	if s.kind == tokStart && s.empty {
		s.kind, s.empty = tokEnd, false
		s.stack = s.stack[:len(s.stack)-1]
		return nil
	}
	for {
		s.start = s.pos
		if s.pos >= len(s.data) {
			if len(s.stack) > 0 {
				return &scanError{off: s.pos, truncated: true, msg: fmt.Sprintf("unexpected EOF: <%s> is not closed", s.stack[len(s.stack)-1])}
			}
			s.kind = tokEOF
			return nil
		}
		if s.data[s.pos] != '<' {
			return s.scanText()
		}
		rest := s.data[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			i := bytes.Index(rest, []byte("?>"))
			if i < 0 {
				return s.eof(s.pos, "processing instruction")
			}
			s.pos += i + 2
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := bytes.Index(rest[4:], []byte("-->"))
			if i < 0 {
				return s.eof(s.pos, "comment")
			}
			s.pos += 4 + i + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i := bytes.Index(rest[9:], []byte("]]>"))
			if i < 0 {
				return s.eof(s.pos, "CDATA section")
			}
			if len(s.stack) == 0 {
				return s.fail(s.pos, "CDATA outside the root element")
			}
			s.kind, s.text = tokText, rest[9:9+i]
			s.pos += 9 + i + 3
			return nil
		case bytes.HasPrefix(rest, []byte("<!")):
			// DOCTYPE and other declarations: skip to the matching '>'.
			depth := 0
			i := 2
			for ; i < len(rest); i++ {
				if rest[i] == '<' {
					depth++
				} else if rest[i] == '>' {
					if depth == 0 {
						break
					}
					depth--
				}
			}
			if i >= len(rest) {
				return s.eof(s.pos, "declaration")
			}
			s.pos += i + 1
		case bytes.HasPrefix(rest, []byte("</")):
			return s.scanEnd()
		default:
			return s.scanStart()
		}
	}
}

func isNameByte(c byte) bool {
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == '_' || c == '-' || c == '.' || c == ':'
}

func isNameStart(c byte) bool {
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// readName reads a name at s.pos.
func (s *xmlScanner) readName() ([]byte, error) {
	i := s.pos
	if i >= len(s.data) {
		return nil, s.eof(i, "tag")
	}
	if !isNameStart(s.data[i]) {
		return nil, s.fail(i, "invalid character %q at the start of a name", s.data[i])
	}
	for i < len(s.data) && isNameByte(s.data[i]) {
		i++
	}
	n := s.data[s.pos:i]
	s.pos = i
	return n, nil
}

func (s *xmlScanner) intern(b []byte) string {
	if n, ok := s.names[string(b)]; ok {
		return n
	}
	n := string(b)
	s.names[n] = n
	return n
}

func (s *xmlScanner) skipSpace() {
	for s.pos < len(s.data) && isXMLSpace(s.data[s.pos]) {
		s.pos++
	}
}

func (s *xmlScanner) scanStart() error {
	s.pos++ // '<'
	nb, err := s.readName()
	if err != nil {
		return err
	}
	s.name = s.intern(nb)
	s.attrs = s.attrs[:0]
	for {
		sp := s.pos
		s.skipSpace()
		if s.pos >= len(s.data) {
			return s.eof(s.start, "tag <"+s.name+">")
		}
		switch c := s.data[s.pos]; c {
		case '>':
			s.pos++
			s.kind, s.empty = tokStart, false
			s.stack = append(s.stack, s.name)
			return nil
		case '/':
			if s.pos+1 >= len(s.data) {
				return s.eof(s.start, "tag <"+s.name+">")
			}
			if s.data[s.pos+1] != '>' {
				return s.fail(s.pos, "expected /> in element <%s>", s.name)
			}
			s.pos += 2
			s.kind, s.empty = tokStart, true
			s.stack = append(s.stack, s.name)
			return nil
		}
		if s.pos == sp {
			return s.fail(s.pos, "expected space or > after the name in <%s>", s.name)
		}
		an, err := s.readName()
		if err != nil {
			return err
		}
		s.skipSpace()
		if s.pos >= len(s.data) {
			return s.eof(s.start, "tag <"+s.name+">")
		}
		if s.data[s.pos] != '=' {
			return s.fail(s.pos, "attribute %s in <%s> has no value", an, s.name)
		}
		s.pos++
		s.skipSpace()
		if s.pos >= len(s.data) {
			return s.eof(s.start, "tag <"+s.name+">")
		}
		q := s.data[s.pos]
		if q != '"' && q != '\'' {
			return s.fail(s.pos, "attribute %s in <%s>: value not quoted", an, s.name)
		}
		end := bytes.IndexByte(s.data[s.pos+1:], q)
		if end < 0 {
			return s.eof(s.start, "tag <"+s.name+">")
		}
		val := s.data[s.pos+1 : s.pos+1+end]
		if bytes.IndexByte(val, '<') >= 0 {
			return s.fail(s.pos, "attribute %s in <%s>: '<' in value", an, s.name)
		}
		if bytes.IndexByte(val, '&') >= 0 {
			var err error
			if s.buf, err = s.decode(s.buf[:0], val, s.pos+1); err != nil {
				return err
			}
		}
		s.attrs = append(s.attrs, rawAttr{name: an, val: val})
		s.pos += end + 2
	}
}

func (s *xmlScanner) scanEnd() error {
	s.pos += 2 // "</"
	nb, err := s.readName()
	if err != nil {
		return err
	}
	s.skipSpace()
	if s.pos >= len(s.data) {
		return s.eof(s.start, "end tag </"+string(nb)+">")
	}
	if s.data[s.pos] != '>' {
		return s.fail(s.pos, "invalid characters in end tag </%s>", nb)
	}
	s.pos++
	if len(s.stack) == 0 {
		return s.fail(s.start, "unexpected end element </%s>", nb)
	}
	open := s.stack[len(s.stack)-1]
	if open != string(nb) {
		return s.fail(s.start, "element <%s> closed by </%s>", open, nb)
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.kind, s.name = tokEnd, open
	return nil
}

// scanText reads character data up to the next '<', decoding references.
func (s *xmlScanner) scanText() error {
	i := bytes.IndexByte(s.data[s.pos:], '<')
	if i < 0 {
		i = len(s.data) - s.pos
	}
	raw := s.data[s.pos : s.pos+i]
	start := s.pos
	s.pos += i
	if len(s.stack) == 0 {
		for _, c := range raw {
			if !isXMLSpace(c) {
				return s.fail(start, "text outside the root element")
			}
		}
		return s.next()
	}
	if bytes.IndexByte(raw, '&') < 0 {
		s.kind, s.text = tokText, raw
		return nil
	}
	out, err := s.decode(s.buf[:0], raw, start)
	if err != nil {
		return err
	}
	s.buf = out
	s.kind, s.text = tokText, out
	return nil
}

// decode appends raw with its entity and character references resolved.
func (s *xmlScanner) decode(dst, raw []byte, off int) ([]byte, error) {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		off += i
		raw = raw[i:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 40 {
			return nil, s.fail(off, "invalid character entity (no semicolon)")
		}
		ent := raw[1:semi]
		switch {
		case len(ent) > 1 && ent[0] == '#':
			var n uint64
			var err error
			if ent[1] == 'x' || ent[1] == 'X' {
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			r := rune(n)
			if err != nil || n == 0 || n > utf8.MaxRune || !isXMLChar(r) {
				return nil, s.fail(off, "invalid character entity &%s;", ent)
			}
			dst = utf8.AppendRune(dst, r)
		default:
			var rep string
			switch string(ent) {
			case "amp":
				rep = "&"
			case "lt":
				rep = "<"
			case "gt":
				rep = ">"
			case "quot":
				rep = `"`
			case "apos":
				rep = "'"
			default:
				v, ok := xml.HTMLEntity[string(ent)]
				if !ok {
					return nil, s.fail(off, "invalid character entity &%s;", ent)
				}
				rep = v
			}
			dst = append(dst, rep...)
		}
		raw = raw[semi+1:]
		off += semi + 1
	}
	return dst, nil
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// attr returns the decoded value of the current start tag's attribute
// name (ASCII case-insensitive), or "".
func (s *xmlScanner) attr(name string) string {
	for _, a := range s.attrs {
		if string(a.name) == name || bytes.EqualFold(a.name, []byte(name)) {
			if bytes.IndexByte(a.val, '&') < 0 {
				return string(a.val)
			}
			v, err := s.decode(nil, a.val, 0)
			if err != nil {
				return ""
			}
			return string(v)
		}
	}
	return ""
}
