package gazetteer

import (
	"reflect"
	"testing"

	"eventatlas/annotate"
)

func TestRemove(t *testing.T) {
	tests := []struct {
		name       string
		remove     string
		wantOK     bool
		wantAll    []string
		text       string
		wantMatch  []string // first candidate of each match
		search     string
		wantSearch []string
	}{
		{"first", "a", true, []string{"b", "c"}, "Alpha Camp, Beta Post, Gamma Post", []string{"b", "c"}, "post", []string{"b", "c"}},
		{"middle", "b", true, []string{"a", "c"}, "Alpha Camp, Beta Post, Gamma Post", []string{"a", "c"}, "post", []string{"c"}},
		{"last", "c", true, []string{"a", "b"}, "Alpha Camp, Beta Post, Gamma Post", []string{"a", "b"}, "gamma", nil},
		{"unknown", "zzz", false, []string{"a", "b", "c"}, "Alpha Camp, Gamma Post", []string{"a", "c"}, "camp", []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := New([]annotate.Place{
				{ID: "a", Name: "Alpha Camp", Kind: annotate.KindUser},
				{ID: "b", Name: "Beta Post", Kind: annotate.KindUser},
				{ID: "c", Name: "Gamma Post", Names: []string{"Гамма Пост"}, Kind: annotate.KindUser},
			})
			if ok := g.Remove(tc.remove); ok != tc.wantOK {
				t.Errorf("Remove(%q) = %v, want %v", tc.remove, ok, tc.wantOK)
			}
			var all []string
			for _, p := range g.All() {
				all = append(all, p.ID)
				if q, ok := g.Place(p.ID); !ok || q.ID != p.ID {
					t.Errorf("Place(%q) = %+v, %v", p.ID, q, ok)
				}
			}
			if !reflect.DeepEqual(all, tc.wantAll) || g.Len() != len(tc.wantAll) {
				t.Errorf("All = %v (Len %d), want %v", all, g.Len(), tc.wantAll)
			}
			if _, ok := g.Place(tc.remove); ok {
				t.Errorf("Place(%q) found after Remove", tc.remove)
			}
			var got []string
			for _, m := range g.Match(tc.text) {
				got = append(got, m.Candidates[0].ID)
			}
			if !reflect.DeepEqual(got, tc.wantMatch) {
				t.Errorf("Match(%q) = %v, want %v", tc.text, got, tc.wantMatch)
			}
			if got := placeIDs(g.Search(tc.search, 0)); len(got)+len(tc.wantSearch) > 0 && !reflect.DeepEqual(got, tc.wantSearch) {
				t.Errorf("Search(%q) = %v, want %v", tc.search, got, tc.wantSearch)
			}
		})
	}
}

func TestRemoveThenAdd(t *testing.T) {
	g := New([]annotate.Place{{ID: "a", Name: "Alpha Camp"}, {ID: "b", Name: "Beta Post"}})
	g.Remove("a")
	g.Add(annotate.Place{ID: "a", Name: "Alpha Camp"})
	var got []string
	for _, m := range g.Match("Beta Post near Alpha Camp") {
		got = append(got, m.Candidates[0].ID)
	}
	if want := []string{"b", "a"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Match after Remove and Add = %v, want %v", got, want)
	}
	if got := placeIDs(g.All()); !reflect.DeepEqual(got, []string{"b", "a"}) {
		t.Errorf("All = %v", got)
	}
}

func BenchmarkRemove(b *testing.B) {
	g := New(baseGazetteer(b).All()) // a copy: tests must not change the base
	p := annotate.Place{ID: "user:bench", Name: "Sherkhan Bandar checkpoint", Kind: annotate.KindUser}
	for b.Loop() {
		g.Add(p)
		g.Remove(p.ID)
	}
}
