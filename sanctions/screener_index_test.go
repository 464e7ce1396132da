package sanctions

import (
	"testing"

	"github.com/rpscreen/rpscreen/internal/names"
)

// TestResidualSpellingCheck checks the premise of the candidate check's
// residualSim: for every query word and every list word that the word's
// neighbour searches did not return, residualSim is at least the full
// spelling bound spellSim, so checking only the lengths a search may have
// missed loses no pair. It runs with the searches as built, and with the
// scan of lengths the deletion dictionary does not reach turned off, so
// that the residual check has pairs to find.
func TestResidualSpellingCheck(t *testing.T) {
	for _, scan := range []bool{true, false} {
		checked := residualSpellingCheck(t, scan)
		if !scan && checked == 0 {
			t.Fatal("no list word near a query word was left to the residual check")
		}
		t.Logf("scan %v: %d pairs left to the residual check, all found", scan, checked)
	}
}

func residualSpellingCheck(t *testing.T, scan bool) int {
	n, queries := 3000, 200
	if testing.Short() {
		n, queries = 1000, 60
	}
	snap := genSnapshot(21, n)
	s := NewScreener(snap)
	if !scan {
		s.ix.scanMax = 0
	}
	qs := genQueries(snap, queries, 23)
	th := DefaultThreshold - idxMaxLegalBonus
	checked := 0
	for _, q := range qs {
		for _, kind := range []names.Kind{names.KindUnknown, names.KindOrganization, names.KindPerson} {
			p := s.ix.plan(names.Parse(q.Name, kind), th)
			for ui := range p.units {
				u := &p.units[ui]
				if u.tok.Kind != names.Word {
					continue
				}
				found := make(map[int32]bool, len(u.hits))
				for _, h := range u.hits {
					found[h.term] = true
				}
				for tid := range s.ix.terms {
					tm := &s.ix.terms[tid]
					if tm.kind != names.Word || found[int32(tid)] {
						continue
					}
					full := spellSim(&u.sp, tm, idxMinPairSim, true)
					if full == 0 {
						continue
					}
					checked++
					if got := residualSim(u, tm); got < full {
						t.Errorf("query %q word %q, list word %q: residualSim %.3f < spellSim %.3f (missed text %b key %b alt %b)",
							q.Name, u.tok.Text, tm.text, got, full, u.missedText, u.missedKey, u.missedAlt)
					}
				}
			}
		}
	}
	return checked
}
