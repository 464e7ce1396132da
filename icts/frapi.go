package icts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// APIDocument is the metadata the federalregister.gov API serves for one
// document (GET /api/v1/documents/{number}.json, or one element of a
// search's results). Only the members the package uses are kept.
type APIDocument struct {
	DocumentNumber string `json:"document_number"`
	// Citation is the API's citation string ("89 FR 52434").
	Citation        string      `json:"citation"`
	Volume          int         `json:"volume"`
	StartPage       int         `json:"start_page"`
	EndPage         int         `json:"end_page"`
	PublicationDate string      `json:"publication_date"`
	EffectiveOn     *string     `json:"effective_on"`
	SigningDate     *string     `json:"signing_date"`
	Type            string      `json:"type"`
	Title           string      `json:"title"`
	Action          *string     `json:"action"`
	Abstract        *string     `json:"abstract"`
	Dates           *string     `json:"dates"`
	Agencies        []APIAgency `json:"agencies"`
	CFRReferences   []struct {
		Title int    `json:"title"`
		Part  intStr `json:"part"`
	} `json:"cfr_references"`
	RegulationIDNumbers []string `json:"regulation_id_numbers"`
	DocketIDs           []string `json:"docket_ids"`
	HTMLURL             string   `json:"html_url"`
	FullTextXMLURL      string   `json:"full_text_xml_url"`
	PDFURL              string   `json:"pdf_url"`
}

// APIAgency is an agency of an APIDocument.
type APIAgency struct {
	RawName string `json:"raw_name"`
	Name    string `json:"name"`
	Slug    string `json:"slug"`
}

// intStr reads a JSON number or a numeric string (the API has served CFR
// parts both ways), 0 for null.
type intStr int

func (n *intStr) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("CFR part %s is not a number", b)
	}
	*n = intStr(v)
	return nil
}

// APISearch is a page of the API's document search
// (GET /api/v1/documents.json).
type APISearch struct {
	Count       int           `json:"count"`
	TotalPages  int           `json:"total_pages"`
	NextPageURL string        `json:"next_page_url"`
	Results     []APIDocument `json:"results"`
}

// ParseAPIDocument reads one document's API metadata. Malformed or
// truncated JSON is an error with its line and byte offset; a document
// without a document number, publication date or citation is an error.
func ParseAPIDocument(r io.Reader) (*APIDocument, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("icts: reading FR API document: %w", err)
	}
	var d APIDocument
	if err := decodeJSON(data, &d); err != nil {
		return nil, fmt.Errorf("icts: FR API document: %w", err)
	}
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("icts: FR API document: %w", err)
	}
	return &d, nil
}

// ParseAPISearch reads a page of the API's search results. Each result must
// pass the checks of ParseAPIDocument; errors name the result's index.
func ParseAPISearch(r io.Reader) (*APISearch, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("icts: reading FR API search: %w", err)
	}
	var s APISearch
	if err := decodeJSON(data, &s); err != nil {
		return nil, fmt.Errorf("icts: FR API search: %w", err)
	}
	for i := range s.Results {
		if err := s.Results[i].check(); err != nil {
			return nil, fmt.Errorf("icts: FR API search: results[%d]: %w", i, err)
		}
	}
	return &s, nil
}

func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return fmt.Errorf("byte offset %d: unexpected end of JSON input: %w", len(data), io.ErrUnexpectedEOF)
		}
		return jsonPos(data, err)
	}
	return nil
}

func (d *APIDocument) check() error {
	if !reDocNumber.MatchString(d.DocumentNumber) {
		return fmt.Errorf("document_number %q is not an FR document number", d.DocumentNumber)
	}
	if _, err := time.Parse("2006-01-02", d.PublicationDate); err != nil {
		return fmt.Errorf("%s: publication_date %q: %w", d.DocumentNumber, d.PublicationDate, err)
	}
	if c := d.FRCitation(); c.Volume == 0 || c.Page == 0 {
		return fmt.Errorf("%s: no citation (citation %q, volume %d, start_page %d)", d.DocumentNumber, d.Citation, d.Volume, d.StartPage)
	}
	return nil
}

// FRCitation returns the document's citation: volume and pages from the
// volume, start_page and end_page members, or from the citation string when
// those are absent, with the publication date.
func (d *APIDocument) FRCitation() sanctions.FRCitation {
	c := sanctions.FRCitation{Volume: d.Volume, Page: d.StartPage}
	if c.Volume == 0 || c.Page == 0 {
		if cs, _ := sanctions.ParseFRCitations(d.Citation); len(cs) > 0 {
			c.Volume, c.Page = cs[0].Volume, cs[0].Page
		}
	}
	if d.EndPage > c.Page {
		c.LastPage = d.EndPage
	}
	c.Date, _ = time.Parse("2006-01-02", d.PublicationDate)
	return c
}

// IsICTS reports whether the metadata marks an ICTS document: a CFR
// reference to 15 CFR part 7 or 791, or an ICTS case number in the title.
func (d *APIDocument) IsICTS() bool {
	for _, r := range d.CFRReferences {
		if r.Title == 15 && (r.Part == 7 || r.Part == 791) {
			return true
		}
	}
	return reCase.MatchString(CleanText(d.Title))
}

// DocumentType returns the GPO element name for the API's document type:
// RULE for "Rule", PRORULE for "Proposed Rule", NOTICE for "Notice",
// PRESDOCU for "Presidential Document".
func (d *APIDocument) DocumentType() string {
	switch strings.ToLower(d.Type) {
	case "rule":
		return "RULE"
	case "proposed rule":
		return "PRORULE"
	case "notice":
		return "NOTICE"
	case "presidential document":
		return "PRESDOCU"
	}
	return strings.ToUpper(d.Type)
}

// ApplyMetadata completes a document read from a single-document XML file
// (which carries no volume or date) with the API's metadata: the citation's
// volume, date and last page, the effective and signing dates, the subject
// and RIN when the XML lacked them. It is an error when the two disagree on
// the document number or first page.
func (doc *Document) ApplyMetadata(m *APIDocument) error {
	if m.DocumentNumber != doc.DocumentNumber {
		return fmt.Errorf("icts: metadata is for %s, document is %s", m.DocumentNumber, doc.DocumentNumber)
	}
	c := m.FRCitation()
	if doc.Citation.Page != 0 && c.Page != doc.Citation.Page {
		return fmt.Errorf("icts: %s: metadata says page %d, XML says %d", doc.DocumentNumber, c.Page, doc.Citation.Page)
	}
	if doc.Citation.Issue != 0 {
		c.Issue = doc.Citation.Issue
	}
	if c.LastPage == 0 {
		c.LastPage = doc.Citation.LastPage
	}
	doc.Citation = c
	if doc.Effective.IsZero() && m.EffectiveOn != nil {
		doc.Effective, _ = time.Parse("2006-01-02", *m.EffectiveOn)
	}
	if doc.Signed.IsZero() && m.SigningDate != nil {
		doc.Signed, _ = time.Parse("2006-01-02", *m.SigningDate)
	}
	if doc.Subject == "" {
		doc.Subject = m.Title
	}
	if doc.RIN == "" && len(m.RegulationIDNumbers) > 0 {
		doc.RIN = m.RegulationIDNumbers[0]
	}
	if doc.Action == "" && m.Action != nil {
		doc.Action = *m.Action
	}
	return nil
}
