package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rpscreen/rpscreen"
	"github.com/rpscreen/rpscreen/sanctions"
)

func init() {
	commands["list"] = command{"print the records of a list file (format detected from content)", runList}
}

func runList(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("file", "", "list `FILE` to read: eCFR Entity List XML or HTML, CSL CSV/TSV/JSON, ICTS registry")
	format := fs.String("format", "jsonl", "output `format`: jsonl (the typed records) or csv (one row per party)")
	strict := fs.Bool("strict", false, "fail on the first row that cannot be read")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("")
	}
	if *file == "" && len(pos) == 1 {
		*file = pos[0]
	} else if len(pos) > 0 {
		return usageError("unexpected arguments %q", pos)
	}
	if *file == "" {
		return usageError("--file is required")
	}
	if *format != "jsonl" && *format != "csv" {
		return usageError("--format must be jsonl or csv, not %q", *format)
	}
	lf, err := rpscreen.ReadListFile(*file, rpscreen.ReadOptions{Strict: *strict})
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	for _, p := range lf.Problems {
		fmt.Fprintln(stderr, "rpscreen list: skipped:", p)
	}
	for _, w := range lf.Warnings {
		fmt.Fprintln(stderr, "rpscreen list: warning:", w)
	}
	if *format == "csv" {
		err = writePartiesCSV(stdout, lf.Snapshots)
	} else {
		err = writeRecordsJSONL(stdout, lf)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "rpscreen list: %s: %s, %d parties, %d rows skipped, %d warnings\n",
		*file, lf.Format, lf.Parties(), len(lf.Problems), len(lf.Warnings))
	return nil
}

// writeRecordsJSONL prints the parser's own typed records, one per line.
func writeRecordsJSONL(w io.Writer, lf *rpscreen.ListFile) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	switch {
	case lf.EntityList != nil:
		for i := range lf.EntityList.Entries {
			if err := enc.Encode(&lf.EntityList.Entries[i]); err != nil {
				return err
			}
		}
	case lf.CSL != nil:
		for i := range lf.CSL.Records {
			if err := enc.Encode(&lf.CSL.Records[i]); err != nil {
				return err
			}
		}
	case lf.ICTS != nil:
		for _, d := range lf.ICTS.Determinations() {
			if err := enc.Encode(&d); err != nil {
				return err
			}
		}
	default:
		return errors.New("no records")
	}
	return nil
}

var partyCSVHeader = []string{"id", "source", "kind", "name", "aliases", "countries", "addresses",
	"programs", "citations", "listed", "removed", "license_requirement", "license_policy", "remarks"}

// writePartiesCSV prints one row per party; multi-valued fields are joined
// with "; ".
func writePartiesCSV(w io.Writer, snaps []sanctions.Snapshot) error {
	cw := csv.NewWriter(w)
	cw.Write(partyCSVHeader)
	for _, s := range snaps {
		for i := range s.Parties {
			p := &s.Parties[i]
			addrs := make([]string, len(p.Addresses))
			for j, a := range p.Addresses {
				addrs[j] = a.Text
			}
			cites := make([]string, len(p.Citations))
			for j, c := range p.Citations {
				cites[j] = c.String()
			}
			cw.Write([]string{p.ID, p.Source, string(p.Kind), p.Name, strings.Join(p.Aliases, "; "),
				strings.Join(p.Countries, "; "), strings.Join(addrs, "; "), strings.Join(p.Programs, "; "),
				strings.Join(cites, "; "), dateString(p.Listed), dateString(p.Removed),
				p.LicenseRequirement, p.LicensePolicy, strings.Join(p.Remarks, "; ")})
		}
	}
	cw.Flush()
	return cw.Error()
}
