package sanctions

import (
	"math/bits"
	"unicode/utf8"

	"github.com/rpscreen/rpscreen/internal/names"
)

// addrIndex holds every party's addresses, parsed, with an inverted index
// from address words and postal codes to addresses.
type addrIndex struct {
	raw    []Address
	parsed []*names.Address
	party  []int32
	first  []int32 // first[p]..first[p+1]: the addresses of party p

	words  map[string][]int32 // distinctive word -> addresses
	vocab  []addrWord
	byLen  [][]int32
	postal map[string][]int32
	// generic words, for queries that have no distinctive word
	generic map[string][]int32
}

type addrWord struct {
	text  string
	runes int
	sig   uint32
}

// addrMinWordSim is the word similarity from which names.AddressScore
// counts two address words as the same.
const addrMinWordSim = 0.8

func buildAddrIndex(parties []Party) *addrIndex {
	ax := &addrIndex{
		words:   make(map[string][]int32),
		postal:  make(map[string][]int32),
		generic: make(map[string][]int32),
		first:   make([]int32, 0, len(parties)+1),
	}
	for pi := range parties {
		ax.first = append(ax.first, int32(len(ax.raw)))
		for _, a := range parties[pi].Addresses {
			if a.IsZero() {
				continue
			}
			pa := names.ParseAddress(names.AddressParts{Text: a.Text, Street: a.Street, City: a.City,
				Region: a.Region, PostalCode: a.PostalCode, Country: a.Country})
			if pa.IsZero() {
				continue
			}
			id := int32(len(ax.raw))
			ax.raw = append(ax.raw, a)
			ax.parsed = append(ax.parsed, pa)
			ax.party = append(ax.party, int32(pi))
			for _, w := range pa.Words {
				m := ax.words
				if names.IsGenericAddressWord(w) {
					m = ax.generic
				} else if _, ok := m[w]; !ok {
					ax.vocab = append(ax.vocab, addrWord{text: w, runes: utf8.RuneCountInString(w), sig: keySig(w)})
				}
				m[w] = appendUnique(m[w], id)
			}
			if pa.PostalCode != "" {
				ax.postal[pa.PostalCode] = appendUnique(ax.postal[pa.PostalCode], id)
			}
		}
	}
	ax.first = append(ax.first, int32(len(ax.raw)))
	maxLen := 0
	for _, w := range ax.vocab {
		maxLen = max(maxLen, w.runes)
	}
	ax.byLen = make([][]int32, maxLen+1)
	for i, w := range ax.vocab {
		ax.byLen[w.runes] = append(ax.byLen[w.runes], int32(i))
	}
	return ax
}

// candidates calls fn for every address that shares a word (exactly or
// within names.AddressScore's typo tolerance) or the postal code with the
// query address; an address may be reported more than once. A query with
// no distinctive word is looked up by its generic words.
func (ax *addrIndex) candidates(q *names.Address, fn func(int32)) {
	distinctive := false
	for _, w := range q.Words {
		if names.IsGenericAddressWord(w) {
			continue
		}
		distinctive = true
		for _, a := range ax.words[w] {
			fn(a)
		}
		lq := utf8.RuneCountInString(w)
		sq := keySig(w)
		for lt := max(1, lq-lq/4-1); lt < len(ax.byLen) && lt <= lq+lq/4+1; lt++ {
			long := max(lq, lt)
			dmax := int((1 - addrMinWordSim) * float64(long))
			if dmax == 0 || dmax < abs(lq-lt) {
				continue
			}
			for _, vi := range ax.byLen[lt] {
				v := &ax.vocab[vi]
				if v.text == w || bits.OnesCount32(sq^v.sig) > 2*dmax {
					continue
				}
				if names.OSAWithin(w, v.text, dmax) <= dmax {
					for _, a := range ax.words[v.text] {
						fn(a)
					}
				}
			}
		}
	}
	if q.PostalCode != "" {
		for _, a := range ax.postal[q.PostalCode] {
			fn(a)
		}
	}
	if !distinctive {
		for _, w := range q.Words {
			for _, a := range ax.generic[w] {
				fn(a)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
