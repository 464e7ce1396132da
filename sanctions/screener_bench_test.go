package sanctions

import (
	"context"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rpscreen/rpscreen/internal/names"
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

// BenchmarkScreenAllMillion screens 1,000,000 generated queries through
// ScreenAll on all cores, once, from a fresh Screener (the acceptance
// figure for batch screening; about two minutes on 2 cores). Repeated
// queries in the batch are answered from the result cache, as they would
// be in a real vendor master; distinct reports how many there were.
func BenchmarkScreenAllMillion(b *testing.B) {
	snap := genSnapshot(42, benchParties)
	qs := genQueries(snap, 1_000_000, 1234)
	distinct := map[string]bool{}
	for _, q := range qs {
		distinct[q.Name] = true
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := NewScreener(snap)
		b.StartTimer()
		if _, err := s.ScreenAll(context.Background(), qs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/million")
	b.ReportMetric(float64(len(distinct)), "distinct")
}

// BenchmarkScreenLatency times every query and reports the distribution
// of per-query latency (p50, p90, p99 in µs) beside the mean; caches start
// cold, as in a fresh process.
func BenchmarkScreenLatency(b *testing.B) {
	snap := genSnapshot(42, benchParties)
	s := NewScreener(snap)
	qs := genQueries(snap, 20000, 7)
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		t0 := time.Now()
		s.Screen(qs[i%len(qs)])
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	p := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) }
	b.ReportMetric(p(0.5), "p50-µs")
	b.ReportMetric(p(0.9), "p90-µs")
	b.ReportMetric(p(0.99), "p99-µs")
}

// residentMB reads the process's resident memory and its peak from
// /proc/self/status (Linux only).
func residentMB() (rss, peak float64, ok bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak, rss > 0
}

// BenchmarkScreenerMemory reports the heap the Screener holds after
// NewScreener on the generated list (the list itself included), and what
// the runtime took from the system.
func BenchmarkScreenerMemory(b *testing.B) {
	snap := genSnapshot(42, benchParties)
	var s *Screener
	var ms runtime.MemStats
	for range b.N {
		s = nil
		runtime.GC()
		s = NewScreener(snap)
		runtime.GC()
		runtime.ReadMemStats(&ms)
	}
	b.ReportMetric(float64(ms.HeapInuse)/1e6, "heap-inuse-MB")
	b.ReportMetric(float64(ms.Sys)/1e6, "sys-MB")
	if rss, peak, ok := residentMB(); ok {
		b.ReportMetric(rss, "rss-MB")
		b.ReportMetric(peak, "peak-rss-MB")
	}
	runtime.KeepAlive(s)
}

// BenchmarkKeyNeighbours measures the fuzzy search of list spellings for
// one query word (uncached), over the words of the generated queries.
func BenchmarkKeyNeighbours(b *testing.B) {
	s, qs := benchSetup(b)
	var words []string
	for _, q := range qs[:2000] {
		for _, tok := range names.Parse(q.Name, names.KindUnknown).Tokens {
			if tok.Kind == names.Word {
				words = append(words, tok.Text)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		s.ix.keyNeighbours(words[i%len(words)], idxMinPairSim, true, nil)
	}
}
