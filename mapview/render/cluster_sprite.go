package render

import (
	"cmp"
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"sync"
)

// ringSteps is how finely the type ring of a bubble is divided: the
// boundaries between colours are rounded to 1/ringSteps of a turn, so that
// bubbles whose mix differs by an event or two share a sprite.
const ringSteps = 72

// drawCluster draws a bubble with its count and a ring showing the mix
// of event types in their colours. The bubble without its count is cached
// as a sprite by radius and mix, looked up by a key built without
// allocating; the count is a cached text sprite drawn over it.
func (m *Map) drawCluster(t xform, c cluster) {
	x, y := int(math.Round(float64(c.center.X))), int(math.Round(float64(c.center.Y)))
	r := ringRadius(t, c.n)
	sp := m.ringSprite(t, &c)
	// The bubble's rows, fetched at once before it is blended over them.
	touch(m.pn.dst, sp.img.Rect.Add(image.Pt(x-sp.ax, y-sp.ay)))
	sp.drawAt(m.pn.dst, x, y)
	st := textStyle{size: 11, color: m.style.ClusterText}
	if c.n >= 1000 {
		st.size = 9.5
	}
	ts := m.text.render(strconv.Itoa(c.n), st, t.scale)
	// Centred on the bubble's centre as the sprite's pixel grid has it.
	half := ringHalf(r)
	ts.drawAt(m.pn.dst, x-half+int(math.Round(float64(half)-float64(ts.boxW)/2)), y-half+int(math.Round(float64(half)-(ts.inkY0+ts.inkY1)/2)))
}

// ringRadius is the device radius a bubble of n events is drawn with,
// rounded to half a pixel so that bubbles whose counts differ a little
// share a sprite.
func ringRadius(t xform, n int) float32 {
	return float32(math.Round(float64(clusterRadius(n))*t.scale*2) / 2)
}

// ringHalf is half the side of the sprite of a bubble of device radius r.
func ringHalf(r float32) int { return int(math.Ceil(float64(r)+2.6)) + 1 }

// bubbleShare is the part of a bubble's ring in one colour: up to the
// boundary at, in 1/ringSteps of a turn from the top.
type bubbleShare struct {
	ci uint16 // in eventSet.pal
	n  int
	at int
}

// ringSprite returns the cached sprite of c's bubble without its count,
// drawing it on a miss.
func (m *Map) ringSprite(t xform, c *cluster) *sprite {
	es := m.events
	// Colours in order of first appearance among the points, then among
	// the lines and areas counted, then by share.
	var buf [16]bubbleShare
	shares := append(buf[:0], c.mix...)
next:
	for _, k := range c.extra {
		ci := es.shapeList[k].ci
		for k := range shares {
			if shares[k].ci == ci {
				shares[k].n++
				continue next
			}
		}
		shares = append(shares, bubbleShare{ci: ci, n: 1})
	}
	slices.SortStableFunc(shares, func(a, b bubbleShare) int { return b.n - a.n })
	cum := 0
	for k := range shares {
		cum += shares[k].n
		shares[k].at = int(math.Round(float64(cum) * ringSteps / float64(c.n)))
	}
	r := ringRadius(t, c.n)
	var kb [128]byte
	key := append(kb[:0], 'R')
	key = binary.LittleEndian.AppendUint32(key, math.Float32bits(r))
	key = append(key, m.style.Name...)
	prev := 0
	for _, sh := range shares {
		if sh.at == prev {
			continue // narrower than a step: not drawn
		}
		col := es.pal[sh.ci]
		key = append(key, col.R, col.G, col.B, byte(sh.at))
		prev = sh.at
	}
	if sp, ok := m.bubbles[string(key)]; ok {
		return sp
	}
	sp := m.newRing(t, r, shares)
	if len(m.bubbles) > 1024 {
		clear(m.bubbles)
	}
	m.bubbles[string(key)] = sp
	return sp
}

// newRing draws the sprite of a bubble of device radius r with the given
// ring shares: an outline, the type ring 4 logical pixels wide, and the
// inner disc. It is computed pixel by pixel from the distance to the
// centre and the angle, with anti-aliased edges: the pixels that do not
// depend on the colours come ready from the radius's ringGeom, and only
// those of the type ring are coloured here.
func (m *Map) newRing(t xform, r float32, shares []bubbleShare) *sprite {
	g := ringGeomFor(r, float32(t.scale), rgb3(m.style.EventOutline), rgb3(m.style.ClusterFill))
	// A copy of the base, allocated without first being cleared.
	img := &image.RGBA{Pix: append([]uint8(nil), g.base...), Stride: 8 * g.half, Rect: image.Rect(0, 0, 2*g.half, 2*g.half)}
	var sb [16]ringSector
	secs := sb[:0]
	prev := 0
	for _, sh := range shares {
		if sh.at == prev {
			continue
		}
		secs = append(secs, ringSector{2 * math.Pi * float32(prev) / ringSteps, 2 * math.Pi * float32(sh.at) / ringSteps, rgb3(m.events.pal[sh.ci])})
		prev = sh.at
	}
	if len(secs) == 0 {
		secs = append(secs, ringSector{0, 2 * math.Pi, g.outline})
	}
	pix := img.Pix
	k := 0 // the sector of the pixel's angle: pixels come by angle
	for i := range g.ring {
		q := &g.ring[i]
		for k < len(secs)-1 && q.a >= secs[k].a1 {
			k++
		}
		ring := secs[k].col
		if len(secs) > 1 {
			// Blended across the boundaries between sectors over a pixel.
			if e := (q.a - secs[k].a0) * q.d; e < 0.5 {
				ring = mix3(ring, secs[(k+len(secs)-1)%len(secs)].col, 0.5+e)
			} else if e := (secs[k].a1 - q.a) * q.d; e < 0.5 {
				ring = mix3(ring, secs[(k+1)%len(secs)].col, 0.5+e)
			}
		}
		// mix3(mix3(fill, ring, fIn), outline, fOut) with the parts
		// not depending on ring worked out beforehand.
		px := pix[q.off : q.off+4 : q.off+4]
		px[0] = uint8(((q.fill[0]+ring[0]*q.nIn)*q.fOut+q.edge[0])*q.cov + 0.5)
		px[1] = uint8(((q.fill[1]+ring[1]*q.nIn)*q.fOut+q.edge[1])*q.cov + 0.5)
		px[2] = uint8(((q.fill[2]+ring[2]*q.nIn)*q.fOut+q.edge[2])*q.cov + 0.5)
		px[3] = q.alpha
	}
	return &sprite{img: img, ax: g.half, ay: g.half, runs: g.runs, rows: g.rows}
}

// ringGeom is what a bubble sprite of one device radius is made of, less
// the colours of its type ring: base holds every pixel that does not
// depend on them (the inner disc, the outline and the clear corners), and
// ring the pixels of the type ring with what colouring one needs.
type ringGeom struct {
	half          int
	base          []uint8 // premultiplied RGBA, 2·half pixels square
	ring          []ringPix
	outline, fill [3]float32
	// runs and rows are sprite.runs and sprite.rows of every sprite of
	// this geometry: where a bubble is clear, opaque or partly covered
	// does not depend on the ring's colours.
	runs []spriteRun
	rows []int32
}

// ringPix is a pixel of the type ring: its offset in the sprite's Pix, its
// clock angle and distance from the centre, and the terms of its colour
// mix3(mix3(fill, ring, fIn), outline, fOut)·cov that do not depend on the
// ring's colour: fill·fIn, 1 − fIn, fOut, outline·(1 − fOut), cov and
// the alpha byte.
type ringPix struct {
	off       int
	a, d      float32
	fill      [3]float32
	nIn, fOut float32
	edge      [3]float32
	cov       float32
	alpha     uint8
}

// ringGeomKey identifies a ringGeom.
type ringGeomKey struct {
	r, s          float32
	outline, fill [3]float32
}

// ringGeoms caches ring geometries for every Map (they depend only on
// their key); few radii are drawn, so it stays small.
var ringGeoms struct {
	sync.Mutex
	m map[ringGeomKey]*ringGeom
}

// ringGeomFor returns the cached geometry of bubbles of device radius r at
// scale s with the given outline and fill colours, computing it on a miss.
func ringGeomFor(r, s float32, outline, fill [3]float32) *ringGeom {
	k := ringGeomKey{r, s, outline, fill}
	ringGeoms.Lock()
	defer ringGeoms.Unlock()
	if g, ok := ringGeoms.m[k]; ok {
		return g
	}
	if ringGeoms.m == nil || len(ringGeoms.m) > 256 {
		ringGeoms.m = map[ringGeomKey]*ringGeom{}
	}
	g := newRingGeom(r, s, outline, fill)
	ringGeoms.m[k] = g
	return g
}

// newRingGeom computes a ringGeom: the pixel loop newRing used to run for
// every sprite, with the colour of the type ring left for later.
func newRingGeom(r, s float32, outline, fill [3]float32) *ringGeom {
	half := ringHalf(r)
	g := &ringGeom{half: half, outline: outline, fill: fill}
	stride := 8 * half
	g.base = make([]uint8, stride*2*half)
	outer, ringOut, ringIn := r+1.6*s, r, r-4*s
	ctr := float32(half)
	full := max(0, ringIn-0.5) // within it a pixel is the inner disc's alone
	fillPix := [4]uint8{uint8(fill[0]), uint8(fill[1]), uint8(fill[2]), 255}
	edge := outer + 0.5
	for y := range 2 * half {
		dy := float32(y) + 0.5 - ctr
		if abs32(dy) >= edge {
			continue
		}
		w := float32(math.Sqrt(float64(max(0, edge*edge-dy*dy))))
		x0, x1 := max(0, int(ctr-w)-1), min(2*half, int(ctr+w)+2)
		row := g.base[y*stride : (y+1)*stride]
		for x := x0; x < x1; x++ {
			dx := float32(x) + 0.5 - ctr
			d2 := dx*dx + dy*dy
			px := row[4*x : 4*x+4 : 4*x+4]
			if d2 < full*full {
				px[0], px[1], px[2], px[3] = fillPix[0], fillPix[1], fillPix[2], 255
				continue
			}
			d := float32(math.Sqrt(float64(d2)))
			cov := clamp01(outer - d + 0.5)
			if cov == 0 {
				continue
			}
			c := outline
			if d < ringOut+0.5 {
				fIn, fOut := clamp01(ringIn-d+0.5), clamp01(ringOut-d+0.5)
				if d > ringIn-0.5 {
					q := ringPix{off: y*stride + 4*x, a: clockAngle(dx, dy), d: d, nIn: 1 - fIn, fOut: fOut, cov: cov, alpha: uint8(255*cov + 0.5)}
					for ch := range 3 {
						q.fill[ch] = fill[ch] * fIn
						q.edge[ch] = outline[ch] * (1 - fOut)
					}
					g.ring = append(g.ring, q)
					continue
				}
				inside := mix3(fill, outline, fIn)
				c = mix3(inside, outline, fOut)
			}
			px[0] = uint8(c[0]*cov + 0.5)
			px[1] = uint8(c[1]*cov + 0.5)
			px[2] = uint8(c[2]*cov + 0.5)
			px[3] = uint8(255*cov + 0.5)
		}
	}
	// By angle, so that newRing finds each pixel's sector by stepping on.
	slices.SortStableFunc(g.ring, func(p, q ringPix) int { return cmp.Compare(p.a, q.a) })
	alpha := slices.Clone(g.base)
	for _, q := range g.ring {
		alpha[q.off+3] = q.alpha
	}
	g.runs, g.rows = spriteRuns(&image.RGBA{Pix: alpha, Stride: stride, Rect: image.Rect(0, 0, 2*half, 2*half)})
	return g
}

// ringSector is a part of a bubble's ring in one colour: angles in
// radians clockwise from the top.
type ringSector struct {
	a0, a1 float32
	col    [3]float32
}

func rgb3(c color.NRGBA) [3]float32 { return [3]float32{float32(c.R), float32(c.G), float32(c.B)} }

// mix3 is a with weight f and b with weight 1 − f.
func mix3(a, b [3]float32, f float32) [3]float32 {
	return [3]float32{a[0]*f + b[0]*(1-f), a[1]*f + b[1]*(1-f), a[2]*f + b[2]*(1-f)}
}

func clamp01(x float32) float32 { return min(1, max(0, x)) }

// ringColour is the colour of the ring at angle a and distance d from the
// centre, blended across the boundaries between sectors over a pixel.
func ringColour(secs []ringSector, a, d float32) [3]float32 {
	k := len(secs) - 1
	for i := range secs {
		if a < secs[i].a1 {
			k = i
			break
		}
	}
	c := secs[k].col
	if len(secs) == 1 {
		return c
	}
	if e := (a - secs[k].a0) * d; e < 0.5 {
		return mix3(c, secs[(k+len(secs)-1)%len(secs)].col, 0.5+e)
	}
	if e := (secs[k].a1 - a) * d; e < 0.5 {
		return mix3(c, secs[(k+1)%len(secs)].col, 0.5+e)
	}
	return c
}

// clockAngle is the angle of (dx, dy) (y down) clockwise from the top in
// [0, 2π), to within 0.005 radians.
func clockAngle(dx, dy float32) float32 {
	// atan2(dx, −dy) by a rational approximation of the arctangent.
	x, y := -dy, dx
	ax, ay := abs32(x), abs32(y)
	var a float32
	if ax >= ay {
		z := ay / ax
		a = z * (math.Pi/4 + 0.273*(1-z))
	} else {
		z := ax / ay
		a = math.Pi/2 - z*(math.Pi/4+0.273*(1-z))
	}
	if x < 0 {
		a = math.Pi - a
	}
	if y < 0 {
		a = 2*math.Pi - a
	}
	return a
}

// blendRun composites the premultiplied pixels src over d, source-over.
// The formula needs no special cases: a clear source pixel (all zero, as
// premultiplied) leaves d as it is, an opaque one replaces it, so every
// pixel goes the same way, without branches that anti-aliased edges
// would make unpredictable. Each channel is
// p + (q·(255−a) + 127) / 255 mod 256, worked out for two channels at
// a time in 16-bit lanes of a word (x/255 = (x + x>>8 + 1)>>8 for the
// x < 65535 that arise).
func blendRun(d, src []uint8) {
	const lanes = 0x00FF00FF
	for len(d) >= 4 && len(src) >= 4 {
		p := binary.LittleEndian.Uint32(src)
		q := binary.LittleEndian.Uint32(d)
		inv := 255 - p>>24
		rb := (q&lanes)*inv + 0x007F007F
		rb = (rb + (rb>>8)&lanes + 0x00010001) >> 8 & lanes
		ag := (q>>8&lanes)*inv + 0x007F007F
		ag = (ag + (ag>>8)&lanes + 0x00010001) >> 8 & lanes
		rb = (rb + p&lanes) & lanes
		ag = (ag + p>>8&lanes) & lanes
		binary.LittleEndian.PutUint32(d, rb|ag<<8)
		d, src = d[4:], src[4:]
	}
}
