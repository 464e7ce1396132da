package names

import "math"

// IDF weighs tokens by inverse document frequency over a corpus of names
// (usually every name and alias of the loaded lists): a token that occurs in
// few names is informative, one that occurs in many is not. It is immutable
// after NewIDF and safe for concurrent use.
type IDF struct {
	df   map[string]int
	docs int
	// ref is the IDF at which a token reaches full weight.
	ref float64
}

// NewIDF counts, for every word, the number of names in corpus that hold it.
// Nil names are skipped.
func NewIDF(corpus []*Name) *IDF {
	idf := &IDF{df: make(map[string]int)}
	seen := make(map[string]bool)
	for _, n := range corpus {
		if n == nil {
			continue
		}
		idf.docs++
		clear(seen)
		for _, t := range n.content {
			if t.kind != Word || seen[t.text] {
				continue
			}
			seen[t.text] = true
			idf.df[t.text]++
		}
	}
	// A token in one name of 500 (or of the whole corpus, when smaller)
	// carries full weight.
	idf.ref = math.Log(float64(min(idf.docs, 500) + 1))
	return idf
}

// Docs returns the number of names counted.
func (f *IDF) Docs() int { return f.docs }

// Weight returns the informativeness of token in [0.05, 1]: from the
// document frequency, capped by the built-in weight of generic words, and 1
// for tokens the corpus does not hold.
func (f *IDF) Weight(token string) float64 {
	prior := 1.0
	if w, ok := genericWeights[token]; ok {
		prior = w
	}
	if f == nil || f.docs == 0 {
		return prior
	}
	df := f.df[token]
	if df == 0 {
		return prior
	}
	idf := math.Log(float64(f.docs+1) / float64(df))
	w := idf / f.ref
	w = max(0.05, min(1, w))
	return min(prior, w)
}
