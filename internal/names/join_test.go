package names

import "testing"

func TestJoinSim(t *testing.T) {
	tests := []struct {
		list, word string
		pairs      bool
	}{
		{"Hik Vision Digital", "Hikvision", true},
		{"Hik Vision Digital", "Hikvisoin", true},
		{"Kasper Sky Lab", "Kaspersky", true},
		{"Hik Vision Digital", "Digital", false},
		{"Hik Vision Digital", "Kaspersky", false},
		{"Example Trading", "Exampletrading", true},
	}
	for _, tt := range tests {
		n := Parse(tt.list, KindOrganization)
		w := Parse(tt.word, KindOrganization)
		got := JoinSim(n, w.Tokens[0].Key)
		if (got > 0) != tt.pairs {
			t.Errorf("JoinSim(%q, %q) = %.3f, want pairing %v", tt.list, tt.word, got, tt.pairs)
		}
		if got > 0 {
			// The engine pairs the word with the run: the score of the
			// two names shows it.
			if r := Compare(n, w, nil); len(r.Pairs) == 0 {
				t.Errorf("%q, %q: JoinSim %.3f but Compare pairs nothing", tt.list, tt.word, got)
			}
		}
	}
	if JoinSim(nil, "x") != 0 || JoinSim(Parse("a b", KindUnknown), "") != 0 {
		t.Error("JoinSim of nothing is not 0")
	}
}

func TestJoins(t *testing.T) {
	n := Parse("Hik Vision CETC 13 Co Ltd", KindOrganization)
	var got []Join
	n.Joins(func(j Join) { got = append(got, j) })
	want := map[string]bool{"hikvision": false, "cetc13": true}
	for _, j := range got {
		if num, ok := want[j.Key]; ok {
			if j.Number != num {
				t.Errorf("join %q: Number %v", j.Key, j.Number)
			}
			delete(want, j.Key)
		}
		if j.First < 0 || j.Last <= j.First || j.Last >= len(n.Tokens) {
			t.Errorf("join %q: tokens %d..%d of %d", j.Key, j.First, j.Last, len(n.Tokens))
		}
	}
	for k := range want {
		t.Errorf("no join with key %q in %+v", k, got)
	}
}
