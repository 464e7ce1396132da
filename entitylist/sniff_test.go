package entitylist

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{`<?xml version="1.0"?>` + "\n<DIV9 N=\"Supplement No. 4 to Part 744\" TYPE=\"APPENDIX\">", FormatECFRXML},
		{"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><DIV5 N=\"744\">", FormatECFRXML},
		{"<DIV5 N=\"101\" TYPE=\"PART\">", FormatECFRXML},
		{"<?xml version=\"1.0\"?><!-- note --><ECFR>", FormatECFRXML},
		{"<?xml version=\"1.0\"?>", FormatECFRXML},
		{"<!DOCTYPE html>\n<html lang=\"en\">", FormatHTML},
		{"<!doctype HTML><html>", FormatHTML},
		{"  <html><body>", FormatHTML},
		{"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", FormatHTML},
		{"<div class=\"gpotbl_div\"><table>", FormatHTML},
		{"<table class=\"gpotbl_table\">", FormatHTML},
		{"Country,Entity,License", FormatUnknown},
		{`{"results": []}`, FormatUnknown},
		{"", FormatUnknown},
		{"<", FormatUnknown},
		{"<foo>", FormatUnknown},
	}
	for _, tc := range tests {
		if got := Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("Sniff(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for name, want := range map[string]Format{"supplement4-ecfr.xml": FormatECFRXML, "supplement4-ecfr.html": FormatHTML} {
		if got := Sniff(readFixture(t, name)[:512]); got != want {
			t.Errorf("Sniff(%s) = %v, want %v", name, got, want)
		}
	}
}

// The real GPO XML samples in ../shared (eCFR bulk and versioner output, a
// whole Federal Register daily issue) are recognised, scanned to the end
// as well-formed, and found to hold no Entity List table.
func TestSharedCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.xml"))
	if len(files) == 0 {
		t.Skip("../shared/corpus is absent")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Sniff(b[:min(len(b), 512)]); got != FormatECFRXML {
			t.Errorf("Sniff(%s) = %v", f, got)
		}
		_, err = parseXMLString(string(b))
		if err == nil || !isNoTable(err) {
			t.Errorf("%s: error %v, want ErrNoTable", f, err)
		}
	}
}
