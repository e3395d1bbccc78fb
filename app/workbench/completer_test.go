package workbench

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"eventatlas/annotate"
)

func TestCompleterKeys(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	start, end := offsetOf(t, wb.articles[wb.current].Text, "visited Kunduz")
	wb.reader.SetSelection(start, end)
	shortcut(w, ctrlKey(fyne.KeyE))
	f := wb.form

	// Esc closes the list only; a second Esc drops the draft.
	wb.focus(f.place)
	key(w, fyne.KeyDown)
	if !f.place.listShown() || w.Canvas().Focused() != f.place.keys {
		t.Fatal("↓ did not open the place list with the keyboard in it")
	}
	key(w, fyne.KeyEscape)
	if f.place.listShown() || !f.isDraft || !focusedIs(w, f.place) {
		t.Fatalf("Esc: list shown %v, draft %v, focus %T", f.place.listShown(), f.isDraft, w.Canvas().Focused())
	}

	// Typing searches the gazetteer; Tab picks the first match and moves on.
	shortcut(w, &fyne.ShortcutSelectAll{})
	typeText(w, "mazar")
	if !f.place.listShown() || f.place.opts[0].value != "gn:1133616" {
		t.Fatalf("typing mazar offers %v", f.place.opts)
	}
	key(w, fyne.KeyBackspace) // edits the text through the list
	if f.place.Text != "maza" {
		t.Errorf("Backspace in the list left %q", f.place.Text)
	}
	key(w, fyne.KeyTab)
	if !focusedIs(w, f.geo) || f.place.listShown() {
		t.Fatalf("Tab: focus %T, list shown %v", w.Canvas().Focused(), f.place.listShown())
	}
	if f.placeID != "gn:1133616" || f.geo.Selected != "exact" {
		t.Errorf("picked %q (%s), want Mazar-i-Sharif gn:1133616, exact", f.placeID, f.geo.Selected)
	}

	// A click on an option picks it.
	wb.focus(f.typ)
	typeText(w, "prot")
	f.typ.keys.list.Select(0)
	if f.typ.Text != "Protest and unrest" || f.typ.listShown() {
		t.Errorf("clicking the option left %q (list shown %v)", f.typ.Text, f.typ.listShown())
	}

	// Backspace in the empty actor field removes the last actor.
	wb.focus(f.actorAdd)
	typeText(w, "rahmon")
	key(w, fyne.KeyReturn)
	if len(f.actors) != 1 || f.actors[0].Name != "Emomali Rahmon" {
		t.Fatalf("actors %+v", f.actors)
	}
	key(w, fyne.KeyBackspace)
	if len(f.actors) != 0 {
		t.Errorf("Backspace kept %+v", f.actors)
	}
}

func TestActorChipKeys(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	wb.SelectEvent(wb.table.rows[3].ID) // Khatlon deputy governor meets the governor of Kunduz: two actors
	f := wb.form
	if len(f.actors) != 2 {
		t.Fatalf("event has %d actors", len(f.actors))
	}
	wb.focus(f.chips.Objects[2].(fyne.Focusable))
	typeText(w, "3")
	if f.actors[1].Role != "associated" || !f.dirty {
		t.Errorf("3 set role %q (dirty %v)", f.actors[1].Role, f.dirty)
	}
	if chip, ok := w.Canvas().Focused().(*actorChip); !ok || chip.i != 1 || !strings.HasSuffix(chip.Text, "(assoc.)") {
		t.Errorf("focus after the role change: %T", w.Canvas().Focused())
	}
	key(w, fyne.KeyDelete)
	if len(f.actors) != 1 {
		t.Errorf("Del left %d actors", len(f.actors))
	}
	key(w, fyne.KeyReturn)
	got, _ := wb.project.Event(f.base.ID)
	if len(got.Actors) != 1 || got.Actors[0].Role != "actor1" {
		t.Errorf("stored actors %+v", got.Actors)
	}
}

func TestShortType(t *testing.T) {
	tax := annotate.DefaultTaxonomy()
	for in, want := range map[string]string{
		"Diplomacy": "Diplomacy", "Security cooperation": "Sec. cooperation", "Security incident": "Sec. incident",
		"Trade and economy": "Trade and economy", "Other": "Other", "Unknown type": "Unknown type",
	} {
		if got := shortType(tax, in); got != want {
			t.Errorf("shortType(%q) = %q, want %q", in, got, want)
		}
	}
}
