package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rpscreen/rpscreen/icts"
)

func init() {
	commands["icts"] = command{"list the embedded registry of ICTS determinations and rules", runICTS}
}

func runICTS(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("icts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print each determination and product rule as one JSON object")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("")
	}
	if len(pos) > 0 {
		return usageError("unexpected arguments %q", pos)
	}
	reg := icts.Default()
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, d := range reg.Determinations() {
			if err := enc.Encode(&d); err != nil {
				return err
			}
		}
		for _, pr := range reg.ProductRules() {
			if err := enc.Encode(&pr); err != nil {
				return err
			}
		}
		return nil
	}
	fmt.Fprintf(stdout, "ICTS registry as of %s\n", reg.AsOf().Format("2006-01-02"))
	for _, d := range reg.Determinations() {
		fmt.Fprintf(stdout, "\n%s\n  %s\n", determinationLabel(&d), d.Title)
		fmt.Fprintf(stdout, "  published %s", dateString(d.Published))
		if !d.Effective.IsZero() {
			fmt.Fprintf(stdout, ", effective %s", dateString(d.Effective))
		}
		fmt.Fprintln(stdout)
		for _, p := range d.CoveredPersons {
			scope := make([]string, len(p.Scope))
			for i, s := range p.Scope {
				scope[i] = string(s)
			}
			fmt.Fprintf(stdout, "  covers %s (%s) [%s]", p.Name, p.Country, p.ID)
			if len(scope) > 0 {
				fmt.Fprintf(stdout, " and its %s", strings.Join(scope, ", "))
			}
			fmt.Fprintln(stdout)
		}
		for _, pr := range d.Prohibitions {
			fmt.Fprintf(stdout, "  %-17s prohibited from %s\n", pr.Class, pr.Effective.Format("2006-01-02 15:04 MST"))
		}
		for _, e := range d.Exclusions {
			fmt.Fprintf(stdout, "  excluded: %s\n", e.Description)
		}
	}
	for _, pr := range reg.ProductRules() {
		fmt.Fprintf(stdout, "\nproduct rule %s: %s (%s, from model year %d", pr.ID, pr.Description, pr.FirstSection, pr.FromModelYear)
		if !pr.NoModelYearFrom.IsZero() {
			fmt.Fprintf(stdout, "; units without a model year from %s", dateString(pr.NoModelYearFrom))
		}
		fmt.Fprintln(stdout, ")")
	}
	return nil
}
