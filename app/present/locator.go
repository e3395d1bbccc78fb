package present

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview"
	"eventatlas/mapview/render"
)

// Size of the locator map, in logical pixels, and its gap from the
// window's bottom-right corner (above the attribution line).
const (
	locatorW, locatorH = 220, 160
	locatorGap         = 12
	locatorAbove       = 28
)

// locator is the small map in a slide's bottom-right corner: the whole
// region with a frame where the slide's close view lies, so that the room
// sees where in the region a town it may not know is.
type locator struct {
	view  render.View // the small map's own view
	img   *canvas.Image
	frame *canvas.Rectangle
	edge  *canvas.Rectangle
	box   *fyne.Container // edge, image and frame, laid out by hand
	shown bool
}

// newLocator draws the base map of the region and of every event's place
// (bound) once, with no events on it; engine's events are cleared, so call
// it before the show sets them.
func newLocator(engine *render.Map, tax annotate.Taxonomy, bound orb.Bound, hasBound bool) *locator {
	b := render.RegionBound()
	if hasBound {
		b = b.Union(bound)
	}
	l := &locator{view: render.FitBound(b, locatorW, locatorH, 2)}
	engine.SetEvents(nil, tax)
	engine.SetInset(true) // no scale bar or attribution: the slide's map has them
	style := engine.Style()
	engine.SetStyle(styleForTheme()) // as the slide's map will be drawn
	l.img = canvas.NewImageFromImage(engine.Render(l.view, render.Selection{}))
	engine.SetStyle(style)
	engine.SetInset(false)
	l.img.FillMode = canvas.ImageFillStretch
	l.img.Resize(fyne.NewSize(locatorW, locatorH))
	l.edge = canvas.NewRectangle(color.Transparent)
	l.edge.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.edge.StrokeWidth = 1
	l.edge.Resize(fyne.NewSize(locatorW, locatorH))
	l.frame = canvas.NewRectangle(color.Transparent)
	l.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	l.frame.StrokeWidth = 2
	l.box = container.NewWithoutLayout(l.img, l.frame, l.edge)
	l.box.Resize(fyne.NewSize(locatorW, locatorH))
	l.box.Hide()
	return l
}

// follow puts the frame where view v lies on the locator, and shows the
// locator when on is set and the view is a close one (it covers less than
// half of the locator); the overview needs none.
func (l *locator) follow(v render.View, on bool) {
	b := v.Bound()
	x0, y0 := l.view.ToPixel(orb.Point{b.Min[0], b.Max[1]})
	x1, y1 := l.view.ToPixel(orb.Point{b.Max[0], b.Min[1]})
	w, h := x1-x0, y1-y0
	l.shown = on && w > 0 && h > 0 && w*h < locatorW*locatorH/2
	if !l.shown {
		l.box.Hide()
		return
	}
	// A frame too small to see grows about its centre.
	const least = 8.0
	if w < least {
		x0, w = x0-(least-w)/2, least
	}
	if h < least {
		y0, h = y0-(least-h)/2, least
	}
	// Kept inside the locator, where its edge shows.
	x0 = math.Max(0, math.Min(x0, locatorW-w))
	y0 = math.Max(0, math.Min(y0, locatorH-h))
	l.frame.Move(fyne.NewPos(float32(x0), float32(y0)))
	l.frame.Resize(fyne.NewSize(float32(math.Min(w, locatorW)), float32(math.Min(h, locatorH))))
	l.box.Show()
	l.box.Refresh()
}

// styleForTheme is the map style of the app's theme, as the map widget
// picks it.
func styleForTheme() render.Style {
	a := fyne.CurrentApp()
	return mapview.StyleFor(a.Settings().Theme(), a.Settings().ThemeVariant())
}

// frameBounds is where the frame is on the locator, for tests.
func (l *locator) frameBounds() (fyne.Position, fyne.Size) { return l.frame.Position(), l.frame.Size() }

// copyObject is the locator as it shows now, made afresh for a saved slide.
func (l *locator) copyObject() fyne.CanvasObject {
	img := canvas.NewImageFromImage(l.img.Image)
	img.FillMode = canvas.ImageFillStretch
	img.Resize(l.img.Size())
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth = l.frame.StrokeColor, l.frame.StrokeWidth
	frame.Move(l.frame.Position())
	frame.Resize(l.frame.Size())
	edge := canvas.NewRectangle(color.Transparent)
	edge.StrokeColor, edge.StrokeWidth = l.edge.StrokeColor, l.edge.StrokeWidth
	edge.Resize(l.edge.Size())
	box := container.NewWithoutLayout(img, frame, edge)
	box.Resize(l.box.Size())
	return box
}

// cornerLayout puts its one object in the bottom-right corner, above the
// map's attribution line.
type cornerLayout struct{}

// Layout implements fyne.Layout.
func (cornerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		s := fyne.NewSize(locatorW, locatorH)
		o.Resize(s)
		o.Move(fyne.NewPos(size.Width-s.Width-locatorGap, size.Height-s.Height-locatorAbove))
	}
}

// MinSize implements fyne.Layout.
func (cornerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }
