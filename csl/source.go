package csl

import (
	"regexp"
	"strings"
)

// List describes one of the lists the Consolidated Screening List merges.
type List struct {
	// Code is the short code used as sanctions.Party.Source.
	Code string
	// Name is the list's name as the CSL's source column spells it.
	Name string
	// Agency is the department or bureau that publishes the list.
	Agency string
}

// Lists are the lists the CSL is known to merge, in the order the
// snapshots of a Result are returned.
var Lists = []List{
	{"EL", "Entity List (EL) - Bureau of Industry and Security", "Commerce, Bureau of Industry and Security"},
	{"DPL", "Denied Persons List (DPL) - Bureau of Industry and Security", "Commerce, Bureau of Industry and Security"},
	{"UVL", "Unverified List (UVL) - Bureau of Industry and Security", "Commerce, Bureau of Industry and Security"},
	{"MEU", "Military End User (MEU) List - Bureau of Industry and Security", "Commerce, Bureau of Industry and Security"},
	{"SDN", "Specially Designated Nationals (SDN) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"SSI", "Sectoral Sanctions Identifications List (SSI) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"FSE", "Foreign Sanctions Evaders (FSE) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"PLC", "Palestinian Legislative Council List (PLC) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"CAP", "Capta List (CAP) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"CMIC", "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"MBS", "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "Treasury, Office of Foreign Assets Control"},
	{"ISN", "Nonproliferation Sanctions (ISN) - State Department", "State, Bureau of International Security and Nonproliferation"},
	{"DTC", "ITAR Debarred (DTC) - State Department", "State, Directorate of Defense Trade Controls"},
}

// abbreviations maps the parenthesised abbreviations and bare codes seen in
// the source column, upper case, to list codes.
var abbreviations = map[string]string{
	"EL": "EL", "DPL": "DPL", "UVL": "UVL", "MEU": "MEU",
	"SDN": "SDN", "SSI": "SSI", "FSE": "FSE", "PLC": "PLC", "NS-PLC": "PLC",
	"CAP": "CAP", "CAPTA": "CAP", "CMIC": "CMIC", "NS-CMIC": "CMIC",
	"MBS": "MBS", "NS-MBS": "MBS", "NS-MBS LIST": "MBS",
	"ISN": "ISN", "DTC": "DTC",
}

var listByCode = func() map[string]List {
	m := make(map[string]List, len(Lists))
	for _, l := range Lists {
		m[l.Code] = l
	}
	return m
}()

var reParen = regexp.MustCompile(`\(([^()]{1,24})\)`)

// SourceCode returns the list code for a value of the CSL's source column:
// a full name such as "Entity List (EL) - Bureau of Industry and Security"
// or a bare code such as "EL". known is false when the list is not one of
// Lists; the code is then derived from the parenthesised abbreviation (or,
// failing that, from the initials of the name) and callers should warn.
func SourceCode(source string) (code string, known bool) {
	s := strings.TrimSpace(source)
	if s == "" {
		return "", false
	}
	if c, ok := abbreviations[strings.ToUpper(s)]; ok {
		return c, true
	}
	ms := reParen.FindAllStringSubmatch(s, -1)
	for _, m := range ms {
		a := strings.ToUpper(strings.TrimSpace(m[1]))
		if c, ok := abbreviations[a]; ok {
			return c, true
		}
		if c, ok := abbreviations[strings.TrimSuffix(a, " LIST")]; ok {
			return c, true
		}
	}
	for _, m := range ms {
		a := strings.ToUpper(strings.TrimSpace(m[1]))
		a = strings.TrimSuffix(a, " LIST")
		if a != "" && !strings.ContainsAny(a, " \t") {
			return a, false
		}
	}
	// No abbreviation: take the initials of the words before any " - ".
	name := s
	if i := strings.Index(name, " - "); i > 0 {
		name = name[:i]
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
		if b.Len() >= 8 {
			break
		}
	}
	if b.Len() == 0 {
		return "UNKNOWN", false
	}
	return b.String(), false
}

// listOrder returns the position of code in Lists, or len(Lists) for a
// code that is not there.
func listOrder(code string) int {
	for i, l := range Lists {
		if l.Code == code {
			return i
		}
	}
	return len(Lists)
}
