package csl

import (
	"strings"

	"github.com/rpscreen/rpscreen/sanctions"
)

// splitList splits a ";"-separated CSL field into trimmed, non-empty
// items. A leading "and " on an item (the lists write "A; B; and C") is
// removed and reported through the conj callback.
func splitList(s string, conj func(before, after string)) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(p) > 4 && strings.EqualFold(p[:4], "and ") {
			q := strings.TrimSpace(p[4:])
			if conj != nil {
				conj(p, q)
			}
			p = q
		}
		out = append(out, p)
	}
	return out
}

// splitAddresses splits the CSV addresses field into one text per address.
// The CSV joins addresses with "; ", but an address may itself contain
// "; and " (the Entity List writes several street addresses in one), which
// does not start a new address.
func splitAddresses(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ';' {
			continue
		}
		rest := strings.TrimLeft(s[i+1:], " ")
		if len(rest) >= 4 && strings.EqualFold(rest[:4], "and ") {
			continue
		}
		if t := strings.TrimSpace(s[start:i]); t != "" {
			out = append(out, t)
		}
		start = i + 1
	}
	if t := strings.TrimSpace(s[start:]); t != "" {
		out = append(out, t)
	}
	return out
}

// ambiguousCountryNames are country names that are also common names of
// regions elsewhere and so are not taken as countries when they end an
// address without a code.
var ambiguousCountryNames = map[string]bool{"georgia": true, "jersey": true}

// ParseAddress splits one address as the CSL's CSV writes it ("street,
// city, state, postal code, CC", with empty parts left out, or a country
// code alone) into parts. The split is a best effort from the right: a
// trailing ISO code (or English country name) is the country, a trailing
// part that looks like a postal code is the postal code, a short upper-case
// code or a part naming a province is the region, the next part the city
// and the rest the street. Text always keeps the whole address.
func ParseAddress(text string) sanctions.Address {
	a := sanctions.Address{Text: text}
	var parts []string
	for _, p := range strings.Split(text, ",") {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return a
	}
	last := parts[len(parts)-1]
	if len(last) == 2 && sanctions.IsCountryCode(last) {
		a.Country = last
		parts = parts[:len(parts)-1]
	} else if len(parts) > 1 && !ambiguousCountryNames[strings.ToLower(last)] {
		if c := countryCode(last); c != "" && len(last) > 2 {
			a.Country = c
			parts = parts[:len(parts)-1]
		}
	}
	// "Yerevan, Armenia, AM": the country's name before its code.
	if a.Country != "" && len(parts) > 0 && len(parts[len(parts)-1]) > 2 && countryCode(parts[len(parts)-1]) == a.Country {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 1 && looksPostal(parts[len(parts)-1]) {
		a.PostalCode = parts[len(parts)-1]
		parts = parts[:len(parts)-1]
		// "Kowloon, Hong Kong, 999077, HK": the country's name again.
		if a.Country != "" && len(parts) > 1 && len(parts[len(parts)-1]) > 2 && countryCode(parts[len(parts)-1]) == a.Country {
			parts = parts[:len(parts)-1]
		}
	}
	if len(parts) > 2 && looksRegion(parts[len(parts)-1]) {
		a.Region = parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	switch len(parts) {
	case 0:
	case 1:
		if strings.ContainsAny(parts[0], "0123456789") {
			a.Street = parts[0]
		} else {
			a.City = parts[0]
		}
	default:
		a.City = parts[len(parts)-1]
		a.Street = strings.Join(parts[:len(parts)-1], ", ")
	}
	return a
}

// looksPostal reports whether s looks like a postal code: short, with
// digits, only upper-case letters, digits, spaces and hyphens, and no word
// of more than three letters ("HOUSE 21" is not a postal code).
func looksPostal(s string) bool {
	if len(s) > 10 {
		return false
	}
	for _, w := range strings.Fields(s) {
		if len(w) > 3 && !strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			digits++
		case b >= 'A' && b <= 'Z', b == ' ', b == '-':
		default:
			return false
		}
	}
	return digits >= 2
}

var regionWords = []string{"province", "oblast", "region", "prefecture", "governorate", "krai", "state", "county", "district", "emirate"}

// looksRegion reports whether s names a state or province: a two- or
// three-letter upper-case code (FL, NSW) or a name with a region word.
func looksRegion(s string) bool {
	if len(s) >= 2 && len(s) <= 3 && strings.ToUpper(s) == s && !strings.ContainsAny(s, "0123456789") {
		return true
	}
	l := strings.ToLower(s)
	for _, w := range regionWords {
		if strings.HasSuffix(l, " "+w) {
			return true
		}
	}
	return false
}

// parseIDs reads the CSV ids field: items separated by "; ", each a
// comma-separated "type, number, country" (current layout) or "country,
// number, type" (the older layout, in which the country is often absent).
func parseIDs(s string, legacy bool) []sanctions.Identifier {
	var out []sanctions.Identifier
	for _, item := range strings.Split(s, ";") {
		var parts []string
		for _, p := range strings.Split(item, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue
		}
		var id sanctions.Identifier
		n := len(parts)
		switch {
		case n == 1:
			id.Number = parts[0]
		case legacy || (n == 3 && sanctions.IsCountryCode(parts[0]) && !sanctions.IsCountryCode(parts[2])):
			id.Type = parts[n-1]
			mid := parts[:n-1]
			if n >= 3 && sanctions.IsCountryCode(parts[0]) {
				id.Country = parts[0]
				mid = parts[1 : n-1]
			}
			id.Number = strings.Join(mid, ", ")
		default:
			id.Type = parts[0]
			mid := parts[1:]
			if n >= 3 && sanctions.IsCountryCode(parts[n-1]) {
				id.Country = parts[n-1]
				mid = parts[1 : n-1]
			}
			id.Number = strings.Join(mid, ", ")
		}
		id.Type = strings.TrimSpace(strings.TrimRight(id.Type, ":- "))
		out = append(out, id)
	}
	return out
}

// countryCode is sanctions.CountryCode with "" for an unknown country.
func countryCode(s string) string {
	c, _ := sanctions.CountryCode(s)
	return c
}
