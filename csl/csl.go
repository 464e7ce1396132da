package csl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is zero.
// The whole CSL is a few tens of megabytes.
const DefaultMaxBytes = 512 << 20

// Errors a caller may test for with errors.Is.
var (
	// ErrTooLarge: the document is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("csl: document exceeds size limit")
	// ErrFormat: the document is not a CSL download in a known format.
	ErrFormat = errors.New("csl: not a Consolidated Screening List document")
	// ErrHeader: the CSV or TSV header row is missing or lacks the source
	// and name columns.
	ErrHeader = errors.New("csl: bad header row")
	// ErrFieldCount: a row has a different number of fields than the header.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrQuote: a row's quoting is broken.
	ErrQuote = errors.New("broken quoting")
	// ErrRecord: a JSON record does not have the CSL's shape.
	ErrRecord = errors.New("invalid record")
	// ErrSyntax: the JSON document is not well-formed; nothing after the
	// error can be read.
	ErrSyntax = errors.New("JSON syntax error")
	// ErrNoSource: a record has no source list.
	ErrNoSource = errors.New("record has no source")
)

// Options control a read. The zero value reads any supported format,
// keeps going past bad rows and limits input to DefaultMaxBytes.
type Options struct {
	// Format forces a format; FormatUnknown detects it with Sniff.
	Format Format
	// Strict makes the first bad row fail the read with its position.
	Strict bool
	// MaxBytes limits the size of the document; 0 means DefaultMaxBytes
	// and a negative value means no limit.
	MaxBytes int64
	// URL, when set, is used as Source.URL of every snapshot (for example
	// the address the document was downloaded from). Otherwise each
	// snapshot carries the list's own source_list_url.
	URL string
	// AsOf is the date the document is current to. When zero, a JSON
	// document's sources_used dates are used where present.
	AsOf time.Time
	// RetrievedAt is when the document was fetched.
	RetrievedAt time.Time
}

// Result is what a read returns: the records that could be read, the rows
// that could not, and everything that was repaired or doubtful.
type Result struct {
	// Format is the format that was read.
	Format Format `json:"format"`
	// SHA256 is the hex digest of the raw document.
	SHA256 string `json:"sha256"`
	// Size is the length of the raw document in bytes.
	Size int64 `json:"size"`
	// Columns is the CSV/TSV header as read (nil for JSON).
	Columns []string `json:"columns,omitempty"`
	// Rows counts the data rows (CSV) or records (JSON) met. Every one is
	// either in Records or in Errors: Rows == len(Records)+len(Errors).
	Rows int `json:"rows"`
	// Records are the records read, in document order.
	Records []Record `json:"records"`
	// Errors are the rows that could not be read, in document order.
	Errors []*RowError `json:"errors,omitempty"`
	// Warnings are doubts about records that were read.
	Warnings []Warning `json:"warnings,omitempty"`
	// Repairs are the changes made to published text.
	Repairs []Repair `json:"repairs,omitempty"`
	// SourcesUsed is the JSON document's sources_used metadata.
	SourcesUsed []SourceStatus `json:"sources_used,omitempty"`

	opts Options
}

// SourceStatus is one entry of a JSON document's sources_used: when
// trade.gov last saw a list change and last imported it.
type SourceStatus struct {
	// Code and Name identify the list as SourceCode reads its name.
	Code string `json:"code"`
	Name string `json:"name"`
	// LastUpdated is when the list last changed (source_last_updated);
	// LastImported when trade.gov last imported it. Zero when absent.
	LastUpdated  time.Time `json:"last_updated,omitzero"`
	LastImported time.Time `json:"last_imported,omitzero"`
}

// RowError is a row or record that could not be read.
type RowError struct {
	// Record is the 1-based number of the data row or JSON record.
	Record int
	// Line is the line the row starts on, 0 if unknown.
	Line int
	// Offset is the byte offset of the row in the document.
	Offset int64
	// Err says what is wrong; it wraps ErrFieldCount, ErrQuote, ErrRecord,
	// ErrSyntax or ErrNoSource.
	Err error
}

// Error implements error.
func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString("csl: ")
	if e.Record > 0 {
		fmt.Fprintf(&b, "record %d ", e.Record)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "(line %d, byte %d)", e.Line, e.Offset)
	} else {
		fmt.Fprintf(&b, "(byte %d)", e.Offset)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *RowError) Unwrap() error { return e.Err }

// Warning is a doubt about a record that was read: a value that was not
// taken (an impossible date), an unknown list, a duplicate ID.
type Warning struct {
	Record  int    `json:"record"`
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// String renders the warning with its position.
func (w Warning) String() string {
	s := fmt.Sprintf("record %d", w.Record)
	if w.Line > 0 {
		s += fmt.Sprintf(" (line %d)", w.Line)
	}
	if w.Field != "" {
		s += " " + w.Field
	}
	return s + ": " + w.Message
}

// Record is one row of the CSL, typed and repaired. Fields hold the values
// as published after the repairs listed in Result.Repairs.
type Record struct {
	// Index is the 1-based number of the record in the document.
	Index int `json:"index"`
	// Line is the line the record starts on.
	Line int `json:"line,omitempty"`
	// ID is the stable party ID: the document's _id (or JSON id) verbatim;
	// else the OFAC entity number; else "csl-" and a hash of source code,
	// name and addresses.
	ID string `json:"id"`
	// SourceCode is the list code (EL, SDN, ...); SourceName the source
	// column as published.
	SourceCode string `json:"source_code"`
	SourceName string `json:"source_name"`
	// EntityNumber is OFAC's number for the entry (Treasury lists).
	EntityNumber string `json:"entity_number,omitempty"`
	// Type is the type column as published (Individual, Entity, Vessel,
	// Aircraft, or empty).
	Type      string              `json:"type,omitempty"`
	Programs  []string            `json:"programs,omitempty"`
	Name      string              `json:"name"`
	AltNames  []string            `json:"alt_names,omitempty"`
	Title     string              `json:"title,omitempty"`
	Addresses []sanctions.Address `json:"addresses,omitempty"`
	// FederalRegisterNotice is the notice text as published; Citations
	// the citations read from it and CitationText what could not be read.
	FederalRegisterNotice string                 `json:"federal_register_notice,omitempty"`
	Citations             []sanctions.FRCitation `json:"citations,omitempty"`
	CitationText          []string               `json:"citation_text,omitempty"`
	// StartDate and EndDate are the dates read from StartDateText and
	// EndDateText; zero when absent or not a possible date.
	StartDate     time.Time `json:"start_date,omitzero"`
	EndDate       time.Time `json:"end_date,omitzero"`
	StartDateText string    `json:"start_date_text,omitempty"`
	EndDateText   string    `json:"end_date_text,omitempty"`
	// StandardOrder is "Y" when the Denied Persons List's standard denial
	// order applies.
	StandardOrder          string `json:"standard_order,omitempty"`
	LicenseRequirement     string `json:"license_requirement,omitempty"`
	LicensePolicy          string `json:"license_policy,omitempty"`
	CallSign               string `json:"call_sign,omitempty"`
	VesselType             string `json:"vessel_type,omitempty"`
	GrossTonnage           string `json:"gross_tonnage,omitempty"`
	GrossRegisteredTonnage string `json:"gross_registered_tonnage,omitempty"`
	// VesselFlag is the flag as published ("Iran").
	VesselFlag           string `json:"vessel_flag,omitempty"`
	VesselOwner          string `json:"vessel_owner,omitempty"`
	Remarks              string `json:"remarks,omitempty"`
	SourceListURL        string `json:"source_list_url,omitempty"`
	SourceInformationURL string `json:"source_information_url,omitempty"`
	// Citizenships and Nationalities are ISO codes where the value names a
	// known country, otherwise the text as published.
	Citizenships  []string `json:"citizenships,omitempty"`
	Nationalities []string `json:"nationalities,omitempty"`
	// DatesOfBirth are kept as published ("1955", "1978-12-05"); values
	// with impossible years are left out and reported as warnings.
	DatesOfBirth  []string               `json:"dates_of_birth,omitempty"`
	PlacesOfBirth []string               `json:"places_of_birth,omitempty"`
	IDs           []sanctions.Identifier `json:"ids,omitempty"`
	// Successors is true when the listing extends to "any successor,
	// sub-unit, or subsidiary thereof" (the clause is removed from Name).
	Successors bool `json:"successors,omitempty"`
}

// SuccessorRemark is the remark added to a party whose listing extends to
// successors, sub-units and subsidiaries.
const SuccessorRemark = "Listing extends to any successor, sub-unit, or subsidiary thereof."

// Kind returns the party kind that the record's type column names; an
// empty or unknown type is an organisation.
func (r *Record) Kind() sanctions.Kind {
	k, _ := kindOf(r.Type)
	return k
}

func kindOf(t string) (sanctions.Kind, bool) {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "individual", "person":
		return sanctions.KindPerson, true
	case "entity", "organization", "organisation", "":
		return sanctions.KindOrganization, true
	case "vessel":
		return sanctions.KindVessel, true
	case "aircraft":
		return sanctions.KindAircraft, true
	}
	return sanctions.KindOrganization, false
}

// Party turns the record into the shared model. Values the model has no
// field for go to Remarks: the successor clause, the standard order and
// Federal Register text that is not a citation.
func (r *Record) Party() sanctions.Party {
	p := sanctions.Party{
		ID:                 r.ID,
		Source:             r.SourceCode,
		Kind:               r.Kind(),
		Name:               r.Name,
		Aliases:            clone(r.AltNames),
		Addresses:          append([]sanctions.Address(nil), r.Addresses...),
		Programs:           clone(r.Programs),
		Citations:          append([]sanctions.FRCitation(nil), r.Citations...),
		Listed:             r.StartDate,
		Removed:            r.EndDate,
		LicenseRequirement: r.LicenseRequirement,
		LicensePolicy:      r.LicensePolicy,
		Identifiers:        append([]sanctions.Identifier(nil), r.IDs...),
	}
	var countries []string
	add := func(c string) {
		if len(c) == 2 && sanctions.IsCountryCode(c) {
			for _, x := range countries {
				if x == c {
					return
				}
			}
			countries = append(countries, c)
		}
	}
	for _, a := range r.Addresses {
		add(a.Country)
	}
	for _, c := range r.Nationalities {
		add(c)
	}
	for _, c := range r.Citizenships {
		add(c)
	}
	p.Countries = countries
	if r.Remarks != "" {
		p.Remarks = append(p.Remarks, r.Remarks)
	}
	if r.Successors {
		p.Remarks = append(p.Remarks, SuccessorRemark)
	}
	if strings.EqualFold(r.StandardOrder, "Y") {
		p.Remarks = append(p.Remarks, "Standard denial order applies.")
	}
	if len(r.CitationText) > 0 {
		p.Remarks = append(p.Remarks, "Federal Register: "+strings.Join(r.CitationText, "; "))
	}
	for _, u := range []string{r.SourceListURL, r.SourceInformationURL} {
		if u != "" && (len(p.URLs) == 0 || p.URLs[0] != u) {
			p.URLs = append(p.URLs, u)
		}
	}
	if p.Kind == sanctions.KindPerson || r.Title != "" || len(r.DatesOfBirth)+len(r.PlacesOfBirth)+len(r.Nationalities)+len(r.Citizenships) > 0 {
		p.Individual = &sanctions.Individual{
			Title:         r.Title,
			DatesOfBirth:  clone(r.DatesOfBirth),
			PlacesOfBirth: clone(r.PlacesOfBirth),
			Nationalities: clone(r.Nationalities),
			Citizenships:  clone(r.Citizenships),
		}
	}
	if p.Kind == sanctions.KindVessel || r.CallSign != "" || r.VesselType != "" || r.VesselFlag != "" ||
		r.VesselOwner != "" || r.GrossTonnage != "" || r.GrossRegisteredTonnage != "" {
		flag := r.VesselFlag
		if c := countryCode(flag); c != "" {
			flag = c
		}
		p.Vessel = &sanctions.Vessel{
			CallSign:               r.CallSign,
			Type:                   r.VesselType,
			Flag:                   flag,
			Owner:                  r.VesselOwner,
			GrossTonnage:           r.GrossTonnage,
			GrossRegisteredTonnage: r.GrossRegisteredTonnage,
		}
	}
	return p
}

func clone(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append([]string(nil), s...)
}

// Snapshots groups the records into one snapshot per list, in the order
// of Lists and then of unknown codes alphabetically. Each Source carries
// the list code and name, the document's SHA-256, and the URL, AsOf and
// RetrievedAt of the read's Options (AsOf falling back to the JSON
// document's sources_used).
func (res *Result) Snapshots() []sanctions.Snapshot {
	idx := map[string]int{}
	var snaps []sanctions.Snapshot
	for i := range res.Records {
		r := &res.Records[i]
		j, ok := idx[r.SourceCode]
		if !ok {
			j = len(snaps)
			idx[r.SourceCode] = j
			src := sanctions.Source{
				Code:        r.SourceCode,
				Name:        r.SourceName,
				URL:         res.opts.URL,
				AsOf:        res.opts.AsOf,
				RetrievedAt: res.opts.RetrievedAt,
				SHA256:      res.SHA256,
			}
			if l, ok := listByCode[r.SourceCode]; ok {
				src.Name = l.Name
			}
			if src.URL == "" {
				src.URL = r.SourceListURL
			}
			if src.AsOf.IsZero() {
				for _, s := range res.SourcesUsed {
					if s.Code == r.SourceCode {
						src.AsOf = s.LastUpdated
					}
				}
			}
			snaps = append(snaps, sanctions.Snapshot{Source: src})
		}
		snaps[j].Parties = append(snaps[j].Parties, r.Party())
	}
	sort.SliceStable(snaps, func(a, b int) bool {
		oa, ob := listOrder(snaps[a].Source.Code), listOrder(snaps[b].Source.Code)
		if oa != ob {
			return oa < ob
		}
		return snaps[a].Source.Code < snaps[b].Source.Code
	})
	return snaps
}

// Read reads a CSL download in any supported format (CSV, TSV or JSON,
// detected with Sniff unless opts.Format is set).
func Read(r io.Reader, opts Options) (*Result, error) {
	data, sum, err := readAll(r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	f := opts.Format
	if f == FormatUnknown {
		f = Sniff(data)
	}
	switch f {
	case FormatJSON:
		return parseJSON(data, sum, opts)
	case FormatCSV, FormatTSV:
		opts.Format = f
		return parseCSV(data, sum, opts)
	}
	return nil, fmt.Errorf("%w: format not recognised from the first bytes", ErrFormat)
}

// ReadCSV reads the CSV download, or the TSV download when opts.Format is
// FormatTSV or the header row is tab-separated.
func ReadCSV(r io.Reader, opts Options) (*Result, error) {
	data, sum, err := readAll(r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	if opts.Format != FormatTSV {
		opts.Format = FormatCSV
		if Sniff(data) == FormatTSV {
			opts.Format = FormatTSV
		}
	}
	return parseCSV(data, sum, opts)
}

// ReadJSON reads the JSON download: an object with a results array (the
// current download and the older api.trade.gov search response) or a
// top-level array of records.
func ReadJSON(r io.Reader, opts Options) (*Result, error) {
	data, sum, err := readAll(r, opts.MaxBytes)
	if err != nil {
		return nil, err
	}
	return parseJSON(data, sum, opts)
}

// readAll reads the document within the size limit and hashes it. When
// the reader can tell its size (bytes.Reader, strings.Reader, os.File) the
// buffer is allocated once.
func readAll(r io.Reader, limit int64) ([]byte, string, error) {
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	var hint int64
	switch x := r.(type) {
	case interface{ Len() int }:
		hint = int64(x.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			hint = fi.Size()
		}
	}
	if limit > 0 {
		if hint > limit {
			return nil, "", fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
		}
		r = io.LimitReader(r, limit+1)
	}
	buf := bytes.NewBuffer(make([]byte, 0, hint+bytes.MinRead))
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, "", fmt.Errorf("csl: reading document: %w", err)
	}
	data := buf.Bytes()
	if limit > 0 && int64(len(data)) > limit {
		return nil, "", fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	sum := sha256.Sum256(data)
	return data, hex.EncodeToString(sum[:]), nil
}

// rawRecord is a record as read from either format, before repairs.
type rawRecord struct {
	index, line           int
	offset                int64
	id, source, entityNum string
	typ, name, title      string
	programs, altNames    []string
	addrTexts             []string            // CSV
	addrParts             []sanctions.Address // JSON, Text empty
	frNotice              string
	startDate, endDate    string
	standardOrder         string
	licReq, licPolicy     string
	callSign, vesselType  string
	grossT, grossRT       string
	flag, owner, remarks  string
	listURL, infoURL      string
	citizenships, dobs    []string
	nationalities, pobs   []string
	idsText               string                 // CSV
	ids                   []sanctions.Identifier // JSON
	legacy                bool
	programsText, altText string // CSV, split after repair
	citText, natText      string
	dobText, pobText      string
}

// builder turns raw records into Records and collects the result.
type builder struct {
	res     *Result
	c       cleaner
	seenIDs map[string]map[string]int
	notices map[string]parsedNotice
	sources map[string]sourceCode
}

// sourceCode is SourceCode's answer for one source name.
type sourceCode struct {
	code  string
	known bool
}

// parsedNotice is a Federal Register notice text, parsed.
type parsedNotice struct {
	cites []sanctions.FRCitation
	rest  []string
}

func newBuilder(res *Result) *builder {
	return &builder{res: res, seenIDs: map[string]map[string]int{}, notices: map[string]parsedNotice{},
		sources: map[string]sourceCode{}}
}

// clone2 copies a citation slice so that records do not share one.
func clone2(c []sanctions.FRCitation) []sanctions.FRCitation {
	if len(c) == 0 {
		return nil
	}
	return append([]sanctions.FRCitation(nil), c...)
}

func (b *builder) warn(raw *rawRecord, field, format string, args ...any) {
	b.res.Warnings = append(b.res.Warnings, Warning{Record: raw.index, Line: raw.line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// add repairs and types one raw record and appends it to the result's
// Records, or appends a RowError for a record that cannot be used at all.
// In strict mode that error is returned instead.
func (b *builder) add(raw *rawRecord, strict bool) error {
	b.res.Records = append(b.res.Records, Record{})
	rec := &b.res.Records[len(b.res.Records)-1]
	if re := b.build(raw, rec); re != nil {
		b.res.Records = b.res.Records[:len(b.res.Records)-1]
		if strict {
			return re
		}
		b.res.Errors = append(b.res.Errors, re)
	}
	return nil
}

// build repairs and types one raw record into rec. It returns a RowError
// for a record that cannot be used at all.
func (b *builder) build(raw *rawRecord, rec *Record) *RowError {
	b.c.record, b.c.line, b.c.repairs = raw.index, raw.line, b.res.Repairs
	defer func() { b.res.Repairs = b.c.repairs }()
	t := b.c.text
	*rec = Record{Index: raw.index, Line: raw.line}

	rec.SourceName = t("source", raw.source)
	if rec.SourceName == "" {
		return &RowError{Record: raw.index, Line: raw.line, Offset: raw.offset, Err: ErrNoSource}
	}
	sc, ok := b.sources[rec.SourceName]
	if !ok {
		sc.code, sc.known = SourceCode(rec.SourceName)
		b.sources[rec.SourceName] = sc
	}
	code, known := sc.code, sc.known
	if !known {
		b.warn(raw, "source", "unknown list %q read as code %s", rec.SourceName, code)
	}
	rec.SourceCode = code
	rec.EntityNumber = t("entity_number", raw.entityNum)
	rec.Type = t("type", raw.typ)
	if _, ok := kindOf(rec.Type); !ok {
		b.warn(raw, "type", "unknown type %q read as an organisation", rec.Type)
	}

	name := t("name", raw.name)
	if n, ok := stripSuccessor(name); ok {
		b.c.note("name", RepairSuccessor, name, n)
		name, rec.Successors = n, true
	}
	rec.Name = name
	rec.Title = t("title", raw.title)

	list := func(field string, items []string, text string) []string {
		if text != "" {
			return splitList(t(field, text), func(before, after string) { b.c.note(field, RepairConjunction, before, after) })
		}
		var out []string
		for _, it := range items {
			it = t(field, it)
			if len(it) > 4 && strings.EqualFold(it[:4], "and ") && field == "alt_names" {
				q := strings.TrimSpace(it[4:])
				b.c.note(field, RepairConjunction, it, q)
				it = q
			}
			if it != "" {
				out = append(out, it)
			}
		}
		return out
	}
	rec.Programs = list("programs", raw.programs, raw.programsText)
	alts := list("alt_names", raw.altNames, raw.altText)
	for i, a := range alts {
		if n, ok := stripSuccessor(a); ok {
			b.c.note("alt_names", RepairSuccessor, a, n)
			alts[i] = n
			rec.Successors = true
		}
	}
	rec.AltNames = alts

	for _, at := range raw.addrTexts {
		at = t("addresses", at)
		if at != "" {
			rec.Addresses = append(rec.Addresses, ParseAddress(at))
		}
	}
	for _, a := range raw.addrParts {
		a.Street = t("addresses.address", a.Street)
		a.City = t("addresses.city", a.City)
		a.Region = t("addresses.state", a.Region)
		a.PostalCode = t("addresses.postal_code", a.PostalCode)
		country := t("addresses.country", a.Country)
		a.Country = countryCode(country)
		if country != "" && a.Country == "" {
			b.warn(raw, "addresses.country", "country %q is not a known ISO code or name", country)
		}
		var parts []string
		for _, p := range []string{a.Street, a.City, a.Region, a.PostalCode, country} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		a.Text = strings.Join(parts, ", ")
		if !a.IsZero() {
			rec.Addresses = append(rec.Addresses, a)
		}
	}

	rec.FederalRegisterNotice = t("federal_register_notice", raw.frNotice)
	if n := rec.FederalRegisterNotice; n != "" {
		// Many parties share a notice (one rule lists many), so each
		// distinct text is parsed once per read.
		c, ok := b.notices[n]
		if !ok {
			c.cites, c.rest = sanctions.ParseFRCitations(n)
			b.notices[n] = c
		}
		rec.Citations, rec.CitationText = clone2(c.cites), clone(c.rest)
	}
	rec.StartDateText = t("start_date", raw.startDate)
	rec.StartDate = b.date(raw, "start_date", rec.StartDateText)
	rec.EndDateText = t("end_date", raw.endDate)
	rec.EndDate = b.date(raw, "end_date", rec.EndDateText)
	rec.StandardOrder = t("standard_order", raw.standardOrder)
	rec.LicenseRequirement = t("license_requirement", raw.licReq)
	rec.LicensePolicy = t("license_policy", raw.licPolicy)
	rec.CallSign = t("call_sign", raw.callSign)
	rec.VesselType = t("vessel_type", raw.vesselType)
	rec.GrossTonnage = t("gross_tonnage", raw.grossT)
	rec.GrossRegisteredTonnage = t("gross_registered_tonnage", raw.grossRT)
	rec.VesselFlag = t("vessel_flag", raw.flag)
	rec.VesselOwner = t("vessel_owner", raw.owner)
	rec.Remarks = t("remarks", raw.remarks)
	rec.SourceListURL = t("source_list_url", raw.listURL)
	rec.SourceInformationURL = t("source_information_url", raw.infoURL)

	countries := func(field string, items []string, text string) []string {
		vals := list(field, items, text)
		for i, v := range vals {
			if c := countryCode(v); c != "" {
				vals[i] = c
			} else {
				b.warn(raw, field, "%q is not a known country; kept as text", v)
			}
		}
		return vals
	}
	rec.Citizenships = countries("citizenships", raw.citizenships, raw.citText)
	rec.Nationalities = countries("nationalities", raw.nationalities, raw.natText)
	for _, d := range list("dates_of_birth", raw.dobs, raw.dobText) {
		if err := checkBirthDate(d); err != nil {
			b.warn(raw, "dates_of_birth", "%q left out: %v", d, err)
			continue
		}
		rec.DatesOfBirth = append(rec.DatesOfBirth, d)
	}
	rec.PlacesOfBirth = list("places_of_birth", raw.pobs, raw.pobText)

	if raw.idsText != "" {
		rec.IDs = parseIDs(t("ids", raw.idsText), raw.legacy)
	}
	for _, id := range raw.ids {
		id.Type = t("ids.type", id.Type)
		id.Number = t("ids.number", id.Number)
		country := t("ids.country", id.Country)
		id.Country = countryCode(country)
		if id.Country == "" {
			id.Country = country
		}
		id.Issued = t("ids.issue_date", id.Issued)
		id.Expires = t("ids.expiration_date", id.Expires)
		if id != (sanctions.Identifier{}) {
			rec.IDs = append(rec.IDs, id)
		}
	}

	if rec.Name == "" && len(rec.AltNames) == 0 && len(rec.Addresses) == 0 {
		b.warn(raw, "name", "record has no name, alias or address")
	}
	rec.ID = b.id(raw, rec)
	return nil
}

// date reads a start or end date; a value that is not a possible date is
// reported and left zero.
func (b *builder) date(raw *rawRecord, field, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	v := s
	if len(v) > 10 && v[4] == '-' && (v[10] == 'T' || v[10] == ' ') {
		v = v[:10] // 2018-08-01T00:00:00Z
	}
	d, err := sanctions.ParseDate(v)
	if err != nil {
		b.warn(raw, field, "not taken as a date: %v", err)
		return time.Time{}
	}
	return d
}

// checkBirthDate rejects dates of birth with impossible years or days.
// Forms it does not know ("circa 1960") pass.
func checkBirthDate(s string) error {
	if len(s) >= 4 && isDigits(s[:4]) && (len(s) == 4 || !isDigit(s[4])) {
		y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
		if y < 1900 || y > 2100 {
			return fmt.Errorf("year %d out of range", y)
		}
		if len(s) == 10 && s[4] == '-' && s[7] == '-' {
			if _, err := sanctions.ParseDate(s); err != nil {
				return err
			}
		}
	}
	return nil
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// id returns the stable ID of a record and reports duplicates.
func (b *builder) id(raw *rawRecord, rec *Record) string {
	id := strings.TrimSpace(raw.id)
	hashed := false
	if id == "" {
		id = rec.EntityNumber
	}
	if id == "" {
		id = HashID(rec.SourceCode, rec.Name, rec.Addresses)
		hashed = true
	}
	seen := b.seenIDs[rec.SourceCode]
	if seen == nil {
		seen = map[string]int{}
		b.seenIDs[rec.SourceCode] = seen
	}
	seen[id]++
	if n := seen[id]; n > 1 {
		if hashed {
			b.warn(raw, "id", "same list, name and addresses as an earlier record; ID suffixed with ~%d", n)
			return fmt.Sprintf("%s~%d", id, n)
		}
		b.warn(raw, "id", "ID %q repeats an earlier record of %s", id, rec.SourceCode)
	}
	return id
}

// HashID is the ID given to a record without an _id or entity number: "csl-"
// and 20 hex digits of the SHA-256 of the list code, the case-folded name
// and the addresses' texts. The same party in two downloads gets the same
// ID as long as its name and addresses are unchanged.
func HashID(code, name string, addrs []sanctions.Address) string {
	h := sha256.New()
	io.WriteString(h, code)
	h.Write([]byte{0})
	io.WriteString(h, strings.ToLower(strings.Join(strings.Fields(name), " ")))
	for _, a := range addrs {
		h.Write([]byte{0})
		io.WriteString(h, strings.ToLower(strings.Join(strings.Fields(a.Text), " ")))
	}
	return "csl-" + hex.EncodeToString(h.Sum(nil))[:20]
}
