package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// lineLayer draws many event lines in one pass: a casing coverage and a
// line coverage with the colour of the line that covers each pixel most,
// computed from one distance per pixel, then composited once. Casings end
// up under every line, as on a road map.
type lineLayer struct {
	px     []linePixel // by row, the layer's pixels
	lo, hi []int       // per row, the columns [lo, hi) that may hold coverage
	r      image.Rectangle
	cols   []color.NRGBA
	// full counts, per tile of 8×8 pixels (tw tiles a row), the pixels a
	// line covers fully: a full tile is final and is skipped.
	full []uint8
	tw   int
	// touched marks, per row and run of 1<<tileShift columns, whether any
	// pixel of it may hold coverage: composite visits only those.
	touched []bool
	// tile is the bin-sized layer drawAll draws in (linebins.go).
	tile *lineLayer
	sink uint8 // prefetch's loads
}

// linePixel is one pixel of a lineLayer: the casing's coverage, the line's
// coverage and the palette index of the line's colour, side by side so that
// a pixel costs one memory access.
type linePixel struct {
	cas, body, idx, _ uint8
}

// Tiles are 1<<tileShift pixels square; tileFull is how many pixels a
// whole tile has.
const (
	tileShift = 3
	tileMask  = 1<<tileShift - 1
	tileFull  = 1 << (2 * tileShift)
)

// begin sizes the layer to device rectangle r. Its pixels are all zero
// between uses: composite clears what it paints.
func (ll *lineLayer) begin(r image.Rectangle) {
	n := r.Dx() * r.Dy()
	if cap(ll.px) < n {
		ll.px = make([]linePixel, n)
	}
	ll.px = ll.px[:n]
	h := r.Dy()
	if cap(ll.lo) < h {
		ll.lo, ll.hi = make([]int, h), make([]int, h)
	}
	ll.lo, ll.hi = ll.lo[:h], ll.hi[:h]
	for y := range h {
		ll.lo[y], ll.hi[y] = r.Dx(), 0
	}
	ll.r = r
	ll.cols = ll.cols[:0]
	ll.tw = (r.Dx() + tileMask) >> tileShift
	nt := ll.tw * ((r.Dy() + tileMask) >> tileShift)
	if cap(ll.full) < nt {
		ll.full = make([]uint8, nt)
	}
	ll.full = ll.full[:nt]
	clear(ll.full)
	nr := ll.tw * r.Dy()
	if cap(ll.touched) < nr {
		ll.touched = make([]bool, nr)
	}
	ll.touched = ll.touched[:nr]
	clear(ll.touched)
}

// touch marks the runs of row y from column x0 to x1 as holding coverage.
func (ll *lineLayer) touch(y, x0, x1 int) {
	row := ll.touched[y*ll.tw : (y+1)*ll.tw]
	for t := x0 >> tileShift; t <= x1>>tileShift; t++ {
		row[t] = true
	}
}

// covered marks pixel (x, y) fully covered by a line.
func (ll *lineLayer) covered(x, y int) { ll.full[(y>>tileShift)*ll.tw+x>>tileShift]++ }

// blockDone reports whether every tile the capsule scan cs can touch in
// the tile row holding rows [ya, yb] is final.
func (ll *lineLayer) blockDone(cs *capsuleScan, ya, yb int) bool {
	xa, xb := cs.xmin, cs.xmax
	if cs.steep {
		// The row spans move linearly with the row: the first and the
		// last row bound the others.
		ca := cs.a.X + (float32(ya)+0.5-cs.a.Y)*cs.slope
		cb := cs.a.X + (float32(yb)+0.5-cs.a.Y)*cs.slope
		xa, xb = max(xa, min(ca, cb)-cs.half), min(xb, max(ca, cb)+cs.half)
	}
	x0, x1 := max(cs.cx0, floorInt(xa)), min(cs.cx1, ceilInt(xb))
	if x0 > x1 {
		return true
	}
	row := ll.full[(ya>>tileShift)*ll.tw : (ya>>tileShift+1)*ll.tw]
	for t := x0 >> tileShift; t <= x1>>tileShift; t++ {
		if row[t] != tileFull {
			return false
		}
	}
	return true
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

// capsuleIn adds segment ab (layer pixels) inside clip (layer pixels,
// inside the layer): casing out to distance rc, line out to rb < rc
// (rb ≤ 0 for casing only) in palette colour ci. See lineMask.capsule.
// Segments must be added with the topmost line first: a pixel takes the
// colour of the line that covers it most, the earlier added on a tie, so a
// pixel a line already covers fully is final and is skipped.
func (ll *lineLayer) capsuleIn(a, b vec, rc, rb float32, ci uint8, clip image.Rectangle) {
	W := ll.r.Dx()
	cs, ok := newCapsuleScan(a, b, rc+0.5, clip) // coverage is zero beyond rc + 0.5
	if !ok {
		return
	}
	rc5, rb5 := rc+0.5, max(rb, -0.5)+0.5 // rb ≤ 0: no line coverage
	for y := cs.y0; y <= cs.y1; y++ {
		if y == cs.y0 || y&tileMask == 0 {
			// Skip the rows of a tile row where every tile is final.
			if yb := min(cs.y1, y|tileMask); ll.blockDone(&cs, y, yb) {
				y = yb
				continue
			}
		}
		x0, x1, along, across, m0, m1, ok := cs.row(y)
		if !ok {
			continue
		}
		ll.lo[y], ll.hi[y] = min(ll.lo[y], x0), max(ll.hi[y], x1+1)
		ll.touch(y, x0, x1)
		row := ll.px[y*W+x0 : y*W+x1+1]
		py := float32(y) + 0.5
		// Beyond the ends: the distance to the end point.
		for j := 0; j < m0; j++ {
			if row[j].body != 255 {
				dist, in := endDist(float32(x0+j)+0.5, py, a, b, along+float32(j)*cs.u.X, cs.dl, rc5)
				if in && plot(&row[j], rc5-dist, rb5-dist, ci) {
					ll.covered(x0+j, y)
				}
			}
		}
		for j := m1; j < len(row); j++ {
			if row[j].body != 255 {
				dist, in := endDist(float32(x0+j)+0.5, py, a, b, along+float32(j)*cs.u.X, cs.dl, rc5)
				if in && plot(&row[j], rc5-dist, rb5-dist, ci) {
					ll.covered(x0+j, y)
				}
			}
		}
		// Along the segment: the distance to its line.
		ll.beside(row[m0:m1], across+float32(m0)*cs.n.X, cs.n.X, rc5, rb5, ci, x0+m0, y)
	}
}

// beside is capsuleIn for the pixels mid of row y, from column x0 on,
// that lie beside the segment: acr is the distance across the segment of
// the first one's centre, growing by nx a pixel. The coverages are
// clamped without branches (a row's pixels switch between casing, edge
// and line every pixel or two, which branches mispredict): covCap
// (capsule.go) is covByte for a coverage above 0 and 0, which changes
// nothing, otherwise. A pixel the line already covers fully keeps its
// colour: its coverage can only tie.
func (ll *lineLayer) beside(mid []linePixel, acr, nx, rc5, rb5 float32, ci uint8, x0, y int) {
	for j := range mid {
		d := abs32(acr)
		acr += nx
		q := mid[j]
		if q.body == 255 { // final (where lines pile up, many are)
			continue
		}
		cv, bv := covCap(rc5-d), covCap(rb5-d)
		q.cas = max(q.cas, cv)
		if bv > q.body {
			if bv == 255 {
				ll.covered(x0+j, y)
			}
			q.body, q.idx = bv, ci
		}
		mid[j] = q
	}
}

// floorInt and ceilInt round x down and up to an int (|x| < 2³¹).
func floorInt(x float32) int {
	i := int(x)
	if float32(i) > x {
		i--
	}
	return i
}

func ceilInt(x float32) int {
	i := int(x)
	if float32(i) < x {
		i++
	}
	return i
}

// plot adds casing coverage c and line coverage cb (in pixels, clamped to
// 0..1) to p. It reports whether the pixel became fully covered by the line.
func plot(p *linePixel, c, cb float32, ci uint8) bool {
	if c <= 0 {
		return false
	}
	if v := covByte(c); v > p.cas {
		p.cas = v
	}
	if cb > 0 {
		if v := covByte(cb); v > p.body {
			p.body, p.idx = v, ci
			return v == 255
		}
	}
	return false
}

// triangleIn adds a filled triangle (device pixels) in palette colour ci
// over everything added before it, with a casing edge pixels wide around
// it (an arrowhead), drawing only the pixels in clip (layer pixels). The
// distance used is the largest of the distances to the three edges' lines,
// which gives the casing mitred corners.
func (ll *lineLayer) triangleIn(tri [3]vec, edge float32, ci uint8, clip image.Rectangle) {
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
	W := ll.r.Dx()
	x0, x1 := max(clip.Min.X, floorInt(lo.X)), min(clip.Max.X-1, ceilInt(hi.X))
	y0, y1 := max(clip.Min.Y, floorInt(lo.Y)), min(clip.Max.Y-1, ceilInt(hi.Y))
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		xa, xb := triangleSpan(v, n, py, ext, x0, x1)
		if xa > xb {
			continue
		}
		// The signed distances to the edges' lines, stepped along the row.
		p := vec{float32(xa) + 0.5, py}
		s0, s1, s2 := p.sub(v[0]).dot(n[0]), p.sub(v[1]).dot(n[1]), p.sub(v[2]).dot(n[2])
		ll.lo[y], ll.hi[y] = min(ll.lo[y], xa), max(ll.hi[y], xb+1)
		ll.touch(y, xa, xb)
		row := ll.px[y*W+xa : y*W+xb+1]
		for j := range row {
			sd := max(s0, s1, s2)
			s0, s1, s2 = s0+n[0].X, s1+n[1].X, s2+n[2].X
			c := edge + 0.5 - sd
			if c <= 0 {
				continue
			}
			q := &row[j]
			if cv := covByte(c); cv > q.cas {
				q.cas = cv
			}
			if b := 0.5 - sd; b > 0 {
				if bv := covByte(b); bv >= q.body || q.idx != ci {
					q.body, q.idx = max(bv, q.body), ci
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

// composite paints the casing in colour casing, then the lines, onto dst,
// and clears the layer.
func (ll *lineLayer) composite(dst *image.RGBA, casing color.NRGBA) {
	in := newLineInks(casing, ll.cols)
	ll.compositeRect(dst, image.Rect(0, 0, ll.r.Dx(), ll.r.Dy()), &in)
}

// lineInks are the colours a lineLayer is composited with: the casing and
// the palette premultiplied, and packed as the 4 bytes of a pixel (0 for a
// colour that is not opaque) for the pixels a colour covers fully.
type lineInks struct {
	cas  premulColor
	casW uint32
	pal  []premulColor
	palW []uint32
}

func newLineInks(casing color.NRGBA, cols []color.NRGBA) lineInks {
	in := lineInks{cas: premul(casing), pal: make([]premulColor, len(cols)), palW: make([]uint32, len(cols))}
	in.casW = in.cas.packed()
	for i, c := range cols {
		in.pal[i] = premul(c)
		in.palW[i] = in.pal[i].packed()
	}
	return in
}

// packed returns c as the little-endian bytes R, G, B, A of an RGBA pixel
// when it is opaque, 0 otherwise.
func (c premulColor) packed() uint32 {
	if c.a != 255 {
		return 0
	}
	return c.r | c.g<<8 | c.b<<16 | 255<<24
}

// compositeRect is composite for the part r (layer pixels) of the layer.
func (ll *lineLayer) compositeRect(dst *image.RGBA, r image.Rectangle, in *lineInks) {
	W := ll.r.Dx()
	ll.prefetch(dst, r)
	cp, pal, palW := in.cas, in.pal, in.palW
	for y := r.Min.Y; y < r.Max.Y; y++ {
		lo, hi := max(ll.lo[y], r.Min.X), min(ll.hi[y], r.Max.X)
		if lo >= hi {
			continue
		}
		touched := ll.touched[y*ll.tw : (y+1)*ll.tw]
		// Run by run, skipping those no shape reached.
		for x0 := lo; x0 < hi; {
			t := x0 >> tileShift
			x1 := min(hi, (t+1)<<tileShift)
			if !touched[t] {
				x0 = x1
				continue
			}
			for x1 < hi && touched[x1>>tileShift] { // touched runs side by side
				x1 = min(hi, x1+1<<tileShift)
			}
			row := ll.px[y*W+x0 : y*W+x1]
			di := dst.PixOffset(ll.r.Min.X+x0, ll.r.Min.Y+y)
			drow := dst.Pix[di : di+4*len(row) : di+4*len(row)]
			for x, q := range row {
				if q.cas == 0 {
					continue
				}
				d := drow[4*x : 4*x+4 : 4*x+4]
				switch q.body {
				case 0:
					if q.cas == 255 && in.casW != 0 {
						binary.LittleEndian.PutUint32(d, in.casW)
					} else {
						over(d, cp, uint32(q.cas))
					}
					continue
				case 255:
					if w := palW[q.idx]; w != 0 {
						binary.LittleEndian.PutUint32(d, w)
						continue
					}
				}
				over2(d, cp, uint32(q.cas), pal[q.idx], uint32(q.body))
			}
			clear(row)
			x0 = x1
		}
	}
}

// prefetch reads a byte of dst in every cache line that compositeRect
// may blend into in r (layer pixels), in a loop of independent loads, so
// that the processor fetches those lines many at a time rather than one
// after another as it blends.
func (ll *lineLayer) prefetch(dst *image.RGBA, r image.Rectangle) {
	var sink uint8
	for y := r.Min.Y; y < r.Max.Y; y++ {
		lo, hi := max(ll.lo[y], r.Min.X), min(ll.hi[y], r.Max.X)
		if lo >= hi {
			continue
		}
		sink |= prefetchRow(dst, ll.r.Min.X+lo, ll.r.Min.X+hi, ll.r.Min.Y+y)
	}
	ll.sink = sink
}

// prefetchRow reads a byte of each cache line of dst's row y from column
// x0 to x1 (exclusive, x0 < x1) and returns them or'ed together.
func prefetchRow(dst *image.RGBA, x0, x1, y int) uint8 {
	row := dst.Pix[dst.PixOffset(x0, y):dst.PixOffset(x1, y)]
	var sink uint8
	for i := 0; i < len(row); i += 64 {
		sink |= row[i]
	}
	return sink | row[len(row)-1]
}

// premulColor is a premultiplied colour, channels 0..255.
type premulColor struct{ r, g, b, a uint32 }

func premul(c color.NRGBA) premulColor {
	a := uint32(c.A)
	return premulColor{uint32(c.R) * a / 255, uint32(c.G) * a / 255, uint32(c.B) * a / 255, a}
}

// over2 composites s1 with coverage m1 and then s2 with coverage m2 onto
// the pixel d, as two calls of over do (the casing, then the line); the
// casing is left out when the line covers it fully and opaquely.
func over2(d []uint8, s1 premulColor, m1 uint32, s2 premulColor, m2 uint32) {
	r, g, b, a := uint32(d[0]), uint32(d[1]), uint32(d[2]), uint32(d[3])
	if m2 != 255 || s2.a != 255 {
		inv := 65025 - m1*s1.a
		r = (s1.r*m1*255 + r*inv) / 65025
		g = (s1.g*m1*255 + g*inv) / 65025
		b = (s1.b*m1*255 + b*inv) / 65025
		a = (s1.a*m1*255 + a*inv) / 65025
	}
	inv := 65025 - m2*s2.a
	d[0] = uint8((s2.r*m2*255 + r*inv) / 65025)
	d[1] = uint8((s2.g*m2*255 + g*inv) / 65025)
	d[2] = uint8((s2.b*m2*255 + b*inv) / 65025)
	d[3] = uint8((s2.a*m2*255 + a*inv) / 65025)
}

// over composites s with coverage m (0..255) onto the pixel d, source-over.
func over(d []uint8, s premulColor, m uint32) {
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
