package workbench

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// labelsIn returns the text of every label under o.
func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(o)
	return out
}

func TestF1ShowsEveryShortcut(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	w.Canvas().Unfocus()
	key(w, fyne.KeyF1)
	if wb.help == nil || !wb.help.pop.Visible() {
		t.Fatal("F1 showed no help sheet")
	}
	text := strings.Join(labelsIn(wb.help.pop.Content), "\n")
	for _, k := range []string{"Ctrl+N", "Ctrl+O", "Ctrl+Shift+S", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+E", "Ctrl+Shift+E",
		"Ctrl+F", "Del", "F1", "+", "−", "0", "Enter", "Esc", "Tab / Shift+Tab", "Down, Up, Enter", "Ctrl+H", "Ctrl+I"} {
		if !strings.Contains(text, "\n"+k+"\n") {
			t.Errorf("the help sheet lacks %q", k)
		}
	}
	if !strings.Contains(text, "New event from selection") || !strings.Contains(text, "Add selection as evidence") {
		t.Errorf("the help sheet lacks the event actions:\n%s", text)
	}
	if got := wb.status.message.Text; got != "Keyboard shortcuts: Esc closes the sheet" {
		t.Errorf("status while the sheet shows: %q", got)
	}
	key(w, fyne.KeyEscape)
	if wb.help.pop.Visible() {
		t.Error("Esc did not close the help sheet")
	}
	if got := wb.status.message.Text; got != "" {
		t.Errorf("status after the sheet closed: %q, want it empty", got)
	}
	// F1 works from the form and the table too.
	wb.SelectEvent(wb.table.rows[0].ID)
	wb.focus(wb.form.title)
	key(w, fyne.KeyF1)
	if !wb.help.pop.Visible() {
		t.Error("F1 in the form showed no help sheet")
	}
	key(w, fyne.KeyF1)
	if wb.help.pop.Visible() {
		t.Error("F1 on the sheet did not close it")
	}
	wb.focusTable()
	key(w, fyne.KeyF1)
	if !wb.help.pop.Visible() {
		t.Error("F1 in the table showed no help sheet")
	}
}

func TestMenusShowShortcuts(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	want := map[string]string{
		"New project…": "CustomDesktop:Control+N", "Open project…": "CustomDesktop:Control+O",
		"Export project…": "CustomDesktop:Shift+Control+S", "Undo": "Undo", "Redo": "CustomDesktop:Shift+Control+Z",
		"Find in article…": "CustomDesktop:Control+F", "New event from selection": "CustomDesktop:Control+E",
		"Add selection as evidence": "CustomDesktop:Shift+Control+E", "Delete event…": "CustomDesktop:Delete",
		"Keyboard shortcuts": "CustomDesktop:F1", "Zoom in": "CustomDesktop:+", "Fit region": "CustomDesktop:0",
		"Import…": "CustomDesktop:Control+I", "Export map image…": "", "Merge project…": "",
	}
	got := map[string]string{}
	for _, m := range wb.mainMenu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				got[it.Label] = it.Shortcut.ShortcutName()
			}
		}
	}
	for label, sc := range want {
		if got[label] != sc {
			t.Errorf("menu item %q has shortcut %q, want %q", label, got[label], sc)
		}
	}
	var names []string
	for _, m := range wb.mainMenu.Items {
		names = append(names, m.Label)
	}
	if strings.Join(names, " ") != "File Edit Event Map Help" {
		t.Errorf("menus %v", names)
	}
}

func TestFindBarCountsAndSteps(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	shortcut(w, ctrlKey(fyne.KeyF))
	typeText(w, "taliban")
	text := wb.articles[wb.current].Text
	n := strings.Count(strings.ToLower(text), "taliban")
	if n < 3 {
		t.Fatalf("sample has %d Taliban", n)
	}
	if got, want := wb.find.count.Text, "1 of "+strconv.Itoa(n); got != want {
		t.Errorf("count %q, want %q", got, want)
	}
	key(w, fyne.KeyReturn)
	key(w, fyne.KeyReturn)
	if got, want := wb.find.count.Text, "3 of "+strconv.Itoa(n); got != want {
		t.Errorf("after two Enters %q, want %q", got, want)
	}
	shiftKey(w, fyne.KeyReturn)
	if got, want := wb.find.count.Text, "2 of "+strconv.Itoa(n); got != want {
		t.Errorf("after Shift+Enter %q, want %q", got, want)
	}
	s, e := wb.reader.Selection()
	if strings.ToLower(annotate.RuneSlice(text, s, e)) != "taliban" {
		t.Errorf("selection %d–%d is %q", s, e, annotate.RuneSlice(text, s, e))
	}
	typeText(w, "zzz")
	if wb.find.count.Text != "no matches" {
		t.Errorf("count %q for no matches", wb.find.count.Text)
	}
	key(w, fyne.KeyEscape)
	if wb.find.bar.Visible() {
		t.Error("Esc did not close the find bar")
	}
}

func TestTabOrderOfForm(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	wb.SelectEvent(wb.table.rows[0].ID) // two actors
	f := wb.form
	chips := f.chips.Objects
	order := []fyne.Focusable{f.typ, f.sub, f.title, f.actorAdd, chips[1].(fyne.Focusable), chips[2].(fyne.Focusable),
		f.start, f.end, f.precision, f.place, f.geo, f.certainty, f.state, f.tags, f.fatalities, f.notes}
	wb.focus(f.typ)
	for i := 1; i < len(order); i++ {
		key(w, fyne.KeyTab)
		if !focusedIs(w, order[i]) {
			t.Fatalf("Tab %d went to %T, want %T", i, w.Canvas().Focused(), order[i])
		}
	}
	shiftKey(w, fyne.KeyTab)
	if !focusedIs(w, f.fatalities) {
		t.Errorf("Shift+Tab went to %T, want the fatalities", w.Canvas().Focused())
	}
}
