package names

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// refOSA is the plain O(n*m) optimal-string-alignment distance, the
// reference OSAWithin must agree with.
func refOSA(a, b string) int {
	x, y := []rune(a), []rune(b)
	n, m := len(x), len(y)
	d := make([][]int, n+1)
	for i := range d {
		d[i] = make([]int, m+1)
		d[i][0] = i
	}
	for j := 0; j <= m; j++ {
		d[0][j] = j
	}
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[n][m]
}

// refWithin is refOSA under OSAWithin's contract.
func refWithin(a, b string, bound int) int {
	if d := refOSA(a, b); d <= bound {
		return d
	}
	return bound + 1
}

func TestOSAWithinKnown(t *testing.T) {
	s64 := strings.Repeat("abcdefgh", 8)
	s65 := s64 + "i"
	cyr64 := strings.Repeat("абвгдежз", 8)
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"a", "a", 0},
		{"a", "b", 1},
		{"ab", "ba", 1},
		{"abc", "acb", 1},
		{"abcd", "badc", 2},
		{"ca", "abc", 3}, // 2 in unrestricted Damerau-Levenshtein
		{"abc", "ca", 3},
		{"kitten", "sitting", 3},
		{"kaspersky", "kasperskii", 2},
		{"hikvision", "hikvisoin", 1},
		{"technology", "tecnology", 1},
		{"kasperskiy", "kaspersky", 1},
		{"Москва", "Моксва", 1},
		{"Москва", "Moskva", 6},
		{"касперский", "касперскии", 1},
		{"华为技术", "华为技朮", 1},
		{"华为技术", "为华技术", 1},
		{"華為", "华为", 2},
		{"a华b", "ab华", 1},
		{"αβγ", "βαγ", 1},
		{"ab-m", "ab-n", 1},   // '-' and 'm' share a table slot
		{"p0q1", "0pq1", 1},   // so do 'p' and '0'
		{"Aa", "aA", 1},       // and 'A' and 'a'
		{"\xff", "\xfe", 0},   // both U+FFFD
		{"\xffa", "a\xfe", 1}, // U+FFFD a against a U+FFFD: a transposition
		{s64, s64, 0},
		{s64, s64[1:], 1},
		{s64, s64[:63] + "x", 1},
		{s64, "x" + s64[1:], 1},
		{s64, s64[1:2] + s64[0:1] + s64[2:], 1},
		{s64, strings.Repeat("bacdefgh", 8), 8},
		{s64, strings.Repeat("x", 64), 64},
		{s65, s64, 1},
		{s65, s65, 0},
		{s65, "x" + s65[1:], 1},
		{s65, s65[1:2] + s65[0:1] + s65[2:], 1},
		{s65, strings.Repeat("bacdefgh", 8) + "i", 8},
		{s65, strings.Repeat("x", 65), 65},
		{cyr64, cyr64, 0},
		{cyr64, strings.Replace(cyr64, "аб", "ба", 1), 1},
		{cyr64 + "и", cyr64, 1},
		{cyr64 + "и", strings.Replace(cyr64, "аб", "ба", 3) + "и", 3},
	}
	for _, tt := range tests {
		if want := refOSA(tt.a, tt.b); want != tt.want {
			t.Errorf("refOSA(%q, %q) = %d, the table says %d", tt.a, tt.b, want, tt.want)
		}
		for bound := -1; bound <= tt.want+2; bound++ {
			want := tt.want
			if want > bound {
				want = bound + 1
			}
			if got := OSAWithin(tt.a, tt.b, bound); got != want {
				t.Errorf("OSAWithin(%q, %q, %d) = %d, want %d", tt.a, tt.b, bound, got, want)
			}
			if got := OSAWithin(tt.b, tt.a, bound); got != want {
				t.Errorf("OSAWithin(%q, %q, %d) = %d, want %d", tt.b, tt.a, bound, got, want)
			}
		}
		if got := OSAWithin(tt.a, tt.b, 1000); got != tt.want {
			t.Errorf("OSAWithin(%q, %q, 1000) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// randWord is a word of n runes drawn from alphabet.
func randWord(r *rand.Rand, alphabet []rune, n int) string {
	w := make([]rune, n)
	for i := range w {
		w[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(w)
}

// mutate applies k random edits (including adjacent swaps) to s.
func mutate(r *rand.Rand, alphabet []rune, s string, k int) string {
	w := []rune(s)
	for range k {
		switch op := r.IntN(4); {
		case op == 0 || len(w) < 2:
			i := r.IntN(len(w) + 1)
			w = append(w[:i], append([]rune{alphabet[r.IntN(len(alphabet))]}, w[i:]...)...)
		case op == 1:
			i := r.IntN(len(w))
			w = append(w[:i], w[i+1:]...)
		case op == 2:
			w[r.IntN(len(w))] = alphabet[r.IntN(len(alphabet))]
		default:
			i := r.IntN(len(w) - 1)
			w[i], w[i+1] = w[i+1], w[i]
		}
	}
	return string(w)
}

func TestOSAWithinRandom(t *testing.T) {
	alphabets := [][]rune{
		[]rune("ab"),
		[]rune("abc"),
		[]rune("abcd"),
		[]rune("ab0p"),           // 'p' and '0' share a table slot
		[]rune("aбвг"),           // mixed scripts
		[]rune("华为技术"),           // Han
		[]rune("абвгдежзийклмн"), // Cyrillic
		[]rune("abcdefghijklmnopqrstuvwxyz"),
	}
	r := rand.New(rand.NewPCG(1, 2))
	n := 4000
	if testing.Short() {
		n = 400
	}
	for _, alphabet := range alphabets {
		for range n {
			var a, b string
			la := r.IntN(14)
			if r.IntN(20) == 0 {
				la = 55 + r.IntN(20) // around the one-word limit
			}
			a = randWord(r, alphabet, la)
			if r.IntN(2) == 0 {
				b = mutate(r, alphabet, a, r.IntN(5))
			} else {
				b = randWord(r, alphabet, max(0, la+r.IntN(7)-3))
			}
			d := refOSA(a, b)
			for bound := 0; bound <= 6; bound++ {
				want := min(d, bound+1)
				if got := OSAWithin(a, b, bound); got != want {
					t.Fatalf("OSAWithin(%q, %q, %d) = %d, want %d", a, b, bound, got, want)
				}
			}
			if got := OSAWithin(a, b, 200); got != d {
				t.Fatalf("OSAWithin(%q, %q, 200) = %d, want %d", a, b, got, d)
			}
		}
	}
}

// TestOSAWithinBytes runs strings cut from valid and broken UTF-8 (runes
// sharing lead bytes, stray continuation bytes, truncated sequences), where
// trimming common ends must keep to rune boundaries.
func TestOSAWithinBytes(t *testing.T) {
	pieces := []string{"a", "b", "д", "е", "\xd0", "\xb4", "\xb5", "中", "丰", "\xe4\xb8", "\xe4", "\xff", "😀", "\xf0\x9f"}
	r := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		var sb strings.Builder
		for range r.IntN(8) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		return sb.String()
	}
	for range 20000 {
		pre, a, b, suf := word(), word(), word(), word()
		a, b = pre+a+suf, pre+b+suf
		d := refOSA(a, b)
		for bound := 0; bound <= 6; bound++ {
			want := min(d, bound+1)
			if got := OSAWithin(a, b, bound); got != want {
				t.Fatalf("OSAWithin(%q, %q, %d) = %d, want %d", a, b, bound, got, want)
			}
		}
	}
}

// TestOSAWithinLong covers the banded fallback, with the stack buffers
// outgrown.
func TestOSAWithinLong(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("abcя")
	for range 200 {
		la := 60 + r.IntN(300)
		a := randWord(r, alphabet, la)
		b := mutate(r, alphabet, a, r.IntN(12))
		d := refOSA(a, b)
		for _, bound := range []int{0, 1, 3, 6, 10, 20, 1000} {
			want := min(d, bound+1)
			if got := OSAWithin(a, b, bound); got != want {
				t.Fatalf("OSAWithin(%d runes, %d runes, %d) = %d, want %d\n%q\n%q", la, utf8.RuneCountInString(b), bound, got, want, a, b)
			}
		}
	}
}

func TestOSAWithinAllocs(t *testing.T) {
	pairs := [][2]string{
		{"kaspersky", "kasperskii"},
		{"касперский", "kasperskii"},
		{"华为技术有限公司", "华为技朮有限公"},
		{"ab0p1q", "ba0p1q"}, // table collision: the list
		{strings.Repeat("abcd", 20), strings.Repeat("abdc", 20)},
		{strings.Repeat("абвг", 20), strings.Repeat("абгв", 20)},
	}
	for _, p := range pairs {
		if n := testing.AllocsPerRun(100, func() { OSAWithin(p[0], p[1], 3) }); n != 0 {
			t.Errorf("OSAWithin(%q, %q): %v allocations per call", p[0], p[1], n)
		}
	}
}

func FuzzOSAWithin(f *testing.F) {
	for _, p := range [][2]string{
		{"", ""}, {"ab", "ba"}, {"ca", "abc"}, {"kaspersky", "kasperskii"},
		{"hikvision", "hikvisoin"}, {"Москва", "Моксва"}, {"华为技术", "为华技术"},
		{"ab-m", "ab-n"}, {"\xff", "\xfe"},
		{strings.Repeat("abcdefgh", 8), strings.Repeat("abcdefgh", 8) + "i"},
	} {
		f.Add(p[0], p[1], uint8(2))
	}
	f.Fuzz(func(t *testing.T, a, b string, k uint8) {
		if len(a) > 300 || len(b) > 300 {
			return // keeps the reference cheap
		}
		bound := int(k % 70)
		if got, want := OSAWithin(a, b, bound), refWithin(a, b, bound); got != want {
			t.Fatalf("OSAWithin(%q, %q, %d) = %d, want %d", a, b, bound, got, want)
		}
	})
}

// benchOSAPairs are word pairs as the candidate index compares them: a
// list word against a query word a few edits away, with the bound the
// index would give their lengths.
var benchOSAPairs = []struct {
	a, b  string
	bound int
}{
	{"kaspersky", "kasperskii", 2},
	{"hikvision", "hikvisoin", 2},
	{"technology", "tecnology", 2},
	{"laboratoriya", "laboratory", 3},
	{"huawei", "hauwei", 1},
	{"rostec", "rostekh", 2},
	{"digital", "dijital", 1},
	{"corporation", "korporatsiya", 4},
	{"shenzhen", "shenzen", 1},
	{"electronics", "electronic", 2},
	{"trading", "traiding", 1},
	{"vladimir", "wladimir", 2},
	{"alexander", "aleksandr", 3},
	{"mohammed", "muhammad", 3},
	{"industries", "industrial", 2},
	{"gosudarstvennaya", "gosudarstvenaja", 3},
}

// benchOSAUntrimmed are pairs that differ at both ends, so that no common
// prefix or suffix shortens the work.
var benchOSAUntrimmed = []struct {
	a, b  string
	bound int
}{
	{"corporation", "korporatsiya", 4},
	{"alexander", "oleksandr", 4},
	{"yevgeny", "evgenii", 3},
	{"kharkiv", "charkow", 3},
	{"technologies", "tekhnologiya", 4},
	{"hikvision", "hickvisoin", 3},
}

var benchOSACyrillic = []struct {
	a, b  string
	bound int
}{
	{"касперский", "касперскии", 2},
	{"москва", "моксва", 1},
	{"владимир", "владимер", 2},
	{"технологии", "техналогия", 3},
}

var osaSink int

func BenchmarkOSAWithin(b *testing.B) {
	b.Run("ascii/OSAWithin", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p := &benchOSAPairs[i%len(benchOSAPairs)]
			osaSink += OSAWithin(p.a, p.b, p.bound)
		}
	})
	b.Run("ascii/dpBytes", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p := &benchOSAPairs[i%len(benchOSAPairs)]
			osaSink += dpOSABoundedBytes(p.a, p.b, p.bound)
		}
	})
	b.Run("ascii/dpRunes", func(b *testing.B) {
		b.ReportAllocs()
		var ba, bb [64]rune
		for i := 0; b.Loop(); i++ {
			p := &benchOSAPairs[i%len(benchOSAPairs)]
			osaSink += dpOSABounded(appendRunes(ba[:0], p.a), appendRunes(bb[:0], p.b), p.bound)
		}
	})
	b.Run("untrimmed/OSAWithin", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p := &benchOSAUntrimmed[i%len(benchOSAUntrimmed)]
			osaSink += OSAWithin(p.a, p.b, p.bound)
		}
	})
	b.Run("untrimmed/dpBytes", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p := &benchOSAUntrimmed[i%len(benchOSAUntrimmed)]
			osaSink += dpOSABoundedBytes(p.a, p.b, p.bound)
		}
	})
	b.Run("cyrillic/OSAWithin", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			p := &benchOSACyrillic[i%len(benchOSACyrillic)]
			osaSink += OSAWithin(p.a, p.b, p.bound)
		}
	})
	b.Run("cyrillic/dpRunes", func(b *testing.B) {
		b.ReportAllocs()
		var ba, bb [64]rune
		for i := 0; b.Loop(); i++ {
			p := &benchOSACyrillic[i%len(benchOSACyrillic)]
			osaSink += dpOSABounded(appendRunes(ba[:0], p.a), appendRunes(bb[:0], p.b), p.bound)
		}
	})
}

func BenchmarkOSAWithinPair(b *testing.B) {
	for _, p := range benchOSAPairs[:3] {
		b.Run(fmt.Sprintf("%s-%s/OSAWithin", p.a, p.b), func(b *testing.B) {
			for b.Loop() {
				osaSink += OSAWithin(p.a, p.b, p.bound)
			}
		})
		b.Run(fmt.Sprintf("%s-%s/dpBytes", p.a, p.b), func(b *testing.B) {
			for b.Loop() {
				osaSink += dpOSABoundedBytes(p.a, p.b, p.bound)
			}
		})
	}
}

// dpOSABounded and dpOSABoundedBytes are copies of the dynamic programs
// sanctions/index.go ran before OSAWithin (osaBounded, osaBoundedBytes),
// for the benchmarks.
func dpOSABounded(x, y []rune, bound int) int {
	n, m := len(x), len(y)
	if n-m > bound || m-n > bound {
		return bound + 1
	}
	var b0, b1, b2 [65]int
	prev2, prev, cur := b0[:m+1], b1[:m+1], b2[:m+1]
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= m; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}

func dpOSABoundedBytes(x, y string, bound int) int {
	n, m := len(x), len(y)
	if n-m > bound || m-n > bound {
		return bound + 1
	}
	if m > 64 || n > 64 {
		return bound + 1
	}
	var b0, b1, b2 [65]int32
	prev2, prev, cur := b0[:m+1], b1[:m+1], b2[:m+1]
	for j := 0; j <= m; j++ {
		prev[j] = int32(j)
	}
	bd := int32(bound)
	for i := 1; i <= n; i++ {
		cur[0] = int32(i)
		rowMin := int32(i)
		xi := x[i-1]
		for j := 1; j <= m; j++ {
			cost := int32(1)
			if xi == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && xi == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > bd {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return int(prev[m])
}
