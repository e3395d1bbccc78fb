package render

import (
	"encoding/binary"
	"image"
	"image/color"
)

// strokeLinesPair draws polylines lines twice, w1 device pixels wide in
// colour c1 and then w2 ≤ w1 wide in colour c2 over it, as two strokeLines
// calls would (the border casing and the border line): the two strokes
// share the geometry, so each pixel's distance from the lines is found once
// for both coverages, and each pixel of dst is blended once for both.
func (pn *painter) strokeLinesPair(lines [][]vec, w1 float32, c1 color.NRGBA, w2 float32, c2 color.NRGBA) {
	if w1 < w2 || w1 <= 0 || w2 <= 0 || c1.A == 0 || c2.A == 0 {
		pn.strokeLines(lines, w1, c1)
		pn.strokeLines(lines, w2, c2)
		return
	}
	if len(lines) == 0 {
		return
	}
	r := pn.strokeBounds(lines, w1)
	if r.Empty() {
		return
	}
	pm := &pn.pair
	o := vec{float32(r.Min.X), float32(r.Min.Y)}
	segs := appendSegs(pn.segs[:0], lines, o)
	defer func() { pn.segs = segs[:0] }()
	R1, R2 := w1/2, w2/2
	// Bin by bin into a mask of one bin, as strokeLines does.
	eachSegBin(r, segs, R1+0.5, func(bin, local image.Rectangle, bo vec, shapes []int32) {
		pm.begin(bin)
		for _, i := range shapes {
			s := &segs[i]
			pm.capsuleIn(s.a.sub(bo), s.b.sub(bo), R1, R2, local, s.joined)
		}
		pm.flush(pn.dst, c1, c2)
	})
}

// pairMask is a lineMask (capsule.go) holding two coverages per pixel,
// side by side in memory: the wide stroke's and the narrow one's.
type pairMask struct {
	pix   []uint8 // 2 bytes a pixel, row by row
	r     image.Rectangle
	dirty []uint64 // per row, a bit for each chunk of columns that may hold coverage
	shift int      // chunks are 1<<shift columns wide
	sink  uint8    // prefetchDirty's loads
}

// begin sizes the mask to device rectangle r (already clipped). The mask
// is all zero between uses: flush clears what it blends.
func (pm *pairMask) begin(r image.Rectangle) {
	n := 2 * r.Dx() * r.Dy()
	if cap(pm.pix) < n {
		pm.pix = make([]uint8, n)
	}
	pm.pix = pm.pix[:n]
	pm.r = r
	h := r.Dy()
	if cap(pm.dirty) < h {
		pm.dirty = make([]uint64, h)
	}
	pm.dirty = pm.dirty[:h]
	clear(pm.dirty)
	pm.shift = 4
	for r.Dx()>>pm.shift >= 64 {
		pm.shift++
	}
}

// capsuleIn is lineMask.capsuleIn (capsule.go) for two radii R1 ≥ R2 at
// once: each pixel's distance from segment ab is found once and gives
// both coverages.
func (pm *pairMask) capsuleIn(a, b vec, R1, R2 float32, clip image.Rectangle, joined bool) {
	W := pm.r.Dx()
	cs, ok := newCapsuleScan(a, b, R1+0.5, clip)
	if !ok {
		return
	}
	R5, Q5 := R1+0.5, R2+0.5
	for y := cs.y0; y <= cs.y1; y++ {
		x0, x1, along, across, m0, m1, ok := cs.row(y)
		if !ok {
			continue
		}
		a0, b0 := uint(x0>>pm.shift), uint(x1>>pm.shift)
		pm.dirty[y] |= (^uint64(0) >> (63 - b0)) &^ (1<<a0 - 1)
		row := pm.pix[2*(y*W+x0) : 2*(y*W+x1+1)]
		py := float32(y) + 0.5
		for _, rng := range [2][2]int{{0, m0}, {m1, x1 - x0 + 1}} {
			for j := rng[0]; j < rng[1]; j++ {
				px := row[2*j : 2*j+2 : 2*j+2]
				if px[0] == 255 && px[1] == 255 {
					continue
				}
				al := along + float32(j)*cs.u.X
				if joined && !(al > cs.dl/2) {
					continue // the previous segment covers it (capsuleIn)
				}
				d, in := endDist(float32(x0+j)+0.5, py, a, b, al, cs.dl, R5)
				if cov := R5 - d; in && cov > 0 {
					if v := covByte(cov); v > px[0] {
						px[0] = v
					}
					if cov := Q5 - d; cov > 0 {
						if v := covByte(cov); v > px[1] {
							px[1] = v
						}
					}
				}
			}
		}
		// Beside the segment, without branches (lineMask.capsuleIn).
		acr := across + float32(m0)*cs.n.X
		mid := row[2*m0 : 2*m1]
		for j := 0; j+1 < len(mid); j += 2 {
			d := abs32(acr)
			acr += cs.n.X
			mid[j] = max(mid[j], covCap(R5-d))
			mid[j+1] = max(mid[j+1], covCap(Q5-d))
		}
	}
}

// flush composites c1 through the wide coverage and then c2 through the
// narrow one onto dst, pixel by pixel, visiting only the dirty chunks of
// each row, and clears the mask.
func (pm *pairMask) flush(dst *image.RGBA, c1, c2 color.NRGBA) {
	W := pm.r.Dx()
	b1, b2 := newBlender(c1), newBlender(c2)
	pm.sink = prefetchDirty(dst, pm.r, pm.dirty, pm.shift)
	eachDirtyRun(pm.dirty, pm.shift, W, func(y, lo, hi int) {
		m := pm.pix[2*(y*W+lo) : 2*(y*W+hi)]
		di := dst.PixOffset(pm.r.Min.X+lo, pm.r.Min.Y+y)
		n := hi - lo
		drow := dst.Pix[di : di+4*n : di+4*n]
		for x := 0; x < n; x++ {
			if x+4 <= n && binary.LittleEndian.Uint64(m[2*x:2*x+8]) == 0 {
				x += 3
				continue
			}
			v1, v2 := m[2*x], m[2*x+1]
			if v1 == 0 {
				continue
			}
			p := drow[4*x : 4*x+4 : 4*x+4]
			switch {
			case v2 == 255 && b2.opaque: // the narrow stroke hides the wide one
				binary.LittleEndian.PutUint32(p, b2.w)
			case v1 == 255 && b1.opaque && v2 == 0:
				binary.LittleEndian.PutUint32(p, b1.w)
			default:
				b1.blend(p, v1)
				if v2 != 0 {
					b2.blend(p, v2)
				}
			}
		}
		clear(m)
	})
}

// blender composites one colour through coverage bytes, with blendMask's
// arithmetic.
type blender struct {
	sr, sg, sb, sa uint32
	opaque         bool
	w              uint32 // the opaque colour as the little-endian bytes of a pixel
}

func newBlender(c color.NRGBA) blender {
	sa := uint32(c.A)
	bl := blender{sr: uint32(c.R) * sa / 255, sg: uint32(c.G) * sa / 255, sb: uint32(c.B) * sa / 255, sa: sa, opaque: sa == 255}
	bl.w = bl.sr | bl.sg<<8 | bl.sb<<16 | 255<<24
	return bl
}

// blend composites the colour at coverage mv (not 0) onto pixel d.
func (bl *blender) blend(d []uint8, mv uint8) {
	if mv == 255 && bl.opaque {
		d[0], d[1], d[2], d[3] = uint8(bl.sr), uint8(bl.sg), uint8(bl.sb), 255
		return
	}
	mm := uint32(mv)
	inv := 65025 - mm*bl.sa
	d[0] = uint8((bl.sr*mm*255 + uint32(d[0])*inv) / 65025)
	d[1] = uint8((bl.sg*mm*255 + uint32(d[1])*inv) / 65025)
	d[2] = uint8((bl.sb*mm*255 + uint32(d[2])*inv) / 65025)
	d[3] = uint8((bl.sa*mm*255 + uint32(d[3])*inv) / 65025)
}
