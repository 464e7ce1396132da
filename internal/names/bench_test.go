package names

import "testing"

// Typical company names as a vendor master and a list spell them.
var benchPairs = [][2]string{
	{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD."},
	{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab"},
	{"Huawei Technologies Co., Ltd.", "华为技术有限公司"},
	{"Example Widget Trading Co., Ltd.", "Example Widgets Trading Company Limited"},
	{"Shenzhen Example Electronics Co Ltd", "Example Electronic Industries Inc"},
	{"Rostec State Corporation", "Gosudarstvennaya Korporatsiya Rostekh"},
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := benchPairs[i%len(benchPairs)]
		Parse(p[0], KindUnknown)
	}
}

func BenchmarkScore(b *testing.B) {
	var names [][2]*Name
	for _, p := range benchPairs {
		names = append(names, [2]*Name{Parse(p[0], KindOrganization), Parse(p[1], KindOrganization)})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := names[i%len(names)]
		Score(p[0], p[1], nil)
	}
}

func BenchmarkScoreIDF(b *testing.B) { benchScoreIDF(b, false) }

// BenchmarkScoreWeighed is BenchmarkScoreIDF with both names weighed
// (Name.Weigh) with the IDF they are scored with, as the Screener does.
func BenchmarkScoreWeighed(b *testing.B) { benchScoreIDF(b, true) }

// benchScoreIDF scores the benchmark pairs with an IDF over their names,
// weighed with it first when weigh is set.
func benchScoreIDF(b *testing.B, weigh bool) {
	var names [][2]*Name
	var corpus []*Name
	for _, p := range benchPairs {
		x, y := Parse(p[0], KindOrganization), Parse(p[1], KindOrganization)
		names = append(names, [2]*Name{x, y})
		corpus = append(corpus, x, y)
	}
	idf := NewIDF(corpus)
	for _, n := range corpus {
		if weigh {
			n.Weigh(idf)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := names[i%len(names)]
		Score(p[0], p[1], idf)
	}
}

func BenchmarkCompare(b *testing.B) {
	var names [][2]*Name
	for _, p := range benchPairs {
		names = append(names, [2]*Name{Parse(p[0], KindOrganization), Parse(p[1], KindOrganization)})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := names[i%len(names)]
		Compare(p[0], p[1], nil)
	}
}
