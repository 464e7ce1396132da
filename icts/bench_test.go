package icts

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkProhibited(b *testing.B) {
	r := Default()
	at := OnDay(2024, 9, 29)
	b.ReportAllocs()
	for b.Loop() {
		if !r.Prohibited("Kaspersky Lab Inc", Update, at).Prohibited {
			b.Fatal("not prohibited")
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Default()
	}
}

func BenchmarkReadIssueDaily(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "fr-daily-issue-2024-02-12.xml"))
	if err != nil {
		b.Skipf("shared corpus absent: %v", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadIssue(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
