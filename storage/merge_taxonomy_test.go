package storage

import (
	"database/sql"
	"image/color"
	"slices"
	"strings"
	"testing"

	"eventatlas/annotate"
)

// theirTaxonomy is a teammate's taxonomy: the defaults with Diplomacy
// recoloured, a sub-type added to Security incident and a new type.
func theirTaxonomy() annotate.Taxonomy {
	t := annotate.DefaultTaxonomy()
	for i := range t {
		switch t[i].Name {
		case "Diplomacy":
			t[i].Color = color.NRGBA{0xCC, 0x79, 0xA7, 0xff}
		case "Security incident":
			t[i].SubTypes = append(slices.Clone(t[i].SubTypes), "drone strike")
		}
	}
	return append(t, annotate.EventType{Name: "Refugee movement", SubTypes: []string{"crossing", "return"},
		Color: color.NRGBA{0x99, 0x99, 0x33, 0xff}, Symbol: annotate.SymbolTriangle})
}

func TestMergeTaxonomy(t *testing.T) {
	p, _ := newProject(t)
	q, path := newProject(t)
	if err := q.SaveTaxonomy(theirTaxonomy()); err != nil {
		t.Fatal(err)
	}
	q.Close()

	sum, err := p.Merge(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum.TypesAdded != 1 || sum.SubTypesAdded != 1 || !sum.Changed() ||
		!strings.Contains(sum.String(), "1 event type and 1 sub-type added") {
		t.Errorf("summary %+v: %s", sum, sum)
	}
	if len(sum.Notes) != 1 || !strings.Contains(sum.Notes[0], `event type "Diplomacy" is drawn differently in their file (#CC79A7`) {
		t.Errorf("notes %q", sum.Notes)
	}
	got, err := p.Taxonomy()
	if err != nil {
		t.Fatal(err)
	}
	def := annotate.DefaultTaxonomy()
	if len(got) != len(def)+1 {
		t.Fatalf("%d types after the merge, want %d", len(got), len(def)+1)
	}
	if d := got.Lookup("Diplomacy"); d.Color != def.Lookup("Diplomacy").Color {
		t.Errorf("our Diplomacy recoloured to %v", d.Color)
	}
	if si := got.Lookup("Security incident"); !slices.Contains(si.SubTypes, "drone strike") || len(si.SubTypes) != len(def.Lookup("Security incident").SubTypes)+1 {
		t.Errorf("Security incident sub-types %v", si.SubTypes)
	}
	if r := got[len(got)-1]; r.Name != "Refugee movement" || r.Color != (color.NRGBA{0x99, 0x99, 0x33, 0xff}) || r.Symbol != annotate.SymbolTriangle ||
		strings.Join(r.SubTypes, "|") != "crossing|return" {
		t.Errorf("new type %+v", r)
	}

	again, err := p.Merge(path)
	if err != nil {
		t.Fatal(err)
	}
	if again.TypesAdded != 0 || again.SubTypesAdded != 0 || again.Changed() {
		t.Errorf("second merge changed the taxonomy: %+v", again)
	}

	if _, err := p.Undo(); err != nil { // the second merge changed nothing: this undoes the first
		t.Fatal(err)
	}
	back, err := p.Taxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(def) || slices.Contains(back.Names(), "Refugee movement") {
		t.Errorf("after undo: %d types (%v)", len(back), back.Names())
	}
}

// TestMergeHostileTaxonomy: event types that are broken or unsafe in a
// teammate's file are skipped and reported; the sound ones come in.
func TestMergeHostileTaxonomy(t *testing.T) {
	p, _ := newProject(t)
	q, path := newProject(t)
	if err := q.SaveTaxonomy(theirTaxonomy()); err != nil {
		t.Fatal(err)
	}
	q.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (20, 'Bad colour', '[]', 'red', 'circle')`,
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (21, 'Bad symbol', '[]', '#112233', 'skull')`,
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (22, 'Bad subs', '{"a":1}', '#112233', 'circle')`,
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (23, 'refugee MOVEMENT', '[]', '#112233', 'circle')`,
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (24, '` + strings.Repeat("x", 300) + `', '[]', '#112233', 'circle')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	sum, err := p.Merge(path)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, s := range sum.Skipped {
		if s.Table == "taxonomy" {
			reasons = append(reasons, s.Row+": "+s.Reason)
		}
	}
	want := []string{
		`Bad colour: skipped: the colour "red" is not #RRGGBB`,
		`Bad symbol: skipped: the symbol "skull" is not one Event Atlas draws`,
		`Bad subs: skipped: the sub-types are not a JSON array of names: json: cannot unmarshal object into Go value of type []string`,
		`refugee MOVEMENT: skipped: the event type is listed twice`,
	}
	if len(reasons) != 5 || !slices.Equal(reasons[:4], want) || !strings.Contains(reasons[4], "longer than 200 bytes") {
		t.Errorf("skipped:\n%s", strings.Join(reasons, "\n"))
	}
	if sum.TypesAdded != 1 {
		t.Errorf("types added %d, want 1 (Refugee movement)", sum.TypesAdded)
	}
}
