package names

import "math"

// IDF weighs tokens by inverse document frequency over a corpus of names
// (usually every name and alias of the loaded lists): a token that occurs in
// few names is informative, one that occurs in many is not. It is immutable
// after NewIDF and safe for concurrent use.
//
// Names scored many times with the same IDF (a list's names, a query
// compared with many of them) can be weighed with it once (Name.Weigh), so
// that Score does not look their tokens up for every pair.
type IDF struct {
	// weights holds Weight of every token the corpus holds, computed
	// once by NewIDF from the token's document frequency.
	weights map[string]float64
	docs    int
	// ref is the IDF at which a token reaches full weight.
	ref float64
}

// NewIDF counts, for every word, the number of names in corpus that hold it.
// Nil names are skipped.
func NewIDF(corpus []*Name) *IDF {
	idf := &IDF{}
	df := make(map[string]int)
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
			df[t.text]++
		}
	}
	// A token in one name of 500 (or of the whole corpus, when smaller)
	// carries full weight.
	idf.ref = math.Log(float64(min(idf.docs, 500) + 1))
	idf.weights = make(map[string]float64, len(df))
	for token, n := range df {
		idf.weights[token] = idf.weight(token, n)
	}
	return idf
}

// Docs returns the number of names counted.
func (f *IDF) Docs() int { return f.docs }

// Weight returns the informativeness of token in [0.05, 1]: from the
// document frequency, capped by the built-in weight of generic words, and 1
// for tokens the corpus does not hold.
func (f *IDF) Weight(token string) float64 {
	if f != nil {
		if w, ok := f.weights[token]; ok {
			return w
		}
	}
	return genericPrior(token)
}

// weight computes the Weight of a token that occurs in df > 0 of the
// corpus's names.
func (f *IDF) weight(token string, df int) float64 {
	prior := genericPrior(token)
	idf := math.Log(float64(f.docs+1) / float64(df))
	w := idf / f.ref
	w = max(0.05, min(1, w))
	return min(prior, w)
}

// genericPrior is the weight of a token without document frequencies: its
// built-in weight when it is a generic word, else 1.
func genericPrior(token string) float64 {
	if w, ok := genericWeights[token]; ok {
		return w
	}
	return 1.0
}
