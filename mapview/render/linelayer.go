package render

import (
	"image"
	"image/color"
	"math"
)

// lineLayer draws many event lines in one pass: a casing coverage and a
// line coverage with the colour of the line that covers each pixel most,
// computed from one distance per pixel, then composited once. Casings end
// up under every line, as on a road map.
type lineLayer struct {
	cas, body, idx []uint8
	r              image.Rectangle
	cols           []color.NRGBA
}

// begin sizes the layer to device rectangle r and clears it.
func (ll *lineLayer) begin(r image.Rectangle) {
	n := r.Dx() * r.Dy()
	grow := func(b []uint8) []uint8 {
		if cap(b) < n {
			return make([]uint8, n)
		}
		b = b[:n]
		clear(b)
		return b
	}
	ll.cas, ll.body, ll.idx = grow(ll.cas), grow(ll.body), ll.idx[:0]
	if cap(ll.idx) < n {
		ll.idx = make([]uint8, n)
	} else {
		ll.idx = ll.idx[:n] // only read where body > 0, which is always written with it
	}
	ll.r = r
	ll.cols = ll.cols[:0]
}

// colour returns the index of c in the layer's palette (at most 255 colours;
// later ones share the last slot).
func (ll *lineLayer) colour(c color.NRGBA) uint8 {
	for i, x := range ll.cols {
		if x == c {
			return uint8(i)
		}
	}
	if len(ll.cols) == 255 {
		return 254
	}
	ll.cols = append(ll.cols, c)
	return uint8(len(ll.cols) - 1)
}

// capsule adds segment ab: casing out to distance rc, line out to rb < rc
// (rb ≤ 0 for casing only) in palette colour ci. See lineMask.capsule.
func (ll *lineLayer) capsule(a, b vec, rc, rb float32, ci uint8) {
	ox, oy := float32(ll.r.Min.X), float32(ll.r.Min.Y)
	a, b = vec{a.X - ox, a.Y - oy}, vec{b.X - ox, b.Y - oy}
	W, H := ll.r.Dx(), ll.r.Dy()
	ext := rc + 0.5 // coverage is zero beyond
	y0 := max(0, int(math.Floor(float64(min(a.Y, b.Y)-ext))))
	y1 := min(H-1, int(math.Ceil(float64(max(a.Y, b.Y)+ext))))
	d := b.sub(a)
	dl := d.len()
	var u, n vec
	if dl > 0 {
		u = d.mul(1 / dl)
		n = vec{-u.Y, u.X}
	}
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		x0, x1, ok := capsuleRow(a, b, u, ext, py, W)
		if !ok {
			continue
		}
		base := y * W
		cas := ll.cas[base+x0 : base+x1+1]
		body := ll.body[base+x0 : base+x1+1]
		idx := ll.idx[base+x0 : base+x1+1]
		ex, ey := float32(x0)+0.5-a.X, py-a.Y
		along := ex*u.X + ey*u.Y
		across := ex*n.X + ey*n.Y
		for j := range cas {
			var dist float32
			switch {
			case along >= 0 && along <= dl && dl > 0:
				dist = abs32(across)
			case along < 0 || dl == 0:
				px, qy := float32(x0+j)+0.5-a.X, py-a.Y
				dist = float32(math.Sqrt(float64(px*px + qy*qy)))
			default:
				px, qy := float32(x0+j)+0.5-b.X, py-b.Y
				dist = float32(math.Sqrt(float64(px*px + qy*qy)))
			}
			along += u.X
			across += n.X
			cov := rc + 0.5 - dist
			if cov <= 0 {
				continue
			}
			if v := covByte(cov); v > cas[j] {
				cas[j] = v
			}
			if cb := rb + 0.5 - dist; rb > 0 && cb > 0 {
				if v := covByte(cb); v >= body[j] {
					body[j], idx[j] = v, ci
				}
			}
		}
	}
}

// triangle adds a filled triangle in palette colour ci over everything
// added before it, with a casing edge pixels wide around it (an arrowhead).
// The distance used is the largest of the distances to the three edges' lines,
// which gives the casing mitred corners.
func (ll *lineLayer) triangle(tri [3]vec, edge float32, ci uint8) {
	ox, oy := float32(ll.r.Min.X), float32(ll.r.Min.Y)
	var v [3]vec
	for i, p := range tri {
		v[i] = vec{p.X - ox, p.Y - oy}
	}
	if signedArea(v[:]) < 0 {
		v[1], v[2] = v[2], v[1]
	}
	// Outward unit normals: with positive area in y-down pixels the
	// polygon turns clockwise on screen, so the outside is to the left of
	// each edge, along −perp.
	var n [3]vec
	for i := range v {
		d := v[(i+1)%3].sub(v[i]).unit()
		n[i] = d.perp().mul(-1)
	}
	ext := edge + 0.5
	lo := vec{min(v[0].X, v[1].X, v[2].X) - ext*2, min(v[0].Y, v[1].Y, v[2].Y) - ext*2}
	hi := vec{max(v[0].X, v[1].X, v[2].X) + ext*2, max(v[0].Y, v[1].Y, v[2].Y) + ext*2}
	W, H := ll.r.Dx(), ll.r.Dy()
	x0, x1 := max(0, int(lo.X)), min(W-1, int(hi.X)+1)
	y0, y1 := max(0, int(lo.Y)), min(H-1, int(hi.Y)+1)
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		xa, xb := triangleSpan(v, n, py, ext, x0, x1)
		for x := xa; x <= xb; x++ {
			p := vec{float32(x) + 0.5, py}
			sd := float32(-math.MaxFloat32)
			for i := range v {
				sd = max(sd, p.sub(v[i]).dot(n[i]))
			}
			c := edge + 0.5 - sd
			if c <= 0 {
				continue
			}
			i := y*W + x
			if cv := covByte(c); cv > ll.cas[i] {
				ll.cas[i] = cv
			}
			if b := 0.5 - sd; b > 0 {
				if bv := covByte(b); bv >= ll.body[i] || ll.idx[i] != ci {
					ll.body[i], ll.idx[i] = max(bv, ll.body[i]), ci
				}
			}
		}
	}
}

// triangleSpan narrows columns x0..x1 of row centre py to those that can
// be within ext of the triangle with vertices v and outward normals n: a
// pixel is kept when its signed distance to every edge's line is below
// ext. The span is widened by a pixel so that no covered pixel is lost to
// rounding.
func triangleSpan(v, n [3]vec, py, ext float32, x0, x1 int) (int, int) {
	lo, hi := float64(x0), float64(x1)
	for i := range v {
		// (x + 0.5 − v.X)·n.X + (py − v.Y)·n.Y < ext
		rest := float64(ext - (py-v[i].Y)*n[i].Y)
		nx := float64(n[i].X)
		switch {
		case nx > 1e-6:
			hi = min(hi, float64(v[i].X)-0.5+rest/nx+1)
		case nx < -1e-6:
			lo = max(lo, float64(v[i].X)-0.5+rest/nx-1)
		case rest <= 0:
			return 0, -1
		}
	}
	if lo > hi {
		return 0, -1
	}
	return max(x0, int(math.Floor(lo))), min(x1, int(math.Ceil(hi)))
}

func covByte(c float32) uint8 {
	if c >= 1 {
		return 255
	}
	return uint8(c*255 + 0.5)
}

// composite paints the casing in colour casing, then the lines, onto dst.
func (ll *lineLayer) composite(dst *image.RGBA, casing color.NRGBA) {
	type pre struct{ r, g, b, a uint32 }
	premul := func(c color.NRGBA) pre {
		a := uint32(c.A)
		return pre{uint32(c.R) * a / 255, uint32(c.G) * a / 255, uint32(c.B) * a / 255, a}
	}
	cp := premul(casing)
	pal := make([]pre, len(ll.cols))
	for i, c := range ll.cols {
		pal[i] = premul(c)
	}
	W, H := ll.r.Dx(), ll.r.Dy()
	over := func(d []uint8, s pre, m uint32) {
		if m == 255 && s.a == 255 {
			d[0], d[1], d[2], d[3] = uint8(s.r), uint8(s.g), uint8(s.b), 255
			return
		}
		inv := 65025 - m*s.a
		d[0] = uint8((s.r*m*255 + uint32(d[0])*inv) / 65025)
		d[1] = uint8((s.g*m*255 + uint32(d[1])*inv) / 65025)
		d[2] = uint8((s.b*m*255 + uint32(d[2])*inv) / 65025)
		d[3] = uint8((s.a*m*255 + uint32(d[3])*inv) / 65025)
	}
	for y := 0; y < H; y++ {
		row := ll.cas[y*W : y*W+W]
		di := dst.PixOffset(ll.r.Min.X, ll.r.Min.Y+y)
		for x := 0; x < W; x++ {
			if x+8 <= W && allZero8(row[x:x+8]) {
				x += 7
				continue
			}
			c := row[x]
			if c == 0 {
				continue
			}
			i := y*W + x
			d := dst.Pix[di+4*x : di+4*x+4 : di+4*x+4]
			bv := ll.body[i]
			if bv == 0 {
				over(d, cp, uint32(c))
				continue
			}
			p := pal[ll.idx[i]]
			if bv != 255 || p.a != 255 {
				over(d, cp, uint32(c))
			}
			over(d, p, uint32(bv))
		}
	}
}
