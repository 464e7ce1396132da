package sanctions

import "github.com/rpscreen/rpscreen/internal/names"

// DefaultThreshold is the name score at and above which CompareNames (and
// the screener, unless told otherwise) calls two names a match.
const DefaultThreshold = names.DefaultThreshold

// Comparison is the result of comparing two names: the score, the verdict
// at the default threshold, and how the score came about. It marshals to
// JSON with snake_case keys.
type Comparison struct {
	// A and B describe the two names as the engine read them.
	A NameForm `json:"a"`
	B NameForm `json:"b"`
	// Score is the similarity in [0,1]; 1 only for identical normalised
	// names.
	Score float64 `json:"score"`
	// Match reports Score >= Threshold.
	Match bool `json:"match"`
	// Threshold is the threshold Match was decided at (DefaultThreshold).
	Threshold float64 `json:"threshold"`
	// Mode is how the names were compared: "person" or "organization".
	Mode string `json:"mode"`
	// Pairs are the aligned tokens with their similarity and weights.
	Pairs []TokenPair `json:"pairs"`
	// UnmatchedA and UnmatchedB are the compared tokens that found no
	// partner; each costs the score its weight.
	UnmatchedA []string `json:"unmatched_a,omitempty"`
	UnmatchedB []string `json:"unmatched_b,omitempty"`
	// LegalAdjust is what agreeing (positive) or conflicting (negative)
	// legal forms did to the score.
	LegalAdjust float64 `json:"legal_adjust,omitempty"`
	// Reason is a one-line human explanation.
	Reason string `json:"reason"`
}

// NameForm is one name as the engine read it.
type NameForm struct {
	// Original is the name as given.
	Original string `json:"original"`
	// Normalized is the normalised form: transliterated, folded, legal
	// forms and abbreviations in canonical spelling.
	Normalized string `json:"normalized"`
	// Tokens are the name's tokens.
	Tokens []NameToken `json:"tokens"`
	// LegalForms are the legal forms found, in canonical spelling.
	LegalForms []string `json:"legal_forms,omitempty"`
	// StopWords are the tokens that were shown but not compared (function
	// words, persons' titles).
	StopWords []string `json:"stop_words,omitempty"`
}

// NameToken is one token of a NameForm.
type NameToken struct {
	// Text is the normalised token.
	Text string `json:"text"`
	// Kind is word, number, legal_form, stop, initial or particle.
	Kind string `json:"kind"`
	// Orig is the source text the token came from.
	Orig string `json:"orig"`
}

// TokenPair is one aligned pair of tokens.
type TokenPair struct {
	// A and B are the tokens; two adjacent tokens matched as one show as
	// "hik+vision".
	A string `json:"a"`
	B string `json:"b"`
	// Score is the tokens' similarity in [0,1].
	Score float64 `json:"score"`
	// WeightA and WeightB are how much each token counts.
	WeightA float64 `json:"weight_a"`
	WeightB float64 `json:"weight_b"`
}

// CompareNames compares two names of unknown kind with the built-in token
// weights and explains the score. A name is read as an organisation's when
// it holds a legal form or an organisation word ("bank", "institute"), and
// the pair is compared as organisations when either is.
func CompareNames(a, b string) Comparison {
	return CompareNamesKind(a, b, KindUnknown)
}

// CompareNamesKind is CompareNames for names known to be of the given kind:
// KindPerson compares persons' names (titles and initials, "SURNAME, Given",
// no legal forms); KindOrganization, KindVessel and KindAircraft compare
// organisations' names; other kinds behave as CompareNames.
func CompareNamesKind(a, b string, kind Kind) Comparison {
	nk := engineKind(kind)
	na, nb := names.Parse(a, nk), names.Parse(b, nk)
	r := names.Compare(na, nb, nil)
	c := Comparison{
		A:           nameForm(na),
		B:           nameForm(nb),
		Score:       r.Score,
		Match:       r.Score >= DefaultThreshold,
		Threshold:   DefaultThreshold,
		Mode:        r.Mode,
		Pairs:       make([]TokenPair, 0, len(r.Pairs)),
		LegalAdjust: r.LegalAdjust,
		Reason:      r.Reason,
	}
	for _, p := range r.Pairs {
		c.Pairs = append(c.Pairs, TokenPair(p))
	}
	for _, u := range r.UnmatchedA {
		c.UnmatchedA = append(c.UnmatchedA, u.Text)
	}
	for _, u := range r.UnmatchedB {
		c.UnmatchedB = append(c.UnmatchedB, u.Text)
	}
	return c
}

// engineKind maps a party kind to the name engine's kind.
func engineKind(k Kind) names.Kind {
	switch k {
	case KindPerson:
		return names.KindPerson
	case KindOrganization, KindVessel, KindAircraft:
		return names.KindOrganization
	}
	return names.KindUnknown
}

// nameForm describes a parsed name.
func nameForm(n *names.Name) NameForm {
	f := NameForm{Original: n.Original, Normalized: n.Normalized, Tokens: make([]NameToken, 0, len(n.Tokens))}
	for _, t := range n.Tokens {
		f.Tokens = append(f.Tokens, NameToken{Text: t.Text, Kind: t.Kind.String(), Orig: t.Orig})
		switch t.Kind {
		case names.LegalForm:
			f.LegalForms = append(f.LegalForms, t.Text)
		case names.Stop:
			f.StopWords = append(f.StopWords, t.Text)
		}
	}
	return f
}
