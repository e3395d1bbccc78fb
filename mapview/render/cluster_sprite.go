package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
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
	blitRing(m.pn.dst, m.ringSprite(t, &c), x, y, r+markerOutline*float32(t.scale))
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
// centre and the angle, with anti-aliased edges.
func (m *Map) newRing(t xform, r float32, shares []bubbleShare) *sprite {
	s := float32(t.scale)
	half := ringHalf(r)
	img := image.NewRGBA(image.Rect(0, 0, 2*half, 2*half))
	outer, ringOut, ringIn := r+1.6*s, r, r-4*s
	var secs []ringSector
	prev := 0
	for _, sh := range shares {
		if sh.at == prev {
			continue
		}
		secs = append(secs, ringSector{2 * math.Pi * float32(prev) / ringSteps, 2 * math.Pi * float32(sh.at) / ringSteps, rgb3(m.events.pal[sh.ci])})
		prev = sh.at
	}
	outline, fill := rgb3(m.style.EventOutline), rgb3(m.style.ClusterFill)
	ctr := float32(half)
	full := max(0, ringIn-0.5) // within it a pixel is the inner disc's alone
	fillPix := [4]uint8{m.style.ClusterFill.R, m.style.ClusterFill.G, m.style.ClusterFill.B, 255}
	edge := outer + 0.5
	for y := range 2 * half {
		dy := float32(y) + 0.5 - ctr
		if abs32(dy) >= edge {
			continue
		}
		w := float32(math.Sqrt(float64(max(0, edge*edge-dy*dy))))
		x0, x1 := max(0, int(ctr-w)-1), min(2*half, int(ctr+w)+2)
		row := img.Pix[y*img.Stride : (y+1)*img.Stride]
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
				ring := outline
				if d > ringIn-0.5 && len(secs) > 0 {
					ring = ringColour(secs, clockAngle(dx, dy), d)
				}
				inside := mix3(fill, ring, clamp01(ringIn-d+0.5))
				c = mix3(inside, outline, clamp01(ringOut-d+0.5))
			}
			px[0] = uint8(c[0]*cov + 0.5)
			px[1] = uint8(c[1]*cov + 0.5)
			px[2] = uint8(c[2]*cov + 0.5)
			px[3] = uint8(255*cov + 0.5)
		}
	}
	return &sprite{img: img, ax: half, ay: half}
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

// blitRing is sprite.drawAt for a bubble sprite, a disc of device radius
// R about its anchor: in each row the part certainly inside the disc,
// which is opaque, is copied whole and only the pixels near the rim are
// blended source-over.
func blitRing(dst *image.RGBA, s *sprite, x, y int, R float32) {
	r := s.img.Rect.Add(image.Pt(x-s.ax, y-s.ay))
	clip := r.Intersect(dst.Rect)
	if clip.Empty() {
		return
	}
	cx, cy := float64(s.ax), float64(s.ay) // the centre in sprite pixels
	in, out := float64(R)-1.5, float64(R)+1.5
	for yy := clip.Min.Y; yy < clip.Max.Y; yy++ {
		sy := yy - r.Min.Y
		dy := math.Abs(float64(sy) + 0.5 - cy)
		if dy >= out {
			continue
		}
		// Columns (sprite pixels) that may be painted, and those surely opaque.
		wo := math.Sqrt(out*out - dy*dy)
		p0, p1 := max(int(cx-wo), clip.Min.X-r.Min.X), min(int(math.Ceil(cx+wo)), clip.Max.X-r.Min.X)
		o0, o1 := p1, p1
		if dy < in {
			wi := math.Sqrt(in*in-dy*dy) - 0.5
			o0, o1 = max(int(math.Ceil(cx-wi)), p0), min(int(cx+wi), p1)
			if o0 > o1 {
				o0, o1 = p1, p1
			}
		}
		if p0 >= p1 {
			continue
		}
		src := s.img.Pix[sy*s.img.Stride : sy*s.img.Stride+4*s.img.Rect.Dx()]
		off := clip.Min.X - r.Min.X // sprite column of the row's first pixel in dst
		d := dst.Pix[dst.PixOffset(clip.Min.X, yy):]
		blendRun(d[4*(p0-off):4*(o0-off)], src[4*p0:4*o0])
		copy(d[4*(o0-off):4*(o1-off)], src[4*o0:4*o1])
		blendRun(d[4*(o1-off):4*(p1-off)], src[4*o1:4*p1])
	}
}

// blendRun composites the premultiplied pixels src over d, source-over.
func blendRun(d, src []uint8) {
	for i := 0; i+3 < len(src); i += 4 {
		p := src[i : i+4 : i+4]
		a := uint32(p[3])
		if a == 0 {
			continue
		}
		q := d[i : i+4 : i+4]
		if a == 255 {
			q[0], q[1], q[2], q[3] = p[0], p[1], p[2], 255
			continue
		}
		inv := 255 - a
		q[0] = p[0] + uint8((uint32(q[0])*inv+127)/255)
		q[1] = p[1] + uint8((uint32(q[1])*inv+127)/255)
		q[2] = p[2] + uint8((uint32(q[2])*inv+127)/255)
		q[3] = p[3] + uint8((uint32(q[3])*inv+127)/255)
	}
}
