package sanctions

import (
	"time"
)

// Kind says what sort of thing a Party is.
type Kind string

// The kinds of party the lists publish.
const (
	KindUnknown      Kind = ""
	KindOrganization Kind = "organization"
	KindPerson       Kind = "person"
	KindVessel       Kind = "vessel"
	KindAircraft     Kind = "aircraft"
	// KindAddress is an address listed without a name (the Entity List has
	// listed such addresses since June 2024).
	KindAddress Kind = "address"
)

// Address is a postal address split into parts. Text keeps the address as
// published so that nothing is lost when the split is imperfect.
type Address struct {
	Text       string `json:"text,omitempty"`
	Street     string `json:"street,omitempty"`
	City       string `json:"city,omitempty"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code, upper case, when known.
	Country string `json:"country,omitempty"`
}

// IsZero reports whether the address carries no information at all.
func (a Address) IsZero() bool { return a == Address{} }

// Identifier is an identity document or registration number of a party
// (passport, tax ID, IMO number, ...).
type Identifier struct {
	Type    string `json:"type,omitempty"`
	Number  string `json:"number,omitempty"`
	Country string `json:"country,omitempty"`
	Issued  string `json:"issued,omitempty"`
	Expires string `json:"expires,omitempty"`
}

// Vessel holds the fields the lists publish for ships.
type Vessel struct {
	CallSign               string `json:"call_sign,omitempty"`
	Type                   string `json:"type,omitempty"`
	Flag                   string `json:"flag,omitempty"`
	Owner                  string `json:"owner,omitempty"`
	GrossTonnage           string `json:"gross_tonnage,omitempty"`
	GrossRegisteredTonnage string `json:"gross_registered_tonnage,omitempty"`
}

// Individual holds the fields the lists publish for natural persons.
type Individual struct {
	Title         string   `json:"title,omitempty"`
	DatesOfBirth  []string `json:"dates_of_birth,omitempty"`
	PlacesOfBirth []string `json:"places_of_birth,omitempty"`
	Nationalities []string `json:"nationalities,omitempty"`
	Citizenships  []string `json:"citizenships,omitempty"`
}

// Party is one restricted person, organisation, vessel or address, from any
// list, in the shape every list shares.
type Party struct {
	// ID is stable across versions of the same list: the source's own ID
	// where it has one, otherwise a deterministic hash.
	ID string `json:"id"`
	// Source is the list's code (EL, DPL, SDN, ICTS, ...).
	Source string `json:"source"`
	Kind   Kind   `json:"kind,omitempty"`
	// Name is the primary name; empty for an address-only entry.
	Name    string   `json:"name,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	// Addresses in the order published.
	Addresses []Address `json:"addresses,omitempty"`
	// Countries are ISO 3166-1 alpha-2 codes.
	Countries []string `json:"countries,omitempty"`
	Programs  []string `json:"programs,omitempty"`
	// Citations are the Federal Register notices behind the listing.
	Citations []FRCitation `json:"citations,omitempty"`
	// Listed and Removed are UTC midnight dates, zero when unknown.
	Listed  time.Time `json:"listed,omitzero"`
	Removed time.Time `json:"removed,omitzero"`
	// LicenseRequirement and LicensePolicy are the export licence terms
	// where the list sets them (Entity List, MEU).
	LicenseRequirement string       `json:"license_requirement,omitempty"`
	LicensePolicy      string       `json:"license_policy,omitempty"`
	Identifiers        []Identifier `json:"identifiers,omitempty"`
	Individual         *Individual  `json:"individual,omitempty"`
	Vessel             *Vessel      `json:"vessel,omitempty"`
	Remarks            []string     `json:"remarks,omitempty"`
	// URLs are the source pages published for the party.
	URLs []string `json:"urls,omitempty"`
}

// Names returns the primary name followed by the aliases, skipping empties.
func (p *Party) Names() []string {
	out := make([]string, 0, 1+len(p.Aliases))
	if p.Name != "" {
		out = append(out, p.Name)
	}
	for _, a := range p.Aliases {
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}

// ListedOn reports whether the party was on its list on day d, as far as the
// party's Listed and Removed dates tell. Unknown dates do not exclude.
func (p *Party) ListedOn(d time.Time) bool {
	if !p.Listed.IsZero() && d.Before(p.Listed) {
		return false
	}
	if !p.Removed.IsZero() && !d.Before(p.Removed) {
		return false
	}
	return true
}

// Source describes one list as retrieved at one time.
type Source struct {
	// Code is the list's short code: EL, DPL, UVL, MEU, SDN, SSI, FSE, PLC,
	// CAP, CMIC, MBS, ISN, DTC, ICTS.
	Code string `json:"code"`
	// Name is the list's full name.
	Name string `json:"name,omitempty"`
	// URL is where the publisher serves the list.
	URL string `json:"url,omitempty"`
	// AsOf is the date the content is current to.
	AsOf time.Time `json:"as_of,omitzero"`
	// RetrievedAt is when the raw document was fetched or read.
	RetrievedAt time.Time `json:"retrieved_at,omitzero"`
	// SHA256 is the hex digest of the raw document the parties came from.
	SHA256 string `json:"sha256,omitempty"`
}

// Snapshot is one list as published at one time.
type Snapshot struct {
	Source  Source  `json:"source"`
	Parties []Party `json:"parties"`
}
