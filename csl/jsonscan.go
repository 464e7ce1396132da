package csl

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of JSON values the scanner accepts.
const maxDepth = 1000

// jsonScanner walks a JSON document by hand. It validates what it skips,
// and it decodes records of the current download's shape into fastRecord
// without reflection; records of any other shape are handed to
// encoding/json.
type jsonScanner struct {
	data []byte
	pos  int
	err  error // first syntax error
	epos int   // where it is
}

// syntax records a syntax error at the current position.
func (s *jsonScanner) syntax(format string, args ...any) {
	if s.err == nil {
		s.err, s.epos = fmt.Errorf(format, args...), s.pos
	}
}

// unexpected records the character at the current position as invalid.
func (s *jsonScanner) unexpected(context string) {
	if s.pos >= len(s.data) {
		s.syntax("unexpected end of document")
		return
	}
	s.syntax("invalid character %q %s", s.data[s.pos], context)
}

func (s *jsonScanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peek returns the next byte, 0 at the end.
func (s *jsonScanner) peek() byte {
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

// str reads a string at the current position and returns it unescaped.
func (s *jsonScanner) str() (string, bool) {
	if s.peek() != '"' {
		s.unexpected("looking for a string")
		return "", false
	}
	s.pos++
	start := s.pos
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			v := string(s.data[start:s.pos])
			s.pos++
			return v, true
		case c == '\\':
			return s.strEscaped(start)
		case c < 0x20:
			s.unexpected("in string literal")
			return "", false
		}
		s.pos++
	}
	s.syntax("unexpected end of document in string literal")
	return "", false
}

// strEscaped finishes a string that holds escapes; s.pos is at the first
// backslash and start at the first byte of the string's content.
func (s *jsonScanner) strEscaped(start int) (string, bool) {
	var b strings.Builder
	b.Write(s.data[start:s.pos])
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return b.String(), true
		case c < 0x20:
			s.unexpected("in string literal")
			return "", false
		case c != '\\':
			b.WriteByte(c)
			s.pos++
			continue
		}
		if s.pos+1 >= len(s.data) {
			break
		}
		e := s.data[s.pos+1]
		s.pos += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if s.pos+1 < len(s.data) && s.data[s.pos] == '\\' && s.data[s.pos+1] == 'u' {
					save := s.pos
					s.pos += 2
					if r2, ok = s.hex4(); !ok {
						return "", false
					}
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b.WriteRune(d)
						continue
					}
					s.pos = save
				}
				b.WriteRune(utf8.RuneError)
				continue
			}
			b.WriteRune(r)
		default:
			s.pos--
			s.unexpected("in string escape code")
			return "", false
		}
	}
	s.syntax("unexpected end of document in string literal")
	return "", false
}

func (s *jsonScanner) hex4() (rune, bool) {
	if s.pos+4 > len(s.data) {
		s.pos = len(s.data)
		s.syntax("unexpected end of document in string escape code")
		return 0, false
	}
	var r rune
	for i := 0; i < 4; i++ {
		c := s.data[s.pos]
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			s.unexpected("in \\u hexadecimal character escape")
			return 0, false
		}
		s.pos++
	}
	return r, true
}

// literal reads true, false or null.
func (s *jsonScanner) literal(word string) bool {
	if !strings.HasPrefix(string(s.data[s.pos:min(len(s.data), s.pos+len(word))]), word) {
		for i := 0; i < len(word); i++ {
			if s.pos >= len(s.data) || s.data[s.pos] != word[i] {
				s.unexpected("in literal " + word)
				return false
			}
			s.pos++
		}
	}
	s.pos += len(word)
	return true
}

// number reads a number as JSON's grammar defines it.
func (s *jsonScanner) number() bool {
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	if s.peek() == '-' {
		s.pos++
	}
	switch c := s.peek(); {
	case c == '0':
		s.pos++
	case c >= '1' && c <= '9':
		digits()
	default:
		s.unexpected("in numeric literal")
		return false
	}
	if s.peek() == '.' {
		s.pos++
		if digits() == 0 {
			s.unexpected("after decimal point in numeric literal")
			return false
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.pos++
		if c := s.peek(); c == '+' || c == '-' {
			s.pos++
		}
		if digits() == 0 {
			s.unexpected("in exponent of numeric literal")
			return false
		}
	}
	return true
}

// skip reads and validates any value.
func (s *jsonScanner) skip(depth int) bool {
	if depth > maxDepth {
		s.syntax("exceeded max depth")
		return false
	}
	s.ws()
	switch c := s.peek(); {
	case c == '"':
		_, ok := s.str()
		return ok
	case c == '{':
		s.pos++
		s.ws()
		if s.peek() == '}' {
			s.pos++
			return true
		}
		for {
			s.ws()
			if _, ok := s.str(); !ok {
				return false
			}
			s.ws()
			if s.peek() != ':' {
				s.unexpected("after object key")
				return false
			}
			s.pos++
			if !s.skip(depth + 1) {
				return false
			}
			s.ws()
			switch s.peek() {
			case ',':
				s.pos++
			case '}':
				s.pos++
				return true
			default:
				s.unexpected("after object key:value pair")
				return false
			}
		}
	case c == '[':
		s.pos++
		s.ws()
		if s.peek() == ']' {
			s.pos++
			return true
		}
		for {
			if !s.skip(depth + 1) {
				return false
			}
			s.ws()
			switch s.peek() {
			case ',':
				s.pos++
			case ']':
				s.pos++
				return true
			default:
				s.unexpected("after array element")
				return false
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return s.number()
	}
	s.unexpected("looking for beginning of value")
	return false
}

// errShape marks a value that is valid JSON but not of the shape the fast
// path reads; the caller falls back to encoding/json.
var errShape = errors.New("shape")

// strOrNull reads a string, or null (""), or a number or boolean (its
// literal text, as jsonText reads them). Anything else is errShape.
func (s *jsonScanner) strOrNull() (string, error) {
	s.ws()
	start := s.pos
	ok := false
	switch c := s.peek(); {
	case c == '"':
		v, ok := s.str()
		if ok {
			return v, nil
		}
		return "", s.err
	case c == 'n':
		if s.literal("null") {
			return "", nil
		}
		return "", s.err
	case c == 't':
		ok = s.literal("true")
	case c == 'f':
		ok = s.literal("false")
	case c == '-' || (c >= '0' && c <= '9'):
		ok = s.number()
	default:
		return "", errShape
	}
	if !ok {
		return "", s.err
	}
	return string(s.data[start:s.pos]), nil
}

// each reads an array (or null) and calls elem for every element.
func (s *jsonScanner) each(elem func() error) error {
	s.ws()
	switch s.peek() {
	case 'n':
		if s.literal("null") {
			return nil
		}
		return s.err
	case '[':
	default:
		return errShape
	}
	s.pos++
	s.ws()
	if s.peek() == ']' {
		s.pos++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return nil
		default:
			return errShape // leave the error to the validating pass
		}
	}
}

// strings reads an array of strings or nulls, or null.
func (s *jsonScanner) strings() ([]string, error) {
	var out []string
	err := s.each(func() error {
		v, err := s.strOrNull()
		if err == nil && v != "" {
			out = append(out, v)
		}
		return err
	})
	return out, err
}

// object reads an object (or null), calling member for each key; the
// member function reads the value.
func (s *jsonScanner) object(member func(key string) error) error {
	s.ws()
	switch s.peek() {
	case 'n':
		if s.literal("null") {
			return nil
		}
		return s.err
	case '{':
	default:
		return errShape
	}
	s.pos++
	s.ws()
	if s.peek() == '}' {
		s.pos++
		return nil
	}
	for {
		s.ws()
		key, ok := s.str()
		if !ok {
			return s.err
		}
		s.ws()
		if s.peek() != ':' {
			return errShape
		}
		s.pos++
		if err := member(key); err != nil {
			return err
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			return errShape
		}
	}
}

// fastFields maps the keys of fastRecord to the string fields they fill.
func (f *fastRecord) stringField(key string) *string {
	switch key {
	case "id":
		return &f.ID
	case "_id":
		return &f.UID
	case "source":
		return &f.Source
	case "entity_number":
		return &f.EntityNumber
	case "type":
		return &f.Type
	case "name":
		return &f.Name
	case "title":
		return &f.Title
	case "federal_register_notice":
		return &f.FederalRegisterNotice
	case "start_date":
		return &f.StartDate
	case "end_date":
		return &f.EndDate
	case "standard_order":
		return &f.StandardOrder
	case "license_requirement":
		return &f.LicenseRequirement
	case "license_policy":
		return &f.LicensePolicy
	case "call_sign":
		return &f.CallSign
	case "vessel_type":
		return &f.VesselType
	case "gross_tonnage":
		return &f.GrossTonnage
	case "gross_registered_tonnage":
		return &f.GrossRegisteredTonnage
	case "vessel_flag":
		return &f.VesselFlag
	case "vessel_owner":
		return &f.VesselOwner
	case "remarks":
		return &f.Remarks
	case "source_list_url":
		return &f.SourceListURL
	case "source_information_url":
		return &f.SourceInformationURL
	}
	return nil
}

// listField returns the list field a key fills and the text that stands
// for the list when the value is a string.
func (f *fastRecord) listField(key string) (*[]string, *string) {
	switch key {
	case "programs":
		return &f.Programs, &f.texts[0]
	case "alt_names":
		return &f.AltNames, &f.texts[1]
	case "citizenships":
		return &f.Citizenships, &f.texts[2]
	case "dates_of_birth":
		return &f.DatesOfBirth, &f.texts[3]
	case "nationalities":
		return &f.Nationalities, &f.texts[4]
	case "places_of_birth":
		return &f.PlacesOfBirth, &f.texts[5]
	}
	return nil, nil
}

// knownKey reports whether key, in any case, is a key of the record. The
// fast path reads keys in their exact case only; encoding/json matches
// them in any case, so a key that differs only in case goes to it.
func knownKey(key string) bool {
	var f fastRecord
	l := strings.ToLower(key)
	p, _ := f.listField(l)
	return f.stringField(l) != nil || p != nil || l == "addresses" || l == "ids"
}

// fastRecord reads one record of the current shape at the current
// position into f. It returns errShape (or a syntax error) when the record
// must be read another way; the position is then undefined.
func (s *jsonScanner) fastRecord(f *fastRecord) error {
	return s.object(func(key string) error {
		if p := f.stringField(key); p != nil {
			v, err := s.strOrNull()
			*p = v
			return err
		}
		if p, text := f.listField(key); p != nil {
			// An array of texts, or one ";"-separated text as in the CSV.
			*p, *text = nil, ""
			s.ws()
			if c := s.peek(); c != '[' && c != 'n' {
				v, err := s.strOrNull()
				*text = v
				return err
			}
			v, err := s.strings()
			*p = v
			return err
		}
		switch key {
		case "addresses":
			return flatObjects(s, &f.Addresses, func(a *fastAddress, k string) *string {
				switch k {
				case "address":
					return &a.Address
				case "city":
					return &a.City
				case "state":
					return &a.State
				case "postal_code":
					return &a.PostalCode
				case "country":
					return &a.Country
				}
				return nil
			}, knownAddressKey)
		case "ids":
			return flatObjects(s, &f.IDs, func(x *fastID, k string) *string {
				switch k {
				case "type":
					return &x.Type
				case "number":
					return &x.Number
				case "country":
					return &x.Country
				case "issue_date":
					return &x.IssueDate
				case "expiration_date":
					return &x.ExpirationDate
				}
				return nil
			}, knownIDKey)
		}
		if knownKey(key) {
			return errShape
		}
		if !s.skip(0) {
			return s.err
		}
		return nil
	})
}

// flatObjects reads an array of objects whose members are texts or null
// (addresses, identity documents) into out. field returns where a member
// goes, or nil for a key the record does not keep: such a key is skipped,
// unless known says it is one of the record's keys in another case, which
// the fast path leaves to encoding/json (errShape). A null element adds
// nothing.
func flatObjects[T any](s *jsonScanner, out *[]T, field func(x *T, key string) *string, known func(string) bool) error {
	*out = (*out)[:0]
	return s.each(func() error {
		s.ws()
		if s.peek() == 'n' {
			if s.literal("null") {
				return nil
			}
			return s.err
		}
		var x T
		err := s.object(func(k string) error {
			p := field(&x, k)
			if p == nil {
				if known(k) {
					return errShape
				}
				if !s.skip(0) {
					return s.err
				}
				return nil
			}
			v, err := s.strOrNull()
			*p = v
			return err
		})
		*out = append(*out, x)
		return err
	})
}

func knownAddressKey(k string) bool {
	switch strings.ToLower(k) {
	case "address", "city", "state", "postal_code", "country":
		return true
	}
	return false
}

func knownIDKey(k string) bool {
	switch strings.ToLower(k) {
	case "type", "number", "country", "issue_date", "expiration_date":
		return true
	}
	return false
}
