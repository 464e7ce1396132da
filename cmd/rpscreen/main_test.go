package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runCLI runs one command line in-process with an empty store.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("RPSCREEN_STORE", filepath.Join(t.TempDir(), "store"))
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

const (
	elXML  = "../../testdata/entitylist/supplement4-ecfr.xml"
	elHTML = "../../testdata/entitylist/supplement4-ecfr.html"
	cslCSV = "../../testdata/csl/consolidated.csv"
	cslJS  = "../../testdata/csl/consolidated.json"
)

func TestListFormatsAgree(t *testing.T) {
	_, x, _ := runCLI(t, "list", "--file", elXML)
	_, h, _ := runCLI(t, "list", "--file", elHTML)
	if x == "" || x != h {
		t.Errorf("list of the XML and HTML twins differ or are empty:\nXML:  %.300s\nHTML: %.300s", x, h)
	}
	code, csvOut, stderr := runCLI(t, "list", "--format", "csv", "--file", elXML)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := strings.Count(csvOut, "\nEL-")
	if rows != len(jsonLines(t, x)) {
		t.Errorf("csv has %d parties, jsonl %d records", rows, len(jsonLines(t, x)))
	}
	if !strings.Contains(stderr, "row 20") {
		t.Errorf("skipped row not reported with its number: %s", stderr)
	}
}

func TestListCSL(t *testing.T) {
	for _, f := range []string{cslCSV, cslJS} {
		code, out, stderr := runCLI(t, "list", f)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		for _, rec := range jsonLines(t, out) {
			if rec["id"] == "" || rec["source_code"] == "" {
				t.Errorf("%s: record without id or source: %v", f, rec)
			}
		}
	}
}

func TestListBadInput(t *testing.T) {
	dir := t.TempDir()
	trunc := filepath.Join(dir, "trunc.xml")
	os.WriteFile(trunc, []byte(`<?xml version="1.0"?><DIV9 N="4" TYPE="APPENDIX"><HEAD>Supplement No. 4 to Part 744—Entity List</HEAD><DIV class="gpotbl_div"><TABLE><TR><TH>Country`), 0o644)
	junk := filepath.Join(dir, "junk.txt")
	os.WriteFile(junk, []byte("hello world\n"), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"list", "--file", trunc}, "line 1, column"},
		{[]string{"list", "--file", junk}, "unrecognised list format"},
		{[]string{"list", "--file", filepath.Join(dir, "missing")}, "no such file"},
		{[]string{"list"}, "--file is required"},
		{[]string{"list", "--file", elXML, "--format", "xml"}, "--format must be"},
	}
	for _, tc := range tests {
		code, _, stderr := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestCheckKasperskyOffline(t *testing.T) {
	code, out, stderr := runCLI(t, "check", "Kaspersky Lab Inc")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (hit): %s", code, stderr)
	}
	for _, want := range []string{"ICTS-2021-002", "update", "2024-09-29 00:00 EDT", "2024-07-20 00:00 EDT"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "no list data is loaded") {
		t.Errorf("no warning that no list data is loaded: %q", stderr)
	}
}

func TestCheckProhibitedBoundaries(t *testing.T) {
	tests := []struct {
		on, class string
		want      bool
	}{
		{"2024-09-28", "update", false},
		{"2024-09-29", "update", true},
		{"2024-09-29T03:59:59Z", "update", false}, // still Sept 28 in New York
		{"2024-09-29T04:00:00Z", "update", true},
		{"2024-07-19", "new-agreement", false},
		{"2024-07-20", "new-agreement", true},
	}
	for _, tc := range tests {
		code, out, stderr := runCLI(t, "check", "--json", "--on", tc.on, "--transaction", tc.class, "Kaspersky Lab, Inc.")
		if code != 1 {
			t.Fatalf("%s %s: exit %d: %s", tc.on, tc.class, code, stderr)
		}
		lines := jsonLines(t, out)
		m := lines[0]["matches"].([]any)[0].(map[string]any)
		if m["party_id"] != "ICTS-2021-002/1" || m["prohibited"] != tc.want {
			t.Errorf("%s %s: party %v prohibited %v, want ICTS-2021-002/1 %v", tc.on, tc.class, m["party_id"], m["prohibited"], tc.want)
		}
		if ps, _ := m["prohibitions"].([]any); len(ps) == 0 {
			t.Errorf("%s: no prohibitions in JSON", tc.on)
		}
	}
}

func TestCheckAgainstListFiles(t *testing.T) {
	code, out, stderr := runCLI(t, "check", "--json", "--list", elXML, "--list", cslJS, "--lists", "EL",
		"Example Quantum Widget Technology Company Limited", "Unrelated Bakery Supplies")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, "no list data") {
		t.Errorf("warned of no list data with lists loaded: %s", stderr)
	}
	lines := jsonLines(t, out)
	if len(lines) != 2 {
		t.Fatalf("%d JSON lines, want one per name", len(lines))
	}
	hit := lines[0]["matches"].([]any)[0].(map[string]any)
	list := hit["list"].(map[string]any)
	got := []any{hit["source"], hit["matched_name"], len(list["sha256"].(string))}
	want := []any{"EL", "Example Quantum Widget Technology Co., Ltd.", 64}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first hit (-want +got):\n%s", diff)
	}
	if n := len(lines[1]["matches"].([]any)); n != 0 {
		t.Errorf("unrelated name has %d matches", n)
	}
	// No hit at all: exit 0.
	if code, _, stderr := runCLI(t, "check", "--list", elXML, "Unrelated Bakery Supplies"); code != 0 {
		t.Errorf("no-hit exit %d: %s", code, stderr)
	}
}

func TestCompareJSON(t *testing.T) {
	code, out, _ := runCLI(t, "compare", "AO Kaspersky Lab", "Kasperskiy Laboratoriya AO", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	c := jsonLines(t, out)[0]
	if c["match"] != true || c["score"].(float64) < 0.9 {
		t.Errorf("compare = %v", c)
	}
	code, out, _ = runCLI(t, "compare", "--json", "11420 Corp", "11421 Corp")
	if c := jsonLines(t, out)[0]; code != 0 || c["match"] != false {
		t.Errorf("numbers differ but compare = %v", c)
	}
	if code, _, _ := runCLI(t, "compare", "only one"); code != 2 {
		t.Errorf("compare with one name: exit %d, want 2", code)
	}
}

func TestUpdateCheckDiff(t *testing.T) {
	el, _ := os.ReadFile(elXML)
	csl, _ := os.ReadFile(cslJS)
	broken := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case broken:
			w.Write([]byte("<html>down for maintenance</html>"))
		case strings.Contains(r.URL.Path, "/full/"):
			w.Write(el)
		case strings.HasSuffix(r.URL.Path, "/consolidated.json"):
			w.Write(csl)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	store := filepath.Join(t.TempDir(), "store")
	var out, errb bytes.Buffer
	if code := run([]string{"update", "--store", store, "--ecfr-url", srv.URL, "--csl-url", srv.URL}, &out, &errb); code != 0 {
		t.Fatalf("update: exit %d: %s", code, errb.String())
	}
	if strings.Count(out.String(), "new version") != 2 {
		t.Errorf("update output: %s", out.String())
	}
	// A broken download fails and leaves the store as it was.
	broken = true
	out.Reset()
	errb.Reset()
	if code := run([]string{"update", "--store", store, "--ecfr-url", srv.URL, "--csl-url", srv.URL}, &out, &errb); code != 2 {
		t.Errorf("broken update: exit %d", code)
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"check", "--store", store, "Example Quantum Widget Technology Co Ltd"}, &out, &errb); code != 1 {
		t.Errorf("check against the store: exit %d: %s", code, errb.String())
	}
	if strings.Contains(errb.String(), "no list data") {
		t.Errorf("store loaded but warned: %s", errb.String())
	}
	out.Reset()
	if code := run([]string{"diff", "--store", store, "--since", "2000-01-01"}, &out, &errb); code != 0 {
		t.Fatalf("diff: exit %d: %s", code, errb.String())
	}
	// 18 Entity List entries from the eCFR fixture and one EL record of the CSL fixture.
	if !strings.Contains(out.String(), "EL: 19 added, 0 removed, 0 changed") {
		t.Errorf("diff since before the first version:\n%s", out.String())
	}
}

func TestDiffFiles(t *testing.T) {
	code, out, stderr := runCLI(t, "diff", elXML, elHTML)
	if code != 0 || !strings.Contains(out, "EL: 0 added, 0 removed, 0 changed") {
		t.Errorf("diff of twin renderings: exit %d\n%s%s", code, out, stderr)
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := runCLI(t); code != 2 {
		t.Errorf("no command: exit %d", code)
	}
	if code, _, stderr := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: exit %d %q", code, stderr)
	}
	if code, _, _ := runCLI(t, "check", "--on", "2024-09-29", "Kaspersky"); code != 2 {
		t.Errorf("--on without --transaction: exit %d", code)
	}
	if code, _, _ := runCLI(t, "check", "--on", "2024-09-29", "--transaction", "teleport", "Kaspersky"); code != 2 {
		t.Errorf("bad transaction class: exit %d", code)
	}
}

func TestCheckAddressAlone(t *testing.T) {
	code, out, stderr := runCLI(t, "check", "--json", "--list", elXML,
		"--address", "Flat 12, 3/F, Example Industrial Bldg, 8 Sample St, Kwun Tong, Kowloon, HK")
	if code != 1 {
		t.Fatalf("listed address: exit %d: %s", code, stderr)
	}
	m := jsonLines(t, out)[0]["matches"].([]any)[0].(map[string]any)
	if m["name"] != nil && m["name"] != "" || !strings.Contains(m["matched_address"].(string), "Flat 12") {
		t.Errorf("address-only match = %v", m)
	}
	if code, out, _ := runCLI(t, "check", "--list", elXML,
		"--address", "Flat 14, 3/F, Example Industrial Bldg, 8 Sample St, Kwun Tong, Kowloon, HK"); code != 0 {
		t.Errorf("another flat in the same building: exit %d\n%s", code, out)
	}
}
