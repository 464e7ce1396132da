package entitylist

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnote markers found in markup (SU, sup) are kept in cell text as
// markOpen digits markClose until the row is interpreted.
const (
	markOpen  = '\uE000'
	markClose = '\uE001'
)

// cellBuilder accumulates the text of one table cell the same way for both
// parsers: runs of white space (pretty-printing, non-breaking spaces) become
// one space, line breaks (br, P) become '\n', footnote markers are marked.
type cellBuilder struct {
	b       strings.Builder
	pending bool // a space is due before the next text
}

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\u2007' || r == '\u202f'
}

// text appends character data.
func (c *cellBuilder) text(s string) {
	for len(s) > 0 {
		// Fast path: a run of printable ASCII other than space.
		n := 0
		for n < len(s) && s[n] > ' ' && s[n] < 0x7f {
			n++
		}
		if n > 0 {
			if c.pending {
				if c.b.Len() > 0 && !c.atLineStart() {
					c.b.WriteByte(' ')
				}
				c.pending = false
			}
			c.b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		c.rune(r, n)
	}
}

// textBytes is text for a byte slice, without copying it to a string.
func (c *cellBuilder) textBytes(b []byte) {
	for len(b) > 0 {
		n := 0
		for n < len(b) && b[n] > ' ' && b[n] < 0x7f {
			n++
		}
		if n > 0 {
			if c.pending {
				if c.b.Len() > 0 && !c.atLineStart() {
					c.b.WriteByte(' ')
				}
				c.pending = false
			}
			c.b.Write(b[:n])
			b = b[n:]
			continue
		}
		// One non-ASCII or white-space rune through the general path.
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		c.rune(r, size)
	}
}

// rune handles one rune of text that is not printable ASCII; size is its
// encoded length (1 with RuneError for an invalid byte).
func (c *cellBuilder) rune(r rune, size int) {
	if r == utf8.RuneError && size <= 1 {
		r = '\uFFFD'
	}
	if r == markOpen || r == markClose {
		r = '\uFFFD'
	}
	if isSpaceRune(r) {
		c.pending = true
		return
	}
	if unicode.IsControl(r) {
		return
	}
	if c.pending {
		if c.b.Len() > 0 && !c.atLineStart() {
			c.b.WriteByte(' ')
		}
		c.pending = false
	}
	c.b.WriteRune(r)
}

func (c *cellBuilder) atLineStart() bool {
	s := c.b.String()
	return len(s) == 0 || s[len(s)-1] == '\n'
}

// brk starts a new line unless the cell is empty or already at a line start.
func (c *cellBuilder) brk() {
	c.pending = false
	if !c.atLineStart() {
		c.b.WriteByte('\n')
	}
}

// marker records a footnote marker; digits must be the marker's text.
func (c *cellBuilder) marker(digits string) {
	if c.pending {
		if c.b.Len() > 0 && !c.atLineStart() {
			c.b.WriteByte(' ')
		}
		c.pending = false
	}
	c.b.WriteRune(markOpen)
	c.b.WriteString(digits)
	c.b.WriteRune(markClose)
}

func (c *cellBuilder) String() string {
	return strings.TrimRight(c.b.String(), "\n")
}

func (c *cellBuilder) reset() {
	c.b.Reset()
	c.pending = false
}

// footnoteDigits reports whether s (the text of a superscript) is a
// footnote number and returns it trimmed.
func footnoteDigits(s string) (string, bool) {
	s = strings.TrimFunc(s, isSpaceRune)
	if s == "" || len(s) > 3 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s, true
}

// stripMarkers removes marked footnotes from s, adding their numbers to
// notes, and tidies the space around where they stood.
func stripMarkers(s string, notes *[]int) string {
	if !strings.ContainsRune(s, markOpen) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexRune(s, markOpen)
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexRune(s[i:], markClose)
		if j < 0 { // cannot happen: markers are written in pairs
			b.WriteString(s[:i])
			break
		}
		j += i
		if n, err := strconv.Atoi(s[i+len(string(markOpen)) : j]); err == nil {
			*notes = append(*notes, n)
		}
		before := s[:i]
		after := s[j+len(string(markClose)):]
		// "text <sup>1</sup> more" -> "text more"; "EAR <sup>1</sup>, and" -> "EAR, and"
		if strings.HasSuffix(before, " ") && (after == "" || after[0] == ' ' || after[0] == ',' || after[0] == ';' || after[0] == '.' || after[0] == '\n' || after[0] == ')') {
			before = before[:len(before)-1]
		}
		b.WriteString(before)
		s = after
	}
	return strings.TrimSpace(b.String())
}

var (
	// "EXCEPT2 for": an upper-case word with one digit glued on. EAR99 has
	// two digits and is left alone.
	reGluedWord = regexp.MustCompile(`\b([A-Z]{3,})([1-9])\b`)
	// "734.9(e),1 and" / "734.9(e)1 and": a digit glued after a section's
	// closing parenthesis.
	reGluedParen = regexp.MustCompile(`(\d\.\d+(?:\([a-zA-Z0-9]{1,4}\))+,?)([1-9])\b`)
	// "744.11,1 and": a digit glued after a comma that follows a section.
	reGluedComma = regexp.MustCompile(`(\b7\d\d\.\d+,)([1-9])(\s|$)`)
)

// stripGluedFootnotes removes footnote digits glued to text without markup
// (as some renderings print them) and adds them to notes. It is applied to
// the license requirement and review policy cells only, where such digits
// cannot be part of the text.
func stripGluedFootnotes(s string, notes *[]int) string {
	if !mayHaveGluedDigit(s) {
		return s
	}
	take := func(d string) {
		n, _ := strconv.Atoi(d)
		*notes = append(*notes, n)
	}
	s = reGluedWord.ReplaceAllStringFunc(s, func(m string) string {
		sm := reGluedWord.FindStringSubmatch(m)
		take(sm[2])
		return sm[1]
	})
	s = reGluedParen.ReplaceAllStringFunc(s, func(m string) string {
		sm := reGluedParen.FindStringSubmatch(m)
		take(sm[2])
		return sm[1]
	})
	s = reGluedComma.ReplaceAllStringFunc(s, func(m string) string {
		sm := reGluedComma.FindStringSubmatch(m)
		take(sm[2])
		return sm[1] + sm[3]
	})
	return s
}

// mayHaveGluedDigit is a fast check for the patterns stripGluedFootnotes
// looks for: a digit 1-9 right after an upper-case letter, a ')' or a ','.
func mayHaveGluedDigit(s string) bool {
	for i := 1; i < len(s); i++ {
		if c := s[i]; c >= '1' && c <= '9' && (i+1 == len(s) || !isDigit(s[i+1])) {
			p := s[i-1]
			if (i >= 3 && p >= 'A' && p <= 'Z' && s[i-2] >= 'A' && s[i-2] <= 'Z') || p == ')' || p == ',' {
				return true
			}
		}
	}
	return false
}

// sortedUnique sorts notes and removes duplicates.
func sortedUnique(notes []int) []int {
	if len(notes) == 0 {
		return nil
	}
	slices.Sort(notes)
	return slices.Compact(notes)
}

// lines splits cell text into its trimmed, non-empty lines.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	if !strings.Contains(s, "\n") {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		return []string{s}
	}
	parts := strings.Split(s, "\n")
	out := parts[:0]
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// oneLine joins the lines of cell text with single spaces.
func oneLine(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	return strings.Join(lines(s), " ")
}

// collapseSpace replaces runs of white space (line breaks included) with
// one space and trims the ends.
func collapseSpace(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
