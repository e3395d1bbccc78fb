package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestRenderFilter(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	events := []annotate.Event{
		{ID: "a", Type: "Diplomacy", DateStart: day("2025-03-01"), DateEnd: day("2025-03-01")},
		{ID: "b", Type: "Security incident", DateStart: day("2025-04-10"), DateEnd: day("2025-04-12")},
		{ID: "c", Type: "Security incident", DateStart: day("2025-06-01"), DateEnd: day("2025-06-01")},
		{ID: "d", Type: "Diplomacy"}, // undated
	}
	for _, c := range []struct {
		types, from, to string
		want            string
		err             string
	}{
		{"", "", "", "a b c d", ""},
		{"Security incident", "", "", "b c", ""},
		{" Diplomacy , Security incident ", "", "", "a b c d", ""},
		{"", "2025-04", "", "b c", ""},
		{"", "", "2025-04-10", "a b", ""},
		{"", "2025-04-12", "2025-05", "b", ""},
		{"Diplomacy", "2025", "2025", "a", ""},
		{"", "13/04/2025", "", "", `-from "13/04/2025": want a date as YYYY-MM-DD, YYYY-MM or YYYY`},
		{"", "2025-05", "2025-04", "", "-to 2025-04 is before -from 2025-05"},
	} {
		f, err := parseRenderFilter(c.types, c.from, c.to)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("%q %q %q: error %v, want %q", c.types, c.from, c.to, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range f.keep(events) {
			ids = append(ids, e.ID)
		}
		if got := strings.Join(ids, " "); got != c.want {
			t.Errorf("%q %q %q keeps %q, want %q", c.types, c.from, c.to, got, c.want)
		}
	}
	f, _ := parseRenderFilter("security INCIDENT", "", "")
	if err := f.check(annotate.DefaultTaxonomy()); err != nil || !f.types["Security incident"] {
		t.Errorf("a type in another case: %v, types %v", err, f.types)
	}
	f, _ = parseRenderFilter("Battles", "", "")
	if err := f.check(annotate.DefaultTaxonomy()); err == nil || !strings.HasPrefix(err.Error(), `-type "Battles": the project's types are Diplomacy, `) {
		t.Errorf("an unknown type: %v", err)
	}
}

// TestRenderFiltered draws the sample's Security cooperation events only,
// and refuses a type the project does not have.
func TestRenderFiltered(t *testing.T) {
	_, proj := newSample(t)
	out := filepath.Join(t.TempDir(), "f.png")
	code, stdout, errs := run("render", "-project", proj, "-o", out, "-type", "Security cooperation", "-from", "2025")
	if code != 0 || !strings.HasSuffix(stdout, "(1280x800, 1 event)\n") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 1 event drawn", code, stdout, errs)
	}
	code, _, errs = run("render", "-project", proj, "-o", out, "-from", "2030")
	if code != 0 || errs != "eventatlas render: no event of the project's 6 matches -type, -from and -to: the map shows none\n" {
		t.Errorf("an empty filter: exit %d, stderr %q", code, errs)
	}
	code, _, errs = run("render", "-project", proj, "-o", out, "-type", "Battles")
	if code != 2 || !strings.Contains(errs, `-type "Battles": the project's types are`) {
		t.Errorf("exit %d, stderr %q; want 2 and the project's types", code, errs)
	}
}
