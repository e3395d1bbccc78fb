package present

import (
	"math"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"eventatlas/mapview/render"
)

// slideMargin is the share of the free area's shorter side kept clear
// around a slide's event, so that a line's ends and their labels do not
// touch the frame.
const slideMargin = 0.13

// overviewMargin is the share of the free area's shorter side kept clear
// around the events on the overview, so that the outermost ones and their
// labels stand clear of the edges, the legend and the attribution.
const overviewMargin = 0.07

// area is a rectangle of the map in logical pixels.
type area struct{ x, y, w, h float64 }

// freeAreas are the two bands of a w×h map that the card, placed at
// (pad, pad) with size cw×ch, leaves free: the band to its right (full
// height) and the band below it (full width).
func freeAreas(w, h, pad, cw, ch float64) [2]area {
	rx := pad + cw + pad
	by := pad + ch + pad
	return [2]area{
		{x: rx, y: 0, w: math.Max(0, w-rx), h: h},
		{x: 0, y: by, w: w, h: math.Max(0, h-by)},
	}
}

// fitIn returns view v (its size and scale kept) moved and zoomed so that
// bound b fills free area a less margin on every side, zoomed in no
// further than maxZoom, with b's centre in a's centre.
func fitIn(b orb.Bound, v render.View, a area, margin, maxZoom float64) render.View {
	iw := int(math.Max(16, a.w-2*margin))
	ih := int(math.Max(16, a.h-2*margin))
	f := render.FitBound(b, iw, ih, v.Scale)
	out := v
	out.Center = f.Center
	out.Zoom = math.Min(f.Zoom, maxZoom)
	// Pan(dx, dy) brings what was dx, dy off the centre to the centre: the
	// bound's centre moves from the middle to the middle of a.
	return out.Pan(float64(v.Width)/2-(a.x+a.w/2), float64(v.Height)/2-(a.y+a.h/2))
}

// fitFree frames bound b in whichever free area shows it larger; margin
// is a share of that area's shorter side when frac is true, else pixels.
func fitFree(b orb.Bound, v render.View, free [2]area, margin float64, frac bool, maxZoom float64) render.View {
	var best render.View
	bestZ := math.Inf(-1)
	for _, a := range free {
		if a.w < 32 || a.h < 32 {
			continue
		}
		m := margin
		if frac {
			m = margin * math.Min(a.w, a.h)
		}
		c := fitIn(b, v, a, m, math.Inf(1))
		if c.Zoom > bestZ+1e-9 {
			best, bestZ = c, c.Zoom
		}
	}
	if math.IsInf(bestZ, -1) { // no room beside the card: the whole map
		m := margin
		if frac {
			m = margin * float64(min(v.Width, v.Height))
		}
		best = fitIn(b, v, area{0, 0, float64(v.Width), float64(v.Height)}, m, math.Inf(1))
	}
	if best.Zoom > maxZoom {
		// Zoom out around the framed centre so it stays in the free area.
		cx, cy := best.ToPixel(b.Center())
		best = best.ZoomAround(cx, cy, math.Exp2(maxZoom-best.Zoom))
	}
	return best
}

// showLayout stacks the presentation's layers — the map, the card and the
// message — and frames what is shown again when the window changes size:
// it opens full screen after the first overview, and F11 toggles.
type showLayout struct {
	s    *Show
	last fyne.Size
}

// Layout implements fyne.Layout.
func (l *showLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size != l.last {
		l.last = size
		l.s.reframe()
	}
}

// MinSize implements fyne.Layout: the largest of the layers'.
func (l *showLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}

var _ fyne.Layout = (*showLayout)(nil)
