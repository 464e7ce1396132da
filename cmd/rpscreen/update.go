package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"time"

	"github.com/rpscreen/rpscreen"
	"github.com/rpscreen/rpscreen/fetch"
	"github.com/rpscreen/rpscreen/sanctions"
)

func init() {
	commands["update"] = command{"download the Entity List and the CSL into the local store", runUpdate}
	commands["diff"] = command{"what changed between two list files, or in the store since a date", runDiff}
}

func runUpdate(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("update", flag.ContinueOnError)
	fs.SetOutput(stderr)
	store := fs.String("store", rpscreen.DefaultStoreDir(), "`DIR` to keep every version in")
	ep := fetch.DefaultEndpoints()
	fs.StringVar(&ep.ECFR, "ecfr-url", ep.ECFR, "eCFR versioner API base `URL`")
	fs.StringVar(&ep.CSL, "csl-url", ep.CSL, "base `URL` serving consolidated.json")
	if _, err := parseInterspersed(fs, args); err != nil {
		return usageError("")
	}
	st, err := fetch.OpenStore(*store)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	failed := 0
	for _, r := range rpscreen.Update(ctx, &fetch.Client{UserAgent: "rpscreen"}, st, ep, time.Now().UTC()) {
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(stderr, "rpscreen update: %s: %v (stored data unchanged)\n", r.Key, r.Err)
		case r.Changed:
			fmt.Fprintf(stdout, "%s: new version %s (%d bytes) from %s\n", r.Key, r.Version.SHA256[:12], r.Version.Size, r.URL)
		default:
			fmt.Fprintf(stdout, "%s: unchanged (%s)\n", r.Key, r.Version.SHA256[:min(12, len(r.Version.SHA256))])
		}
	}
	if failed > 0 {
		return &exitError{code: 2, err: fmt.Errorf("%d source(s) failed", failed)}
	}
	return nil
}

func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	store := fs.String("store", rpscreen.DefaultStoreDir(), "`DIR` of stored versions")
	since := fs.String("since", "", "compare the stored lists as of `DATE` (YYYY-MM-DD, UTC) with the newest")
	asJSON := fs.Bool("json", false, "print the changes as JSON")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("")
	}
	var old, new []sanctions.Snapshot
	switch {
	case len(files) == 2 && *since == "":
		for i, p := range files {
			lf, err := rpscreen.ReadListFile(p, rpscreen.ReadOptions{})
			if err != nil {
				return &exitError{code: 2, err: err}
			}
			if i == 0 {
				old = lf.Snapshots
			} else {
				new = lf.Snapshots
			}
		}
	case len(files) == 0 && *since != "":
		t, err := sanctions.ParseDate(*since)
		if err != nil {
			return usageError("--since: %v", err)
		}
		ctx := context.Background()
		then, err := rpscreen.Open(ctx, rpscreen.Options{StoreDir: *store, AsOf: t.Add(24*time.Hour - time.Nanosecond)})
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		now, err := rpscreen.Open(ctx, rpscreen.Options{StoreDir: *store})
		if err != nil {
			return &exitError{code: 2, err: err}
		}
		if !now.ListsLoaded() {
			return &exitError{code: 2, err: fmt.Errorf("store %s holds no list versions; run 'rpscreen update'", *store)}
		}
		for _, f := range then.Files {
			old = append(old, f.Snapshots...)
		}
		for _, f := range now.Files {
			new = append(new, f.Snapshots...)
		}
	default:
		return usageError("give two list files, or --since DATE")
	}
	diffs := diffByList(old, new)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, d := range diffs {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return nil
	}
	for _, d := range diffs {
		fmt.Fprintf(stdout, "%s: %d added, %d removed, %d changed\n", listCode(d), len(d.Added), len(d.Removed), len(d.Changed))
		for _, c := range d.Added {
			fmt.Fprintf(stdout, "  + %s  %s\n", c.ID, partyLabel(c.New))
		}
		for _, c := range d.Removed {
			fmt.Fprintf(stdout, "  - %s  %s\n", c.ID, partyLabel(c.Old))
		}
		for _, c := range d.Changed {
			fmt.Fprintf(stdout, "  ~ %s  %s  (%v)\n", c.ID, partyLabel(c.New), c.Fields)
		}
	}
	return nil
}

func listCode(d sanctions.Diff) string {
	if d.New.Code != "" {
		return d.New.Code
	}
	return d.Old.Code
}

// diffByList pairs snapshots by list code and diffs each pair; a list
// present on one side only counts as wholly added or removed.
func diffByList(old, new []sanctions.Snapshot) []sanctions.Diff {
	byCode := map[string]*[2]sanctions.Snapshot{}
	var codes []string
	for side, snaps := range [][]sanctions.Snapshot{old, new} {
		for _, s := range snaps {
			pair, ok := byCode[s.Source.Code]
			if !ok {
				pair = &[2]sanctions.Snapshot{}
				byCode[s.Source.Code] = pair
				codes = append(codes, s.Source.Code)
			}
			pair[side].Source = s.Source
			pair[side].Parties = append(pair[side].Parties, s.Parties...)
		}
	}
	sort.Strings(codes)
	out := make([]sanctions.Diff, 0, len(codes))
	for _, c := range codes {
		out = append(out, sanctions.DiffSnapshots(byCode[c][0], byCode[c][1]))
	}
	return out
}

func partyLabel(p *sanctions.Party) string {
	if p.Name != "" {
		return p.Name
	}
	if len(p.Addresses) > 0 {
		return "(address) " + p.Addresses[0].Text
	}
	return "(no name)"
}
