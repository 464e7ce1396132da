package rpscreen

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		file string
		want Format
	}{
		{"testdata/entitylist/supplement4-ecfr.xml", FormatEntityListXML},
		{"testdata/entitylist/supplement4-ecfr.html", FormatEntityListHTML},
		{"testdata/csl/consolidated.csv", FormatCSLCSV},
		{"testdata/csl/consolidated.tsv", FormatCSLTSV},
		{"testdata/csl/consolidated.json", FormatCSLJSON},
	}
	for _, tc := range tests {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectFormat(b[:min(len(b), sniffLen)]); got != tc.want {
			t.Errorf("DetectFormat(%s) = %q, want %q", tc.file, got, tc.want)
		}
	}
	if got := DetectFormat([]byte("hello")); got != FormatUnknown {
		t.Errorf("DetectFormat(hello) = %q", got)
	}
}

func TestReadListHashesRawBytes(t *testing.T) {
	// The Entity List parser stops at the end of the table; the hash must
	// still cover the whole document.
	b, _ := os.ReadFile("testdata/entitylist/supplement4-ecfr.xml")
	lf1, err := ReadList(bytes.NewReader(b), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	lf2, err := ReadList(bytes.NewReader(append(b, "\n<!-- trailing -->\n"...)), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if lf1.SHA256 == lf2.SHA256 || lf1.Snapshots[0].Source.SHA256 != lf1.SHA256 {
		t.Errorf("sha256 does not follow the raw bytes: %s vs %s", lf1.SHA256, lf2.SHA256)
	}
}

func TestStrictFailsOnBadRows(t *testing.T) {
	if _, err := ReadListFile("testdata/csl/bad.csv", ReadOptions{}); err != nil {
		t.Fatalf("lenient read of bad.csv: %v", err)
	}
	_, err := ReadListFile("testdata/csl/bad.csv", ReadOptions{Strict: true})
	if !errors.Is(err, ErrBadRows) || !strings.Contains(err.Error(), "line") {
		t.Errorf("strict read of bad.csv: err = %v, want ErrBadRows with a line", err)
	}
	_, err = ReadListFile("testdata/entitylist/supplement4-ecfr.xml", ReadOptions{Strict: true})
	if !errors.Is(err, ErrBadRows) || !strings.Contains(err.Error(), "row") {
		t.Errorf("strict read of the Entity List fixture: err = %v, want ErrBadRows with a row", err)
	}
}

func TestOpenWarnsWithoutLists(t *testing.T) {
	scr, err := Open(context.Background(), Options{StoreDir: filepath.Join(t.TempDir(), "none")})
	if err != nil {
		t.Fatal(err)
	}
	if scr.ListsLoaded() || len(scr.Warnings) != 1 || !strings.Contains(scr.Warnings[0], "no list data is loaded") {
		t.Errorf("ListsLoaded %v, warnings %q", scr.ListsLoaded(), scr.Warnings)
	}
	scr, err = Open(context.Background(), Options{Files: []string{"testdata/csl/consolidated.json"}})
	if err != nil {
		t.Fatal(err)
	}
	if !scr.ListsLoaded() {
		t.Error("ListsLoaded false with a CSL file")
	}
	codes := map[string]bool{}
	for _, s := range scr.Sources() {
		codes[s.Code] = true
	}
	if !codes["ICTS"] || !codes["SDN"] {
		t.Errorf("sources %v lack ICTS or SDN", codes)
	}
}
