package workbench

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestTileSettings(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	wb, _, errs := newTestWorkbench(t, false)
	if wb.mapView.Tiles() != nil {
		t.Fatal("tiles are on by default")
	}
	wb.ShowTileSettings()
	if wb.tilesOn.Checked || wb.tilesURL.Text != "https://tile.openstreetmap.org/{z}/{x}/{y}.png" {
		t.Errorf("defaults: %v %q", wb.tilesOn.Checked, wb.tilesURL.Text)
	}
	wb.tilesOn.SetChecked(true)
	wb.tilesURL.SetText("https://example.org/tiles/{z}/{x}.png")
	test.Tap(wb.tilesSheet.def)
	if len(*errs) != 1 || !strings.Contains((*errs)[0].Error(), "{y}") || wb.mapView.Tiles() != nil {
		t.Errorf("a template without {y} gave %v, tiles %v", *errs, wb.mapView.Tiles())
	}
	*errs = nil
	if err := wb.setTilePrefs(true, "http://127.0.0.1:9/{z}/{x}/{y}.png"); err != nil || len(*errs) > 0 {
		t.Fatal(err, *errs)
	}
	src := wb.mapView.Tiles()
	if src == nil || src.URLTemplate != "http://127.0.0.1:9/{z}/{x}/{y}.png" || src.Attribution != "Tiles © 127.0.0.1:9" {
		t.Errorf("tiles %+v", src)
	}
	if p := fyne.CurrentApp().Preferences(); !p.Bool(prefTilesEnabled) || p.String(prefTilesURL) != src.URLTemplate {
		t.Error("the preferences were not stored")
	}
	wb.setTilePrefs(false, "")
	if wb.mapView.Tiles() != nil {
		t.Error("tiles stay on after turning them off")
	}
}
