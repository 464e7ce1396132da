package sanctions

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// The benchmarks screen a generated list of 25,000 parties (about 100,000
// names and aliases: companies with legal forms in several spellings,
// persons, Cyrillic and Chinese aliases, acronyms, addresses).
const benchParties = 25000

var (
	benchOnce     sync.Once
	benchSnap     Snapshot
	benchScreener *Screener
	benchQueries  []Query
)

func benchSetup(b testing.TB) (*Screener, []Query) {
	benchOnce.Do(func() {
		benchSnap = genSnapshot(42, benchParties)
		benchScreener = NewScreener(benchSnap)
		benchQueries = genQueries(benchSnap, 20000, 99)
	})
	return benchScreener, benchQueries
}

// genQueries writes n queries: variants of listed names of every kind
// (exact, typo, reordered, truncated, joined/split, legal form changed,
// upper case with a typo) and unrelated names, about half each.
func genQueries(snap Snapshot, n int, seed uint64) []Query {
	r := rand.New(rand.NewPCG(seed, seed+1))
	qs := make([]Query, 0, n)
	for len(qs) < n {
		if r.IntN(2) == 0 {
			name, _ := genCompany(r)
			if r.IntN(3) == 0 {
				name, _ = genPerson(r)
			}
			qs = append(qs, Query{Name: name})
			continue
		}
		p := &snap.Parties[r.IntN(len(snap.Parties))]
		ns := p.Names()
		if len(ns) == 0 {
			continue
		}
		qs = append(qs, Query{Name: genVariant(r, ns[r.IntN(len(ns))], r.IntN(7))})
	}
	return qs
}

func BenchmarkNewScreener(b *testing.B) {
	snap := genSnapshot(42, benchParties)
	names := 0
	for i := range snap.Parties {
		names += len(snap.Parties[i].Names())
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		NewScreener(snap)
	}
	b.ReportMetric(float64(names), "names")
}

func BenchmarkScreen(b *testing.B) {
	s, qs := benchSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.Screen(qs[i%len(qs)])
	}
}

// BenchmarkScreenAll measures batch throughput on all cores; queries/s is
// the figure to extrapolate to a million queries.
func BenchmarkScreenAll(b *testing.B) {
	s, qs := benchSetup(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.ScreenAll(context.Background(), qs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qs)*b.N)/b.Elapsed().Seconds(), "queries/s")
}

// TestScreenLatency measures the distribution of per-query latency on the
// generated 25,000-party list and the memory the Screener holds. It is a
// measurement, not a check of the machine's speed: it fails only when the
// median is far above the 100 µs target (ten times), which no shared
// machine should explain. Skipped with -short.
func TestScreenLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("measurement")
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	snap := genSnapshot(42, benchParties)
	gen := time.Since(start)
	start = time.Now()
	s := NewScreener(snap)
	build := time.Since(start)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	names := 0
	for i := range snap.Parties {
		names += len(snap.Parties[i].Names())
	}
	t.Logf("list: %d parties, %d names (generated in %v); NewScreener %v; heap in use after build %.1f MB (list included), Sys %.1f MB",
		len(snap.Parties), names, gen.Round(time.Millisecond), build.Round(time.Millisecond),
		float64(after.HeapInuse)/1e6, float64(after.Sys)/1e6)
	qs := genQueries(snap, 5000, 7)
	// Warm nothing: every query is timed, cold caches included.
	lat := make([]time.Duration, len(qs))
	hits := 0
	for i, q := range qs {
		t0 := time.Now()
		ms := s.Screen(q)
		lat[i] = time.Since(t0)
		if len(ms) > 0 {
			hits++
		}
	}
	slices.Sort(lat)
	p := func(q float64) time.Duration { return lat[int(q*float64(len(lat)-1))] }
	t.Logf("Screen over %d queries (%d with hits): p50 %v, p90 %v, p99 %v, max %v",
		len(qs), hits, p(0.5), p(0.9), p(0.99), lat[len(lat)-1])
	start = time.Now()
	batch := genQueries(snap, 20000, 8)
	if _, err := s.ScreenAll(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	t.Logf("ScreenAll: %d queries in %v on GOMAXPROCS=%d: %.0f queries/s; 1,000,000 queries extrapolate to %v",
		len(batch), el.Round(time.Millisecond), runtime.GOMAXPROCS(0), float64(len(batch))/el.Seconds(),
		(el * time.Duration(1000000/len(batch))).Round(time.Second))
	if p(0.5) > time.Millisecond {
		t.Errorf("median query %v is over ten times the 100 µs target", p(0.5))
	}
}
