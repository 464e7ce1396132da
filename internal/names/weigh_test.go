package names

import (
	"encoding/csv"
	"errors"
	"go/scanner"
	"go/token"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// weighOddWeights is a comparable Weights that returns values weightOf
// must repair (NaN, negative, above 1) besides ordinary ones.
type weighOddWeights struct{ salt uint32 }

func (o weighOddWeights) Weight(t string) float64 {
	h := o.salt
	for i := 0; i < len(t); i++ {
		h = (h ^ uint32(t[i])) * 16777619
	}
	switch x := h % 9; x {
	case 0:
		return math.NaN()
	case 1:
		return -0.5
	case 2:
		return 1.7
	case 3:
		return 0
	default:
		return float64(x) / 9
	}
}

// weighMapWeights is a Weights whose values cannot be compared with ==:
// Weigh must not store it, and comparing it with a stored one must not
// panic.
type weighMapWeights map[string]float64

func (m weighMapWeights) Weight(t string) float64 {
	if w, ok := m[t]; ok {
		return w
	}
	return 0.5
}

// weighStrings returns the string literals of score_test.go (the names of
// its pairs, in order) and, when the shared evaluation set is present, the
// names of its pairs.
func weighStrings(t *testing.T) (lits []string, bench [][2]string) {
	src, err := os.ReadFile("score_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var s scanner.Scanner
	s.Init(token.NewFileSet().AddFile("score_test.go", -1, len(src)), src, nil, 0)
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING {
			if v, err := strconv.Unquote(lit); err == nil {
				lits = append(lits, v)
			}
		}
	}
	f, err := os.Open("../../../shared/eval/name_bench.csv")
	if errors.Is(err, fs.ErrNotExist) {
		t.Log("no shared evaluation set: its pairs are left out")
		return lits, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if len(r) >= 4 {
			bench = append(bench, [2]string{r[2], r[3]})
		}
	}
	return lits, bench
}

// weighVariant changes a name the way lists and vendor records differ:
// typos, case, dropped, moved, joined and split words, added words,
// initials, acronyms, "SURNAME, Given".
func weighVariant(r *rand.Rand, s string) string {
	rs := []rune(s)
	words := strings.Fields(s)
	switch r.IntN(14) {
	case 0:
		if len(rs) > 1 {
			i := r.IntN(len(rs))
			return string(rs[:i]) + string(rs[i+1:])
		}
	case 1:
		if len(rs) > 2 {
			i := r.IntN(len(rs) - 1)
			rs[i], rs[i+1] = rs[i+1], rs[i]
			return string(rs)
		}
	case 2:
		if len(rs) > 0 {
			i := r.IntN(len(rs))
			return string(rs[:i+1]) + string(rs[i:])
		}
	case 3:
		return strings.ToUpper(s)
	case 4:
		if len(words) > 1 {
			i := r.IntN(len(words))
			return strings.Join(append(words[:i:i], words[i+1:]...), " ")
		}
	case 5:
		if len(words) > 1 {
			r.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
			return strings.Join(words, " ")
		}
	case 6:
		if len(words) > 1 {
			i := r.IntN(len(words) - 1)
			return strings.Join(append(append(words[:i:i], words[i]+words[i+1]), words[i+2:]...), " ")
		}
	case 7:
		if len(rs) > 4 {
			i := 2 + r.IntN(len(rs)-3)
			return string(rs[:i]) + " " + string(rs[i:])
		}
	case 8:
		return s + []string{" Co Ltd", " LLC", " AO", " Trading", " 13", " International", " bin Ali"}[r.IntN(7)]
	case 9:
		return strings.NewReplacer("zh", "j", "Zh", "J", "j", "zh").Replace(s)
	case 10:
		if len(rs) > 0 {
			rs[r.IntN(len(rs))] = rune('a' + r.IntN(26))
			return string(rs)
		}
	case 11:
		if len(words) > 1 {
			i := r.IntN(len(words))
			words[i] = string([]rune(words[i])[:1])
			return strings.Join(words, " ")
		}
	case 12:
		var b strings.Builder
		for _, w := range words {
			b.WriteString(strings.ToUpper(string([]rune(w)[:1])))
		}
		return b.String()
	case 13:
		if len(words) > 1 {
			return words[len(words)-1] + ", " + strings.Join(words[:len(words)-1], " ")
		}
	}
	return s + " a"
}

type weighPair struct {
	a, b   string
	ka, kb Kind
}

// weighPairs returns the pairs TestWeighedScoresEqual compares: the
// neighbouring strings of score_test.go, the shared evaluation set, each
// name against variants of itself, and random pairs of all of them, under
// random kinds.
func weighPairs(t *testing.T, random int) []weighPair {
	lits, bench := weighStrings(t)
	r := rand.New(rand.NewPCG(7, 11))
	kind := func() Kind { return Kind(r.IntN(3)) }
	var pairs []weighPair
	pool := append([]string(nil), lits...)
	for i := 0; i+1 < len(lits); i++ {
		pairs = append(pairs, weighPair{lits[i], lits[i+1], kind(), kind()})
	}
	for _, p := range bench {
		pairs = append(pairs, weighPair{p[0], p[1], KindUnknown, KindUnknown}, weighPair{p[0], p[1], kind(), kind()})
		pool = append(pool, p[0], p[1])
	}
	for _, s := range pool[:len(pool):len(pool)] {
		v := s
		for range 3 {
			v = weighVariant(r, v)
			pairs = append(pairs, weighPair{s, v, kind(), kind()})
			pool = append(pool, v)
		}
	}
	for range random {
		pairs = append(pairs, weighPair{pool[r.IntN(len(pool))], pool[r.IntN(len(pool))], kind(), kind()})
	}
	return pairs
}

// TestWeighedScoresEqual checks that weighing names changes no score: for
// every pair, with the names weighed with the Weights they are scored
// with, with another one (Score must fall back to looking the weights
// up), with one that cannot be stored, or not at all, Score returns the
// very float64 it returns for the unweighed names, and Compare the same
// explanation.
func TestWeighedScoresEqual(t *testing.T) {
	random, mixed := 1500, 12
	if testing.Short() {
		random, mixed = 300, 32
	}
	pairs := weighPairs(t, random)
	var corpus, half []*Name
	for i, p := range pairs {
		x, y := Parse(p.a, p.ka), Parse(p.b, p.kb)
		corpus = append(corpus, x, y)
		if i%2 == 0 {
			half = append(half, x)
		}
	}
	idfAll, idfHalf := NewIDF(corpus), NewIDF(half)
	var nilIDF *IDF
	mapW := weighMapWeights{"trading": 0.1, "bank": 0.3}
	// weighedWith[i+1] is scoredWith[i]. (Weights are told apart by
	// index: mapW cannot be compared with ==.)
	scoredWith := []Weights{nil, idfAll, idfHalf, nilIDF, weighOddWeights{1}, mapW}
	weighedWith := append([]Weights{weighOddWeights{2}}, scoredWith...)
	checked := 0
	as, bs := make([]Name, len(weighedWith)), make([]Name, len(weighedWith))
	for k, p := range pairs {
		a, b := Parse(p.a, p.ka), Parse(p.b, p.kb)
		for i, w := range weighedWith {
			// Weigh copies the tokens before it stores the weights:
			// shallow copies of the names are weighed independently.
			as[i], bs[i] = *a, *b
			as[i].Weigh(w)
			bs[i].Weigh(w)
		}
		for si, w := range scoredWith {
			want := Score(a, b, w)
			var wantEx *Result
			for wi := range weighedWith {
				for wj := range weighedWith {
					if (k+wi+wj)%mixed != 0 && wi != si+1 && wj != si+1 {
						continue // a sample of the mixed cases suffices
					}
					got := Score(&as[wi], &bs[wj], w)
					checked++
					if math.Float64bits(got) != math.Float64bits(want) {
						t.Fatalf("Score(%q/%v, %q/%v, %T) = %v weighed with %T and %T, %v unweighed",
							p.a, p.ka, p.b, p.kb, w, got, weighedWith[wi], weighedWith[wj], want)
					}
					if wi == wj && (wi == si+1 || k%mixed == 0) {
						if wantEx == nil {
							r := Compare(a, b, w)
							wantEx = &r
						}
						if r := Compare(&as[wi], &bs[wj], w); !reflect.DeepEqual(r, *wantEx) {
							diff := cmp.Diff(*wantEx, r)
							t.Fatalf("Compare(%q, %q, %T) weighed with %T differs (-unweighed +weighed):\n%s",
								p.a, p.b, w, weighedWith[wi], diff)
						}
					}
				}
			}
		}
		// A name against itself, weighed.
		a2 := *a
		a2.Weigh(idfAll)
		if got, want := Score(&a2, &a2, idfAll), Score(a, a, idfAll); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("Score(%q, itself) = %v weighed, %v unweighed", p.a, got, want)
		}
	}
	t.Logf("%d pairs, %d weighed scores compared", len(pairs), checked)
}

// TestWeigh checks what Weigh stores, that it forgets on nil and on
// Weights that cannot be compared, and that re-weighing replaces.
func TestWeigh(t *testing.T) {
	names := []*Name{
		Parse("Hangzhou Hikvision Digital Technology Co Ltd", KindOrganization),
		Parse("Kasperskiy Laboratoriya AO", KindUnknown),
		Parse("Ahmad bin Hasan al-Ubaidi", KindPerson),
		Parse("John F Kennedy", KindPerson),
		Parse("CETC 13", KindUnknown),
		Parse("", KindUnknown),
	}
	idf := NewIDF(names)
	for _, n := range names {
		before := *n
		n.Weigh(idf)
		if n.weighedBy != Weights(idf) || len(n.content) != len(before.content) {
			t.Fatalf("%q: weighed by %v, %d tokens for %d", n.Original, n.weighedBy, len(n.content), len(before.content))
		}
		for i := range n.content {
			if got, want := n.content[i].weighed, weightOf(&n.content[i], idf); got != want {
				t.Errorf("%q token %q: stored weight %v, weightOf %v", n.Original, n.content[i].text, got, want)
			}
			if before.content[i].weighed != 0 {
				t.Errorf("%q: weighing changed a copy made before", n.Original)
			}
		}
		n.Weigh(weighOddWeights{3})
		if n.weighedBy != Weights(weighOddWeights{3}) {
			t.Errorf("%q: re-weighing kept the old Weights", n.Original)
		}
		for i := range n.content {
			if got, want := n.content[i].weighed, weightOf(&n.content[i], weighOddWeights{3}); got != want {
				t.Errorf("%q token %q: re-weighed weight %v, weightOf %v", n.Original, n.content[i].text, got, want)
			}
		}
		n.Weigh(nil)
		if n.weighedBy != nil {
			t.Errorf("%q: Weigh(nil) kept the weights", n.Original)
		}
		n.Weigh(weighMapWeights{})
		if n.weighedBy != nil {
			t.Errorf("%q: Weigh stored an uncomparable Weights", n.Original)
		}
	}
}

// TestWeighedConcurrent scores weighed names from several goroutines (run
// with -race): once weighed, names are only read.
func TestWeighedConcurrent(t *testing.T) {
	var ns []*Name
	for _, p := range benchPairs {
		ns = append(ns, Parse(p[0], KindUnknown), Parse(p[1], KindUnknown))
	}
	idf := NewIDF(ns)
	want := make([]float64, len(ns)*len(ns))
	for i, a := range ns {
		for j, b := range ns {
			want[i*len(ns)+j] = Score(a, b, idf)
		}
	}
	for _, n := range ns {
		n.Weigh(idf)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, a := range ns {
				for j, b := range ns {
					if got := Score(a, b, idf); got != want[i*len(ns)+j] {
						t.Errorf("Score(%q, %q) = %v weighed, %v unweighed", a.Original, b.Original, got, want[i*len(ns)+j])
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestRunSigSound checks that the summary runCands consults before reading
// joins and acronyms never passes over a candidate: with every bit of the
// summaries set, runCands finds the same candidates.
func TestRunSigSound(t *testing.T) {
	pairs := weighPairs(t, 3000)
	found := 0
	for _, p := range pairs {
		a, b := Parse(p.a, p.ka), Parse(p.b, p.kb)
		all := runSig{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		a2, b2 := *a, *b
		a2.runs, b2.runs = all, all
		for _, person := range []bool{false, true} {
			for _, swap := range []bool{false, true} {
				x, y, x2, y2 := a, b, &a2, &b2
				if swap {
					x, y, x2, y2 = b, a, &b2, &a2
				}
				got, _ := runCands(nil, x, y, swap, person, true)
				want, _ := runCands(nil, x2, y2, swap, person, true)
				found += len(want)
				if !slices.Equal(got, want) {
					t.Fatalf("runCands(%q, %q, swap %v, person %v) = %v, %v without the summary", x.Original, y.Original, swap, person, got, want)
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no run candidates at all: the test tests nothing")
	}
}

// TestJoinMayPair checks joinMayPair against keySim: whenever keySim of
// two keys reaches minJoinSim, joinMayPair holds for their lengths.
func TestJoinMayPair(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for range 100000 {
		x := weighRandomRunes(r, 1+r.IntN(50), 4)
		y := append([]rune(nil), x...)
		for range r.IntN(4) {
			y = weighEdit(r, y, 4)
		}
		sx, sy := spell{x, letterMask(x)}, spell{y, letterMask(y)}
		if keySim(sx, sy, minJoinSim) >= minJoinSim && !joinMayPair(len(x), len(y)) {
			t.Fatalf("keySim(%q, %q) = %v, but joinMayPair(%d, %d) is false",
				string(x), string(y), keySim(sx, sy, minJoinSim), len(x), len(y))
		}
	}
}

// TestOSAAtMost checks the banded distance against the full one on random
// spellings of every length up to the stack buffers' and beyond.
func TestOSAWithinRunes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for it := range 100000 {
		n := r.IntN(12)
		if it%10 == 0 {
			n = r.IntN(80)
		}
		alphabet := 2 + r.IntN(5)
		x := weighRandomRunes(r, n, alphabet)
		y := append([]rune(nil), x...)
		for range r.IntN(6) {
			y = weighEdit(r, y, alphabet)
		}
		if r.IntN(4) == 0 {
			y = weighRandomRunes(r, r.IntN(12), alphabet)
		}
		d := refOSA(string(x), string(y))
		for k := range 7 {
			if got, want := OSAWithinRunes(x, y, k), min(d, k+1); got != want {
				t.Fatalf("OSAWithinRunes(%q, %q, %d) = %d, want %d (distance %d)", string(x), string(y), k, got, want, d)
			}
		}
	}
}

func weighRandomRunes(r *rand.Rand, n, alphabet int) []rune {
	rs := make([]rune, n)
	for i := range rs {
		rs[i] = rune('a' + r.IntN(alphabet))
	}
	return rs
}

// weighEdit applies one random edit: insertion, deletion, substitution or
// transposition.
func weighEdit(r *rand.Rand, rs []rune, alphabet int) []rune {
	c := rune('a' + r.IntN(alphabet))
	switch op := r.IntN(4); {
	case op == 0 || len(rs) == 0:
		i := r.IntN(len(rs) + 1)
		return append(rs[:i:i], append([]rune{c}, rs[i:]...)...)
	case op == 1:
		i := r.IntN(len(rs))
		return append(rs[:i:i], rs[i+1:]...)
	case op == 2 || len(rs) < 2:
		rs[r.IntN(len(rs))] = c
	default:
		i := r.IntN(len(rs) - 1)
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return rs
}

// TestScoreNoAllocs checks that Score, weighed or not, works in its stack
// buffers for names of usual length.
func TestScoreNoAllocs(t *testing.T) {
	var ns []*Name
	for _, p := range benchPairs {
		ns = append(ns, Parse(p[0], KindUnknown), Parse(p[1], KindUnknown))
	}
	idf := NewIDF(ns)
	for _, weigh := range []bool{false, true} {
		if weigh {
			for _, n := range ns {
				n.Weigh(idf)
			}
		}
		allocs := testing.AllocsPerRun(20, func() {
			for _, a := range ns {
				for _, b := range ns {
					Score(a, b, idf)
				}
			}
		})
		if allocs != 0 {
			t.Errorf("weighed %v: %v allocations", weigh, allocs)
		}
	}
}
