package icts

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/rpscreen/rpscreen/sanctions"
)

// RegistryFormat is the value of the "format" member that opens every
// registry file; a reader can recognise the format from the first bytes
// `{"format":"rpscreen-icts-registry"`.
const RegistryFormat = "rpscreen-icts-registry"

// IsRegistry reports whether b, the first bytes of a file (512 are
// plenty), look like a registry file: a JSON object whose first member is
// "format" with the value RegistryFormat.
func IsRegistry(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	b = bytes.TrimLeft(b[1:], " \t\r\n")
	if !bytes.HasPrefix(b, []byte(`"format"`)) {
		return false
	}
	b = bytes.TrimLeft(b[len(`"format"`):], " \t\r\n")
	if len(b) == 0 || b[0] != ':' {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(b[1:], " \t\r\n"), []byte(`"`+RegistryFormat+`"`))
}

// SourceCode is the sanctions source code of ICTS covered persons.
const SourceCode = "ICTS"

//go:embed data/registry.json
var embedded []byte

// Registry is a set of ICTS determinations and product rules with the date
// they are current to. It is safe for concurrent use.
type Registry struct {
	mu      sync.RWMutex
	asOf    time.Time
	dets    []*Determination
	byID    map[string]*Determination // case number and FR document number
	persons map[string]personRef      // covered-person ID
	names   map[string][]personRef    // normalised name or alias
	rules   []ProductRule
	sha     string // of the data read, "" once records are added
}

type personRef struct {
	d *Determination
	i int
}

func (p personRef) person() *CoveredPerson { return &p.d.CoveredPersons[p.i] }

// registryFile is the on-disk form.
type registryFile struct {
	Format         string           `json:"format"`
	Version        int              `json:"version"`
	AsOf           string           `json:"as_of"`
	Note           string           `json:"note,omitempty"`
	Determinations []*Determination `json:"determinations"`
	ProductRules   []ProductRule    `json:"product_rules"`
}

// Default returns a new registry read from the data embedded in the
// package: the published ICTS determinations and rules as of EmbeddedAsOf.
// Each call returns an independent registry, so that records a caller adds
// do not leak into other callers'.
func Default() *Registry {
	r, err := ReadRegistry(bytes.NewReader(embedded))
	if err != nil {
		// The embedded data is checked by the package's tests.
		panic("icts: embedded registry: " + err.Error())
	}
	return r
}

// EmbeddedAsOf returns the as-of date of the embedded registry.
func EmbeddedAsOf() time.Time { return Default().AsOf() }

// NewRegistry returns an empty registry current to asOf.
func NewRegistry(asOf time.Time) *Registry {
	return &Registry{
		asOf:    asOf,
		byID:    map[string]*Determination{},
		persons: map[string]personRef{},
		names:   map[string][]personRef{},
	}
}

// ReadRegistry reads a registry file (the format of icts/data/registry.json).
// Every record must pass Validate; errors name the record and, for JSON
// syntax errors, the byte offset.
func ReadRegistry(rd io.Reader) (*Registry, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("icts: reading registry: %w", err)
	}
	var f registryFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("icts: registry: %w", jsonPos(data, err))
	}
	if f.Format != RegistryFormat {
		return nil, fmt.Errorf("icts: registry: format %q, want %q", f.Format, RegistryFormat)
	}
	if f.Version != 1 {
		return nil, fmt.Errorf("icts: registry: version %d not supported", f.Version)
	}
	asOf, err := time.Parse("2006-01-02", f.AsOf)
	if err != nil {
		return nil, fmt.Errorf("icts: registry: as_of: %w", err)
	}
	r := NewRegistry(asOf)
	for i, d := range f.Determinations {
		if d == nil {
			return nil, fmt.Errorf("icts: registry: determinations[%d] is null", i)
		}
		if err := r.add(d); err != nil {
			return nil, fmt.Errorf("icts: registry: determinations[%d]: %w", i, err)
		}
	}
	for i, pr := range f.ProductRules {
		if err := r.addRule(pr); err != nil {
			return nil, fmt.Errorf("icts: registry: product_rules[%d]: %w", i, err)
		}
	}
	sum := sha256.Sum256(data)
	r.sha = hex.EncodeToString(sum[:])
	return r, nil
}

// WriteTo writes the registry in the format ReadRegistry reads.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.RLock()
	f := registryFile{Format: RegistryFormat, Version: 1, AsOf: r.asOf.Format("2006-01-02"),
		Determinations: r.dets, ProductRules: r.rules}
	b, err := json.MarshalIndent(f, "", "  ")
	r.mu.RUnlock()
	if err != nil {
		return 0, fmt.Errorf("icts: writing registry: %w", err)
	}
	n, err := w.Write(append(b, '\n'))
	return int64(n), err
}

// jsonPos adds a byte offset and line to JSON decoding errors that carry one.
func jsonPos(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return err
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	return fmt.Errorf("line %d, byte offset %d: %w", line, off, err)
}

// ErrDuplicate is wrapped by the error Add returns for a record whose ID or
// FR document number is already in the registry.
var ErrDuplicate = errors.New("icts: duplicate record")

// Add adds a determination (for example one parsed from a newer document
// with (*Document).Determination). The record must pass Validate and must
// not repeat a case number, FR document number or covered-person ID already
// in the registry. Prohibition instants are moved to America/New_York.
// Covered persons without an ID get "<ID()>/<n>". The registry's as-of date
// advances to the record's publication date when that is later.
func (r *Registry) Add(d *Determination) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.add(d); err != nil {
		return err
	}
	r.sha = ""
	if d.Published.After(r.asOf) {
		r.asOf = d.Published
	}
	return nil
}

func (r *Registry) add(d *Determination) error {
	c := cloneDetermination(d)
	for i := range c.CoveredPersons {
		if c.CoveredPersons[i].ID == "" {
			c.CoveredPersons[i].ID = fmt.Sprintf("%s/%d", c.ID(), i+1)
		}
	}
	for i := range c.Prohibitions {
		c.Prohibitions[i].Effective = c.Prohibitions[i].Effective.In(Eastern)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	for _, k := range []string{c.ID(), c.DocumentNumber} {
		if _, dup := r.byID[k]; dup {
			return fmt.Errorf("%w: %s", ErrDuplicate, k)
		}
	}
	seen := map[string]bool{}
	for _, p := range c.CoveredPersons {
		if _, dup := r.persons[p.ID]; dup || seen[p.ID] {
			return fmt.Errorf("%w: covered person %s", ErrDuplicate, p.ID)
		}
		seen[p.ID] = true
	}
	r.dets = append(r.dets, c)
	r.byID[c.ID()] = c
	r.byID[c.DocumentNumber] = c
	for i, p := range c.CoveredPersons {
		ref := personRef{c, i}
		r.persons[p.ID] = ref
		for _, n := range p.Names() {
			if k := normName(n); k != "" {
				r.names[k] = append(r.names[k], ref)
			}
		}
	}
	return nil
}

// AddProductRule adds a product rule. Its Document must already be in the
// registry.
func (r *Registry) AddProductRule(pr ProductRule) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.addRule(pr); err != nil {
		return err
	}
	r.sha = ""
	return nil
}

func (r *Registry) addRule(pr ProductRule) error {
	if err := pr.Validate(); err != nil {
		return err
	}
	if _, ok := r.byID[pr.Document]; !ok {
		return fmt.Errorf("icts: product rule %s: document %s is not in the registry", pr.ID, pr.Document)
	}
	for _, x := range r.rules {
		if x.ID == pr.ID {
			return fmt.Errorf("%w: product rule %s", ErrDuplicate, pr.ID)
		}
	}
	pr.Nexus = append([]string(nil), pr.Nexus...)
	r.rules = append(r.rules, pr)
	return nil
}

func cloneDetermination(d *Determination) *Determination {
	c := *d
	c.Authority.ExecutiveOrders = append([]string(nil), d.Authority.ExecutiveOrders...)
	c.Authority.Sections = append([]CFRSection(nil), d.Authority.Sections...)
	c.CoveredPersons = append([]CoveredPerson(nil), d.CoveredPersons...)
	for i := range c.CoveredPersons {
		p := &c.CoveredPersons[i]
		p.Aliases = append([]string(nil), p.Aliases...)
		p.Scope = append([]Relationship(nil), p.Scope...)
	}
	c.CoveredProducts = append([]CoveredProduct(nil), d.CoveredProducts...)
	for i := range c.CoveredProducts {
		c.CoveredProducts[i].Examples = append([]string(nil), c.CoveredProducts[i].Examples...)
	}
	c.Prohibitions = append([]Prohibition(nil), d.Prohibitions...)
	c.Exclusions = append([]Exclusion(nil), d.Exclusions...)
	c.Related = append([]RelatedListing(nil), d.Related...)
	for i := range c.Related {
		c.Related[i].Entries = append([]ListedEntity(nil), c.Related[i].Entries...)
	}
	return &c
}

// AsOf returns the date the registry is current to: documents published
// after it are not in it unless a caller added them.
func (r *Registry) AsOf() time.Time {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.asOf
}

// Determinations returns copies of the records, ordered by publication date
// and then FR document number.
func (r *Registry) Determinations() []Determination {
	r.mu.RLock()
	out := make([]Determination, 0, len(r.dets))
	for _, d := range r.dets {
		out = append(out, *cloneDetermination(d))
	}
	r.mu.RUnlock()
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Published.Equal(out[j].Published) {
			return out[i].Published.Before(out[j].Published)
		}
		return out[i].DocumentNumber < out[j].DocumentNumber
	})
	return out
}

// ProductRules returns copies of the product rules.
func (r *Registry) ProductRules() []ProductRule {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]ProductRule, len(r.rules))
	copy(out, r.rules)
	for i := range out {
		out[i].Nexus = append([]string(nil), out[i].Nexus...)
	}
	return out
}

// Lookup returns a copy of the record filed under a case number
// ("ICTS-2021-002") or FR document number ("2024-13532").
func (r *Registry) Lookup(id string) (Determination, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	d, ok := r.byID[strings.TrimSpace(id)]
	if !ok {
		return Determination{}, false
	}
	return *cloneDetermination(d), true
}

// Person returns the covered person with the given ID ("ICTS-2021-002/1",
// which is also the sanctions.Party ID Snapshot gives it) and a copy of the
// determination that covers it.
func (r *Registry) Person(id string) (CoveredPerson, Determination, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	ref, ok := r.persons[strings.TrimSpace(id)]
	if !ok {
		return CoveredPerson{}, Determination{}, false
	}
	c := cloneDetermination(ref.d)
	return c.CoveredPersons[ref.i], *c, true
}

// Verdict is the outcome of a Prohibited question.
type Verdict int

// The outcomes.
const (
	// VerdictNotCovered: the party is not a covered person of any record.
	VerdictNotCovered Verdict = iota
	// VerdictNotRestricted: the party is covered, but no determination
	// prohibits this class of transaction with it.
	VerdictNotRestricted
	// VerdictNotYetInEffect: a prohibition of the class exists but takes
	// effect after the instant asked about.
	VerdictNotYetInEffect
	// VerdictProhibited: a prohibition of the class is in effect.
	VerdictProhibited
)

// String returns "not-covered", "not-restricted", "not-yet-in-effect" or
// "prohibited".
func (v Verdict) String() string {
	switch v {
	case VerdictNotCovered:
		return "not-covered"
	case VerdictNotRestricted:
		return "not-restricted"
	case VerdictNotYetInEffect:
		return "not-yet-in-effect"
	case VerdictProhibited:
		return "prohibited"
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (v Verdict) MarshalText() ([]byte, error) {
	if v < VerdictNotCovered || v > VerdictProhibited {
		return nil, fmt.Errorf("icts: cannot marshal %v", v)
	}
	return []byte(v.String()), nil
}

// Answer is the answer to a Prohibited question, with what it rests on.
type Answer struct {
	// Prohibited is true when the transaction is prohibited at the
	// instant asked about.
	Prohibited bool
	Verdict    Verdict
	Class      TransactionClass
	At         time.Time
	// Person and Determination are the covered person and the record
	// behind the answer (nil when the party is not covered).
	Person        *CoveredPerson
	Determination *Determination
	// Prohibition is the clause behind the answer: the one in effect, or
	// the one that will take effect (nil when the class is not prohibited).
	Prohibition *Prohibition
	// Exclusions are the determination's exclusions, which the caller
	// must weigh against the products or services involved.
	Exclusions []Exclusion
	Reason     string
}

// Prohibited answers whether a transaction of class c with party is
// prohibited at instant at. Party is a covered-person ID
// ("ICTS-2021-002/1") or a name or alias, matched after folding case,
// punctuation and spacing ("Kaspersky Lab Inc" finds "Kaspersky Lab,
// Inc."); fuzzy name matching is the Screener's job. When several records
// cover the party, a prohibition in effect wins, then the earliest one still
// to come.
func (r *Registry) Prohibited(party string, c TransactionClass, at time.Time) Answer {
	r.mu.RLock()
	defer r.mu.RUnlock()
	refs := r.resolve(party)
	a := Answer{Class: c, At: at}
	if len(refs) == 0 {
		a.Reason = fmt.Sprintf("%q is not a covered person of any ICTS determination in the registry (as of %s)", party, r.asOf.Format("2006-01-02"))
		return a
	}
	best := -1
	for i, ref := range refs {
		p := ref.d.ProhibitionFor(c)
		if p == nil {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		q := refs[best].d.ProhibitionFor(c)
		if p.InEffect(at) && !q.InEffect(at) || p.InEffect(at) == q.InEffect(at) && p.Effective.Before(q.Effective) {
			best = i
		}
	}
	if best < 0 {
		ref := refs[0]
		c2 := cloneDetermination(ref.d)
		a.Verdict = VerdictNotRestricted
		a.Person, a.Determination, a.Exclusions = &c2.CoveredPersons[ref.i], c2, c2.Exclusions
		a.Reason = fmt.Sprintf("%s (%s) prohibits no %s transactions with %s", c2.ID(), citeDoc(c2), c, ref.person().Name)
		return a
	}
	ref := refs[best]
	c2 := cloneDetermination(ref.d)
	p := c2.ProhibitionFor(c)
	a.Person, a.Determination, a.Prohibition, a.Exclusions = &c2.CoveredPersons[ref.i], c2, p, c2.Exclusions
	when := strings.NewReplacer(" AM ", " a.m. ", " PM ", " p.m. ").Replace(p.Effective.Format("3:04 PM MST on January 2, 2006"))
	if p.InEffect(at) {
		a.Prohibited, a.Verdict = true, VerdictProhibited
		a.Reason = fmt.Sprintf("%s (%s) prohibits %s transactions with %s from %s", c2.ID(), citeDoc(c2), c, ref.person().Name, when)
	} else {
		a.Verdict = VerdictNotYetInEffect
		a.Reason = fmt.Sprintf("%s (%s) prohibits %s transactions with %s only from %s", c2.ID(), citeDoc(c2), c, ref.person().Name, when)
	}
	return a
}

func (r *Registry) resolve(party string) []personRef {
	if ref, ok := r.persons[strings.TrimSpace(party)]; ok {
		return []personRef{ref}
	}
	return r.names[normName(party)]
}

// normName folds a name for exact lookup: lower case, letters and digits
// only, single spaces.
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
			// "Lab." and "Lab" fold together; so do "O'Neil" and "ONeil".
		default:
			space = true
		}
	}
	return b.String()
}

// Snapshot returns the covered persons as screenable parties of source
// "ICTS": ID is the covered-person ID, Name and Aliases its names, Countries
// its country, Citations the determination's citation, Listed its effective
// date, Programs the executive orders ("E.O. 13873"), Remarks the case, the
// scope and each prohibition with the instant it takes effect, URLs the
// source URL. Source.AsOf is the registry's as-of date and Source.SHA256 the
// digest of the data it was read from (empty once records were added).
// Use PartyDetermination to get from a party back to its record.
func (r *Registry) Snapshot() sanctions.Snapshot {
	r.mu.RLock()
	defer r.mu.RUnlock()
	s := sanctions.Snapshot{Source: sanctions.Source{
		Code:   SourceCode,
		Name:   "ICTS prohibitions (E.O. 13873, 15 CFR part 791)",
		URL:    "https://www.federalregister.gov/",
		AsOf:   r.asOf,
		SHA256: r.sha,
	}}
	for _, d := range r.dets {
		for _, p := range d.CoveredPersons {
			party := sanctions.Party{
				ID:        p.ID,
				Source:    SourceCode,
				Kind:      sanctions.KindOrganization,
				Name:      p.Name,
				Aliases:   append([]string(nil), p.Aliases...),
				Citations: []sanctions.FRCitation{d.Citation},
				Listed:    d.Effective,
			}
			if p.Country != "" {
				party.Countries = []string{p.Country}
			}
			for _, eo := range d.Authority.ExecutiveOrders {
				party.Programs = append(party.Programs, "E.O. "+eo)
			}
			rem := d.Title
			if len(p.Scope) > 0 {
				sc := make([]string, len(p.Scope))
				for i, x := range p.Scope {
					sc[i] = string(x)
				}
				rem += "; scope: " + strings.Join(sc, ", ")
			}
			if p.Basis != "" {
				rem += "; " + p.Basis
			}
			party.Remarks = append(party.Remarks, rem)
			for _, pr := range d.Prohibitions {
				party.Remarks = append(party.Remarks, fmt.Sprintf("%s prohibited from %s", pr.Class, pr.Effective.Format(time.RFC3339)))
			}
			if d.SourceURL != "" {
				party.URLs = []string{d.SourceURL}
			}
			s.Parties = append(s.Parties, party)
		}
	}
	return s
}

// PartyDetermination returns, for the ID of a party in Snapshot's output,
// the covered person and the determination with its prohibitions.
func (r *Registry) PartyDetermination(partyID string) (CoveredPerson, Determination, bool) {
	return r.Person(partyID)
}
