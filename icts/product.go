package icts

import (
	"fmt"
	"time"
)

// ProductRule is a restriction a rule places on a class of products rather
// than on named parties: for example the connected vehicles rule's
// prohibition of vehicle connectivity system hardware from model year 2030.
type ProductRule struct {
	// ID is stable: the rule's FR document number and the class
	// ("2025-00592/vcs-hardware").
	ID string `json:"id"`
	// Document is the FR document number of the rule that sets it.
	Document string       `json:"document"`
	Class    ProductClass `json:"class"`
	// Description names the class as the rule does.
	Description string `json:"description"`
	// Subpart and FirstSection locate the rule in 15 CFR part 791.
	Subpart      string `json:"subpart"`
	FirstSection string `json:"first_section"`
	// FromModelYear is the first model year the rule applies to.
	FromModelYear int `json:"from_model_year"`
	// NoModelYearFrom is the day from which the rule applies to units that
	// have no model year (UTC midnight; the day begins in Eastern time). Zero
	// when the rule sets no such date.
	NoModelYearFrom time.Time `json:"no_model_year_from,omitzero"`
	// Nexus are the ISO codes of the foreign adversaries a product must be
	// connected with (designed, developed, manufactured or supplied by
	// persons owned by, controlled by, or subject to the jurisdiction or
	// direction of them) for the rule to apply.
	Nexus []string `json:"nexus"`
}

// Validate reports what r lacks, in an error wrapping ErrIncomplete.
func (r *ProductRule) Validate() error {
	if r.ID == "" || !reDocNumber.MatchString(r.Document) || r.Class == "" || r.Description == "" ||
		r.Subpart == "" || r.FirstSection == "" || r.FromModelYear < 1900 || len(r.Nexus) == 0 {
		return fmt.Errorf("%w: product rule %q lacks id, document, class, description, subpart, first section, model year or nexus", ErrIncomplete, r.ID)
	}
	if _, err := ParseProductClass(string(r.Class)); err != nil {
		return fmt.Errorf("%w: product rule %q: %v", ErrIncomplete, r.ID, err)
	}
	return nil
}

// ProductAnswer is the answer to "does a rule restrict this product class,
// for this model year, at this instant?".
type ProductAnswer struct {
	// Restricted is true when a rule in force at the instant applies to
	// the class and model year: the product is prohibited if it has the
	// foreign-adversary nexus the rule names (see Nexus).
	Restricted bool
	// Undetermined is true when the rule cannot be applied to the
	// question as asked (no model year for a class the rule dates only by
	// model year).
	Undetermined bool
	Nexus        []string
	// Rule and Determination are the rule behind the answer, nil when no
	// rule in the registry covers the class.
	Rule          *ProductRule
	Determination *Determination
	Reason        string
}

// ProductRestricted answers whether a rule in the registry restricts
// product class c of model year modelYear (0 when the unit has no model
// year) at instant at.
func (r *Registry) ProductRestricted(c ProductClass, modelYear int, at time.Time) ProductAnswer {
	r.mu.RLock()
	defer r.mu.RUnlock()
	for i := range r.rules {
		pr := &r.rules[i]
		if pr.Class != c {
			continue
		}
		d := r.byID[pr.Document]
		a := ProductAnswer{Rule: pr, Determination: d, Nexus: pr.Nexus}
		if d != nil && !d.Effective.IsZero() && at.Before(OnDay(d.Effective.Date())) {
			a.Reason = fmt.Sprintf("%s takes effect on %s", citeDoc(d), d.Effective.Format("January 2, 2006"))
			return a
		}
		switch {
		case modelYear >= pr.FromModelYear:
			a.Restricted = true
			a.Reason = fmt.Sprintf("%s applies to %s from model year %d", ruleSource(pr, d), c, pr.FromModelYear)
		case modelYear > 0:
			a.Reason = fmt.Sprintf("%s applies to %s from model year %d, not %d", ruleSource(pr, d), c, pr.FromModelYear, modelYear)
		case pr.NoModelYearFrom.IsZero():
			a.Undetermined = true
			a.Reason = fmt.Sprintf("%s dates %s by model year (from %d); none given", ruleSource(pr, d), c, pr.FromModelYear)
		case !at.Before(OnDay(pr.NoModelYearFrom.Date())):
			a.Restricted = true
			a.Reason = fmt.Sprintf("%s applies to %s without a model year from %s", ruleSource(pr, d), c, pr.NoModelYearFrom.Format("January 2, 2006"))
		default:
			a.Reason = fmt.Sprintf("%s applies to %s without a model year only from %s", ruleSource(pr, d), c, pr.NoModelYearFrom.Format("January 2, 2006"))
		}
		return a
	}
	return ProductAnswer{Reason: fmt.Sprintf("no rule in the registry restricts %s", c)}
}

func ruleSource(pr *ProductRule, d *Determination) string {
	s := "15 CFR part 791, subpart " + pr.Subpart + " (§" + pr.FirstSection + " et seq.)"
	if d != nil {
		s += ", " + citeDoc(d) + ","
	}
	return s
}

func citeDoc(d *Determination) string {
	return fmt.Sprintf("%d FR %d (FR Doc. %s)", d.Citation.Volume, d.Citation.Page, d.DocumentNumber)
}
