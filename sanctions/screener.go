package sanctions

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rpscreen/rpscreen/internal/names"
)

// Query is what a caller screens: a vendor's name, and optionally its
// address, its country (ISO 3166-1 alpha-2) and the kind of party it is.
// With an Address and no Name, the address is screened alone.
type Query struct {
	Name    string `json:"name,omitempty"`
	Address string `json:"address,omitempty"`
	Country string `json:"country,omitempty"`
	// Kind, when known, tells the name engine to read Name as a person's
	// or an organisation's name.
	Kind Kind `json:"kind,omitempty"`
}

// Option adjusts one call of Screen, ScreenAll or ScreenStream.
type Option func(*screenOptions)

type screenOptions struct {
	threshold float64
	limit     int
	lists     map[string]bool
}

// WithThreshold sets the score at and above which a party is reported
// (default DefaultThreshold). Values outside (0, 1] are clamped to it.
func WithThreshold(t float64) Option {
	return func(o *screenOptions) {
		if t > 0 && t <= 1 {
			o.threshold = t
		} else if t > 1 {
			o.threshold = 1
		}
	}
}

// WithLimit reports at most n matches, the best ones (0: all).
func WithLimit(n int) Option {
	return func(o *screenOptions) {
		if n >= 0 {
			o.limit = n
		}
	}
}

// WithLists screens only parties of the lists with these codes (EL, SDN,
// ICTS, ...; matched case-insensitively against Party.Source and
// Source.Code). With no codes, every list is screened.
func WithLists(codes ...string) Option {
	return func(o *screenOptions) {
		if len(codes) == 0 {
			o.lists = nil
			return
		}
		o.lists = make(map[string]bool, len(codes))
		for _, c := range codes {
			o.lists[strings.ToUpper(strings.TrimSpace(c))] = true
		}
	}
}

func buildOptions(opts []Option) screenOptions {
	o := screenOptions{threshold: DefaultThreshold}
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	return o
}

// How much a matching address and a matching country raise a name score:
// score = 1 - (1-name)(1-corrAddress*addressScore)(1-corrCountry). They
// never lower it, and never lift an inexact name to 1. A street-level
// address (names.Address.StreetLevel) at least corrAddressMin similar can
// lift a name below the threshold to a hit; a city alone does not
// corroborate; a country only raises a hit.
const (
	corrAddress    = 0.2
	corrCountry    = 0.05
	corrAddressMin = 0.6 // the address score from which an address corroborates
)

// Screener screens queries against a fixed set of list snapshots. Build it
// once with NewScreener; it is immutable afterwards and safe for concurrent
// use by any number of goroutines.
type Screener struct {
	sources  []Source
	parties  []Party
	srcOf    []int32 // source index of each party
	entryOf  []int32 // first entry of each party
	idf      *names.IDF
	ix       *nameIndex
	addrs    *addrIndex
	nameless []bool // parties screened by address only
	results  boundedCache[[]Match]
}

// resultCacheShardSize is the size of a generation of a shard of the
// result cache, which keeps the matches of recent queries: vendor masters
// repeat names, and a batch screens each distinct query once.
const resultCacheShardSize = 4096

// cacheKey is the query and the options, exactly as given.
func (o *screenOptions) cacheKey(q Query) string {
	var b strings.Builder
	b.WriteString(q.Name)
	b.WriteByte(0)
	b.WriteString(q.Address)
	b.WriteByte(0)
	b.WriteString(q.Country)
	b.WriteByte(0)
	b.WriteString(string(q.Kind))
	fmt.Fprintf(&b, "\x00%v\x00%d", o.threshold, o.limit)
	if o.lists != nil {
		codes := make([]string, 0, len(o.lists))
		for c := range o.lists {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		b.WriteByte(0)
		b.WriteString(strings.Join(codes, ","))
	}
	return b.String()
}

// NewScreener builds a Screener over the parties of the snapshots: it
// prepares every name and alias once, weighs tokens by how many of the
// loaded names hold them (names.NewIDF), and indexes them. The snapshots
// are copied; later changes to them do not affect the Screener.
func NewScreener(snapshots ...Snapshot) *Screener {
	s := &Screener{results: boundedCache[[]Match]{size: resultCacheShardSize}}
	type pending struct {
		party int32
		text  string
		kind  names.Kind
	}
	var todo []pending
	for si, snap := range snapshots {
		s.sources = append(s.sources, snap.Source)
		for _, p := range snap.Parties {
			pi := int32(len(s.parties))
			s.parties = append(s.parties, p)
			s.srcOf = append(s.srcOf, int32(si))
			k := engineKind(p.Kind)
			names := p.Names()
			s.nameless = append(s.nameless, p.Kind == KindAddress || len(names) == 0)
			for _, n := range names {
				todo = append(todo, pending{pi, n, k})
			}
		}
	}
	// A name that several parties bear (an alias, a name on several
	// lists) is parsed once and shared: a query scores it once.
	first := make(map[pending]int, len(todo))
	same := make([]int, len(todo))
	for i, td := range todo {
		key := pending{text: td.text, kind: td.kind}
		if f, ok := first[key]; ok {
			same[i] = f
		} else {
			first[key] = i
			same[i] = i
		}
	}
	// Parse on all cores.
	entries := make([]idxEntry, len(todo))
	workers := max(1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	chunk := (len(todo) + workers - 1) / max(workers, 1)
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min(len(todo), (w+1)*chunk)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				entries[i].party = todo[i].party
				if same[i] == i {
					entries[i].name = names.Parse(todo[i].text, todo[i].kind)
				}
			}
		}()
	}
	wg.Wait()
	for i := range entries {
		entries[i].name = entries[same[i]].name
	}
	corpus := make([]*names.Name, len(entries))
	for i := range entries {
		corpus[i] = entries[i].name
	}
	s.idf = names.NewIDF(corpus)
	// Each name keeps its tokens' weights, so that scoring does not look
	// them up pair by pair; done before the Screener is shared.
	for i, n := range corpus {
		if same[i] == i {
			n.Weigh(s.idf)
		}
	}
	s.ix = buildNameIndex(entries, s.idf)
	s.addrs = buildAddrIndex(s.parties)
	return s
}

// Sources returns the sources of the loaded snapshots, in the order given.
func (s *Screener) Sources() []Source { return slices.Clone(s.sources) }

// Len returns the number of parties loaded.
func (s *Screener) Len() int { return len(s.parties) }

// hit is the best evidence found for one party during a Screen call.
type hit struct {
	party     int32
	entry     int32 // best name entry, -1 when none
	nameScore float64
	addr      int32 // best address, -1 when none
	addrScore float64
}

// Screen screens one query and returns the matching parties, best first,
// one Match per party (its best name). Parties of address-only entries are
// matched by address; with an Address and no Name, every party's
// addresses are screened. A matching address or country raises a name
// score a little; neither ever lowers it.
func (s *Screener) Screen(q Query, opts ...Option) []Match {
	o := buildOptions(opts)
	return s.screen(q, &o)
}

func (s *Screener) screen(q Query, o *screenOptions) []Match {
	key := o.cacheKey(q)
	if ms, ok := s.results.get(key); ok {
		return slices.Clone(ms)
	}
	ms := s.screenUncached(q, o)
	s.results.put(key, slices.Clone(ms))
	return ms
}

func (s *Screener) screenUncached(q Query, o *screenOptions) []Match {
	t := o.threshold
	country := strings.ToUpper(strings.TrimSpace(q.Country))
	var qa *names.Address
	if strings.TrimSpace(q.Address) != "" {
		qa = names.ParseAddress(names.AddressParts{Text: q.Address, Country: country})
		if qa.IsZero() {
			qa = nil
		}
	}
	hits := make(map[int32]*hit)
	get := func(p int32) *hit {
		h := hits[p]
		if h == nil {
			h = &hit{party: p, entry: -1, addr: -1}
			hits[p] = h
		}
		return h
	}
	if strings.TrimSpace(q.Name) != "" {
		qn := names.Parse(q.Name, engineKind(q.Kind))
		qn.Weigh(s.idf)
		// The lowest name score that a matching address could still lift
		// to t. A matching country raises the score of a hit but never
		// makes one: most vendors share a country with some listed party.
		tn := t
		if qa != nil && qa.StreetLevel() {
			tn = max(0, (t-corrAddress)/(1-corrAddress))
		}
		// Names that several entries share are scored once.
		var memo nameScores
		s.ix.candidates(qn, tn-idxMaxLegalBonus-1e-9, func(e int32) {
			ent := &s.ix.entries[e]
			if !s.listed(ent.party, o) {
				return
			}
			sc, ok := memo.get(ent.name)
			if !ok {
				sc = names.Score(qn, ent.name, s.idf)
				memo.put(ent.name, sc)
			}
			if sc < tn {
				return
			}
			h := get(ent.party)
			if sc > h.nameScore || h.entry < 0 {
				h.nameScore, h.entry = sc, e
			}
		})
	}
	if qa != nil {
		all := strings.TrimSpace(q.Name) == ""
		// With a name, addresses corroborate the name hits and match the
		// address-only entries; without one, every address is screened.
		for p, h := range hits {
			for ai := s.addrs.first[p]; ai < s.addrs.first[p+1]; ai++ {
				if sc := names.AddressScore(qa, s.addrs.parsed[ai]); sc > h.addrScore {
					h.addrScore, h.addr = sc, ai
				}
			}
		}
		s.addrs.candidates(qa, func(ai int32) {
			p := s.addrs.party[ai]
			if !all && !s.nameless[p] {
				return
			}
			if !s.listed(p, o) {
				return
			}
			sc := names.AddressScore(qa, s.addrs.parsed[ai])
			if sc < t {
				return
			}
			h := get(p)
			if sc > h.addrScore {
				h.addrScore, h.addr = sc, ai
			}
		})
	}
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		p := &s.parties[h.party]
		m := Match{Party: p, Source: s.sources[s.srcOf[h.party]], Threshold: t}
		if country != "" {
			m.CountryMatch = hasCountry(p, country)
		}
		if h.addr >= 0 && (h.entry < 0 || (h.addrScore >= corrAddressMin && qa.StreetLevel())) {
			a := s.addrs.raw[h.addr]
			m.MatchedAddress = &a
			m.AddressScore = round4(h.addrScore)
		}
		if h.entry >= 0 {
			m.MatchedName = s.ix.entries[h.entry].name.Original
			m.NameScore = round4(h.nameScore)
			score := h.nameScore
			if score < 1 {
				rest := 1 - score
				if m.MatchedAddress != nil {
					rest *= 1 - corrAddress*h.addrScore
				}
				if m.CountryMatch && 1-rest >= t {
					rest *= 1 - corrCountry
				}
				score = min(1-rest, 0.9999)
			}
			m.Score = round4(score)
		} else {
			if m.MatchedAddress == nil {
				continue
			}
			m.Score = m.AddressScore
		}
		if m.Score < t {
			continue
		}
		m.Reason = m.reason(q)
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Party.Source, b.Party.Source); c != 0 {
			return c
		}
		return cmp.Compare(a.Party.ID, b.Party.ID)
	})
	if o.limit > 0 && len(out) > o.limit {
		out = out[:o.limit]
	}
	return out
}

// nameScores holds the scores of the list names a query has met: in a
// slice while they are few (most queries), in a map beyond.
type nameScores struct {
	few  []nameScore
	many map[*names.Name]float64
}

type nameScore struct {
	name  *names.Name
	score float64
}

func (m *nameScores) get(n *names.Name) (float64, bool) {
	if m.many != nil {
		sc, ok := m.many[n]
		return sc, ok
	}
	for _, x := range m.few {
		if x.name == n {
			return x.score, true
		}
	}
	return 0, false
}

func (m *nameScores) put(n *names.Name, sc float64) {
	if m.many == nil && len(m.few) < 16 {
		m.few = append(m.few, nameScore{n, sc})
		return
	}
	if m.many == nil {
		m.many = make(map[*names.Name]float64, 64)
		for _, x := range m.few {
			m.many[x.name] = x.score
		}
	}
	m.many[n] = sc
}

// listed reports whether party p belongs to a list the options allow.
func (s *Screener) listed(p int32, o *screenOptions) bool {
	if o.lists == nil {
		return true
	}
	return o.lists[strings.ToUpper(s.parties[p].Source)] || o.lists[strings.ToUpper(s.sources[s.srcOf[p]].Code)]
}

// hasCountry reports whether country is one of the party's countries or
// the country of one of its addresses.
func hasCountry(p *Party, country string) bool {
	for _, c := range p.Countries {
		if strings.EqualFold(c, country) {
			return true
		}
	}
	for _, a := range p.Addresses {
		if strings.EqualFold(a.Country, country) {
			return true
		}
	}
	return false
}

func round4(x float64) float64 {
	return float64(int64(x*1e4+0.5)) / 1e4
}

// ScreenAll screens every query on all cores (GOMAXPROCS workers) and
// returns the matches of queries[i] at index i. If ctx is cancelled it
// stops and returns ctx's error with the results screened so far; the
// entries of unscreened queries are nil.
func (s *Screener) ScreenAll(ctx context.Context, queries []Query, opts ...Option) ([][]Match, error) {
	o := buildOptions(opts)
	out := make([][]Match, len(queries))
	workers := max(1, runtime.GOMAXPROCS(0))
	var next int64
	var mu sync.Mutex
	take := func(n int) (int, int) {
		mu.Lock()
		defer mu.Unlock()
		lo := int(next)
		hi := min(len(queries), lo+n)
		next = int64(hi)
		return lo, hi
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				lo, hi := take(64)
				if lo >= hi {
					return
				}
				for i := lo; i < hi; i++ {
					out[i] = s.screen(queries[i], &o)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return out, fmt.Errorf("sanctions: screening stopped: %w", err)
	}
	return out, nil
}

// Result is the outcome of one query of a stream.
type Result struct {
	// Index is the query's position in the input stream, from 0.
	Index   int     `json:"index"`
	Query   Query   `json:"query"`
	Matches []Match `json:"matches"`
}

// ScreenStream screens the queries received from in on all cores
// (GOMAXPROCS workers) and sends one Result per query on the returned
// channel, which is closed when in is closed and every query is screened,
// or when ctx is cancelled (check ctx.Err() to tell the two apart).
// Results arrive in completion order; Index says
// which query each answers. The caller must drain the results channel.
func (s *Screener) ScreenStream(ctx context.Context, in <-chan Query, opts ...Option) <-chan Result {
	o := buildOptions(opts)
	workers := max(1, runtime.GOMAXPROCS(0))
	type job struct {
		i int
		q Query
	}
	jobs := make(chan job, workers*4)
	out := make(chan Result, workers*4)
	go func() {
		defer close(jobs)
		i := 0
		for {
			select {
			case <-ctx.Done():
				return
			case q, ok := <-in:
				if !ok {
					return
				}
				select {
				case jobs <- job{i, q}:
				case <-ctx.Done():
					return
				}
				i++
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := Result{Index: j.i, Query: j.q, Matches: s.screen(j.q, &o)}
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
