package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rpscreen/rpscreen/sanctions"
)

func init() {
	commands["compare"] = command{"score two names against each other and explain the score", runCompare}
}

func runCompare(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the comparison as one JSON object")
	kind := fs.String("kind", "", "read both names as `KIND`: person or organization (default: guess)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("")
	}
	if len(pos) != 2 {
		return usageError("want two names, got %d (quote names that contain spaces)", len(pos))
	}
	var c sanctions.Comparison
	switch *kind {
	case "":
		c = sanctions.CompareNames(pos[0], pos[1])
	case "person":
		c = sanctions.CompareNamesKind(pos[0], pos[1], sanctions.KindPerson)
	case "organization", "organisation":
		c = sanctions.CompareNamesKind(pos[0], pos[1], sanctions.KindOrganization)
	default:
		return usageError("--kind must be person or organization, not %q", *kind)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(c)
	}
	verdict := "no match"
	if c.Match {
		verdict = "MATCH"
	}
	fmt.Fprintf(stdout, "score %.3f  %s at threshold %.2f (%s)\n", c.Score, verdict, c.Threshold, c.Mode)
	fmt.Fprintf(stdout, "  A: %q -> %s\n", pos[0], describeForm(c.A))
	fmt.Fprintf(stdout, "  B: %q -> %s\n", pos[1], describeForm(c.B))
	for _, p := range c.Pairs {
		fmt.Fprintf(stdout, "  %s\n", describePair(p))
	}
	if len(c.UnmatchedA) > 0 {
		fmt.Fprintf(stdout, "  unmatched in A: %s\n", strings.Join(c.UnmatchedA, ", "))
	}
	if len(c.UnmatchedB) > 0 {
		fmt.Fprintf(stdout, "  unmatched in B: %s\n", strings.Join(c.UnmatchedB, ", "))
	}
	if c.LegalAdjust != 0 {
		fmt.Fprintf(stdout, "  legal forms: %+.3f\n", c.LegalAdjust)
	}
	fmt.Fprintf(stdout, "  reason: %s\n", c.Reason)
	return nil
}
