package icts

import (
	"fmt"
	"strings"
)

// TransactionClass is a class of ICTS transaction that a determination can
// prohibit. Its text form is the command-line spelling (new-agreement,
// update, resale, integration, licensing, network-operation).
type TransactionClass int

// The transaction classes the published determinations name.
const (
	// ClassUnknown is the zero value; it names no class.
	ClassUnknown TransactionClass = iota
	// NewAgreement is entering into a new agreement (a new purchase,
	// subscription or contract) with a covered person.
	NewAgreement
	// Update is providing software updates, such as anti-virus signature
	// and codebase updates.
	Update
	// Resale is reselling the covered person's products or services.
	Resale
	// Integration is integrating the covered person's software into
	// third-party products or services.
	Integration
	// Licensing is licensing the covered person's software for resale or
	// for integration into other products or services.
	Licensing
	// NetworkOperation is operating or providing a network or cloud service
	// of the covered person.
	NetworkOperation
)

var classNames = [...]string{
	ClassUnknown:     "",
	NewAgreement:     "new-agreement",
	Update:           "update",
	Resale:           "resale",
	Integration:      "integration",
	Licensing:        "licensing",
	NetworkOperation: "network-operation",
}

// TransactionClasses returns every defined class, in declaration order.
func TransactionClasses() []TransactionClass {
	return []TransactionClass{NewAgreement, Update, Resale, Integration, Licensing, NetworkOperation}
}

// String returns the command-line spelling of c, or "TransactionClass(n)"
// for a value outside the defined classes.
func (c TransactionClass) String() string {
	if c > ClassUnknown && int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("TransactionClass(%d)", int(c))
}

// ParseTransactionClass reads a class in its command-line spelling. Case,
// surrounding space and underscores for hyphens are tolerated
// ("New_Agreement"); anything else is an error naming the valid spellings.
func ParseTransactionClass(s string) (TransactionClass, error) {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
	for i, n := range classNames {
		if i > 0 && n == k {
			return TransactionClass(i), nil
		}
	}
	return ClassUnknown, fmt.Errorf("icts: unknown transaction class %q (want one of %s)", s, strings.Join(classNames[1:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (c TransactionClass) MarshalText() ([]byte, error) {
	if c <= ClassUnknown || int(c) >= len(classNames) {
		return nil, fmt.Errorf("icts: cannot marshal %v", c)
	}
	return []byte(classNames[c]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *TransactionClass) UnmarshalText(b []byte) error {
	v, err := ParseTransactionClass(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Kind says what sort of document a record is.
type Kind string

// The kinds of ICTS document.
const (
	KindFinalDetermination Kind = "final-determination"
	KindInterimFinalRule   Kind = "interim-final-rule"
	KindFinalRule          Kind = "final-rule"
	KindANPRM              Kind = "anprm"
	KindNPRM               Kind = "nprm"
	KindNotice             Kind = "notice"
)

// Valid reports whether k is one of the defined kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindFinalDetermination, KindInterimFinalRule, KindFinalRule, KindANPRM, KindNPRM, KindNotice:
		return true
	}
	return false
}

// IsRule reports whether documents of kind k take effect as rules (and so
// carry an effective date).
func (k Kind) IsRule() bool { return k == KindFinalRule || k == KindInterimFinalRule }

// Relationship is a relation to a named covered person that a determination
// brings within its scope.
type Relationship string

// The relationships determinations use.
const (
	Affiliates      Relationship = "affiliates"
	Subsidiaries    Relationship = "subsidiaries"
	ParentCompanies Relationship = "parent-companies"
	Successors      Relationship = "successors"
	// Affiliate marks a covered person that is itself within the scope as an
	// affiliate of the named person (for example a group company that the
	// same day's Entity List rule names).
	Affiliate Relationship = "affiliate"
)

// ProductClass is a class of products that a rule restricts.
type ProductClass string

// The product classes of the connected vehicles rule (15 CFR part 791,
// subpart D).
const (
	VCSHardware ProductClass = "vcs-hardware"
	VCSSoftware ProductClass = "vcs-software"
	ADSSoftware ProductClass = "ads-software"
)

// ParseProductClass reads a product class ("vcs-hardware", "vcs-software",
// "ads-software"; case-insensitive).
func ParseProductClass(s string) (ProductClass, error) {
	switch p := ProductClass(strings.ToLower(strings.TrimSpace(s))); p {
	case VCSHardware, VCSSoftware, ADSSoftware:
		return p, nil
	}
	return "", fmt.Errorf("icts: unknown product class %q (want vcs-hardware, vcs-software or ads-software)", s)
}
