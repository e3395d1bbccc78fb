package workbench

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

func TestEmptyFormGivesReaderTheRoom(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	middle := wb.panes.splits["middle"]
	steps := []struct {
		name string
		do   func()
		want float64
	}{
		{"no event selected", func() {}, collapsedForm},
		{"an event selected", func() { wb.SelectEvent(wb.events[0].ID) }, 0.6},
		{"the user moves the split", func() { middle.SetOffset(0.5) }, 0.5},
		{"selection cleared", func() { wb.SelectEvent("") }, collapsedForm},
		{"another event selected", func() { wb.SelectEvent(wb.events[1].ID) }, 0.5},
	}
	for _, s := range steps {
		s.do()
		if math.Abs(middle.Offset-s.want) > 1e-9 {
			t.Errorf("%s: middle split at %g, want %g (form shown %v)", s.name, middle.Offset, s.want, wb.form.shown)
		}
	}
}

func TestLayoutRememberedBetweenRuns(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	wb.panes.splits["main"].SetOffset(0.25)
	wb.panes.splits["side"].SetOffset(0.4)
	wb.SelectEvent(wb.events[0].ID)
	wb.panes.splits["middle"].SetOffset(0.7)
	wb.SelectEvent("") // collapsed: the 0.7 is what is kept
	wb.toggleLegend()
	if !wb.mapView.Grouping() {
		t.Fatal("dense events are not grouped on the first run")
	}
	wb.toggleGrouping()
	if wb.mapView.Grouping() {
		t.Fatal("Map → Group dense events did not switch grouping off")
	}
	wb.SaveLayout()

	// The next run: a new workbench in the same app.
	wb2, _, _ := openTestWorkbench(t, wb.project)
	for name, want := range map[string]float64{"main": 0.25, "side": 0.4, "right": 0.55, "middle": collapsedForm} {
		if got := wb2.panes.splits[name].Offset; math.Abs(got-want) > 1e-9 {
			t.Errorf("split %s at %g after a restart, want %g", name, got, want)
		}
	}
	wb2.SelectEvent(wb2.events[0].ID)
	if got := wb2.panes.splits["middle"].Offset; math.Abs(got-0.7) > 1e-9 {
		t.Errorf("middle split with an event at %g after a restart, want 0.7", got)
	}
	if wb2.mapView.Legend() {
		t.Error("legend shown after it was switched off in the last run")
	}
	if v := fyne.CurrentApp().Preferences().Bool(prefLegend); v {
		t.Error("legend preference still on")
	}
	if wb2.mapView.Grouping() {
		t.Error("dense events grouped after grouping was switched off in the last run")
	}
}
