package mapview

import (
	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"
)

// secondaryTapped reports a right-click outside drawing to
// OnSecondaryTapped: the lon/lat clicked and the event there, if any.
func (m *Map) secondaryTapped(pos fyne.Position) {
	m.mouse = pos // the last place the user pointed at, for PlaceHere
	if m.OnSecondaryTapped == nil {
		return
	}
	v := m.View()
	x, y := float64(pos.X), float64(pos.Y)
	id, _ := m.engine.HitTest(v, x, y)
	m.OnSecondaryTapped(v.ToLonLat(x, y), id)
}

// PlaceHere is where a command such as "Add place here" run from a menu
// puts its place: the lon/lat under the last pointer position on the map
// (moved over, dragged or right-clicked), or the map's centre when the
// pointer has not been over the map.
func (m *Map) PlaceHere() orb.Point {
	v := m.View()
	p := m.mouse
	w, h := float32(v.Width), float32(v.Height)
	if p == (fyne.Position{}) || p.X < 0 || p.Y < 0 || p.X > w || p.Y > h {
		return v.Center
	}
	return v.ToLonLat(float64(p.X), float64(p.Y))
}
