package sanctions

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/rpscreen/rpscreen/internal/names"
)

// TestHanNearMatchesEngine checks the search of Han forms against the
// engine's similarity of Han characters: over random forms of two to nine
// characters, and one in eight of 13 to 40 (some too long to expand),
// from a small alphabet (so that many are near one another),
// near returns every term whose form names.HanEditSim puts at or above
// idxMinPairSim, with that similarity, and nothing else.
func TestHanNearMatchesEngine(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("华为技术字谱械仰海康威视")
	form := func() []rune {
		n := 2 + r.IntN(8)
		if r.IntN(8) == 0 {
			n = 13 + r.IntN(28) // compared one by one (hanExpandable)
		}
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		return rs
	}
	var h hanIndex
	seen := map[hanSeen]bool{}
	var forms [][]rune
	for term := range int32(400) {
		f := form()
		forms = append(forms, f)
		h.add(term, f, seen)
	}
	var queries [][]rune
	for _, f := range forms {
		if len(f) == 15 || len(f) == 16 {
			// A form too long to expand, two characters short: the
			// query is expanded, the form compared one by one.
			queries = append(queries, f[2:])
		}
	}
	if len(queries) == 0 {
		t.Fatal("no form too long to expand")
	}
	for range 300 {
		q := form()
		if r.IntN(3) == 0 {
			// A listed form with one character changed, dropped or added.
			q = slices.Clone(forms[r.IntN(len(forms))])
			switch i := r.IntN(len(q)); r.IntN(3) {
			case 0:
				q[i] = alphabet[r.IntN(len(alphabet))]
			case 1:
				q = slices.Delete(q, i, i+1)
			default:
				q = slices.Insert(q, i, alphabet[r.IntN(len(alphabet))])
			}
		}
		queries = append(queries, q)
	}
	for _, q := range queries {
		var want []idxHit
		for term, f := range forms {
			sim := 1.0
			if string(f) != string(q) {
				n := max(len(f), len(q))
				sim = names.HanEditSim(names.OSAWithinRunes(q, f, n), n)
			}
			if sim >= idxMinPairSim {
				want = append(want, idxHit{int32(term), float32(sim)})
			}
		}
		got := h.near(q, nil)
		slices.SortFunc(got, func(a, b idxHit) int { return int(a.term - b.term) })
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(idxHit{})); diff != "" {
			t.Fatalf("near(%q) (-want +got):\n%s", string(q), diff)
		}
	}
}

// TestSpellingsNear1 checks the search of spellings one edit away against
// every list spelling, for the prefixes and suffixes of generated query
// words, with every kind of edit and with some kinds only.
func TestSpellingsNear1(t *testing.T) {
	snap := genSnapshot(21, 1000)
	s := NewScreener(snap)
	ix := s.ix
	checked := 0
	for _, q := range genQueries(snap, 60, 29) {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			rs := []rune(tok.Key)
			for c := 3; c <= len(rs); c++ {
				for _, p := range []string{string(rs[:c]), string(rs[len(rs)-c:])} {
					for _, kinds := range []uint8{near1Any, near1Longer, near1Shorter | near1Same} {
						var want []int32
						for ki := range ix.keys {
							kind := near1Same
							switch lk, lp := len([]rune(ix.keys[ki].key)), len([]rune(p)); {
							case lk > lp:
								kind = near1Longer
							case lk < lp:
								kind = near1Shorter
							}
							if kinds&kind != 0 && len(ix.keys[ki].refs) > 0 && names.OSAWithin(p, ix.keys[ki].key, 1) == 1 {
								want = append(want, int32(ki))
							}
						}
						gs := ix.fuzzyScratch()
						got := ix.spellingsNear1([]string{p}, kinds, gs, nil)
						idxFuzzyPool.Put(gs)
						slices.Sort(got)
						if diff := cmp.Diff(want, got); diff != "" {
							t.Fatalf("spellingsNear1(%q, kinds %b) (-want +got):\n%s", p, kinds, diff)
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d strings checked", checked)
	}
}
