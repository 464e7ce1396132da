package entitylist

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanAll renders the tokens of doc as a compact trace.
func scanAll(doc string) (string, error) {
	s := newXMLScanner([]byte(doc))
	var b strings.Builder
	for {
		if err := s.next(); err != nil {
			return b.String(), err
		}
		switch s.kind {
		case tokEOF:
			return b.String(), nil
		case tokStart:
			b.WriteString("<" + s.name)
			if v := s.attr("a"); v != "" {
				b.WriteString(" a=" + v)
			}
			b.WriteString(">")
		case tokEnd:
			b.WriteString("</" + s.name + ">")
		case tokText:
			b.WriteString(string(s.text))
		}
	}
}

func TestXMLScanner(t *testing.T) {
	tests := []struct {
		doc, want string
	}{
		{`<?xml version="1.0"?>` + "\n<!DOCTYPE x [<!ENTITY y \"z\">]>\n<R a=\"1\"><E T='03'>x</E><br/>y</R>\n", "<R a=1><E>x</E><br></br>y</R>"},
		{"<R>&amp;&lt;&gt;&quot;&apos;&#xA7;&#167;&nbsp;&mdash;</R>", "<R>&<>\"'§§\u00a0—</R>"},
		{"<R><!-- a <comment> --><![CDATA[<raw> & stuff]]></R>", "<R><raw> & stuff</R>"},
		{"<R a=\"x&amp;y\" b = 'q' ></R >", "<R a=x&y></R>"},
		{"  \n<R/>\n  ", "<R></R>"},
	}
	for _, tc := range tests {
		got, err := scanAll(tc.doc)
		if err != nil {
			t.Errorf("scan %q: %v", tc.doc, err)
			continue
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("scan %q (-want +got):\n%s", tc.doc, d)
		}
	}
}

func TestXMLScannerErrors(t *testing.T) {
	tests := []struct {
		doc       string
		off       int
		truncated bool
	}{
		{"<R><A></R>", 6, false},
		{"<R></A>", 3, false},
		{"</R>", 0, false},
		{"<R>&bogus;</R>", 3, false},
		{"<R>& x</R>", 3, false},
		{"<R>&#0;</R>", 3, false},
		{"<R a=1></R>", 5, false},
		{"<R a></R>", 4, false},
		{"<R a=\"&x;\"></R>", 6, false},
		{"<R a=\"<\"></R>", 5, false},
		{"<R\x01></R>", 2, false},
		{"<1R></1R>", 1, false},
		{"text<R/>", 0, false},
		{"<R>", 3, true},
		{"<R><A", 3, true},
		{"<R a=\"x></R>", 0, true},
		{"<R><!-- x </R>", 3, true},
		{"<R><![CDATA[ x </R>", 3, true},
		{"<?xml version", 0, true},
		{"<R></R", 3, true},
	}
	for _, tc := range tests {
		_, err := scanAll(tc.doc)
		var se *scanError
		if !errors.As(err, &se) {
			t.Errorf("scan %q: error %v, want a scanError", tc.doc, err)
			continue
		}
		if se.off != tc.off || se.truncated != tc.truncated {
			t.Errorf("scan %q: %v at %d truncated=%v; want at %d truncated=%v", tc.doc, se, se.off, se.truncated, tc.off, tc.truncated)
		}
	}
}
