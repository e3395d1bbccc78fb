package render

import (
	"image"
	"image/color"
)

// lineSeg is one segment of an event line for a lineLayer, in device pixels.
type lineSeg struct {
	a, b vec
	ci   uint8 // palette colour
}

// lineHead is an arrowhead for a lineLayer, in device pixels.
type lineHead struct {
	tri [3]vec
	ci  uint8 // palette colour
}

// binShift sets the bins shapes are sorted into: squares of 1<<binShift
// pixels, whose part of the layer stays in the processor's cache while
// their shapes are drawn.
const binShift = 7

// segments adds segs, topmost first (see capsuleIn), bin by bin.
func (ll *lineLayer) segments(segs []lineSeg, rc, rb float32) {
	ox, oy := float32(ll.r.Min.X), float32(ll.r.Min.Y)
	ext := rc + 0.5
	binned(ll.r.Dx(), ll.r.Dy(), len(segs), func(i int) (lo, hi vec) {
		s := &segs[i]
		return vec{min(s.a.X, s.b.X) - ox - ext, min(s.a.Y, s.b.Y) - oy - ext},
			vec{max(s.a.X, s.b.X) - ox + ext, max(s.a.Y, s.b.Y) - oy + ext}
	}, func(i int, clip image.Rectangle) {
		s := &segs[i]
		ll.capsuleIn(vec{s.a.X - ox, s.a.Y - oy}, vec{s.b.X - ox, s.b.Y - oy}, rc, rb, s.ci, clip)
	})
}

// heads adds arrowheads with a casing edge pixels wide, each over the
// ones before, bin by bin.
func (ll *lineLayer) heads(hs []lineHead, edge float32) {
	ox, oy := float32(ll.r.Min.X), float32(ll.r.Min.Y)
	ext := 2*edge + 1 // triangle's margin, and a pixel
	binned(ll.r.Dx(), ll.r.Dy(), len(hs), func(i int) (lo, hi vec) {
		t := &hs[i].tri
		return vec{min(t[0].X, t[1].X, t[2].X) - ox - ext, min(t[0].Y, t[1].Y, t[2].Y) - oy - ext},
			vec{max(t[0].X, t[1].X, t[2].X) - ox + ext, max(t[0].Y, t[1].Y, t[2].Y) - oy + ext}
	}, func(i int, clip image.Rectangle) {
		ll.triangleIn(hs[i].tri, edge, hs[i].ci, clip)
	})
}

// binned draws n shapes into a W×H layer bin by bin: each bin draws, in
// the given order, the part inside it of every shape whose bound (layer
// pixels) reaches it. Every pixel sees the same shapes in the same order
// as when they are drawn one after another, so the result is the same,
// but the memory a bin touches stays in cache.
func binned(W, H, n int, bound func(i int) (lo, hi vec), draw func(i int, clip image.Rectangle)) {
	bl := newBinList(W, H, n, bound)
	for k := range bl.bw * bl.bh {
		clip, shapes := bl.bin(k)
		for _, i := range shapes {
			draw(int(i), clip)
		}
	}
}

// binList is n shapes sorted into the bins of a W×H layer they reach,
// keeping their order within each bin.
type binList struct {
	W, H, bw, bh int
	count        []int32 // bin k's shapes are order[count[k]:count[k+1]]
	order        []int32
}

func newBinList(W, H, n int, bound func(i int) (lo, hi vec)) binList {
	bw, bh := (W>>binShift)+1, (H>>binShift)+1
	type span struct{ x0, y0, x1, y1 int }
	spans := make([]span, n)
	// Count, then place, the shapes of each bin: a counting sort that
	// keeps their order.
	count := make([]int32, bw*bh+1)
	for i := range n {
		lo, hi := bound(i)
		sp := span{max(0, floorInt(lo.X)) >> binShift, max(0, floorInt(lo.Y)) >> binShift,
			min(W-1, ceilInt(hi.X)) >> binShift, min(H-1, ceilInt(hi.Y)) >> binShift}
		spans[i] = sp
		for by := sp.y0; by <= sp.y1; by++ {
			for bx := sp.x0; bx <= sp.x1; bx++ {
				count[by*bw+bx+1]++
			}
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	order := make([]int32, count[len(count)-1])
	at := append([]int32(nil), count[:len(count)-1]...)
	for i, sp := range spans {
		for by := sp.y0; by <= sp.y1; by++ {
			for bx := sp.x0; bx <= sp.x1; bx++ {
				k := by*bw + bx
				order[at[k]] = int32(i)
				at[k]++
			}
		}
	}
	return binList{W: W, H: H, bw: bw, bh: bh, count: count, order: order}
}

// bin returns the layer rectangle of bin k and its shapes, in order.
func (bl *binList) bin(k int) (image.Rectangle, []int32) {
	shapes := bl.order[bl.count[k]:bl.count[k+1]]
	if len(shapes) == 0 {
		return image.Rectangle{}, nil
	}
	bx, by := k%bl.bw, k/bl.bw
	clip := image.Rect(bx<<binShift, by<<binShift, (bx+1)<<binShift, (by+1)<<binShift).Intersect(image.Rect(0, 0, bl.W, bl.H))
	if clip.Empty() {
		return clip, nil
	}
	return clip, shapes
}

// drawAll adds segs (device pixels, topmost first, see capsuleIn) and
// then the arrowheads hs with a casing edge pixels wide, and composites
// them onto dst with casings in colour casing and lines in the palette
// ll.cols, within device rectangle r (inside dst). It works bin by bin in a
// layer of one bin (ll.tile): a bin is final once its shapes are drawn, so
// it is composited at once, and the layer stays in the processor's cache.
func (ll *lineLayer) drawAll(r image.Rectangle, segs []lineSeg, rc, rb float32, hs []lineHead, edge float32, dst *image.RGBA, casing color.NRGBA) {
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	W, H := r.Dx(), r.Dy()
	ext := rc + 0.5
	sb := newBinList(W, H, len(segs), func(i int) (lo, hi vec) {
		s := &segs[i]
		return vec{min(s.a.X, s.b.X) - ox - ext, min(s.a.Y, s.b.Y) - oy - ext},
			vec{max(s.a.X, s.b.X) - ox + ext, max(s.a.Y, s.b.Y) - oy + ext}
	})
	hext := 2*edge + 1 // triangle's margin, and a pixel
	hb := newBinList(W, H, len(hs), func(i int) (lo, hi vec) {
		t := &hs[i].tri
		return vec{min(t[0].X, t[1].X, t[2].X) - ox - hext, min(t[0].Y, t[1].Y, t[2].Y) - oy - hext},
			vec{max(t[0].X, t[1].X, t[2].X) - ox + hext, max(t[0].Y, t[1].Y, t[2].Y) - oy + hext}
	})
	in := newLineInks(casing, ll.cols)
	if ll.tile == nil {
		ll.tile = new(lineLayer)
	}
	tl := ll.tile
	for k := range sb.bw * sb.bh {
		clip, ss := sb.bin(k)
		hclip, hh := hb.bin(k)
		if len(ss) == 0 && len(hh) == 0 {
			continue
		}
		if len(ss) == 0 {
			clip = hclip
		}
		dr := clip.Add(r.Min) // the bin, device pixels
		tl.begin(dr)
		local := image.Rect(0, 0, dr.Dx(), dr.Dy())
		tx, ty := float32(dr.Min.X), float32(dr.Min.Y)
		for _, i := range ss {
			s := &segs[i]
			tl.capsuleIn(vec{s.a.X - tx, s.a.Y - ty}, vec{s.b.X - tx, s.b.Y - ty}, rc, rb, s.ci, local)
		}
		for _, i := range hh {
			tl.triangleIn(hs[i].tri, edge, hs[i].ci, local)
		}
		tl.compositeRect(dst, local, &in)
	}
}
