// Command procurement shows rpscreen inside a procurement tool: it reads a
// vendor master (CSV with name, country and address columns), screens every
// vendor against the given list files plus the embedded ICTS registry, and
// writes one audit line per hit: which list version, which name matched,
// the score and why.
//
//	go run ./examples/procurement -vendors vendors.csv -list consolidated.json
package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/rpscreen/rpscreen"
	"github.com/rpscreen/rpscreen/sanctions"
)

type lists []string

func (l *lists) String() string     { return strings.Join(*l, ",") }
func (l *lists) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var files lists
	vendors := flag.String("vendors", "", "vendor master CSV with a header naming name, country and address columns")
	flag.Var(&files, "list", "list file (repeatable)")
	flag.Parse()
	if *vendors == "" {
		log.Fatal("-vendors is required")
	}
	scr, err := rpscreen.Open(context.Background(), rpscreen.Options{Files: files})
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range scr.Warnings {
		log.Println("warning:", w)
	}
	queries, err := readVendors(*vendors)
	if err != nil {
		log.Fatal(err)
	}
	results, err := scr.ScreenAll(context.Background(), queries)
	if err != nil {
		log.Fatal(err)
	}
	out := csv.NewWriter(os.Stdout)
	out.Write([]string{"vendor", "party_id", "list", "list_as_of", "list_sha256", "matched_name", "score", "reason"})
	for i, ms := range results {
		for _, m := range ms {
			out.Write([]string{queries[i].Name, m.Party.ID, m.Source.Code, m.Source.AsOf.Format("2006-01-02"),
				m.Source.SHA256, m.MatchedName, fmt.Sprintf("%.3f", m.Score), m.Reason})
		}
	}
	out.Flush()
}

// readVendors reads the vendor master; the columns are found by header name.
func readVendors(path string) ([]sanctions.Query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	var qs []sanctions.Query
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return qs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		qs = append(qs, sanctions.Query{Name: get(rec, "name"), Country: get(rec, "country"), Address: get(rec, "address")})
	}
}
