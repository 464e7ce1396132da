package icts

import (
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // America/New_York must resolve without a system zoneinfo

	"github.com/rpscreen/rpscreen/sanctions"
)

// Eastern is America/New_York, the zone in which the notices state their
// dates and times ("12:00 a.m. EDT").
var Eastern = mustLoad("America/New_York")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// Unreachable: time/tzdata is linked in.
		panic("icts: " + err.Error())
	}
	return loc
}

// OnDay returns the instant calendar day y-m-d begins in US Eastern time
// (12:00 a.m. EDT or EST).
func OnDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, Eastern)
}

// ParseDay reads "2024-09-29" (or any form sanctions.ParseDate reads) as
// the start of that day in US Eastern time. A full RFC 3339 instant
// ("2024-09-29T03:59:00Z") is returned as given, in Eastern time.
func ParseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't') {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return time.Time{}, fmt.Errorf("icts: instant %q: %w", s, err)
		}
		return t.In(Eastern), nil
	}
	d, err := parseCalendarDate(s)
	if err != nil {
		return time.Time{}, fmt.Errorf("icts: %w", err)
	}
	return OnDay(d.Year(), d.Month(), d.Day()), nil
}

// dayUTC returns the calendar date of instant t in Eastern time, at UTC
// midnight (the form the sanctions model uses for dates).
func dayUTC(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	e := t.In(Eastern)
	return time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
}

// utcDate returns y-m-d at UTC midnight.
func utcDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// parseCalendarDate reads a calendar date as sanctions.ParseDate does,
// also accepting a leading weekday ("Monday, June 24, 2024") and a trailing
// period.
func parseCalendarDate(s string) (time.Time, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	lower := strings.ToLower(t)
	for _, w := range weekdays {
		if strings.HasPrefix(lower, w) {
			t = strings.TrimLeft(t[len(w):], ", ")
			break
		}
	}
	return sanctions.ParseDate(t)
}
