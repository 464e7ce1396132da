package sanctions

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiffSnapshots(t *testing.T) {
	old := Snapshot{Source: Source{Code: "EL"}, Parties: []Party{
		{ID: "a", Name: "Example Alpha Trading Co., Ltd."},
		{ID: "b", Name: "Example Beta LLC", Countries: []string{"CN"}},
		{ID: "c", Name: "Example Gamma GmbH"},
	}}
	new := Snapshot{Source: Source{Code: "EL"}, Parties: []Party{
		{ID: "b", Name: "Example Beta LLC", Countries: []string{"HK"}, Aliases: []string{"Beta HK"}},
		{ID: "c", Name: "Example Gamma GmbH"},
		{ID: "d", Name: "Example Delta JSC"},
	}}
	d := DiffSnapshots(old, new)
	got := map[string][]string{}
	for _, c := range d.Added {
		got["added"] = append(got["added"], c.ID)
	}
	for _, c := range d.Removed {
		got["removed"] = append(got["removed"], c.ID)
	}
	for _, c := range d.Changed {
		got["changed"] = append(got["changed"], c.ID)
		got["fields"] = c.Fields
	}
	want := map[string][]string{"added": {"d"}, "removed": {"a"}, "changed": {"b"}, "fields": {"aliases", "countries"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DiffSnapshots (-want +got):\n%s", diff)
	}
	if same := DiffSnapshots(old, old); !same.Empty() {
		t.Errorf("diff of a snapshot with itself is not empty: %+v", same)
	}
}
