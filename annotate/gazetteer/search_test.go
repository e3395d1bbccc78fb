package gazetteer

import (
	"testing"
)

func TestSearch(t *testing.T) {
	g := baseGazetteer(t)
	tests := []struct {
		query string
		limit int
		first []string // the first results, in order
		n     int      // exact number of results, or -1
		has   string   // an ID among the results
	}{
		{"dush", 5, []string{"gn:1221874", "adm1:TJ-DU"}, 2, ""},
		{"Душ", 5, []string{"gn:1221874", "adm1:TJ-DU"}, 2, ""},
		{"kunduz", 0, []string{"gn:1135689", "adm1:AF-KDZ"}, -1, ""}, // exact names first, the province seat before its province
		{"KONDOZ", 0, []string{"gn:1135689", "adm1:AF-KDZ"}, 2, ""},
		{"mazar-e", 3, []string{"gn:1133616"}, 1, ""},
		{"mazār e sharīf", 3, []string{"gn:1133616"}, 1, ""},
		{"کندز", 3, []string{"gn:1135689", "adm1:AF-KDZ"}, 2, ""},
		{"хатлон", 3, []string{"adm1:TJ-KT"}, 1, ""},
		{"sharif", 0, []string{"gnn:PK-PB:sharifabad"}, -1, "gn:1133616"}, // names that start with it, then names with a word that does
		{"a", 7, nil, 7, ""}, // limit respected
		{"", 5, nil, 0, ""},
		{"  - ", 5, nil, 0, ""},
		{"zzzqx", 5, nil, 0, ""},
	}
	for _, tt := range tests {
		got := placeIDs(g.Search(tt.query, tt.limit))
		if tt.n >= 0 && len(got) != tt.n {
			t.Errorf("Search(%q, %d) = %v: %d results, want %d", tt.query, tt.limit, got, len(got), tt.n)
			continue
		}
		if tt.has != "" && !contains(got, tt.has) {
			t.Errorf("Search(%q, %d) = %v, want %s among them", tt.query, tt.limit, got, tt.has)
		}
		for i, id := range tt.first {
			if i >= len(got) || got[i] != id {
				t.Errorf("Search(%q, %d) = %v, want %v first", tt.query, tt.limit, got, tt.first)
				break
			}
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
