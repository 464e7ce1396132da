package names_test

import (
	"fmt"

	"github.com/rpscreen/rpscreen/internal/names"
)

// Parse reads a name once: transliterated, folded, with legal forms,
// abbreviations and numbers recognised.
func ExampleParse() {
	n := names.Parse("ООО «Касперский Лаб», Intl Tech Co., Ltd.", names.KindUnknown)
	fmt.Println(n.Normalized)
	for _, t := range n.Tokens {
		fmt.Printf("%s:%s ", t.Text, t.Kind)
	}
	fmt.Println()
	// Output:
	// llc kasperskiy laboratory international technology co ltd
	// llc:legal_form kasperskiy:word laboratory:word international:word technology:word co ltd:legal_form
}

// Score compares prepared names; the screener parses list names once and
// scores every candidate against the parsed query.
func ExampleScore() {
	query := names.Parse("HIK-VISION DIGITAL TECH CO., LTD.", names.KindOrganization)
	for _, listed := range []string{
		"Hangzhou Hikvision Digital Technology Co Ltd",
		"Hangzhou Example Digital Technology Co Ltd",
	} {
		s := names.Score(query, names.Parse(listed, names.KindOrganization), nil)
		fmt.Printf("%.2f %v %s\n", s, s >= names.DefaultThreshold, listed)
	}
	// Output:
	// 0.91 true Hangzhou Hikvision Digital Technology Co Ltd
	// 0.20 false Hangzhou Example Digital Technology Co Ltd
}

// Compare explains a score: the aligned tokens, what was left over and why.
func ExampleCompare() {
	r := names.Compare(
		names.Parse("Kasperskiy Laboratoriya AO", names.KindUnknown),
		names.Parse("AO Kaspersky Lab", names.KindUnknown), nil)
	fmt.Printf("%.3f %s\n", r.Score, r.Mode)
	for _, p := range r.Pairs {
		fmt.Printf("%s = %s (%.2f)\n", p.A, p.B, p.Score)
	}
	fmt.Println(r.Reason)
	// Output:
	// 0.984 organization
	// laboratory = laboratory (1.00)
	// kasperskiy = kaspersky (0.95)
	// 2 of 2/2 tokens aligned (1 exact, 1 approximate); legal forms agree
}

// NewIDF weighs tokens by how many list names hold them.
func ExampleNewIDF() {
	var corpus []*names.Name
	for _, s := range []string{"Alpha Trading", "Beta Trading", "Gamma Trading", "Delta Shipping"} {
		corpus = append(corpus, names.Parse(s, names.KindOrganization))
	}
	idf := names.NewIDF(corpus)
	fmt.Printf("trading %.2f, delta %.2f\n", idf.Weight("trading"), idf.Weight("delta"))
	// Output:
	// trading 0.15, delta 1.00
}
