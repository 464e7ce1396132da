package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen/sanctions"
)

// dateString renders a calendar date, or "" for the zero time.
func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// describeForm renders a name as the engine read it.
func describeForm(f sanctions.NameForm) string {
	s := fmt.Sprintf("%q", f.Normalized)
	if len(f.LegalForms) > 0 {
		s += " legal form: " + strings.Join(f.LegalForms, ", ")
	}
	if len(f.StopWords) > 0 {
		s += " stop words: " + strings.Join(f.StopWords, ", ")
	}
	return s
}

// describePair renders one aligned token pair.
func describePair(p sanctions.TokenPair) string {
	return fmt.Sprintf("%-20s ~ %-20s %.3f (weights %.2f / %.2f)", p.A, p.B, p.Score, p.WeightA, p.WeightB)
}
