package workbench

import (
	"testing"

	"fyne.io/fyne/v2"
)

// mapMenuItem returns the Map menu's item labelled label.
func mapMenuItem(t *testing.T, w fyne.Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Map" && it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no Map → %s item", label)
	return nil
}

func TestShowLegendMenu(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	item := mapMenuItem(t, w, "Show legend")
	for i, want := range []bool{true, false, true} {
		if i > 0 {
			item.Action()
		}
		if wb.mapView.Legend() != want || item.Checked != want {
			t.Errorf("step %d: legend %v, tick %v, want %v", i, wb.mapView.Legend(), item.Checked, want)
		}
	}
}

func TestZoomToSelectionMenu(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, true)
	item := mapMenuItem(t, w, "Zoom to selection")
	before := wb.mapView.View()
	item.Action() // nothing selected: nothing moves
	if wb.mapView.View() != before {
		t.Errorf("with no selection the view moved to %+v", wb.mapView.View())
	}
	evs, err := wb.project.Events()
	if err != nil || len(evs) == 0 {
		t.Fatalf("sample events: %v, %d", err, len(evs))
	}
	wb.SelectEvent(evs[0].ID)
	item.Action()
	if z := wb.mapView.View().Zoom; z <= before.Zoom {
		t.Errorf("zoom %.2f after Zoom to selection, want more than %.2f", z, before.Zoom)
	}
}

func TestExportMapImageMenu(t *testing.T) {
	_, w, _ := newTestWorkbench(t, true)
	item := mapMenuItem(t, w, "Export map image…")
	before := len(w.Canvas().Overlays().List())
	item.Action()
	if after := len(w.Canvas().Overlays().List()); after != before+1 {
		t.Errorf("Map → Export map image… showed %d new overlays, want the save dialog", after-before)
	}
}

func TestExportSlideImageMenu(t *testing.T) {
	_, w, _ := newTestWorkbench(t, true)
	item := mapMenuItem(t, w, "Export slide image (16:9)…")
	before := len(w.Canvas().Overlays().List())
	item.Action()
	if after := len(w.Canvas().Overlays().List()); after != before+1 {
		t.Errorf("Map → Export slide image showed %d new overlays, want the save dialog", after-before)
	}
}

func TestSlideFileName(t *testing.T) {
	for _, c := range []struct{ project, scope, want string }{
		{"/p/3k.gpkg", "Security incident · 1 Mar 2025 – 31 May 2025", "3k-security-incident-1-mar-2025-31-may-2025-slide.png"},
		{"/p/sample-project.gpkg", "", "sample-project-slide.png"},
		{"/p/Проект.gpkg", "“граница”", "проект-граница-slide.png"},
	} {
		if got := slideFileName(c.project, c.scope); got != c.want {
			t.Errorf("slideFileName(%q, %q) = %q, want %q", c.project, c.scope, got, c.want)
		}
	}
}
