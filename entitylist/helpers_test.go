package entitylist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var header = [numColumns]string{"Country", "Entity", "License requirement", "License review policy", "Federal Register citation"}

// xmlDoc renders rows as an eCFR versioner XML supplement. Cells are
// written in the eCFR's XML markup (SU, br, P, E, character references).
func xmlDoc(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<DIV9 N=\"Supplement No. 4 to Part 744\" TYPE=\"APPENDIX\">\n<HEAD>Supplement No. 4 to Part 744&#x2014;Entity List</HEAD>\n")
	b.WriteString(`<DIV width="100%"><DIV class="gpotbl_div"><TABLE border="1" class="gpotbl_table"><TR>`)
	for _, h := range header {
		fmt.Fprintf(&b, "<TH class=\"gpotbl_colhed\" scope=\"col\">%s\n</TH>", h)
	}
	b.WriteString("</TR>\n")
	for _, r := range rows {
		b.WriteString("<TR>")
		for _, c := range r {
			fmt.Fprintf(&b, "<TD align=\"left\" class=\"gpotbl_cell\">%s\n</TD>", c)
		}
		b.WriteString("</TR>\n")
	}
	b.WriteString("</TABLE></DIV></DIV>\n</DIV9>\n")
	return b.String()
}

var toHTML = strings.NewReplacer(
	"<SU>", "<sup>", "</SU>", "</sup>", "<br/>", "<br>", "<P>", "<p>", "</P>", "</p>",
	`<E T="03">`, "<em>", "</E>", "</em>", "&#x2014;", "&mdash;", "&#x2013;", "&ndash;",
	"&#xA7;", "&sect;", "&#xA0;", "&nbsp;",
)

// htmlDoc renders rows as an eCFR HTML page, converting the XML markup of
// the cells to the HTML equivalents.
func htmlDoc(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><title>Entity List</title></head><body>\n<h4>Supplement No. 4 to Part 744&mdash;Entity List</h4>\n")
	b.WriteString(`<div class="gpotbl_div"><table class="gpotbl_table"><thead><tr>`)
	for _, h := range header {
		fmt.Fprintf(&b, "<th>%s</th>", h)
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			fmt.Fprintf(&b, "<td>%s</td>", toHTML.Replace(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n</body></html>\n")
	return b.String()
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "entitylist", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func isNoTable(err error) bool { return errors.Is(err, ErrNoTable) }
