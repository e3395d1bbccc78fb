package mapview

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"eventatlas/mapview/render"
)

// mapRenderer shows the engine's image, moved and scaled as a preview while
// a drag or a scroll is in progress, a focus ring and the hover tooltip.
type mapRenderer struct {
	m        *Map
	bg       *canvas.Rectangle
	img      *canvas.Image
	ring     *canvas.Rectangle
	tipBg    *canvas.Rectangle
	tipTitle *canvas.Text
	tipMeta  *canvas.Text
	shown    render.View // the view the image was drawn for
	key      drawKey
	bufs     [2]*image.RGBA // drawn into in turn
	buf      int
	objects  []fyne.CanvasObject
}

// drawKey is everything an image depends on.
type drawKey struct {
	v          render.View
	sel, hover string
	version    int
	style      string
	sketch     int    // Map.sketchVersion
	tiles      uint64 // tiles that have arrived
}

func newMapRenderer(m *Map) *mapRenderer {
	r := &mapRenderer{m: m}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.img = &canvas.Image{FillMode: canvas.ImageFillStretch, ScaleMode: canvas.ImageScaleSmooth}
	r.ring = canvas.NewRectangle(color.Transparent)
	r.ring.Hide()
	r.tipBg = canvas.NewRectangle(color.Transparent)
	r.tipTitle = canvas.NewText("", color.Black)
	r.tipTitle.TextStyle.Bold = true
	r.tipMeta = canvas.NewText("", color.Black)
	r.tipBg.Hide()
	r.tipTitle.Hide()
	r.tipMeta.Hide()
	r.objects = []fyne.CanvasObject{r.bg, r.img, r.ring, r.tipBg, r.tipTitle, r.tipMeta}
	return r
}

// Layout redraws for the new size, applying a pending fit first.
func (r *mapRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.ring.Resize(size)
	if p := r.m.pending; p != nil {
		w, h := r.m.size()
		if p(w, h) {
			return // fitting refreshed
		}
	}
	r.Refresh()
}

// MinSize is the widget's minimum.
func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }

// Objects are the image and the decorations over it.
func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *mapRenderer) Destroy() {
	if r.m.rest != nil {
		r.m.rest.Stop()
	}
}

// Refresh redraws the image when anything it shows changed (unless a drag
// is in progress: then the last image is moved instead) and updates the
// decorations.
func (r *mapRenderer) Refresh() {
	th := r.m.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	style := StyleFor(th, variant)
	r.bg.FillColor = style.NoData
	if !r.m.dragging {
		r.redraw(style)
	}
	r.place()
	r.ring.StrokeColor = th.Color(theme.ColorNameFocus, variant)
	r.ring.StrokeWidth = 2
	r.ring.Hidden = !r.m.focused
	r.updateTip(th, variant)
	r.bg.Refresh()
	r.ring.Refresh()
}

// redraw renders a new image if the view, selection, events or style changed.
func (r *mapRenderer) redraw(style render.Style) {
	v := r.m.View()
	if v.Width < 1 || v.Height < 1 {
		return
	}
	k := drawKey{v: v, sel: r.m.sel, hover: r.m.hover, version: r.m.version, style: style.Name,
		sketch: r.m.sketchVersion, tiles: r.m.tiles.generation()}
	if k == r.key && r.img.Image != nil {
		return
	}
	if r.m.engine.Style().Name != style.Name {
		r.m.engine.SetStyle(style)
	}
	r.buf = 1 - r.buf
	r.bufs[r.buf] = r.m.engine.RenderTo(r.bufs[r.buf], v, render.Selection{Selected: r.m.sel, Hover: r.m.hover})
	r.img.Image = r.bufs[r.buf]
	r.shown, r.key = v, k
	r.img.Refresh()
}

// place positions the image so that it lines up with the current view:
// exactly when it was drawn for it, moved and scaled as a preview otherwise.
func (r *mapRenderer) place() {
	if r.img.Image == nil {
		return
	}
	v0, v := r.shown, r.m.View()
	x, y := v.ToPixel(v0.ToLonLat(0, 0))
	k := math.Exp2(v.Zoom - v0.Zoom)
	mag := r.m.magnify() // view pixels to the widget's
	pos := fyne.NewPos(float32(x*mag), float32(y*mag))
	size := fyne.NewSize(float32(float64(v0.Width)*k*mag), float32(float64(v0.Height)*k*mag))
	if pos != r.img.Position() || size != r.img.Size() {
		r.img.Move(pos)
		r.img.Resize(size)
		canvas.Refresh(r.img)
	}
}

// updateTip shows the hovered event's title, date and type by the pointer,
// or how many events the hovered bubble or arrow holds.
func (r *mapRenderer) updateTip(th fyne.Theme, variant fyne.ThemeVariant) {
	info, ok := r.m.infos[r.m.hover]
	show := ok && r.m.hover != "" && r.m.mouseIn && !r.m.dragging
	title, meta := info.title, info.typ
	if info.date != "" {
		meta = info.date + " · " + info.typ
	}
	if note := stackNote(r.m.stack, r.m.hover); note != "" {
		meta += " · " + note
	}
	if g, ok := r.m.hoveredGroup(); ok {
		show = true
		title, meta = groupText(g)
	}
	if r.m.Steered {
		show = false // a presentation's map: the room sees the caption, not a tooltip by the pointer
	}
	for _, o := range []fyne.CanvasObject{r.tipBg, r.tipTitle, r.tipMeta} {
		o.(interface{ Hide() }).Hide()
	}
	if !show {
		return
	}
	pad := th.Size(theme.SizeNameInnerPadding) / 2
	ts := th.Size(theme.SizeNameText)
	r.tipTitle.Text, r.tipTitle.TextSize = title, ts
	r.tipTitle.Color = th.Color(theme.ColorNameForeground, variant)
	r.tipMeta.Text, r.tipMeta.TextSize = meta, th.Size(theme.SizeNameCaptionText)
	r.tipMeta.Color = th.Color(theme.ColorNamePlaceHolder, variant)
	t1, t2 := r.tipTitle.MinSize(), r.tipMeta.MinSize()
	w := max(t1.Width, t2.Width) + 2*pad
	h := t1.Height + t2.Height + 2*pad
	size := r.m.Size()
	x := r.m.mouse.X + 14
	y := r.m.mouse.Y + 18
	if x+w > size.Width {
		x = max(0, r.m.mouse.X-14-w)
	}
	if y+h > size.Height {
		y = max(0, r.m.mouse.Y-8-h)
	}
	r.tipBg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	r.tipBg.StrokeColor = th.Color(theme.ColorNameShadow, variant)
	r.tipBg.StrokeWidth = 1
	r.tipBg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.tipBg.Move(fyne.NewPos(x, y))
	r.tipBg.Resize(fyne.NewSize(w, h))
	r.tipTitle.Move(fyne.NewPos(x+pad, y+pad))
	r.tipMeta.Move(fyne.NewPos(x+pad, y+pad+t1.Height))
	for _, o := range []fyne.CanvasObject{r.tipBg, r.tipTitle, r.tipMeta} {
		o.Show()
		o.Refresh()
	}
}

// isDark reports whether c is a dark colour (relative luminance below ½).
// StyleFor is the map style that goes with a theme: dark on a dark
// background, light otherwise. The map widget draws with it, and a map
// drawn beside it (a presentation's locator) should too.
func StyleFor(th fyne.Theme, variant fyne.ThemeVariant) render.Style {
	if isDark(th.Color(theme.ColorNameBackground, variant)) {
		return render.DarkStyle()
	}
	return render.LightStyle()
}

func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	l := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	return l < 0.5
}
