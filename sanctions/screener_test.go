package sanctions

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/rpscreen/rpscreen/internal/names"
)

// bruteForce returns the IDs of the parties that names.Score puts at or
// above t when the query is scored against every name of the screener.
func bruteForce(s *Screener, q Query, t float64) []string {
	qn := names.Parse(q.Name, engineKind(q.Kind))
	seen := map[string]bool{}
	out := []string{}
	for _, e := range s.ix.entries {
		if names.Score(qn, e.name, s.idf) >= t {
			id := s.parties[e.party].ID
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return out
}

func matchIDs(ms []Match) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Party.ID)
	}
	slices.Sort(out)
	return out
}

// TestScreenMatchesBruteForce checks that the index never loses a party
// that scoring every name would put at or above the threshold, for
// queries of every variant kind the generator writes.
func TestScreenMatchesBruteForce(t *testing.T) {
	n, queries := 2500, 500
	if testing.Short() {
		n, queries = 1000, 150
	}
	snap := genSnapshot(7, n)
	s := NewScreener(snap)
	r := rand.New(rand.NewPCG(11, 13))
	kinds := []string{"exact", "typo", "reordered", "truncated", "joined/split", "legal form", "upper+typo", "unrelated"}
	for _, threshold := range []float64{DefaultThreshold, 0.7} {
		counts := map[string]int{}
		for i := range queries {
			var q Query
			kind := r.IntN(len(kinds))
			if kind == 7 {
				name, _ := genCompany(r)
				if r.IntN(2) == 0 {
					name, _ = genPerson(r)
				}
				q.Name = name
			} else {
				p := &snap.Parties[r.IntN(len(snap.Parties))]
				ns := p.Names()
				if len(ns) == 0 {
					continue
				}
				q.Name = genVariant(r, ns[r.IntN(len(ns))], kind)
			}
			want := bruteForce(s, q, threshold)
			got := matchIDs(s.Screen(q, WithThreshold(threshold)))
			if len(want) > 0 {
				counts[kinds[kind]]++
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("threshold %.2f, query %d %q (%s): index differs from brute force (-want +got):\n%s",
					threshold, i, q.Name, kinds[kind], diff)
			}
		}
		t.Logf("threshold %.2f: queries with hits by kind: %v", threshold, counts)
	}
}

func TestScreenVendorList(t *testing.T) {
	s := NewScreener(loadVendorList(t))
	tests := []struct {
		name  string
		q     Query
		opts  []Option
		want  []string // party IDs, best first
		check func(t *testing.T, ms []Match)
	}{
		{
			name: "name and country",
			q:    Query{Name: "Kaspersky Lab AO", Country: "RU"},
			want: []string{"V-EL-001"},
			check: func(t *testing.T, ms []Match) {
				m := ms[0]
				if !m.CountryMatch || m.Score <= m.NameScore || m.MatchedName == "" {
					t.Errorf("country should corroborate: %+v", m)
				}
				if !strings.Contains(m.Reason, "country RU matches") || !strings.Contains(m.Reason, "name 'Kaspersky Lab AO' ~ ") {
					t.Errorf("reason %q", m.Reason)
				}
				if m.Source.Code != "TEST" || m.Source.SHA256 == "" {
					t.Errorf("source not carried: %+v", m.Source)
				}
			},
		},
		{
			name: "Chinese script",
			q:    Query{Name: "华为技术有限公司"},
			want: []string{"V-EL-004"},
		},
		{
			name: "address alone matches an address-only entry",
			q:    Query{Address: "Unit 1208, 12/F, Example Commercial Bldg, 88 Specimen Rd, Kowloon", Country: "HK"},
			want: []string{"V-SYN-004"},
			check: func(t *testing.T, ms []Match) {
				if ms[0].MatchedAddress == nil || ms[0].MatchedName != "" || ms[0].AddressScore < 0.8 {
					t.Errorf("address match: %+v", ms[0])
				}
			},
		},
		{
			name: "address alone, another unit, is no match",
			q:    Query{Address: "Unit 1209, 12/F, Example Commercial Building, 88 Specimen Road, Kowloon", Country: "HK"},
			want: []string{},
		},
		{
			name: "a different address never hides a strong name match",
			q:    Query{Name: "Hangzhou Hikvision Digital Technology Co., Ltd.", Address: "1 Example Street, Springfield", Country: "US"},
			want: []string{"V-EL-005"},
			check: func(t *testing.T, ms []Match) {
				if ms[0].Score != 1 || ms[0].MatchedAddress != nil {
					t.Errorf("got %+v", ms[0])
				}
			},
		},
		{
			name: "a matching address raises the score",
			q:    Query{Name: "Hangzhou Hikvision Digital Tech", Address: "No. 555 Qianmo Road, Binjiang District, Hangzhou"},
			want: []string{"V-EL-005"},
			check: func(t *testing.T, ms []Match) {
				if ms[0].MatchedAddress == nil || ms[0].Score <= ms[0].NameScore || !strings.Contains(ms[0].Reason, "address") {
					t.Errorf("got %+v", ms[0])
				}
			},
		},
		{
			name: "lists option",
			q:    Query{Name: "Kaspersky Lab"},
			opts: []Option{WithLists("icts")},
			want: []string{"V-ICTS-001"},
		},
		{
			name: "limit option keeps the best",
			q:    Query{Name: "Kaspersky Lab"},
			opts: []Option{WithLimit(1)},
			want: []string{"V-EL-001"},
		},
		{
			name: "high threshold",
			q:    Query{Name: "Kasperski Labs"},
			opts: []Option{WithThreshold(0.999)},
			want: []string{},
		},
		{
			name: "empty query",
			q:    Query{},
			want: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := s.Screen(tt.q, tt.opts...)
			got := []string{}
			for _, m := range ms {
				got = append(got, m.Party.ID)
			}
			if len(tt.want) > 0 && len(got) > len(tt.want) {
				got = got[:len(tt.want)]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("matches (-want +got):\n%s\nall: %+v", diff, ms)
			}
			for i := 1; i < len(ms); i++ {
				if ms[i].Score > ms[i-1].Score {
					t.Errorf("not sorted by score: %v", ms)
				}
			}
			if tt.check != nil && len(ms) > 0 {
				tt.check(t, ms)
			}
		})
	}
}

func TestMatchJSON(t *testing.T) {
	s := NewScreener(loadVendorList(t))
	ms := s.Screen(Query{Name: "AO Kaspersky Lab", Country: "RU"})
	if len(ms) == 0 {
		t.Fatal("no match")
	}
	b, err := json.Marshal(ms[0])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"party", "source", "matched_name", "score", "name_score", "country_match", "threshold", "reason"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	if ms[0].Score != 1 {
		t.Errorf("identical name should score 1, got %v", ms[0].Score)
	}
}

func TestScreenerSourcesLen(t *testing.T) {
	a := Snapshot{Source: Source{Code: "EL", AsOf: time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC)}, Parties: []Party{{ID: "1", Source: "EL", Name: "Example Widget Trading Co., Ltd."}}}
	b := Snapshot{Source: Source{Code: "SDN"}, Parties: []Party{{ID: "2", Source: "SDN", Name: "PETROV-EXAMPLE, Ivan", Kind: KindPerson}, {ID: "3", Source: "SDN", Kind: KindAddress}}}
	s := NewScreener(a, b)
	if diff := cmp.Diff([]Source{a.Source, b.Source}, s.Sources()); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if s.Len() != 3 {
		t.Errorf("Len = %d, want 3", s.Len())
	}
	if got := NewScreener(); got.Len() != 0 || len(got.Screen(Query{Name: "x"})) != 0 {
		t.Error("empty screener should match nothing")
	}
}

// TestScreenConcurrent screens from many goroutines at once (run with
// -race) and checks every goroutine sees the same answers.
func TestScreenConcurrent(t *testing.T) {
	s := NewScreener(loadVendorList(t), genSnapshot(3, 500))
	qs := []Query{{Name: "Kaspersky Lab"}, {Name: "HIK VISION DIGITAL TECH"}, {Name: "华为技术有限公司"}, {Address: "15 Obraztsovaya ul., office 401, Moscow", Country: "RU"}}
	want := make([][]string, len(qs))
	for i, q := range qs {
		want[i] = matchIDs(s.Screen(q))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				i := (g + k) % len(qs)
				if diff := cmp.Diff(want[i], matchIDs(s.Screen(qs[i]))); diff != "" {
					t.Errorf("query %d differs under concurrency:\n%s", i, diff)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestScreenAllAndStream(t *testing.T) {
	s := NewScreener(loadVendorList(t))
	qs := []Query{{Name: "Kaspersky Lab"}, {Name: "Grainger Industrial Supply"}, {Name: "SMIC"}, {Name: "ZHIPU AI"}}
	for i := 0; i < 50; i++ {
		qs = append(qs, Query{Name: "Huawei Technologies Co Ltd"})
	}
	all, err := s.ScreenAll(context.Background(), qs)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(qs) {
		t.Fatalf("got %d results for %d queries", len(all), len(qs))
	}
	for i, q := range qs {
		if diff := cmp.Diff(matchIDs(s.Screen(q)), matchIDs(all[i])); diff != "" {
			t.Errorf("ScreenAll[%d] differs from Screen:\n%s", i, diff)
		}
	}
	in := make(chan Query)
	go func() {
		defer close(in)
		for _, q := range qs {
			in <- q
		}
	}()
	seen := make([]bool, len(qs))
	for r := range s.ScreenStream(context.Background(), in) {
		if seen[r.Index] {
			t.Errorf("index %d twice", r.Index)
		}
		seen[r.Index] = true
		if r.Query != qs[r.Index] {
			t.Errorf("result %d carries query %+v", r.Index, r.Query)
		}
		if diff := cmp.Diff(matchIDs(all[r.Index]), matchIDs(r.Matches)); diff != "" {
			t.Errorf("stream result %d differs:\n%s", r.Index, diff)
		}
	}
	for i, ok := range seen {
		if !ok {
			t.Errorf("no result for query %d", i)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.ScreenAll(ctx, qs); err == nil {
		t.Error("ScreenAll with a cancelled context should fail")
	}
}

// FuzzScreen screens arbitrary names and addresses against the vendor list
// and the generated list: no panic, scores in range, sorted, one match per
// party.
func FuzzScreen(f *testing.F) {
	s := NewScreener(loadVendorList(f), genSnapshot(5, 300))
	for _, seed := range [][2]string{{"AO Kaspersky Lab", ""}, {"", "Unit 1208, 12/F, 88 Specimen Rd"}, {"华为技术有限公司", "深圳市龙岗区"},
		{"\xff\xfe", "#1 5F/3"}, {"a b c d e f g h i j k l m n o p q r s t", ""}, {"KASPERSKYLAB-HIKVISION", "No. 555"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, name, addr string) {
		ms := s.Screen(Query{Name: name, Address: addr, Country: "CN"}, WithThreshold(0.5))
		seen := map[string]bool{}
		for i, m := range ms {
			if m.Score < 0.5 || m.Score > 1 || m.NameScore > 1 || m.AddressScore > 1 {
				t.Fatalf("score out of range: %+v", m)
			}
			if i > 0 && m.Score > ms[i-1].Score {
				t.Fatalf("not sorted")
			}
			if seen[m.Party.ID] {
				t.Fatalf("party %s twice", m.Party.ID)
			}
			seen[m.Party.ID] = true
		}
	})
}

// TestScreenRepeated checks that a repeated query (served from the result
// cache) gives the same matches, that callers cannot change what the next
// caller gets, and that different options are not confused.
func TestScreenRepeated(t *testing.T) {
	s := NewScreener(loadVendorList(t))
	q := Query{Name: "Kaspersky Lab", Country: "RU"}
	first := s.Screen(q)
	if len(first) < 2 {
		t.Fatalf("want several matches, got %v", matchIDs(first))
	}
	want := matchIDs(first)
	first[0].Score = -1
	first = first[:1]
	second := s.Screen(q)
	if diff := cmp.Diff(want, matchIDs(second)); diff != "" {
		t.Errorf("repeated query differs:\n%s", diff)
	}
	if second[0].Score < 0 {
		t.Error("a caller's change reached the cache")
	}
	if got := s.Screen(q, WithLimit(1)); len(got) != 1 {
		t.Errorf("WithLimit(1) on a cached query: %d matches", len(got))
	}
	if got := s.Screen(Query{Name: "Kaspersky Lab", Country: "GB"}); got[0].CountryMatch && got[0].Party.ID == "V-EL-001" {
		t.Error("country not part of the cache key")
	}
}

// TestScreenLettersAndDigits checks that letters and digits written
// together and apart meet, in both directions.
func TestScreenLettersAndDigits(t *testing.T) {
	snap := Snapshot{Source: Source{Code: "T"}, Parties: []Party{
		{ID: "1", Source: "T", Kind: KindOrganization, Name: "CETC 13 Research Institute"},
		{ID: "2", Source: "T", Kind: KindOrganization, Name: "Example4 Industries"},
	}}
	s := NewScreener(snap)
	for _, tt := range []struct{ query, want string }{
		{"CETC13 Research Institute", "1"},
		{"Example 4 Industries", "2"},
	} {
		ms := s.Screen(Query{Name: tt.query})
		if len(ms) == 0 || ms[0].Party.ID != tt.want {
			t.Errorf("%q: got %v, want party %s", tt.query, ms, tt.want)
		}
	}
}

// FuzzScreenMatchesBruteForce checks the index's completeness on arbitrary
// query names: Screen returns exactly the parties that scoring every name
// of a generated list puts at or above the threshold. The seeds include
// inputs fuzzing found missed by earlier versions: query words that pair
// with a list name's joined run misspelt at both ends ("NovoCYBYrCXYgA"
// for "Novosibirsk Xinga"), and a Han word one character from a listed
// one whose pinyin is four letters from it ("字谱械仰华", "字谱械华"), and
// a word that pairs with a run ending in a token the parser rewrites
// ("Industrial", read as "industry") misspelt at its other end.
func FuzzScreenMatchesBruteForce(f *testing.F) {
	snap := genSnapshot(9, 400)
	s := NewScreener(snap)
	for _, p := range snap.Parties[:40] {
		for _, n := range p.Names() {
			f.Add(n)
		}
	}
	f.Add("KaiostTechnology Trading")
	f.Add("CETC13 Ivanov, Juan")
	for _, q := range []string{"NovoCYBYrCXYgA", "AldAYArArAdYng", "HERNANDZYong", "CArACYueXvel", "字谱械仰华",
		"CYAYConduCtorYndustrYAAB 663", "WZoteC SmYConduCtYndustrYAl N  663 00", "ECoZlo",
		"A" + strings.Repeat("X", 65), "展公A"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, name string) {
		q := Query{Name: name}
		want := bruteForce(s, q, 0.7)
		got := matchIDs(s.Screen(q, WithThreshold(0.7)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("query %q: index differs from brute force (-want +got):\n%s", name, diff)
		}
	})
}

// TestScreenLongWords screens words longer than any table of the index
// covers (keys of 130 letters and more), in several scripts, against
// brute force: no panic, and the same matches.
func TestScreenLongWords(t *testing.T) {
	snap := genSnapshot(9, 400)
	s := NewScreener(snap)
	var queries []string
	for _, n := range []int{63, 64, 65, 66, 129, 130, 131, 200, 700} {
		queries = append(queries,
			"A"+strings.Repeat("X", n),
			strings.Repeat("ka", n),
			strings.Repeat("Ш", n),
			strings.Repeat("华", n),
			"E "+strings.Repeat("kozlov", n/6+1),
			snap.Parties[0].Name+" "+strings.Repeat("Z", n))
	}
	for _, q := range queries {
		want := bruteForce(s, Query{Name: q}, 0.7)
		got := matchIDs(s.Screen(Query{Name: q}, WithThreshold(0.7)))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("query of %d bytes: index differs from brute force (-want +got):\n%s", len(q), diff)
		}
	}
}
