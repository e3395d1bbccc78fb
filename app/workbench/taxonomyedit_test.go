package workbench

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestTaxonomyEditorAddType adds "Humanitarian" in Edit → Event types… and
// saves: the project stores it and the form's type completion offers it and
// its sub-types.
func TestTaxonomyEditorAddType(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	e := wb.showTaxonomy()
	e.add()
	e.name.SetText("Humanitarian")
	e.subs.SetText("aid delivery, displacement")
	e.colour.SetSelected("Bluish green")
	e.symbol.SetSelected("star")
	if e.hex.Text != "#009E73" {
		t.Errorf("hex after choosing Bluish green = %q", e.hex.Text)
	}
	test.Tap(e.sheet.def)
	if len(*errs) > 0 {
		t.Fatalf("errors: %v", *errs)
	}
	tax, err := wb.project.Taxonomy()
	if err != nil || len(tax) != 7 {
		t.Fatalf("Taxonomy = %v, %v", tax.Names(), err)
	}
	h := tax[6]
	if h.Name != "Humanitarian" || strings.Join(h.SubTypes, "|") != "aid delivery|displacement" ||
		h.Color != (color.NRGBA{0x00, 0x9E, 0x73, 0xff}) || h.Symbol != "star" {
		t.Errorf("stored type = %+v", h)
	}
	if wb.tax.Lookup("Humanitarian").Symbol != "star" {
		t.Error("the workbench did not reload the taxonomy")
	}
	found := map[string]bool{}
	for _, o := range wb.form.typeOptions("hum") {
		found[o.value] = true
	}
	if !found["Humanitarian"] {
		t.Errorf("typeOptions(hum) lacks Humanitarian: %v", found)
	}
	found = map[string]bool{}
	for _, o := range wb.form.typeOptions("displace") {
		found[o.value] = true
	}
	if !found["Humanitarian"+subTypeSep+"displacement"] {
		t.Errorf("typeOptions(displace) lacks Humanitarian › displacement: %v", found)
	}
	if indexOf(wb.filters.typ.Options, "Humanitarian") < 0 {
		t.Errorf("filter types = %v", wb.filters.typ.Options)
	}
}

// TestTaxonomyEditorRefusesTypesInUse keeps a type events use from being
// removed or renamed.
func TestTaxonomyEditorRefusesTypesInUse(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	e := wb.showTaxonomy()
	e.list.Select(0) // Diplomacy
	e.remove()
	if len(e.draft) != 6 || !strings.HasPrefix(e.message.Text, `"Diplomacy" is the type of 5 events;`) {
		t.Errorf("remove of a type in use: %d types, message %q", len(e.draft), e.message.Text)
	}
	e.name.SetText("Diplomatic")
	test.Tap(e.sheet.def)
	if len(*errs) != 1 || !strings.Contains((*errs)[0].Error(), `cannot rename "Diplomacy" to "Diplomatic": it is the type of 5 events`) {
		t.Fatalf("rename of a type in use: %v", *errs)
	}
	if tax, _ := wb.project.Taxonomy(); tax[0].Name != "Diplomacy" {
		t.Errorf("a refused rename was stored: %v", tax.Names())
	}
	// An unused type goes.
	e = wb.showTaxonomy()
	e.list.Select(5) // Other
	e.remove()
	test.Tap(e.sheet.def)
	if tax, _ := wb.project.Taxonomy(); len(tax) != 5 || wb.tax.Lookup("Other").Symbol != "circle" {
		t.Errorf("after removing Other: %v", tax.Names())
	}
	wb.Undo()
	if len(wb.tax) != 6 {
		t.Errorf("Undo left %v", wb.tax.Names())
	}
}
