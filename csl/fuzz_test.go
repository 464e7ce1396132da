package csl

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/rpscreen/rpscreen/sanctions"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func addSeeds(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "csl", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
	}
}

// checkResult asserts what every read must guarantee, whatever the input.
func checkResult(t *testing.T, res *Result, err error, strict bool) {
	t.Helper()
	if err != nil {
		var re *RowError
		if strict && errors.As(err, &re) && re.Record < 0 {
			t.Errorf("row error with negative record: %v", err)
		}
		if err.Error() == "" {
			t.Error("empty error message")
		}
		return
	}
	if res.Rows != len(res.Records)+len(res.Errors) {
		t.Fatalf("%d rows, %d records, %d errors", res.Rows, len(res.Records), len(res.Errors))
	}
	if strict && len(res.Errors) > 0 {
		t.Fatalf("strict read returned row errors: %v", res.Errors)
	}
	for _, e := range res.Errors {
		if e.Err == nil || e.Offset < 0 || e.Offset > res.Size {
			t.Errorf("row error without cause or with offset out of range: %#v", e)
		}
	}
	for i := range res.Records {
		r := &res.Records[i]
		if r.ID == "" || r.SourceCode == "" {
			t.Errorf("record %d without ID or source code: %+v", r.Index, r)
		}
		for _, s := range append([]string{r.Name, r.SourceName}, r.AltNames...) {
			if !utf8.ValidString(s) {
				t.Errorf("record %d: invalid UTF-8 %q", r.Index, s)
			}
		}
		p := r.Party()
		for _, c := range p.Countries {
			if !sanctions.IsCountryCode(c) {
				t.Errorf("record %d: country %q is not an ISO code", r.Index, c)
			}
		}
		if p.Listed.IsZero() != r.StartDate.IsZero() {
			t.Errorf("record %d: listed date lost", r.Index)
		}
	}
	for _, rp := range res.Repairs {
		if rp.Before == rp.After {
			t.Errorf("repair that changed nothing: %+v", rp)
		}
	}
	n := 0
	for _, s := range res.Snapshots() {
		n += len(s.Parties)
		if s.Source.SHA256 != res.SHA256 {
			t.Errorf("snapshot %s without the document digest", s.Source.Code)
		}
	}
	if n != len(res.Records) {
		t.Errorf("snapshots hold %d parties, %d records read", n, len(res.Records))
	}
}

func FuzzReadCSV(f *testing.F) {
	addSeeds(f, "consolidated.csv", "legacy.csv", "bad.csv", "consolidated.tsv")
	f.Add([]byte("_id,source,name\n1,EL,\"Example\nCo\"\n2,EL,x\"y\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, strict bool) {
		res, err := ReadCSV(bytes.NewReader(data), Options{Strict: strict, MaxBytes: 1 << 20})
		checkResult(t, res, err, strict)
	})
}

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, "consolidated.json", "api-v1.json", "array.json", "bad.json", "truncated.json")
	f.Add([]byte(`{"results":[{"source":"EL","name":"Example","addresses":"1 Example Road, CN","ids":"Passport, 1, IR"}],"sources_used":[{"source":"EL"}]}`), true)
	f.Fuzz(func(t *testing.T, data []byte, strict bool) {
		res, err := ReadJSON(bytes.NewReader(data), Options{Strict: strict, MaxBytes: 1 << 20})
		checkResult(t, res, err, strict)
	})
}

// FuzzFastRecord checks the hand-written fast path for JSON records
// against encoding/json: whatever the fast path accepts must be valid JSON
// that encoding/json reads into the same raw record.
func FuzzFastRecord(f *testing.F) {
	for _, n := range []string{"consolidated.json", "api-v1.json", "array.json", "bad.json"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "csl", n))
		if err != nil {
			f.Fatal(err)
		}
		// Seed with each record of the fixture.
		var doc struct{ Results []json.RawMessage }
		if json.Unmarshal(data, &doc) == nil {
			for _, r := range doc.Results {
				f.Add([]byte(r))
			}
		}
		var arr []json.RawMessage
		if json.Unmarshal(data, &arr) == nil {
			for _, r := range arr {
				f.Add([]byte(r))
			}
		}
	}
	f.Add([]byte(`{"name":"Example \u00e9\ud83d\ude00 \"q\"","addresses":[null,{"city":"X","extra":[1,{"a":null}]}],"ids":null,"x":-1.5e+3}`))
	f.Add([]byte(`{"programs":"SDGT; IRGC","alt_names":["A",null,7,true],"gross_tonnage":1000,"standard_order":true,"dates_of_birth":null,"Name":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // encoding/json replaces invalid UTF-8; the fast path keeps it for the repairs
		}
		s := &jsonScanner{data: data}
		var fr fastRecord
		if s.fastRecord(&fr) != nil {
			return
		}
		if !json.Valid(data[:s.pos]) {
			t.Fatalf("fast path accepted invalid JSON %q", data[:s.pos])
		}
		var rec jsonRecord
		if err := json.Unmarshal(data[:s.pos], &rec); err != nil {
			t.Fatalf("fast path accepted %q, encoding/json: %v", data[:s.pos], err)
		}
		if diff := cmp.Diff(rec.raw(), fr.raw(), cmp.AllowUnexported(rawRecord{}), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("fast path and encoding/json differ on %q (-json +fast):\n%s", data[:s.pos], diff)
		}
	})
}
