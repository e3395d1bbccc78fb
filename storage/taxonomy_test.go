package storage

import (
	"errors"
	"image/color"
	"reflect"
	"strings"
	"testing"

	"eventatlas/annotate"
)

func TestTaxonomyDefaultWhenEmpty(t *testing.T) {
	p, _ := newProject(t)
	tax, err := p.Taxonomy()
	if err != nil || !reflect.DeepEqual(tax, annotate.DefaultTaxonomy()) {
		t.Fatalf("Taxonomy of a new project = %v, %v; want the default", tax.Names(), err)
	}
}

func TestSaveTaxonomyRoundTripAndUndo(t *testing.T) {
	p, _ := newProject(t)
	want := append(annotate.DefaultTaxonomy()[:2], annotate.EventType{Name: "Humanitarian",
		SubTypes: []string{"aid delivery", "displacement"}, Color: color.NRGBA{0x00, 0x9E, 0x73, 0xff}, Symbol: annotate.SymbolStar})
	in := append(annotate.Taxonomy(nil), want...)
	in[2].Name = "  Humanitarian "
	in[2].SubTypes = []string{" aid delivery", "", "displacement "}
	if err := p.SaveTaxonomy(in); err != nil {
		t.Fatal(err)
	}
	got, err := p.Taxonomy()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("Taxonomy after save = %+v, %v\nwant %+v", got, err, want)
	}
	var n int
	p.db.QueryRow(`SELECT count(*) FROM taxonomy`).Scan(&n)
	if n != 3 {
		t.Errorf("taxonomy rows = %d, want 3", n)
	}
	desc, err := p.Undo()
	if err != nil || desc != "change the event types" {
		t.Fatalf("Undo = %q, %v", desc, err)
	}
	if got, _ := p.Taxonomy(); !reflect.DeepEqual(got, annotate.DefaultTaxonomy()) {
		t.Errorf("Taxonomy after Undo = %v, want the default", got.Names())
	}
	if _, err := p.Redo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := p.Taxonomy(); !reflect.DeepEqual(got, want) {
		t.Errorf("Taxonomy after Redo = %v", got.Names())
	}
}

func TestSaveTaxonomyRejects(t *testing.T) {
	ok := annotate.EventType{Name: "A", Color: color.NRGBA{1, 2, 3, 0xff}, Symbol: annotate.SymbolCircle}
	with := func(f func(*annotate.EventType)) annotate.Taxonomy {
		e := ok
		f(&e)
		return annotate.Taxonomy{ok, e}
	}
	tests := []struct {
		name string
		tax  annotate.Taxonomy
		want string
	}{
		{"empty", nil, "keep at least one event type"},
		{"no name", with(func(e *annotate.EventType) { e.Name = "  " }), "event type 2 has no name"},
		{"duplicate", with(func(e *annotate.EventType) { e.Name = "a" }), `the event type "a" is listed twice`},
		{"translucent", with(func(e *annotate.EventType) { e.Name, e.Color.A = "B", 0x80 }), `the colour of the event type "B" must be opaque`},
		{"symbol", with(func(e *annotate.EventType) { e.Name, e.Symbol = "B", "hexagon" }), `the event type "B" has the unknown symbol "hexagon"`},
	}
	p, _ := newProject(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := p.SaveTaxonomy(tt.tax)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SaveTaxonomy = %v, want %q", err, tt.want)
			}
		})
	}
	if p.CanUndo() {
		t.Error("a refused taxonomy was recorded in the history")
	}
}

func TestTaxonomyCorruptColour(t *testing.T) {
	p, _ := newProject(t)
	if _, err := p.db.Exec(`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (0, 'X', '[]', 'red', 'circle')`); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Taxonomy(); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), `colour "red"`) {
		t.Errorf("Taxonomy with a bad colour = %v", err)
	}
}

func BenchmarkSaveTaxonomy(b *testing.B) {
	p, _ := newProject(b)
	tax := annotate.DefaultTaxonomy()
	for b.Loop() {
		if err := p.SaveTaxonomy(tax); err != nil {
			b.Fatal(err)
		}
	}
}
