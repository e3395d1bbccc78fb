package workbench

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/mapview/tiles"
)

// The preferences of the online map background.
const (
	prefTilesEnabled = "tiles.enabled" // bool, default false
	prefTilesURL     = "tiles.url"     // URL template, default OpenStreetMap's
)

// tileSource is the source for URL template u: OpenStreetMap's when it is
// that, else one credited to its host.
func tileSource(u string) tiles.Source {
	src := tiles.OpenStreetMap()
	if u != src.URLTemplate {
		src.URLTemplate = u
		host := u
		if p, err := url.Parse(strings.NewReplacer("{z}", "0", "{x}", "0", "{y}", "0").Replace(u)); err == nil && p.Host != "" {
			host = p.Host
		}
		src.Attribution = "Tiles © " + host
	}
	return src
}

// applyTilePrefs shows or hides the online background as the preferences
// say; a bad template turns it off and is returned.
func (wb *Workbench) applyTilePrefs() error {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	prefs := a.Preferences()
	if !prefs.BoolWithFallback(prefTilesEnabled, false) {
		return wb.mapView.SetTiles(nil)
	}
	src := tileSource(prefs.StringWithFallback(prefTilesURL, tiles.OpenStreetMap().URLTemplate))
	return wb.mapView.SetTiles(&src)
}

// ShowTileSettings opens Map → Online background tiles…: a check that turns
// the tiles on and the URL template they come from.
func (wb *Workbench) ShowTileSettings() {
	prefs := fyne.CurrentApp().Preferences()
	on := widget.NewCheck("Show online background tiles under the map", nil)
	on.SetChecked(prefs.BoolWithFallback(prefTilesEnabled, false))
	tmpl := widget.NewEntry()
	tmpl.SetText(prefs.StringWithFallback(prefTilesURL, tiles.OpenStreetMap().URLTemplate))
	note := widget.NewLabel("The template needs {z}, {x} and {y}. Tiles are cached on disk; the map works offline without them.")
	note.Wrapping = fyne.TextWrapWord
	wb.tilesOn, wb.tilesURL = on, tmpl
	body := container.NewVBox(on, widget.NewForm(widget.NewFormItem("URL template", tmpl)), note)
	wb.tilesSheet = showSheet(wb.win.Canvas(), "Online background tiles", body, "Apply", func() {
		wb.setTilePrefs(on.Checked, strings.TrimSpace(tmpl.Text))
	}, fyne.NewSize(560, 260))
}

// setTilePrefs stores the tile preferences and applies them; an error is
// shown and the tiles stay off.
func (wb *Workbench) setTilePrefs(enabled bool, template string) error {
	prefs := fyne.CurrentApp().Preferences()
	prefs.SetBool(prefTilesEnabled, enabled)
	if template != "" {
		prefs.SetString(prefTilesURL, template)
	}
	if err := wb.applyTilePrefs(); err != nil {
		wb.onError(err)
		return err
	}
	if enabled {
		wb.status.setMessage("Online background tiles on")
	} else {
		wb.status.setMessage("Online background tiles off")
	}
	return nil
}
