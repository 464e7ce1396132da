package csl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// jsonText is a JSON value read as text: a string, a number, a boolean or
// null, or an array of those joined with "; ".
type jsonText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*t = ""
	case b[0] == '"' && bytes.IndexByte(b, '\\') < 0 && len(b) >= 2:
		*t = jsonText(b[1 : len(b)-1])
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = jsonText(s)
	case b[0] == '[':
		var items []jsonText
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		parts := make([]string, 0, len(items))
		for _, it := range items {
			if it != "" {
				parts = append(parts, string(it))
			}
		}
		*t = jsonText(strings.Join(parts, "; "))
	case b[0] == '{':
		return errors.New("object where text was expected")
	default: // number or boolean
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*t = jsonText(string(b))
	}
	return nil
}

// jsonList is a list field: an array of texts, or one ";"-separated string
// as in the CSV.
type jsonList struct {
	items []string
	text  string
}

// UnmarshalJSON implements json.Unmarshaler.
func (l *jsonList) UnmarshalJSON(b []byte) error {
	*l = jsonList{}
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var items []jsonText
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		for _, it := range items {
			if it != "" {
				l.items = append(l.items, string(it))
			}
		}
		return nil
	}
	var t jsonText
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	l.text = string(t)
	return nil
}

// jsonAddress is one address object.
type jsonAddress struct {
	Address    jsonText `json:"address"`
	City       jsonText `json:"city"`
	State      jsonText `json:"state"`
	PostalCode jsonText `json:"postal_code"`
	Country    jsonText `json:"country"`
}

// jsonAddresses is the addresses field: an array of address objects (or
// of CSV-style address strings), or one CSV-style string.
type jsonAddresses struct {
	parts []sanctions.Address
	texts []string
}

// UnmarshalJSON implements json.Unmarshaler.
func (a *jsonAddresses) UnmarshalJSON(b []byte) error {
	*a = jsonAddresses{}
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		for i, it := range items {
			it = bytes.TrimSpace(it)
			if len(it) > 0 && it[0] == '{' {
				var ja jsonAddress
				if err := json.Unmarshal(it, &ja); err != nil {
					return fmt.Errorf("address %d: %w", i+1, err)
				}
				a.parts = append(a.parts, sanctions.Address{Street: string(ja.Address), City: string(ja.City),
					Region: string(ja.State), PostalCode: string(ja.PostalCode), Country: string(ja.Country)})
				continue
			}
			var t jsonText
			if err := t.UnmarshalJSON(it); err != nil {
				return fmt.Errorf("address %d: %w", i+1, err)
			}
			a.texts = append(a.texts, splitAddresses(string(t))...)
		}
		return nil
	}
	var t jsonText
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	a.texts = splitAddresses(string(t))
	return nil
}

// jsonID is one object of the ids array.
type jsonID struct {
	Type           jsonText `json:"type"`
	Number         jsonText `json:"number"`
	Country        jsonText `json:"country"`
	IssueDate      jsonText `json:"issue_date"`
	ExpirationDate jsonText `json:"expiration_date"`
}

// jsonIDs is the ids field: an array of objects, or CSV-style text.
type jsonIDs struct {
	ids  []sanctions.Identifier
	text string
}

// UnmarshalJSON implements json.Unmarshaler.
func (x *jsonIDs) UnmarshalJSON(b []byte) error {
	*x = jsonIDs{}
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		var texts []string
		for i, it := range items {
			it = bytes.TrimSpace(it)
			if len(it) > 0 && it[0] == '{' {
				var j jsonID
				if err := json.Unmarshal(it, &j); err != nil {
					return fmt.Errorf("id %d: %w", i+1, err)
				}
				x.ids = append(x.ids, sanctions.Identifier{Type: string(j.Type), Number: string(j.Number),
					Country: string(j.Country), Issued: string(j.IssueDate), Expires: string(j.ExpirationDate)})
				continue
			}
			var t jsonText
			if err := t.UnmarshalJSON(it); err != nil {
				return fmt.Errorf("id %d: %w", i+1, err)
			}
			if t != "" {
				texts = append(texts, string(t))
			}
		}
		x.text = strings.Join(texts, "; ")
		return nil
	}
	var t jsonText
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	x.text = string(t)
	return nil
}

// jsonSource is the source field: the list's full name, its code, or an
// object with code and name.
type jsonSource string

// UnmarshalJSON implements json.Unmarshaler.
func (s *jsonSource) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var o struct {
			Code     jsonText `json:"code"`
			FullName jsonText `json:"full_name"`
			Name     jsonText `json:"name"`
			Value    jsonText `json:"value"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		for _, v := range []jsonText{o.FullName, o.Name, o.Value, o.Code} {
			if v != "" {
				*s = jsonSource(v)
				return nil
			}
		}
		*s = ""
		return nil
	}
	var t jsonText
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	*s = jsonSource(t)
	return nil
}

// jsonRecord is one record of the JSON download.
type jsonRecord struct {
	ID                     jsonText      `json:"id"`
	UID                    jsonText      `json:"_id"`
	Source                 jsonSource    `json:"source"`
	EntityNumber           jsonText      `json:"entity_number"`
	Type                   jsonText      `json:"type"`
	Programs               jsonList      `json:"programs"`
	Name                   jsonText      `json:"name"`
	Title                  jsonText      `json:"title"`
	Addresses              jsonAddresses `json:"addresses"`
	FederalRegisterNotice  jsonText      `json:"federal_register_notice"`
	StartDate              jsonText      `json:"start_date"`
	EndDate                jsonText      `json:"end_date"`
	StandardOrder          jsonText      `json:"standard_order"`
	LicenseRequirement     jsonText      `json:"license_requirement"`
	LicensePolicy          jsonText      `json:"license_policy"`
	CallSign               jsonText      `json:"call_sign"`
	VesselType             jsonText      `json:"vessel_type"`
	GrossTonnage           jsonText      `json:"gross_tonnage"`
	GrossRegisteredTonnage jsonText      `json:"gross_registered_tonnage"`
	VesselFlag             jsonText      `json:"vessel_flag"`
	VesselOwner            jsonText      `json:"vessel_owner"`
	Remarks                jsonText      `json:"remarks"`
	SourceListURL          jsonText      `json:"source_list_url"`
	SourceInformationURL   jsonText      `json:"source_information_url"`
	AltNames               jsonList      `json:"alt_names"`
	Citizenships           jsonList      `json:"citizenships"`
	DatesOfBirth           jsonList      `json:"dates_of_birth"`
	Nationalities          jsonList      `json:"nationalities"`
	PlacesOfBirth          jsonList      `json:"places_of_birth"`
	IDs                    jsonIDs       `json:"ids"`
}

// raw converts a decoded record to the common raw form.
func (j *jsonRecord) raw() rawRecord {
	id := string(j.UID)
	if id == "" {
		id = string(j.ID)
	}
	return rawRecord{
		id: id, source: string(j.Source), entityNum: string(j.EntityNumber), typ: string(j.Type),
		programs: j.Programs.items, programsText: j.Programs.text,
		name: string(j.Name), title: string(j.Title),
		addrParts: j.Addresses.parts, addrTexts: j.Addresses.texts,
		frNotice: string(j.FederalRegisterNotice), startDate: string(j.StartDate), endDate: string(j.EndDate),
		standardOrder: string(j.StandardOrder), licReq: string(j.LicenseRequirement), licPolicy: string(j.LicensePolicy),
		callSign: string(j.CallSign), vesselType: string(j.VesselType), grossT: string(j.GrossTonnage),
		grossRT: string(j.GrossRegisteredTonnage), flag: string(j.VesselFlag), owner: string(j.VesselOwner),
		remarks: string(j.Remarks), listURL: string(j.SourceListURL), infoURL: string(j.SourceInformationURL),
		altNames: j.AltNames.items, altText: j.AltNames.text,
		citizenships: j.Citizenships.items, citText: j.Citizenships.text,
		dobs: j.DatesOfBirth.items, dobText: j.DatesOfBirth.text,
		nationalities: j.Nationalities.items, natText: j.Nationalities.text,
		pobs: j.PlacesOfBirth.items, pobText: j.PlacesOfBirth.text,
		ids: j.IDs.ids, idsText: j.IDs.text,
	}
}

// fastAddress and fastID are the address and id objects of the current
// download.
type fastAddress struct {
	Address    string `json:"address"`
	City       string `json:"city"`
	State      string `json:"state"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
}

type fastID struct {
	Type           string `json:"type"`
	Number         string `json:"number"`
	Country        string `json:"country"`
	IssueDate      string `json:"issue_date"`
	ExpirationDate string `json:"expiration_date"`
}

// fastRecord is a record of the current JSON download with the types that
// download uses; decoding into it is fast. A record that does not fit is
// decoded into jsonRecord instead.
type fastRecord struct {
	ID                     string        `json:"id"`
	UID                    string        `json:"_id"`
	Source                 string        `json:"source"`
	EntityNumber           string        `json:"entity_number"`
	Type                   string        `json:"type"`
	Programs               []string      `json:"programs"`
	Name                   string        `json:"name"`
	Title                  string        `json:"title"`
	Addresses              []fastAddress `json:"addresses"`
	FederalRegisterNotice  string        `json:"federal_register_notice"`
	StartDate              string        `json:"start_date"`
	EndDate                string        `json:"end_date"`
	StandardOrder          string        `json:"standard_order"`
	LicenseRequirement     string        `json:"license_requirement"`
	LicensePolicy          string        `json:"license_policy"`
	CallSign               string        `json:"call_sign"`
	VesselType             string        `json:"vessel_type"`
	GrossTonnage           string        `json:"gross_tonnage"`
	GrossRegisteredTonnage string        `json:"gross_registered_tonnage"`
	VesselFlag             string        `json:"vessel_flag"`
	VesselOwner            string        `json:"vessel_owner"`
	Remarks                string        `json:"remarks"`
	SourceListURL          string        `json:"source_list_url"`
	SourceInformationURL   string        `json:"source_information_url"`
	AltNames               []string      `json:"alt_names"`
	Citizenships           []string      `json:"citizenships"`
	DatesOfBirth           []string      `json:"dates_of_birth"`
	Nationalities          []string      `json:"nationalities"`
	PlacesOfBirth          []string      `json:"places_of_birth"`
	IDs                    []fastID      `json:"ids"`
	// texts hold list fields given as one string, in the order of
	// listField.
	texts [6]string
}

// raw converts a decoded record to the common raw form.
func (f *fastRecord) raw() rawRecord {
	id := f.UID
	if id == "" {
		id = f.ID
	}
	r := rawRecord{
		id: id, source: f.Source, entityNum: f.EntityNumber, typ: f.Type, programs: f.Programs,
		name: f.Name, title: f.Title, frNotice: f.FederalRegisterNotice, startDate: f.StartDate, endDate: f.EndDate,
		standardOrder: f.StandardOrder, licReq: f.LicenseRequirement, licPolicy: f.LicensePolicy,
		callSign: f.CallSign, vesselType: f.VesselType, grossT: f.GrossTonnage, grossRT: f.GrossRegisteredTonnage,
		flag: f.VesselFlag, owner: f.VesselOwner, remarks: f.Remarks, listURL: f.SourceListURL, infoURL: f.SourceInformationURL,
		altNames: f.AltNames, citizenships: f.Citizenships, dobs: f.DatesOfBirth, nationalities: f.Nationalities, pobs: f.PlacesOfBirth,
		programsText: f.texts[0], altText: f.texts[1], citText: f.texts[2], dobText: f.texts[3], natText: f.texts[4], pobText: f.texts[5],
	}
	for _, a := range f.Addresses {
		r.addrParts = append(r.addrParts, sanctions.Address{Street: a.Address, City: a.City, Region: a.State, PostalCode: a.PostalCode, Country: a.Country})
	}
	for _, x := range f.IDs {
		r.ids = append(r.ids, sanctions.Identifier{Type: x.Type, Number: x.Number, Country: x.Country, Issued: x.IssueDate, Expires: x.ExpirationDate})
	}
	return r
}

// jsonReader holds the state of one JSON read.
type jsonReader struct {
	data      []byte
	s         *jsonScanner
	res       *Result
	b         *builder
	opts      Options
	lines     int // newlines before lineOff
	lineOff   int
	sawResult bool
	inArray   bool // inside the results array
	arrayDone bool // the results array was read to its end
	broken    bool // a syntax error ended the read
}

// lineAt returns the 1-based line of byte offset off; offsets must not
// decrease between calls.
func (jr *jsonReader) lineAt(off int) int {
	if off > len(jr.data) {
		off = len(jr.data)
	}
	if off > jr.lineOff {
		jr.lines += bytes.Count(jr.data[jr.lineOff:off], []byte{'\n'})
		jr.lineOff = off
	}
	return jr.lines + 1
}

// syntaxError records the scanner's syntax error: the rest of the document
// cannot be read. Inside the results array the error takes the place of
// the next record (so every record is still accounted for) and, unless
// the read is strict, the records before it are kept. After a complete
// results array it is a warning (an error when strict). Anywhere else it
// fails the read. It returns the error the read must fail with, or nil.
func (jr *jsonReader) syntaxError() error {
	jr.broken = true
	err, off := jr.s.err, jr.s.epos
	if err == nil {
		err, off = errors.New("malformed document"), jr.s.pos
	}
	re := &RowError{Line: jr.lineAt(off), Offset: int64(off),
		Err: fmt.Errorf("%w: %w; the rest of the document was not read", ErrSyntax, err)}
	switch {
	case jr.inArray:
		jr.res.Rows++
		re.Record = jr.res.Rows
		if jr.opts.Strict {
			return re
		}
		jr.res.Errors = append(jr.res.Errors, re)
		return nil
	case jr.arrayDone && !jr.opts.Strict:
		jr.res.Warnings = append(jr.res.Warnings, Warning{Line: re.Line,
			Message: fmt.Sprintf("document is not well-formed after the results (byte %d): %v", off, err)})
		return nil
	}
	return re
}

// parseJSON reads a JSON document.
func parseJSON(data []byte, sum string, opts Options) (*Result, error) {
	res := &Result{Format: FormatJSON, SHA256: sum, Size: int64(len(data)), opts: opts}
	begin := len(data) - len(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	s := &jsonScanner{data: data, pos: begin}
	jr := &jsonReader{data: data, s: s, res: res, b: newBuilder(res), opts: opts, lineOff: begin}
	res.Records = make([]Record, 0, min(bytes.Count(data, []byte(`"source"`)), len(data)/64+1))
	s.ws()
	switch s.peek() {
	case '[':
		jr.sawResult = true
		if err := jr.records(); err != nil || jr.broken {
			return jr.finish(err)
		}
	case '{':
		s.pos++
		s.ws()
		if s.peek() == '}' {
			s.pos++
		} else if err := jr.members(); err != nil || jr.broken {
			return jr.finish(err)
		}
		if !jr.sawResult {
			return nil, fmt.Errorf("%w: JSON object has no results array", ErrFormat)
		}
	default:
		if s.pos >= len(data) {
			return nil, fmt.Errorf("%w: document is empty", ErrFormat)
		}
		if s.skip(0) {
			return nil, fmt.Errorf("%w: JSON document is neither an object nor an array", ErrFormat)
		}
		return nil, jr.syntaxError()
	}
	s.ws()
	if s.pos < len(data) {
		s.unexpected("after top-level value")
		return jr.finish(jr.syntaxError())
	}
	return res, nil
}

// members reads the members of the top-level object, the opening brace
// already read and the object not empty.
func (jr *jsonReader) members() error {
	s := jr.s
	for {
		s.ws()
		key, ok := s.str()
		if !ok {
			return jr.syntaxError()
		}
		s.ws()
		if s.peek() != ':' {
			s.unexpected("after object key")
			return jr.syntaxError()
		}
		s.pos++
		s.ws()
		switch key {
		case "results":
			if s.peek() != '[' {
				at := s.pos
				if !s.skip(0) {
					return jr.syntaxError()
				}
				return fmt.Errorf("%w: results is not an array (byte %d)", ErrFormat, at)
			}
			jr.sawResult = true
			if err := jr.records(); err != nil || jr.broken {
				return err
			}
		case "sources_used":
			at := s.pos
			if !s.skip(0) {
				return jr.syntaxError()
			}
			var su []struct {
				Source            jsonSource `json:"source"`
				SourceLastUpdated jsonText   `json:"source_last_updated"`
				LastImported      jsonText   `json:"last_imported"`
			}
			if err := json.Unmarshal(jr.data[at:s.pos], &su); err != nil {
				jr.res.Warnings = append(jr.res.Warnings, Warning{Line: jr.lineAt(at), Field: "sources_used", Message: "not read: " + err.Error()})
				break
			}
			for _, x := range su {
				code, _ := SourceCode(string(x.Source))
				jr.res.SourcesUsed = append(jr.res.SourcesUsed, SourceStatus{Code: code, Name: string(x.Source),
					LastUpdated: parseStamp(string(x.SourceLastUpdated)), LastImported: parseStamp(string(x.LastImported))})
			}
		default:
			if !s.skip(0) {
				return jr.syntaxError()
			}
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return nil
		default:
			s.unexpected("after object key:value pair")
			return jr.syntaxError()
		}
	}
}

// finish ends a read: with err when there is one, else with the result
// (possibly cut short by a syntax error that was recorded in it).
func (jr *jsonReader) finish(err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	return jr.res, nil
}

// records reads the elements of a results array, the scanner at its
// opening bracket, up to and including its closing bracket.
func (jr *jsonReader) records() error {
	s := jr.s
	s.pos++
	jr.inArray = true
	s.ws()
	if s.peek() == ']' {
		s.pos++
		jr.inArray, jr.arrayDone = false, true
		return nil
	}
	var fr fastRecord
	for {
		s.ws()
		off := s.pos
		n := jr.res.Rows + 1
		// Most records have the current shape and are read straight into
		// fastRecord; any other shape is validated and decoded again,
		// from the same bytes, into the tolerant jsonRecord.
		fr = fastRecord{Addresses: fr.Addresses[:0], IDs: fr.IDs[:0]}
		err := errShape
		if s.peek() == '{' {
			err = s.fastRecord(&fr)
		}
		var raw rawRecord
		bad := false
		if err == nil {
			raw = fr.raw()
		} else {
			s.pos, s.err = off, nil
			if !s.skip(0) {
				return jr.syntaxError()
			}
			var rec jsonRecord
			if err := json.Unmarshal(jr.data[off:s.pos], &rec); err != nil {
				err = fieldError(jr.data[off:s.pos], err)
				jr.res.Rows++
				re := &RowError{Record: n, Line: jr.lineAt(off), Offset: int64(off), Err: fmt.Errorf("%w: %w", ErrRecord, err)}
				if jr.opts.Strict {
					return re
				}
				jr.res.Errors = append(jr.res.Errors, re)
				bad = true
			} else {
				raw = rec.raw()
			}
		}
		if !bad {
			jr.res.Rows++
			raw.index, raw.line, raw.offset = n, jr.lineAt(off), int64(off)
			if err := jr.b.add(&raw, jr.opts.Strict); err != nil {
				return err
			}
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			jr.inArray, jr.arrayDone = false, true
			return nil
		default:
			s.unexpected("after array element")
			return jr.syntaxError()
		}
	}
}

// parseStamp reads a sources_used timestamp (RFC 3339 or a bare date).
func parseStamp(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// fieldError names the key of a record whose value has the wrong shape,
// when err came from one key; otherwise it returns err.
func fieldError(msg []byte, err error) error {
	var m map[string]json.RawMessage
	if json.Unmarshal(msg, &m) != nil {
		return err
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		one, _ := json.Marshal(map[string]json.RawMessage{k: m[k]})
		var rec jsonRecord
		if e := json.Unmarshal(one, &rec); e != nil {
			return fmt.Errorf("field %q: %w", k, e)
		}
	}
	return err
}
