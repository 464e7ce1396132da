package sanctions

import (
	"testing"

	"github.com/rpscreen/rpscreen/internal/names"
)

func BenchmarkZZParseQueries(b *testing.B) {
	snap := genSnapshot(42, 2000)
	qs := genQueries(snap, 20000, 7)
	idf := NewScreener(snap).idf
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := qs[i%len(qs)]
		n := names.Parse(q.Name, engineKind(q.Kind))
		n.Weigh(idf)
	}
}
