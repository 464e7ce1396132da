package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rpscreen/rpscreen"
	"github.com/rpscreen/rpscreen/icts"
	"github.com/rpscreen/rpscreen/sanctions"
)

func init() {
	commands["check"] = command{"screen names (or an address) against the lists; exit 1 on hits", runCheck}
}

type checkFlags struct {
	lists       stringList
	store       string
	noStore     bool
	threshold   float64
	limit       int
	country     string
	address     string
	only        string
	on          string
	transaction string
	input       string
	asOf        string
	asJSON      bool
	strict      bool
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	var f checkFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(&f.lists, "list", "list `FILE` to screen against (repeatable; format detected from content)")
	fs.StringVar(&f.store, "store", rpscreen.DefaultStoreDir(), "`DIR` of lists kept by 'rpscreen update'")
	fs.BoolVar(&f.noStore, "no-store", false, "do not load the stored lists")
	fs.Float64Var(&f.threshold, "threshold", sanctions.DefaultThreshold, "report matches scoring at least `T`")
	fs.IntVar(&f.limit, "limit", 10, "report at most `N` matches per name")
	fs.StringVar(&f.country, "country", "", "vendor's country, ISO 3166-1 alpha-2 `CC` (corroborates a match)")
	fs.StringVar(&f.address, "address", "", "vendor's `ADDRESS`; with no NAME the address is screened alone")
	fs.StringVar(&f.only, "lists", "", "screen only these list `CODES`, comma-separated (EL,SDN,ICTS,...)")
	fs.StringVar(&f.on, "on", "", "`DATE` (YYYY-MM-DD, a day in US Eastern time, or an RFC 3339 instant) for ICTS prohibitions")
	fs.StringVar(&f.transaction, "transaction", "", "ICTS transaction `CLASS`: "+classList())
	fs.StringVar(&f.asOf, "as-of", "", "screen the lists as they stood on `DATE` (YYYY-MM-DD): the stored versions current then, and only parties listed by then")
	fs.StringVar(&f.input, "input", "", "read names to screen from `FILE`, one per line (- for standard input)")
	fs.BoolVar(&f.asJSON, "json", false, "print one JSON object per name")
	fs.BoolVar(&f.strict, "strict", false, "fail on the first row of a list file that cannot be read")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("")
	}
	if f.threshold <= 0 || f.threshold > 1 {
		return usageError("--threshold must be in (0, 1], not %v", f.threshold)
	}
	if f.input != "" {
		more, err := readNames(f.input)
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		names = append(names, more...)
	}
	if len(names) == 0 && f.address == "" {
		return usageError("give at least one NAME, or --address")
	}
	var at time.Time
	var class icts.TransactionClass
	if f.on != "" || f.transaction != "" {
		if f.on == "" || f.transaction == "" {
			return usageError("--on and --transaction go together")
		}
		if at, err = icts.ParseDay(f.on); err != nil {
			return usageError("--on: %v", err)
		}
		if class, err = icts.ParseTransactionClass(f.transaction); err != nil {
			return usageError("--transaction: %v", err)
		}
	}

	opts := rpscreen.Options{Files: f.lists, Strict: f.strict}
	if !f.noStore {
		opts.StoreDir = f.store
	}
	var asOfDay time.Time
	if f.asOf != "" {
		if asOfDay, err = sanctions.ParseDate(f.asOf); err != nil {
			return usageError("--as-of: %v", err)
		}
		opts.AsOf = asOfDay.Add(24*time.Hour - time.Nanosecond)
	}
	scr, err := rpscreen.Open(context.Background(), opts)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	for _, w := range scr.Warnings {
		fmt.Fprintln(stderr, "rpscreen check: warning:", w)
	}

	queries := make([]sanctions.Query, 0, len(names)+1)
	for _, n := range names {
		queries = append(queries, sanctions.Query{Name: n, Address: f.address, Country: strings.ToUpper(f.country)})
	}
	if len(names) == 0 {
		queries = append(queries, sanctions.Query{Address: f.address, Country: strings.ToUpper(f.country)})
	}
	sopts := []sanctions.Option{sanctions.WithThreshold(f.threshold), sanctions.WithLimit(f.limit)}
	if f.only != "" {
		codes := strings.Split(strings.ToUpper(f.only), ",")
		for i := range codes {
			codes[i] = strings.TrimSpace(codes[i])
		}
		sopts = append(sopts, sanctions.WithLists(codes...))
	}
	results, err := scr.ScreenAll(context.Background(), queries, sopts...)
	if err != nil {
		return &exitError{code: 2, err: err}
	}

	hits := 0
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for i, q := range queries {
		ms := results[i]
		if !asOfDay.IsZero() {
			ms = listedOn(ms, asOfDay)
		}
		if len(ms) > 0 {
			hits++
		}
		if f.asJSON {
			out := checkResult{Query: q, Matches: []jsonMatch{}, Warnings: scr.Warnings}
			for _, m := range ms {
				out.Matches = append(out.Matches, toJSONMatch(scr.ICTS, m, at, class))
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		printMatches(stdout, scr.ICTS, q, ms, at, class)
	}
	if hits > 0 {
		return &exitError{code: 1, err: fmt.Errorf("")}
	}
	return nil
}

func classList() string {
	var s []string
	for _, c := range icts.TransactionClasses() {
		s = append(s, c.String())
	}
	return strings.Join(s, ", ")
}

func readNames(path string) ([]string, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		fh, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r = fh
	}
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

// checkResult is one line of `check --json`.
type checkResult struct {
	Query    sanctions.Query `json:"query"`
	Matches  []jsonMatch     `json:"matches"`
	Warnings []string        `json:"warnings,omitempty"`
}

type jsonList struct {
	Code   string `json:"code"`
	AsOf   string `json:"as_of,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
}

type jsonProhibition struct {
	Transaction string    `json:"transaction"`
	Effective   time.Time `json:"effective"`
	Clause      string    `json:"clause,omitempty"`
}

type jsonMatch struct {
	PartyID       string            `json:"party_id"`
	Source        string            `json:"source"`
	Name          string            `json:"name"`
	MatchedName   string            `json:"matched_name,omitempty"`
	Address       string            `json:"matched_address,omitempty"`
	Score         float64           `json:"score"`
	Reason        string            `json:"reason"`
	List          jsonList          `json:"list"`
	Countries     []string          `json:"countries,omitempty"`
	Programs      []string          `json:"programs,omitempty"`
	Citations     []string          `json:"citations,omitempty"`
	Determination string            `json:"determination,omitempty"`
	Prohibitions  []jsonProhibition `json:"prohibitions,omitempty"`
	Prohibited    *bool             `json:"prohibited,omitempty"`
	Answer        string            `json:"answer,omitempty"`
}

func toJSONMatch(reg *icts.Registry, m sanctions.Match, at time.Time, class icts.TransactionClass) jsonMatch {
	p := m.Party
	jm := jsonMatch{
		PartyID: p.ID, Source: p.Source, Name: p.Name, MatchedName: m.MatchedName,
		Score: m.Score, Reason: m.Reason, Countries: p.Countries, Programs: p.Programs,
		List: jsonList{Code: m.Source.Code, AsOf: dateString(m.Source.AsOf), SHA256: m.Source.SHA256},
	}
	if m.MatchedAddress != nil {
		jm.Address = m.MatchedAddress.Text
	}
	for _, c := range p.Citations {
		jm.Citations = append(jm.Citations, c.String())
	}
	if p.Source != icts.SourceCode {
		return jm
	}
	_, d, ok := reg.PartyDetermination(p.ID)
	if !ok {
		return jm
	}
	jm.Determination = determinationLabel(&d)
	for _, pr := range d.Prohibitions {
		jm.Prohibitions = append(jm.Prohibitions, jsonProhibition{pr.Class.String(), pr.Effective, pr.Clause})
	}
	if !at.IsZero() {
		a := reg.Prohibited(p.ID, class, at)
		jm.Prohibited = &a.Prohibited
		jm.Answer = a.Reason
	}
	return jm
}

func determinationLabel(d *icts.Determination) string {
	s := string(d.Kind)
	if d.CaseNumber != "" {
		s += " " + d.CaseNumber
	}
	return fmt.Sprintf("%s, %s (FR Doc. %s)", s, d.Citation.String(), d.DocumentNumber)
}

func printMatches(w io.Writer, reg *icts.Registry, q sanctions.Query, ms []sanctions.Match, at time.Time, class icts.TransactionClass) {
	label := q.Name
	if label == "" {
		label = "address " + q.Address
	}
	if len(ms) == 0 {
		fmt.Fprintf(w, "%q: no match\n", label)
		return
	}
	fmt.Fprintf(w, "%q: %d match(es)\n", label, len(ms))
	for _, m := range ms {
		p := m.Party
		name := p.Name
		if name == "" && len(p.Addresses) > 0 {
			name = "(address) " + p.Addresses[0].Text
		}
		fmt.Fprintf(w, "  %.3f  %-4s %s  [%s]\n", m.Score, p.Source, name, p.ID)
		fmt.Fprintf(w, "         %s\n", m.Reason)
		list := m.Source.Code
		if !m.Source.AsOf.IsZero() {
			list += " as of " + dateString(m.Source.AsOf)
		}
		if m.Source.SHA256 != "" {
			list += ", sha256 " + m.Source.SHA256[:12]
		}
		fmt.Fprintf(w, "         list: %s\n", list)
		if p.Source != icts.SourceCode {
			continue
		}
		_, d, ok := reg.PartyDetermination(p.ID)
		if !ok {
			continue
		}
		fmt.Fprintf(w, "         %s\n", determinationLabel(&d))
		for _, pr := range d.Prohibitions {
			fmt.Fprintf(w, "           %-17s prohibited from %s\n", pr.Class, pr.Effective.Format("2006-01-02 15:04 MST"))
		}
		if !at.IsZero() {
			a := reg.Prohibited(p.ID, class, at)
			verdict := "ALLOWED"
			if a.Prohibited {
				verdict = "PROHIBITED"
			}
			fmt.Fprintf(w, "         %s on %s: %s — %s\n", class, at.Format("2006-01-02 15:04 MST"), verdict, a.Reason)
		}
	}
}

// listedOn keeps the matches whose party was on its list on day d, as far
// as the party's listing and removal dates tell.
func listedOn(ms []sanctions.Match, d time.Time) []sanctions.Match {
	out := ms[:0:0]
	for _, m := range ms {
		if m.Party.ListedOn(d) {
			out = append(out, m)
		}
	}
	return out
}
