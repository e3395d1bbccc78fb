package render

import "image"

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
	layer := image.Rect(0, 0, W, H)
	for by := range bh {
		for bx := range bw {
			k := by*bw + bx
			if count[k] == count[k+1] {
				continue
			}
			clip := image.Rect(bx<<binShift, by<<binShift, (bx+1)<<binShift, (by+1)<<binShift).Intersect(layer)
			if clip.Empty() {
				continue
			}
			for _, i := range order[count[k]:count[k+1]] {
				draw(int(i), clip)
			}
		}
	}
}
