package render

import (
	"image"
	"image/color"
	"slices"
)

// scanEdge is a non-horizontal polygon edge for scanline filling.
type scanEdge struct {
	y0, y1 int     // rows [y0, y1) whose pixel centres it crosses
	px, py float32 // its upper end
	dx     float32 // change of x per row
	x      float32 // x at the centre of the current row
	dir    int8    // +1 going down, −1 going up
}

// scanShape is one path being filled: its edges by first row, the edges
// crossing the current row sorted by x, and its premultiplied colour.
type scanShape struct {
	edges  []scanEdge
	active []scanEdge
	next   int // edges[next:] start below the current row
	px     [4]uint8
	inv    uint32 // 255 − alpha
}

// scanFiller fills paths without anti-aliasing, a pixel being painted when
// its centre is inside (non-zero rule). It is for shapes whose edges lie
// under an opaque stroke (country land under the borders, event areas under
// their outline), where anti-aliasing would not show and an edge table
// walked row by row costs a fraction of a coverage mask over the bounding
// box.
type scanFiller struct {
	shapes []scanShape
}

// fill paints p in colour c (non-premultiplied), source-over, clipped to
// dst.Rect.
func (sf *scanFiller) fill(dst *image.RGBA, p *path, c color.NRGBA) {
	sf.fillMany(dst, []*path{p}, []color.NRGBA{c})
}

// fillMany paints paths[i] in colour cols[i], one after another as fill
// would, but row by row: every path paints a row before the next row is
// begun, so each row of dst is fetched into the cache once.
func (sf *scanFiller) fillMany(dst *image.RGBA, paths []*path, cols []color.NRGBA) {
	b := dst.Rect
	for len(sf.shapes) < len(paths) {
		sf.shapes = append(sf.shapes, scanShape{})
	}
	shapes := sf.shapes[:len(paths)]
	top := b.Max.Y
	for i, p := range paths {
		sh := &shapes[i]
		sh.edges, sh.active, sh.next = sh.edges[:0], sh.active[:0], 0
		c := cols[i]
		if p.empty() || c.A == 0 {
			continue
		}
		for k, s := range p.starts {
			e := len(p.pts)
			if k+1 < len(p.starts) {
				e = p.starts[k+1]
			}
			ring := p.pts[s:e]
			j := len(ring) - 1
			for k := range ring {
				sh.addEdge(ring[j], ring[k], b)
				j = k
			}
		}
		if len(sh.edges) == 0 {
			continue
		}
		slices.SortFunc(sh.edges, func(a, b scanEdge) int { return a.y0 - b.y0 })
		top = min(top, sh.edges[0].y0)
		sa := uint32(c.A)
		sh.px = [4]uint8{uint8(uint32(c.R) * sa / 255), uint8(uint32(c.G) * sa / 255), uint8(uint32(c.B) * sa / 255), uint8(sa)}
		sh.inv = 255 - sa
	}
	for y := top; y < b.Max.Y; y++ {
		live := false
		row := dst.Pix[dst.PixOffset(b.Min.X, y) : dst.PixOffset(b.Min.X, y)+4*b.Dx()]
		for i := range shapes {
			if shapes[i].row(row, y, b) {
				live = true
			}
		}
		if !live {
			break
		}
	}
}

// row paints the shape's part of row y (pixels row, spanning b's columns)
// and reports whether the shape has edges on this row or below.
func (sh *scanShape) row(row []uint8, y int, b image.Rectangle) bool {
	// Drop finished edges, add those starting, find where each crosses
	// the row. x is computed from the edge's end, not stepped, so that any
	// part of a frame fills the same pixels.
	keep := sh.active[:0]
	for _, e := range sh.active {
		if y < e.y1 {
			keep = append(keep, e)
		}
	}
	sh.active = keep
	for sh.next < len(sh.edges) && sh.edges[sh.next].y0 <= y {
		sh.active = append(sh.active, sh.edges[sh.next])
		sh.next++
	}
	if len(sh.active) == 0 {
		return sh.next < len(sh.edges)
	}
	yc := float32(y) + 0.5
	for i := range sh.active {
		e := &sh.active[i]
		e.x = e.px + (yc-e.py)*e.dx
	}
	sortActive(sh.active) // nearly sorted from the last row
	wind := 0
	px, inv := sh.px, sh.inv
	for k, e := range sh.active[:len(sh.active)-1] {
		wind += int(e.dir)
		if wind == 0 {
			continue
		}
		// Pixels whose centre lies in [e.x, next.x).
		x0 := max(b.Min.X, ceilInt(e.x-0.5))
		x1 := min(b.Max.X, ceilInt(sh.active[k+1].x-0.5))
		if x0 >= x1 {
			continue
		}
		span := row[4*(x0-b.Min.X) : 4*(x1-b.Min.X)]
		if inv == 0 {
			fillRun(span, px)
			continue
		}
		for i := 0; i < len(span); i += 4 {
			d := span[i : i+4 : i+4]
			d[0] = px[0] + uint8((uint32(d[0])*inv+127)/255)
			d[1] = px[1] + uint8((uint32(d[1])*inv+127)/255)
			d[2] = px[2] + uint8((uint32(d[2])*inv+127)/255)
			d[3] = px[3] + uint8((uint32(d[3])*inv+127)/255)
		}
	}
	return true
}

// addEdge files edge pq if it crosses a row centre inside b.
func (sh *scanShape) addEdge(p, q vec, b image.Rectangle) {
	if p.Y == q.Y {
		return
	}
	dir := int8(1)
	if q.Y < p.Y {
		p, q, dir = q, p, -1
	}
	y0 := max(b.Min.Y, ceilInt(p.Y-0.5))
	y1 := min(b.Max.Y, ceilInt(q.Y-0.5))
	if y0 >= y1 {
		return
	}
	dx := (q.X - p.X) / (q.Y - p.Y)
	sh.edges = append(sh.edges, scanEdge{y0: y0, y1: y1, px: p.X, py: p.Y, dx: dx, dir: dir})
}

// sortActive sorts edges by x: an insertion sort, which is linear on the
// nearly sorted list a row inherits from the one above.
func sortActive(a []scanEdge) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i
		for j > 0 && a[j-1].x > v.x {
			a[j] = a[j-1]
			j--
		}
		a[j] = v
	}
}

// fillRun sets every pixel of span (4 bytes each) to px.
func fillRun(span []uint8, px [4]uint8) {
	if len(span) == 0 {
		return
	}
	copy(span, px[:])
	for k := 4; k < len(span); k *= 2 {
		copy(span[k:], span[:k])
	}
}
