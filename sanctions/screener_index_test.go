package sanctions

import (
	"slices"
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
	for _, scan := range []int{idxScanPerVariant, 0} {
		keyNeighboursComplete(t, scan)
	}
}

// keyNeighboursComplete runs the check with the given trade between
// scanning and the dictionary (0: the dictionary wherever it covers).
func keyNeighboursComplete(t *testing.T, scan int) {
	n, queries := 3000, 300
	if testing.Short() {
		n, queries = 1000, 80
	}
	snap := genSnapshot(21, n)
	s := NewScreener(snap)
	s.ix.scanPerVariant = scan
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
	// Long list spellings three edits away (substitutions, deletions,
	// insertions): the engine pairs them, and the dictionary covers them
	// only in part.
	long := 0
	for _, k := range s.ix.keys {
		r := []rune(k.key)
		if len(r) < 11 || long == 60 {
			continue
		}
		long++
		sub := slices.Clone(r)
		for _, i := range []int{1, len(r) / 2, len(r) - 2} {
			sub[i] = 'q'
		}
		del := slices.Concat(r[:1], r[2:len(r)/2], r[len(r)/2+1:len(r)-2], r[len(r)-1:])
		ins := slices.Concat(r[:1], []rune("x"), r[1:len(r)/2], []rune("x"), r[len(r)/2:len(r)-1], []rune("x"), r[len(r)-1:])
		spellings = append(spellings, string(sub), string(del), string(ins))
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
					kr := len([]rune(k.key))
					sim = names.EditSim(d, max(lq, kr), min(lq, kr))
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
	t.Logf("scan %d: %d spellings, %d neighbours, all found", scan, len(spellings), checked)
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
			f := &s.ix.joinKF[j]
			jk := s.ix.joinArena[f.off : f.off+uint32(f.blen)]
			keys = append(keys, jk, jk[1:], jk+"x", strings.Replace(jk, "a", "e", 1))
		}
	}
	pairs := 0
	for _, k := range keys {
		u := idxUnit{tok: names.Token{Key: k}, krunes: len([]rune(k))}
		u.ksig, u.ksig2 = keySig2(k)
		for e := range s.ix.entries {
			want := names.JoinSim(s.ix.entries[e].name, k)
			if got := s.ix.joinSim(int32(e), &u); got != want {
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

// TestSplitHitsBitsetExact checks that the spellings' bitset only spares
// map lookups: the splits found with it equal those found with every bit
// set, for query words, their keys and words that are list spellings
// joined.
func TestSplitHitsBitsetExact(t *testing.T) {
	snap := genSnapshot(31, 1500)
	s := NewScreener(snap)
	var words []string
	for _, q := range genQueries(snap, 300, 37) {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			words = append(words, tok.Text, tok.Key)
		}
	}
	for i := 0; i+1 < len(s.ix.keys) && i < 400; i += 2 {
		words = append(words, s.ix.keys[i].key+s.ix.keys[i+1].key, "ab"+s.ix.keys[i].key)
	}
	var withBits [][]idxExtra
	for _, w := range words {
		withBits = append(withBits, s.ix.splitHits(nil, 0, w))
	}
	found := 0
	for i := range s.ix.spellBits {
		s.ix.spellBits[i] = ^uint64(0)
	}
	for k, w := range words {
		all := s.ix.splitHits(nil, 0, w)
		found += len(all)
		if len(all) != len(withBits[k]) {
			t.Fatalf("%q: %d splits with the bitset, %d without", w, len(withBits[k]), len(all))
		}
		for j := range all {
			if all[j].term != withBits[k][j].term || !slices.Equal(all[j].post, withBits[k][j].post) {
				t.Fatalf("%q: split %d differs", w, j)
			}
		}
	}
	if found < 100 {
		t.Fatalf("only %d splits found: the test words do not exercise splitHits", found)
	}
}
