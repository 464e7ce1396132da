package sanctions

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

var citationCells = []string{
	"84 FR 22961, 5/21/19.",
	"84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20. 86 FR 71557, 12/17/21.",
	"88 FR 6621-6624, 2/1/23.",
	"89 FR 52362-64, 6/24/24.",
	"87 FR 13141-13145. 89 FR 99902.",
	"89 FR 99902",
	"83 FR 37423; 87 FR 77505",
	"76 FR 50407, 8/15/2011.",
	"85 FR 100-99, 1/1/20.",
	"89 FR 52362, 2/30/24.",
	"00 FR 00000, 1/001/00",
	"84 FR 22961, 5/21/019.",
	"76 FR 50407 (8/15/2011). Corrected by later notice.",
	"66 FR 24266, 77 FR 58006 (no. 182)",
	"89 FR 52362, 6/24/24. See note.",
	"",
}

// Where the fast reader accepts a cell it agrees with ParseFRCitations.
func TestFastCitations(t *testing.T) {
	accepted := 0
	for _, s := range citationCells {
		fast, ok := fastCitations(s)
		if !ok {
			continue
		}
		accepted++
		slow, rest := parseCitations(s)
		if len(rest) > 0 {
			t.Errorf("%q: fast reader accepted text parseCitations leaves unread: %q", s, rest)
		}
		if d := cmp.Diff(slow, fast); d != "" {
			t.Errorf("%q (-parseCitations +fast):\n%s", s, d)
		}
	}
	if accepted < 7 {
		t.Errorf("fast reader accepted %d cells, want the 7 plain ones at least", accepted)
	}
}

func FuzzFastCitations(f *testing.F) {
	for _, s := range citationCells {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := fastCitations(s)
		if !ok {
			return
		}
		slow, rest := parseCitations(s)
		if len(rest) > 0 || !cmp.Equal(slow, fast) {
			t.Fatalf("%q: fast %v, parseCitations %v rest %q", s, fast, slow, rest)
		}
	})
}
