package sanctions

import (
	"strconv"
	"strings"
)

// Match is one listed party that a query matched, with everything an audit
// record needs: the party, the list version it came from, the name or
// address that matched, the scores and the threshold they were judged at,
// and a one-line reason. It marshals to JSON with snake_case keys.
type Match struct {
	// Party is the matched party. It points into the Screener's copy of
	// the lists: read it, do not modify it.
	Party *Party `json:"party"`
	// Source is the list version the party came from (code, as-of date,
	// sha256 of the raw document).
	Source Source `json:"source"`
	// MatchedName is the party's name or alias that matched best; empty
	// when only the address matched.
	MatchedName string `json:"matched_name,omitempty"`
	// MatchedAddress is the party's address that matched the query's
	// address, when one did.
	MatchedAddress *Address `json:"matched_address,omitempty"`
	// Score is the final score in [0,1]: the name score raised a little by
	// a matching address and country, or the address score for an
	// address-only match. Only identical normalised names score 1.
	Score float64 `json:"score"`
	// NameScore is the name engine's score of the query name against
	// MatchedName (0 when no name was compared).
	NameScore float64 `json:"name_score"`
	// AddressScore is the score of the query address against
	// MatchedAddress (0 when none matched).
	AddressScore float64 `json:"address_score,omitempty"`
	// CountryMatch reports that the query's country is one of the party's.
	CountryMatch bool `json:"country_match"`
	// Threshold is the threshold the match was judged at.
	Threshold float64 `json:"threshold"`
	// Reason explains the match in one line, e.g.
	// "name 'AO Kaspersky Lab' ~ 'Kaspersky Lab AO' 0.97; country RU matches".
	Reason string `json:"reason"`
}

// reason writes the Match's Reason.
func (m *Match) reason(q Query) string {
	// Built by hand rather than with fmt: every Match gets one, and a
	// screening call returns many.
	b := make([]byte, 0, 64+len(q.Name)+len(m.MatchedName))
	sep := func() {
		if len(b) > 0 {
			b = append(b, "; "...)
		}
	}
	compared := func(what, query, listed string, score float64) {
		sep()
		b = append(b, what...)
		b = append(b, " '"...)
		b = append(b, query...)
		b = append(b, "' ~ '"...)
		b = append(b, listed...)
		b = append(b, "' "...)
		b = strconv.AppendFloat(b, score, 'f', 2, 64)
	}
	if m.MatchedName != "" {
		compared("name", q.Name, m.MatchedName, m.NameScore)
	}
	if m.MatchedAddress != nil {
		text := m.MatchedAddress.Text
		if text == "" {
			text = joinNonEmptyParts(m.MatchedAddress.Street, m.MatchedAddress.City, m.MatchedAddress.PostalCode)
		}
		compared("address", q.Address, text, m.AddressScore)
	}
	if m.CountryMatch {
		sep()
		b = append(b, "country "...)
		b = append(b, strings.ToUpper(q.Country)...)
		b = append(b, " matches"...)
	}
	if m.MatchedName != "" && m.Score != m.NameScore {
		sep()
		b = append(b, "score "...)
		b = strconv.AppendFloat(b, m.Score, 'f', 2, 64)
	}
	return string(b)
}

func joinNonEmptyParts(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}
