package workbench

import "testing"

func TestGuessActor(t *testing.T) {
	for _, c := range []struct{ name, country, kind string }{
		{"Military Forces of Tajikistan (Border Troops)", "Tajikistan", "state"},
		{"Drug smugglers (Afghanistan)", "Afghanistan", ""},
		{"Jamaat Ansarullah", "", ""},
		{"Police Forces of Afghanistan (2021-)", "Afghanistan", "state"},
		{"Таджикские пограничники", "Tajikistan", "state"},
		{"Afghan refugees in Tajikistan", "", ""},
		{"Uzbek traders", "Uzbekistan", ""},
	} {
		country, kind := guessActor(c.name)
		if country != c.country || kind != c.kind {
			t.Errorf("%q: %q, %q; want %q, %q", c.name, country, kind, c.country, c.kind)
		}
	}
}
