package entitylist

import (
	"regexp"
	"strings"

	"github.com/rpscreen/rpscreen/sanctions"
)

var (
	// Whole-segment postal codes: 125212, 100084, 20001-1234, W2 6BD, 1012 AB.
	rePostal = regexp.MustCompile(`^(?:\d{3,7}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{4} ?[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)$`)
	// "Singapore 569059", "Moscow 125212": a place name followed by a code.
	reCityPostal = regexp.MustCompile(`^(\p{L}[\p{L} '.-]*?)\s+(\d{4,7})$`)
	// "125212 Moscow".
	rePostalCity = regexp.MustCompile(`^(\d{4,7})\s+(\p{L}[\p{L} '.-]*)$`)
)

// regionWords end the name of a region ("Sichuan Province", "Moscow Oblast").
var regionWords = map[string]bool{
	"province": true, "oblast": true, "krai": true, "kray": true, "prefecture": true, "state": true,
	"governorate": true, "region": true, "emirate": true, "canton": true,
}

// notCityWords end a street, building or district rather than a city.
var notCityWords = map[string]bool{
	"district": true, "road": true, "rd": true, "street": true, "st": true, "avenue": true, "ave": true,
	"building": true, "bldg": true, "floor": true, "park": true, "zone": true, "tower": true, "room": true,
	"suite": true, "unit": true, "lane": true, "block": true, "plaza": true, "center": true, "centre": true,
	"house": true, "highway": true, "square": true, "industrial": true, "village": true, "town": true,
	"county": true, "no": true, "estate": true, "prospekt": true, "alley": true,
}

// lastWord returns the last word of s, lower case, without a final period.
func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[i+1:]
	}
	return strings.ToLower(strings.TrimRight(s, "."))
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// parseAddress splits an address as published into parts where that can be
// done reliably, reading from the end: country, postal code, region, city;
// what precedes the city is the street. Text always keeps the address as
// published. def is the entry's country, whose code is used when the address does not
// end with a known country.
func parseAddress(text string, def Country) sanctions.Address {
	a := sanctions.Address{Text: text, Country: def.Code}
	segs := strings.Split(strings.TrimRight(text, ". "), ",")
	out := segs[:0]
	for _, s := range segs {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	segs = out
	if len(segs) == 0 {
		return a
	}
	if def.Name != "" && sameName(segs[len(segs)-1], def.Name) {
		// The entry's own country, even when it is not in the table.
		segs = segs[:len(segs)-1]
	} else if c, ok := sanctions.CountryCode(segs[len(segs)-1]); ok {
		a.Country = c
		segs = segs[:len(segs)-1]
		// "Hong Kong" entries sometimes end "..., Kowloon, Hong Kong, China".
		if len(segs) > 0 && c == "CN" {
			if c2, ok := sanctions.CountryCode(segs[len(segs)-1]); ok && c2 == "HK" {
				a.Country = c2
				segs = segs[:len(segs)-1]
			}
		}
	}
	if len(segs) == 0 {
		return a
	}
	last := segs[len(segs)-1]
	digits := hasDigit(last)
	switch {
	case !digits:
	case rePostal.MatchString(last):
		a.PostalCode = last
		segs = segs[:len(segs)-1]
	case reCityPostal.MatchString(last):
		m := reCityPostal.FindStringSubmatch(last)
		a.City, a.PostalCode = m[1], m[2]
		segs = segs[:len(segs)-1]
		if len(segs) > 0 {
			a.Street = strings.Join(segs, ", ")
		}
		return a
	case rePostalCity.MatchString(last):
		m := rePostalCity.FindStringSubmatch(last)
		a.PostalCode, a.City = m[1], m[2]
		segs = segs[:len(segs)-1]
		if len(segs) > 0 {
			a.Street = strings.Join(segs, ", ")
		}
		return a
	}
	if len(segs) == 0 {
		return a
	}
	if len(segs) > 1 && regionWords[lastWord(segs[len(segs)-1])] && !hasDigit(segs[len(segs)-1]) {
		a.Region = segs[len(segs)-1]
		segs = segs[:len(segs)-1]
	}
	last = segs[len(segs)-1]
	if isCityLike(last) {
		a.City = last
		segs = segs[:len(segs)-1]
		if len(segs) > 0 {
			a.Street = strings.Join(segs, ", ")
		}
	}
	return a
}

// isCityLike reports whether s looks like a place name rather than a street
// or building: no digits, at most four words, no street-type word at the end.
func isCityLike(s string) bool {
	if s == "" || strings.ContainsAny(s, "0123456789#/") || strings.Count(s, " ") > 3 {
		return false
	}
	return !notCityWords[lastWord(s)]
}

// sameName reports whether two names are equal but for case, spacing and
// trailing dots.
func sameName(a, b string) bool {
	norm := func(s string) string { return strings.TrimRight(strings.Join(strings.Fields(s), " "), ".") }
	return strings.EqualFold(norm(a), norm(b))
}
