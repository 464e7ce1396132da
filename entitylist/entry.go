package entitylist

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// SourceCode is the list code the Entity List carries in sanctions.Source
// and sanctions.Party.
const SourceCode = "EL"

// SourceName is the full name of the list as used in sanctions.Source.
const SourceName = "Entity List (15 CFR 744 Supplement No. 4)"

// Country is the destination column of an entry: the name as the Entity
// List publishes it and its ISO 3166-1 alpha-2 code ("" when the name is not
// in the package's table; the row is then also reported in List.Warnings).
type Country struct {
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

// LicenseRequirement is the "License requirement" column of an entry.
type LicenseRequirement struct {
	// Text is the cell as published, footnote markers removed.
	Text string `json:"text"`
	// Sections are the EAR sections the text cites, in order of first
	// appearance, without the "§" sign: "734.9(e)", "744.11", "746.8(a)(3)".
	Sections []string `json:"sections,omitempty"`
	// ItemScope is the set of items the requirement covers: "all items
	// subject to the EAR" or the narrower text, with the "see §" references
	// removed.
	ItemScope string `json:"item_scope,omitempty"`
}

// PolicyKind classifies a license review policy.
type PolicyKind string

// The license review policies the Entity List uses. When a cell names more
// than one (e.g. "Presumption of denial, except ... case-by-case"), the
// kind is the one stated first.
const (
	PolicyOther      PolicyKind = "other"
	PolicyDenial     PolicyKind = "presumption of denial"
	PolicyCaseByCase PolicyKind = "case-by-case"
	PolicyApproval   PolicyKind = "presumption of approval"
	// PolicySection is a policy "set forth in" or "see" a named EAR section
	// (e.g. "See § 744.2(d) of the EAR").
	PolicySection PolicyKind = "section"
)

// LicensePolicy is the "License review policy" column of an entry.
type LicensePolicy struct {
	Kind PolicyKind `json:"kind"`
	// Text is the cell as published, footnote markers removed.
	Text string `json:"text"`
}

// SubPartKind says what a sub-part of an entry lists.
type SubPartKind string

// The kinds of sub-part found in Entity List entries.
const (
	// SubPartSubordinate lists subordinate institutions of the entity.
	SubPartSubordinate SubPartKind = "subordinate institutions"
	// SubPartAffiliated lists affiliated entities.
	SubPartAffiliated SubPartKind = "affiliated entities"
	// SubPartAddresses lists further addresses ("The following addresses
	// apply ...").
	SubPartAddresses SubPartKind = "addresses"
)

// SubPart is a headed list inside an entity cell.
type SubPart struct {
	Kind SubPartKind `json:"kind"`
	// Heading is the line that introduces the list, as published.
	Heading string `json:"heading"`
	// Items are the listed names or address texts, in order.
	Items []string `json:"items"`
}

// Entry is one row of the Entity List, typed.
type Entry struct {
	// ID is stable across versions of the list: "EL-" and 16 hex digits of
	// the SHA-256 of the country code and the normalised name (lower case,
	// punctuation runs folded), or of the first address for an address-only
	// entry. Two rows with the same key get "-2", "-3", ... in table order.
	ID string `json:"id"`
	// Row is the 1-based number of the data row in the table (the header
	// row is not counted).
	Row     int     `json:"row"`
	Country Country `json:"country"`
	// Name is the entity's name; empty for an address-only entry.
	Name    string   `json:"name,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	// Addresses in the order published, including those of an address
	// sub-part. Text keeps each address as published.
	Addresses []sanctions.Address `json:"addresses,omitempty"`
	// Parts are the sub-parts of the entity cell (subordinate institutions,
	// affiliated entities, address lists).
	Parts []SubPart `json:"parts,omitempty"`
	// EntityText is the whole entity cell, lines joined with "\n",
	// footnote markers removed.
	EntityText         string             `json:"entity_text"`
	LicenseRequirement LicenseRequirement `json:"license_requirement"`
	LicensePolicy      LicensePolicy      `json:"license_policy"`
	// Footnotes are the numbered footnote markers found in the row (the
	// foreign-direct-product footnotes 1, 3, 4, ...), sorted, without
	// duplicates.
	Footnotes []int `json:"footnotes,omitempty"`
	// Citations are the Federal Register citations of the citation column.
	Citations []sanctions.FRCitation `json:"citations,omitempty"`
	// CitationText is the citation cell as published.
	CitationText string `json:"citation_text"`
	// UnreadCitations is text of the citation cell that is not a readable
	// citation, kept so that nothing is lost.
	UnreadCitations []string `json:"unread_citations,omitempty"`
}

// AddressOnly reports whether the entry lists an address without a name.
func (e *Entry) AddressOnly() bool { return e.Name == "" }

// Listed returns the earliest citation date of the entry, zero when no
// citation carries a date.
func (e *Entry) Listed() time.Time {
	var t time.Time
	for _, c := range e.Citations {
		if !c.Date.IsZero() && (t.IsZero() || c.Date.Before(t)) {
			t = c.Date
		}
	}
	return t
}

// Party converts the entry to the shared model: every name (the name, its
// aliases, and the names of subordinate institutions and affiliated
// entities) and every address, Source "EL", Kind organization (address for
// an address-only entry), the countries of the entry and its addresses, the
// citations, the license terms, and Listed set to the earliest citation
// date. Sub-part names are added to Aliases so that screening finds them;
// Remarks say which names are sub-parts, which footnotes apply and which
// citation text could not be read.
func (e *Entry) Party() sanctions.Party {
	p := sanctions.Party{
		ID:                 e.ID,
		Source:             SourceCode,
		Kind:               sanctions.KindOrganization,
		Name:               e.Name,
		Citations:          append([]sanctions.FRCitation(nil), e.Citations...),
		Listed:             e.Listed(),
		LicenseRequirement: e.LicenseRequirement.Text,
		LicensePolicy:      e.LicensePolicy.Text,
	}
	if e.AddressOnly() {
		p.Kind = sanctions.KindAddress
	}
	p.Aliases = append(p.Aliases, e.Aliases...)
	for _, sp := range e.Parts {
		if sp.Kind == SubPartAddresses {
			continue
		}
		for _, it := range sp.Items {
			p.Aliases = append(p.Aliases, it)
			p.Remarks = append(p.Remarks, string(sp.Kind)+": "+it)
		}
	}
	p.Addresses = append(p.Addresses, e.Addresses...)
	addCountry := func(c string) {
		if c == "" {
			return
		}
		for _, x := range p.Countries {
			if x == c {
				return
			}
		}
		p.Countries = append(p.Countries, c)
	}
	addCountry(e.Country.Code)
	for _, a := range e.Addresses {
		addCountry(a.Country)
	}
	if len(e.Footnotes) > 0 {
		var b strings.Builder
		b.WriteString("footnotes:")
		for _, f := range e.Footnotes {
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(f))
		}
		p.Remarks = append(p.Remarks, b.String())
	}
	for _, u := range e.UnreadCitations {
		p.Remarks = append(p.Remarks, "unread citation text: "+u)
	}
	return p
}

// entryKey is the text the ID is derived from: the country's ISO code (its
// folded name when the code is unknown, so that a renamed heading such as
// "Turkey" to "Türkiye" keeps the IDs) and the folded name, or the first
// address of an address-only entry.
func entryKey(e *Entry) string {
	c := e.Country.Code
	if c == "" {
		c = "?" + foldKey(e.Country.Name)
	}
	if e.Name != "" {
		return c + "|" + foldKey(e.Name)
	}
	if len(e.Addresses) > 0 {
		return c + "|address|" + foldKey(e.Addresses[0].Text)
	}
	return c + "|text|" + foldKey(e.EntityText)
}

// foldKey lower-cases s and collapses spaces and punctuation runs so that
// the ID survives trivial typographic changes.
func foldKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == ',' || r == '.' || r == ';' || r == '\n':
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hashID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "EL-" + hex.EncodeToString(sum[:8])
}
