package sanctions

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

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
		for _, c := range []struct {
			minSim float64
			runs   bool
		}{{idxMinPairSim, true}, {idxMinPairSim, false}, {idxMinJoinSim, false}} {
			minSim := c.minSim
			got := map[int32]float32{}
			for _, h := range s.ix.keyNeighbours(sp, minSim, c.runs, nil) {
				got[h.term] = max(got[h.term], h.sim)
			}
			want, below := map[int32]float32{}, map[int32]float32{}
			for ki, k := range s.ix.keys {
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
				if k.run != 0 && c.runs {
					// A run's key is searched for at the engine's
					// similarity for runs (idxKey.radius), and may be met
					// below it.
					if sim >= idxMinJoinSim {
						want[-1-int32(ki)] = float32(sim)
					} else {
						below[-1-int32(ki)] = float32(sim)
					}
				}
				for _, r := range k.refs {
					if r.surface {
						continue // spells runs' ends only
					}
					s := float32(sim)
					if k.key == sp && r.text {
						s = 1
					}
					want[r.term] = max(want[r.term], s)
				}
			}
			checked += len(want)
			spelling := func(term int32) string {
				if term < 0 {
					return "run " + s.ix.keys[-1-term].key
				}
				return s.ix.terms[term].text
			}
			for term, ws := range want {
				if got[term] != ws {
					t.Errorf("%q at %.2f: list term %q has similarity %.4f, search gave %.4f", sp, minSim, spelling(term), ws, got[term])
				}
			}
			for term, gs := range got {
				if bs, ok := below[term]; ok && bs == gs {
					continue
				}
				if _, ok := want[term]; !ok {
					t.Errorf("%q at %.2f: search gave list term %q (%.4f), brute force did not", sp, minSim, spelling(term), gs)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no query spelling had a neighbour")
	}
	t.Logf("scan %d: %d spellings, %d neighbours, all found", scan, len(spellings), checked)
}

// TestSegNeighboursComplete checks the segment index where it serves the
// search (joined runs, at most two edits): for long list spellings and
// every spelling one edit away (each kind, at each position, so across
// every segment boundary) or two (a sample of pairs), the search returns
// exactly the spellings that brute force rates at or above idxMinJoinSim.
func TestSegNeighboursComplete(t *testing.T) {
	snap := genSnapshot(21, 1000)
	s := NewScreener(snap)
	byLen := map[int][]int32{}
	for ki := range s.ix.keys {
		if !s.ix.keys[ki].runOnly() {
			n := utf8.RuneCountInString(s.ix.keys[ki].key)
			byLen[n] = append(byLen[n], int32(ki))
		}
	}
	edits1 := func(r []rune) [][]rune {
		var out [][]rune
		for i := 0; i <= len(r); i++ {
			out = append(out, slices.Concat(r[:i], []rune("q"), r[i:]))
			if i == len(r) {
				break
			}
			out = append(out, slices.Concat(r[:i], r[i+1:]))
			sub := slices.Clone(r)
			sub[i] = 'q'
			out = append(out, sub)
			if i+1 < len(r) && r[i] != r[i+1] {
				tr := slices.Clone(r)
				tr[i], tr[i+1] = tr[i+1], tr[i]
				out = append(out, tr)
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(3, 4))
	queries, segSearches, checked := 0, 0, 0
	for n := idxSegMinLen; n <= 20; n++ {
		ks := byLen[n]
		for _, ki := range ks[:min(len(ks), 4)] {
			var qs [][]rune
			for _, q1 := range edits1([]rune(s.ix.keys[ki].key)) {
				qs = append(qs, q1)
				if e2 := edits1(q1); rng.IntN(4) == 0 {
					qs = append(qs, e2[rng.IntN(len(e2))])
				}
			}
			for _, qr := range qs {
				q, lq := string(qr), len(qr)
				var dmax [idxReachLen]int8
				reachRow(lq, idxMinJoinSim, &dmax)
				lo, hi := -1, -1
				for lt, d := range dmax {
					if d > 0 {
						if lo < 0 {
							lo = lt
						}
						hi = lt
					}
				}
				if lo >= 0 && segCovers(lo, hi, &dmax) {
					segSearches++
				}
				queries++
				got := map[int32]float32{}
				for _, h := range s.ix.keyNeighbours(q, idxMinJoinSim, false, nil) {
					got[h.term] = max(got[h.term], h.sim)
				}
				want := map[int32]float32{}
				for lt := max(lo, 0); lo >= 0 && lt <= hi; lt++ {
					for _, kj := range byLen[lt] {
						k := &s.ix.keys[kj]
						sim := float32(idxKeyEqualSim)
						if k.key != q {
							d := names.OSAWithin(q, k.key, names.MaxEditsAny)
							sim = float32(names.EditSim(d, max(lq, lt), min(lq, lt)))
						}
						if sim == 0 || float64(sim) < idxMinJoinSim {
							continue
						}
						for _, r := range k.refs {
							if !r.surface {
								ws := sim
								if k.key == q && r.text {
									ws = 1
								}
								want[r.term] = max(want[r.term], ws)
							}
						}
					}
				}
				checked += len(want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("%q: search differs from brute force (-want +got):\n%s", q, diff)
				}
			}
		}
	}
	if segSearches < queries/2 || checked == 0 {
		t.Fatalf("%d of %d searches used the segment index, %d neighbours", segSearches, queries, checked)
	}
	t.Logf("%d searches (%d by segments), %d neighbours, all found", queries, segSearches, checked)
}

// TestRunsNearMatchEngine checks the search of list runs near a query
// word against the engine (names.JoinSim), for query keys, the keys of
// list runs and their near misses: the search never credits an entry with
// more than the engine gives and misses no pair.
func TestRunsNearMatchEngine(t *testing.T) {
	snap := genSnapshot(5, 800)
	s := NewScreener(snap)
	type word struct {
		text, key string
		entry     int32 // the entry whose run it is, or -1
	}
	var words []word
	for _, q := range genQueries(snap, 200, 6) {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			if len(words) < 200 {
				words = append(words, word{tok.Text, tok.Key, -1})
			}
		}
	}
	for e := range s.ix.entries[:60] {
		n := s.ix.entries[e].name
		n.Joins(func(j names.Join) {
			if j.Number {
				return
			}
			var text string
			for _, tok := range n.Tokens[j.First : j.Last+1] {
				if tok.Kind != names.LegalForm && tok.Kind != names.Stop {
					text += tok.Text
				}
			}
			k := j.Key
			words = append(words, word{text, k, int32(e)}, word{text[1:], k[1:], -1}, word{text + "x", k + "x", -1},
				word{strings.Replace(text, "a", "e", 1), strings.Replace(k, "a", "e", 1), -1})
		})
	}
	pairs, missed := 0, 0
	for _, w := range words {
		got := runsNearOf(s.ix, w.text, w.key)
		for e := range s.ix.entries {
			want := names.JoinSim(s.ix.entries[e].name, w.key)
			g := got[int32(e)]
			if g > want || (int32(e) == w.entry && g != want) {
				t.Fatalf("entry %q, word %q (key %q): index %.4f, engine %.4f", s.ix.entries[e].name.Original, w.text, w.key, g, want)
			}
			if want > 0 {
				pairs++
				if g != want {
					missed++
				}
			}
		}
	}
	t.Logf("%d pairs of a key and a joined run, %d missed", pairs, missed)
	if pairs < 1000 || missed > 0 {
		t.Fatalf("%d pairs, %d missed", pairs, missed)
	}
}

// runsNearOf is what the index credits each entry with through joined
// runs, for a query word of that text and key (searched as plan does:
// runsSpelt and splitHits).
func runsNearOf(ix *nameIndex, text, key string) map[int32]float64 {
	u := idxUnit{tok: names.Token{Kind: names.Word, Text: text, Key: key}, runes: utf8.RuneCountInString(text), krunes: utf8.RuneCountInString(key)}
	u.ksig, u.ksig2 = keySig2(key)
	got := map[int32]float64{}
	for _, x := range ix.unitHits(&u, false).joins {
		if x.sim >= 1 {
			continue // a split into two whole spellings, not a joined run
		}
		for _, e := range x.post {
			got[e] = max(got[e], x.sim)
		}
	}
	return got
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
	var withBits []map[int32]float64
	for _, w := range words {
		withBits = append(withBits, splitsOf(s.ix, w))
	}
	found := 0
	for i := range s.ix.spellBits {
		s.ix.spellBits[i] = ^uint64(0)
	}
	for k, w := range words {
		all := splitsOf(s.ix, w)
		found += len(all)
		if diff := cmp.Diff(all, withBits[k]); diff != "" {
			t.Fatalf("%q: splits without the bitset (-) and with it (+):\n%s", w, diff)
		}
	}
	if found < 100 {
		t.Fatalf("only %d splits found: the test words do not exercise splitHits", found)
	}
}

// wordUnit is the query unit of a word whose text and key are w.
func wordUnit(w string) idxUnit {
	u := idxUnit{tok: names.Token{Kind: names.Word, Text: w, Key: w}, runes: utf8.RuneCountInString(w), krunes: utf8.RuneCountInString(w)}
	u.ksig, u.ksig2 = keySig2(w)
	return u
}

// splitsOf is the best similarity splitHits credits each entry with, for
// a query word whose text and key are w.
func splitsOf(ix *nameIndex, w string) map[int32]float64 {
	u := wordUnit(w)
	ex, _ := ix.splitHits(nil, 0, &u, w, nil)
	got := map[int32]float64{}
	for _, x := range ex {
		for _, e := range x.post {
			got[e] = max(got[e], x.sim)
		}
	}
	return got
}

// TestTruncationBitsetsExact checks that the bitsets of spellings and of
// list word prefixes only spare lookups: the list words a query word
// abbreviates or is abbreviated by are the same with every bit set.
func TestTruncationBitsetsExact(t *testing.T) {
	snap := genSnapshot(31, 1500)
	s := NewScreener(snap)
	var words []string
	for _, q := range genQueries(snap, 300, 37) {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			if tok.Kind == names.Word {
				words = append(words, tok.Text)
			}
		}
	}
	for i, id := range s.ix.sorted {
		if text := s.ix.terms[id].text; i%7 == 0 && len(text) >= 8 {
			words = append(words, text[:len(text)-3], text[:4], text+"ing")
		}
	}
	truncations := func() []map[int32]float32 {
		s.ix.cache = boundedCache[idxNear]{size: idxCacheShardSize}
		var out []map[int32]float32
		for _, w := range words {
			u := wordUnit(w)
			got := map[int32]float32{}
			for _, h := range s.ix.unitHits(&u, false).hits {
				if h.sim == idxPrefixSim {
					got[h.term] = h.sim
				}
			}
			out = append(out, got)
		}
		return out
	}
	withBits := truncations()
	for i := range s.ix.spellBits {
		s.ix.spellBits[i] = ^uint64(0)
		s.ix.prefixBits[i] = ^uint64(0)
	}
	all := truncations()
	found := 0
	for k, w := range words {
		found += len(all[k])
		if diff := cmp.Diff(all[k], withBits[k]); diff != "" {
			t.Fatalf("%q: truncations without the bitsets (-) and with them (+):\n%s", w, diff)
		}
	}
	if found < 200 {
		t.Fatalf("only %d truncations found: the test words do not exercise them", found)
	}
}

// TestShortEndRunsComplete checks the runs whose end is too short to
// search by (runSpelt): for every list name of the generated list with a
// token of one or two letters beside a longer one, query words that join
// the two with the short token spelt exactly and the long one misspelt
// (one edit, and two for long words) screen as scoring every party does.
func TestShortEndRunsComplete(t *testing.T) {
	snap := genSnapshot(9, 400)
	s := NewScreener(snap)
	edits := func(w string) []string {
		r := []rune(w)
		n := len(r)
		out := []string{
			string(r[:n-1]), // last letter dropped
			string(r[:n/2]) + "q" + string(r[n/2+1:]), // one substituted
			string(r[:n/2]) + "y" + string(r[n/2:]),   // one inserted
			string(r[1:]),                             // first dropped
			string(r[:1]) + "x" + string(r[2:n-1]),    // two edits
		}
		return out
	}
	queries := 0
	for _, e := range s.ix.entries {
		toks := e.name.Tokens
		for k := 0; k+1 < len(toks); k++ {
			a, b := toks[k], toks[k+1]
			if utf8.RuneCountInString(b.Text) <= 2 {
				a, b = b, a
			}
			if utf8.RuneCountInString(a.Text) > 2 || utf8.RuneCountInString(b.Text) < 4 ||
				a.Kind == names.LegalForm || b.Kind == names.LegalForm || a.Kind == names.Stop || b.Kind == names.Stop {
				continue
			}
			for _, m := range edits(b.Text) {
				q := a.Text + m
				if toks[k].Text != a.Text {
					q = m + a.Text // the short token ends the run
				}
				queries++
				want := bruteForce(s, Query{Name: q}, 0.7)
				got := matchIDs(s.Screen(Query{Name: q}, WithThreshold(0.7)))
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("query %q (from %q): index differs from brute force (-want +got):\n%s", q, e.name.Original, diff)
				}
			}
		}
	}
	if queries < 50 {
		t.Fatalf("only %d queries: the list has too few short tokens beside long ones", queries)
	}
	t.Logf("%d queries", queries)
}
