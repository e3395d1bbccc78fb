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
const slideMargin = 0.18

// overviewMargin is the share of the free area's shorter side kept clear
// around the events on the overview, so that the outermost ones and their
// labels stand clear of the edges, the legend and the attribution.
const overviewMargin = 0.11

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
// bound b fills free area a less margin on every side, b's centre in a's.
func fitIn(b orb.Bound, v render.View, a area, margin float64) render.View {
	in := render.Insets{Left: a.x + margin, Top: a.y + margin,
		Right: float64(v.Width) - a.x - a.w + margin, Bottom: float64(v.Height) - a.y - a.h + margin}
	return render.FitBoundInset(b, v.Width, v.Height, v.Scale, in)
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
		c := fitIn(b, v, a, m)
		if c.Zoom > bestZ+1e-9 {
			best, bestZ = c, c.Zoom
		}
	}
	if math.IsInf(bestZ, -1) { // no room beside the card: the whole map
		m := margin
		if frac {
			m = margin * float64(min(v.Width, v.Height))
		}
		best = fitIn(b, v, area{0, 0, float64(v.Width), float64(v.Height)}, m)
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
