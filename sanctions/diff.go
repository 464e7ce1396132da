package sanctions

import (
	"reflect"
	"sort"
)

// Change is one party that differs between two snapshots of a list.
type Change struct {
	// ID is the party's stable ID.
	ID string `json:"id"`
	// Old is the party in the older snapshot (nil when added); New the
	// party in the newer one (nil when removed).
	Old *Party `json:"old,omitempty"`
	New *Party `json:"new,omitempty"`
	// Fields names the fields that changed, for a party in both.
	Fields []string `json:"fields,omitempty"`
}

// Diff is what changed from one snapshot of a list to another.
type Diff struct {
	Old, New Source
	Added    []Change `json:"added,omitempty"`
	Removed  []Change `json:"removed,omitempty"`
	Changed  []Change `json:"changed,omitempty"`
}

// Empty reports whether the two snapshots hold the same parties.
func (d *Diff) Empty() bool { return len(d.Added)+len(d.Removed)+len(d.Changed) == 0 }

// DiffSnapshots pairs the parties of two snapshots by ID (IDs are stable
// across versions of a list) and reports those added, removed and changed,
// each sorted by ID.
func DiffSnapshots(old, new Snapshot) Diff {
	d := Diff{Old: old.Source, New: new.Source}
	before := make(map[string]*Party, len(old.Parties))
	for i := range old.Parties {
		before[old.Parties[i].ID] = &old.Parties[i]
	}
	seen := make(map[string]bool, len(new.Parties))
	for i := range new.Parties {
		p := &new.Parties[i]
		seen[p.ID] = true
		o, ok := before[p.ID]
		if !ok {
			d.Added = append(d.Added, Change{ID: p.ID, New: p})
			continue
		}
		if f := changedFields(o, p); len(f) > 0 {
			d.Changed = append(d.Changed, Change{ID: p.ID, Old: o, New: p, Fields: f})
		}
	}
	for i := range old.Parties {
		if p := &old.Parties[i]; !seen[p.ID] {
			d.Removed = append(d.Removed, Change{ID: p.ID, Old: p})
		}
	}
	for _, cs := range [][]Change{d.Added, d.Removed, d.Changed} {
		sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	}
	return d
}

// changedFields lists the JSON names of the fields that differ.
func changedFields(a, b *Party) []string {
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	t := va.Type()
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			name := t.Field(i).Tag.Get("json")
			for j := 0; j < len(name); j++ {
				if name[j] == ',' {
					name = name[:j]
					break
				}
			}
			out = append(out, name)
		}
	}
	return out
}
