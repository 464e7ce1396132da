package names

import (
	"math"
	"testing"
)

// TestIssueExamples checks the pairs the name engine exists to catch, and
// the traps other tools fall into.
func TestIssueExamples(t *testing.T) {
	tests := []struct {
		a, b  string
		kind  Kind
		match bool
	}{
		{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD.", KindUnknown, true},
		{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab", KindUnknown, true},
		{"华为技术有限公司", "Huawei Technologies Co., Ltd.", KindUnknown, true},
		{"BUSH GEORGE", "GEORGE BUSH", KindUnknown, true},
		{"Acme PLC", "Acme Public Limited Company", KindUnknown, true},
		{"George Bush", "George Habbash", KindUnknown, false},
		{"emma daniels", "EMMA LLC", KindUnknown, false},
		{"11420 Corp", "11421 Corp", KindUnknown, false},
	}
	for _, tt := range tests {
		a, b := Parse(tt.a, tt.kind), Parse(tt.b, tt.kind)
		s := Score(a, b, nil)
		if got := s >= DefaultThreshold; got != tt.match {
			t.Errorf("Score(%q, %q) = %.3f; match = %v, want %v", tt.a, tt.b, s, got, tt.match)
		}
		if r := Compare(a, b, nil); r.Score != s {
			t.Errorf("Compare(%q, %q).Score = %v, Score = %v", tt.a, tt.b, r.Score, s)
		}
		if s < 0 || s > 1 || math.IsNaN(s) {
			t.Errorf("Score(%q, %q) = %v, out of [0,1]", tt.a, tt.b, s)
		}
	}
}
