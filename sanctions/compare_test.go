package sanctions

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompareNames checks verdicts and explanations on the examples.
func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b  string
		kind  Kind
		match bool
	}{
		{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD.", KindUnknown, true},
		{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab", KindUnknown, true},
		{"华为技术有限公司", "Huawei Technologies Co., Ltd.", KindUnknown, true},
		{"BUSH GEORGE", "GEORGE BUSH", KindUnknown, true},
		{"George Bush", "George Habbash", KindPerson, false},
		{"emma daniels", "EMMA LLC", KindUnknown, false},
		{"11420 Corp", "11421 Corp", KindUnknown, false},
		{"Example Vessel One", "EXAMPLE VESSEL 1", KindVessel, true},
	}
	for _, tt := range tests {
		c := CompareNamesKind(tt.a, tt.b, tt.kind)
		if c.Match != tt.match {
			t.Errorf("CompareNamesKind(%q, %q) = %.3f, match %v, want %v (%s)", tt.a, tt.b, c.Score, c.Match, tt.match, c.Reason)
		}
		if c.Threshold != DefaultThreshold || c.Match != (c.Score >= DefaultThreshold) {
			t.Errorf("threshold %v, score %v, match %v", c.Threshold, c.Score, c.Match)
		}
		if c.Score < 0 || c.Score > 1 || c.Reason == "" {
			t.Errorf("score %v, reason %q", c.Score, c.Reason)
		}
		if tt.kind == KindUnknown {
			if d := CompareNames(tt.a, tt.b); d.Score != c.Score {
				t.Errorf("CompareNames and CompareNamesKind(unknown) differ: %v vs %v", d.Score, c.Score)
			}
		}
	}
}

// TestCompareNamesExplanation checks the parts of an explanation.
func TestCompareNamesExplanation(t *testing.T) {
	c := CompareNames("The Example Widget Trading Co., Ltd.", "EXAMPLE WIDGETS TRADING COMPANY LIMITED")
	want := NameForm{
		Original:   "The Example Widget Trading Co., Ltd.",
		Normalized: "the example widget trading co ltd",
		Tokens: []NameToken{
			{Text: "the", Kind: "stop", Orig: "The"},
			{Text: "example", Kind: "word", Orig: "Example"},
			{Text: "widget", Kind: "word", Orig: "Widget"},
			{Text: "trading", Kind: "word", Orig: "Trading"},
			{Text: "co ltd", Kind: "legal_form", Orig: "Co Ltd"},
		},
		LegalForms: []string{"co ltd"},
		StopWords:  []string{"the"},
	}
	if diff := cmp.Diff(want, c.A); diff != "" {
		t.Errorf("A mismatch (-want +got):\n%s", diff)
	}
	if c.B.Normalized != "example widgets trading co ltd" {
		t.Errorf("B normalised %q", c.B.Normalized)
	}
	var pairs []string
	for _, p := range c.Pairs {
		pairs = append(pairs, p.A+"="+p.B)
	}
	if diff := cmp.Diff([]string{"example=example", "trading=trading", "widget=widgets"}, pairs); diff != "" {
		t.Errorf("pairs mismatch (-want +got):\n%s", diff)
	}
	if c.LegalAdjust <= 0 || c.Mode != "organization" || !c.Match {
		t.Errorf("legal %v, mode %q, match %v", c.LegalAdjust, c.Mode, c.Match)
	}
}

// TestComparisonJSON checks the JSON shape the command line prints.
func TestComparisonJSON(t *testing.T) {
	b, err := json.Marshal(CompareNames("AO Kaspersky Lab", "Kasperskiy Laboratoriya"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "score", "match", "threshold", "mode", "pairs", "reason"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	a := m["a"].(map[string]any)
	for _, k := range []string{"original", "normalized", "tokens", "legal_forms"} {
		if _, ok := a[k]; !ok {
			t.Errorf("JSON a lacks %q: %s", k, b)
		}
	}
	p := m["pairs"].([]any)[0].(map[string]any)
	for _, k := range []string{"a", "b", "score", "weight_a", "weight_b"} {
		if _, ok := p[k]; !ok {
			t.Errorf("JSON pair lacks %q: %s", k, b)
		}
	}
	// No pairs marshals as [] rather than null.
	b, _ = json.Marshal(CompareNames("", "x"))
	if err := json.Unmarshal(b, &m); err != nil || m["pairs"] == nil {
		t.Errorf("empty comparison JSON: %s", b)
	}
}

// FuzzCompareNames checks that comparison never panics and stays in range.
func FuzzCompareNames(f *testing.F) {
	seeds := [][2]string{
		{"Hangzhou Hikvision Digital Technology Co Ltd", "HIK-VISION DIGITAL TECH CO., LTD."},
		{"Kasperskiy Laboratoriya AO", "AO Kaspersky Lab"},
		{"华为技术有限公司", "Huawei Technologies Co., Ltd."},
		{"BUSH GEORGE", "GEORGE BUSH"},
		{"PLA", "People's Liberation Army"},
		{"ООО Пример", "Obshchestvo s Ogranichennoy Otvetstvennostyu Primer"},
		{"", ""},
		{"\xff", "a\u0301"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], uint8(0))
	}
	kinds := []Kind{KindUnknown, KindPerson, KindOrganization, KindVessel}
	f.Fuzz(func(t *testing.T, a, b string, k uint8) {
		kind := kinds[int(k)%len(kinds)]
		c := CompareNamesKind(a, b, kind)
		if math.IsNaN(c.Score) || c.Score < 0 || c.Score > 1 {
			t.Fatalf("CompareNamesKind(%q, %q) = %v", a, b, c.Score)
		}
		if c.Match != (c.Score >= c.Threshold) {
			t.Fatalf("match %v at score %v", c.Match, c.Score)
		}
		if _, err := json.Marshal(c); err != nil {
			t.Fatalf("marshal: %v", err)
		}
	})
}
