package sanctions

import (
	"strings"
	"testing"

	"github.com/rpscreen/rpscreen/internal/names"
)

// TestKeyNeighboursComplete checks the fuzzy search against brute force:
// for query words, their phonetic keys and joined runs of them, at the
// engine's two minimum similarities, every list spelling that
// names.EditSim rates at or above the minimum is returned with that
// similarity, and nothing else is.
func TestKeyNeighboursComplete(t *testing.T) {
	n, queries := 3000, 300
	if testing.Short() {
		n, queries = 1000, 80
	}
	snap := genSnapshot(21, n)
	s := NewScreener(snap)
	var spellings []string
	for _, q := range genQueries(snap, queries, 23) {
		qn := names.Parse(q.Name, names.KindUnknown)
		var prev string
		for _, tok := range qn.Tokens {
			if tok.Kind != names.Word {
				continue
			}
			spellings = append(spellings, tok.Text, tok.Key)
			if prev != "" {
				spellings = append(spellings, prev+tok.Text)
			}
			prev = tok.Text
		}
	}
	// Hostile and boundary spellings.
	spellings = append(spellings, "abc", "ab", strings.Repeat("ka", 30), "ивановв", "zhangwei")
	checked := 0
	for _, sp := range spellings {
		lq := len([]rune(sp))
		for _, minSim := range []float64{idxMinPairSim, idxMinJoinSim} {
			got := map[int32]float32{}
			for _, h := range s.ix.keyNeighbours(sp, minSim, nil) {
				got[h.term] = max(got[h.term], h.sim)
			}
			want := map[int32]float32{}
			for _, k := range s.ix.keys {
				var sim float64
				switch {
				case k.key == sp:
					sim = idxKeyEqualSim
				case lq <= 64:
					d := names.OSAWithin(sp, k.key, names.MaxEditsAny)
					sim = names.EditSim(d, max(lq, k.runes), min(lq, k.runes))
				}
				if sim == 0 || sim < minSim {
					continue
				}
				for _, r := range k.refs {
					s := float32(sim)
					if k.key == sp && r.text {
						s = 1
					}
					want[r.term] = max(want[r.term], s)
				}
			}
			checked += len(want)
			for term, ws := range want {
				if got[term] != ws {
					t.Errorf("%q at %.2f: list term %q has similarity %.4f, search gave %.4f", sp, minSim, s.ix.terms[term].text, ws, got[term])
				}
			}
			for term, gs := range got {
				if _, ok := want[term]; !ok {
					t.Errorf("%q at %.2f: search gave list term %q (%.4f), brute force did not", sp, minSim, s.ix.terms[term].text, gs)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no query spelling had a neighbour")
	}
	t.Logf("%d spellings, %d neighbours, all found", len(spellings), checked)
}

// TestJoinSimMatchesEngine checks the index's comparison of a word with an
// entry's joined runs against the engine's (names.JoinSim).
func TestJoinSimMatchesEngine(t *testing.T) {
	snap := genSnapshot(5, 800)
	s := NewScreener(snap)
	var keys []string
	for _, q := range genQueries(snap, 200, 6) {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			keys = append(keys, tok.Key)
		}
	}
	keys = keys[:min(len(keys), 200)]
	// Joined runs of list names, and their near misses.
	for e := range s.ix.entries[:60] {
		for j := s.ix.joinOff[e]; j < s.ix.joinOff[e+1]; j++ {
			jk := s.ix.joinArena[s.ix.joinPos[j]:s.ix.joinPos[j+1]]
			keys = append(keys, jk, jk[1:], jk+"x", strings.Replace(jk, "a", "e", 1))
		}
	}
	pairs := 0
	for e := range s.ix.entries {
		for _, k := range keys {
			want := names.JoinSim(s.ix.entries[e].name, k)
			if got := s.ix.joinSim(int32(e), k, len([]rune(k))); got != want {
				t.Fatalf("entry %q, key %q: index %.4f, engine %.4f", s.ix.entries[e].name.Original, k, got, want)
			}
			if want > 0 {
				pairs++
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no key paired with a joined run")
	}
}
