package icts

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// Determination is one published ICTS document: a final determination on a
// case, or a rule or proposal under 15 CFR part 791 (formerly part 7).
// Calendar dates are at UTC midnight; the instants at which prohibitions take
// effect are in America/New_York.
type Determination struct {
	Kind Kind `json:"kind"`
	// DocumentType is the Federal Register section the document was
	// published in: NOTICE, RULE or PRORULE.
	DocumentType string `json:"document_type"`
	// CaseNumber is the ICTS case ("ICTS-2021-002"), empty for rules.
	CaseNumber string `json:"case_number,omitempty"`
	Title      string `json:"title"`
	// Citation gives volume, first and last page, issue number and date.
	Citation sanctions.FRCitation `json:"citation"`
	// DocumentNumber is the FR document number ("2024-13532").
	DocumentNumber string `json:"document_number"`
	Docket         string `json:"docket,omitempty"`
	RIN            string `json:"rin,omitempty"`
	// Published is the publication date; Signed the date the document was
	// signed (zero when not known).
	Published time.Time `json:"published"`
	Signed    time.Time `json:"signed,omitzero"`
	// Effective is the date the document takes effect: for a rule, the
	// effective date its DATES caption gives; for a final determination, the
	// day its first prohibition takes effect. Zero for proposals.
	Effective time.Time `json:"effective,omitzero"`
	// CommentsDue is the closing date for comments on a proposal.
	CommentsDue time.Time `json:"comments_due,omitzero"`
	Authority   Authority `json:"authority"`
	// CoveredPersons are the parties the determination names or brings
	// within its scope.
	CoveredPersons  []CoveredPerson  `json:"covered_persons,omitempty"`
	CoveredProducts []CoveredProduct `json:"covered_products,omitempty"`
	Prohibitions    []Prohibition    `json:"prohibitions,omitempty"`
	Exclusions      []Exclusion      `json:"exclusions,omitempty"`
	// Related are listings on other lists published with the document (the
	// same day's Entity List rule for Kaspersky).
	Related []RelatedListing `json:"related,omitempty"`
	// Summary says in a sentence what the document does.
	Summary   string `json:"summary,omitempty"`
	SourceURL string `json:"source_url"`
}

// Authority is the legal basis a document cites.
type Authority struct {
	// ExecutiveOrders are E.O. numbers ("13873").
	ExecutiveOrders []string `json:"executive_orders"`
	// CFRTitle and CFRPart are the title and part the document cites or
	// amends (15 and 7, or 15 and 791).
	CFRTitle int `json:"cfr_title"`
	CFRPart  int `json:"cfr_part"`
	// Sections are the sections cited, in both numberings.
	Sections []CFRSection `json:"sections,omitempty"`
}

// CFRSection is one section of the ICTS regulations in the part 7 numbering
// in force until July 17, 2024 and the part 791 numbering in force from
// July 18, 2024 (89 FR 58263 redesignated part 7 as part 791 keeping the
// section numbers after the point). Part7 is empty for sections added after
// the redesignation.
type CFRSection struct {
	Part7   string `json:"part7,omitempty"`
	Part791 string `json:"part791"`
}

var reSection = regexp.MustCompile(`^(7|791)\.(\d+[a-z]?)((?:\([a-z0-9]+\))*)$`)

// ParseCFRSection reads a section of part 7 or part 791 ("7.103(b)",
// "791.109(a)", with or without "15 CFR " or "§") and returns it in both
// numberings.
func ParseCFRSection(s string) (CFRSection, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimPrefix(t, "15 CFR")
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "§"))
	t = strings.ReplaceAll(t, " ", "")
	m := reSection.FindStringSubmatch(t)
	if m == nil {
		return CFRSection{}, fmt.Errorf("icts: %q is not a section of 15 CFR part 7 or 791", s)
	}
	sec := CFRSection{Part791: "791." + m[2] + m[3]}
	if m[1] == "7" {
		sec.Part7 = "7." + m[2] + m[3]
	}
	return sec, nil
}

// CoveredPerson is a party a determination covers.
type CoveredPerson struct {
	// ID is stable: the case number (or FR document number) and the
	// person's position, "ICTS-2021-002/1".
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country of
	// organisation, empty when the documents do not give it.
	Country string `json:"country,omitempty"`
	// Scope lists the relations the determination extends to
	// (affiliates, subsidiaries, parent companies, successors), or
	// Affiliate for a person covered as an affiliate of another.
	Scope []Relationship `json:"scope,omitempty"`
	// Basis says why the person is covered when the determination does
	// not name it (for example "named in 89 FR 52362 ...").
	Basis string `json:"basis,omitempty"`
}

// Names returns the name followed by the aliases.
func (p *CoveredPerson) Names() []string {
	return append([]string{p.Name}, p.Aliases...)
}

// CoveredProduct is a class of products or services a document covers,
// with examples the document names.
type CoveredProduct struct {
	Class    string   `json:"class"`
	Examples []string `json:"examples,omitempty"`
}

// Prohibition is one dated prohibition: a class of transaction, the instant
// it takes effect, and the clause as the document states it (abridged).
type Prohibition struct {
	Class TransactionClass `json:"class"`
	// Effective is the instant the prohibition takes effect, in
	// America/New_York (12:00 a.m. EDT unless the document says otherwise).
	Effective time.Time `json:"effective"`
	Clause    string    `json:"clause"`
}

// InEffect reports whether the prohibition applies at instant at.
func (p *Prohibition) InEffect(at time.Time) bool { return !at.Before(p.Effective) }

// Exclusion is a class of products, services or transactions a
// determination leaves outside its prohibitions.
type Exclusion struct {
	Description string `json:"description"`
}

// RelatedListing is an action on another list published with a document.
type RelatedListing struct {
	// List is the sanctions source code of the list ("EL").
	List           string               `json:"list"`
	Citation       sanctions.FRCitation `json:"citation"`
	DocumentNumber string               `json:"document_number"`
	Entries        []ListedEntity       `json:"entries"`
}

// ListedEntity is one entry of a related listing.
type ListedEntity struct {
	Name string `json:"name"`
	// Country is the ISO 3166-1 alpha-2 code of the destination it is
	// listed under.
	Country string `json:"country"`
}

// ID returns the key the registry files d under: the case number, or the
// FR document number when there is no case.
func (d *Determination) ID() string {
	if d.CaseNumber != "" {
		return d.CaseNumber
	}
	return d.DocumentNumber
}

// ErrIncomplete is wrapped by the error Validate returns.
var ErrIncomplete = errors.New("icts: incomplete record")

var (
	reCaseNumber = regexp.MustCompile(`^ICTS-\d{4}-\d{3}$`)
	reDocNumber  = regexp.MustCompile(`^\d{4}-\d{5}$`)
	reCountry    = regexp.MustCompile(`^[A-Z]{2}$`)
)

// Validate reports the fields that d lacks for its kind, in one error that
// wraps ErrIncomplete, or nil. Every record needs a kind, document type,
// title, citation (volume, first page, date equal to Published), document
// number, publication date, executive order, CFR title and part, and source
// URL. A final determination also needs a case number, covered persons
// (each with ID and name), prohibitions (each with class, instant and
// clause) and an effective date; a final or interim final rule needs an
// effective date; a proposal must not have one.
func (d *Determination) Validate() error {
	var miss []string
	add := func(ok bool, what string) {
		if !ok {
			miss = append(miss, what)
		}
	}
	add(d.Kind.Valid(), "kind")
	add(d.DocumentType == "NOTICE" || d.DocumentType == "RULE" || d.DocumentType == "PRORULE", "document_type")
	add(d.Title != "", "title")
	add(d.Citation.Volume > 0 && d.Citation.Page > 0, "citation")
	add(d.Citation.LastPage == 0 || d.Citation.LastPage >= d.Citation.Page, "citation.last_page")
	add(!d.Published.IsZero(), "published")
	add(d.Citation.Date.Equal(d.Published), "citation.date")
	add(reDocNumber.MatchString(d.DocumentNumber), "document_number")
	add(len(d.Authority.ExecutiveOrders) > 0, "authority.executive_orders")
	add(d.Authority.CFRTitle == 15 && (d.Authority.CFRPart == 7 || d.Authority.CFRPart == 791), "authority.cfr_part")
	add(d.SourceURL != "", "source_url")
	add(d.CaseNumber == "" || reCaseNumber.MatchString(d.CaseNumber), "case_number")
	switch {
	case d.Kind == KindFinalDetermination:
		add(d.CaseNumber != "", "case_number")
		add(len(d.CoveredPersons) > 0, "covered_persons")
		add(len(d.Prohibitions) > 0, "prohibitions")
		add(!d.Effective.IsZero(), "effective")
	case d.Kind.IsRule():
		add(!d.Effective.IsZero(), "effective")
	case d.Kind == KindANPRM || d.Kind == KindNPRM:
		add(d.Effective.IsZero(), "effective (a proposal has none)")
	}
	for i, p := range d.CoveredPersons {
		add(p.ID != "" && p.Name != "", fmt.Sprintf("covered_persons[%d].id/name", i))
		add(p.Country == "" || reCountry.MatchString(p.Country), fmt.Sprintf("covered_persons[%d].country", i))
	}
	for i, p := range d.Prohibitions {
		add(p.Class > ClassUnknown && int(p.Class) < len(classNames) && !p.Effective.IsZero() && p.Clause != "",
			fmt.Sprintf("prohibitions[%d]", i))
	}
	for i, r := range d.Related {
		add(r.List != "" && r.Citation.Page > 0 && reDocNumber.MatchString(r.DocumentNumber) && len(r.Entries) > 0,
			fmt.Sprintf("related[%d]", i))
	}
	if len(miss) > 0 {
		return fmt.Errorf("%w %s (%s): missing or invalid %s", ErrIncomplete, d.ID(), d.Kind, strings.Join(miss, ", "))
	}
	return nil
}

// ProhibitionFor returns the prohibition of class c, or nil.
func (d *Determination) ProhibitionFor(c TransactionClass) *Prohibition {
	for i := range d.Prohibitions {
		if d.Prohibitions[i].Class == c {
			return &d.Prohibitions[i]
		}
	}
	return nil
}
