package annotate

import "testing"

func TestFeatureCodeRank(t *testing.T) {
	for code, want := range map[string]int{"PPLC": 0, "PPLA": 1, "PPLA2": 2, "PPLA3": 3, "PPLA4": 3, "PPL": 4, "PPLW": 5, "": 5} {
		if got := FeatureCodeRank(code); got != want {
			t.Errorf("FeatureCodeRank(%q) = %d, want %d", code, got, want)
		}
	}
}
