package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"math/bits"
)

// lineMask draws anti-aliased strokes as unions of capsules (a segment with
// round ends) into a coverage mask, taking the larger coverage where pieces
// overlap, so a polyline's joins are round and never drawn twice. The work
// is proportional to the stroked area, not to the bounding box, which keeps
// many thin lines cheap.
type lineMask struct {
	mask  image.Alpha
	r     image.Rectangle // device pixels the mask covers
	dirty []uint64        // per row, a bit for each chunk of columns that may hold coverage
	shift int             // chunks are 1<<shift columns wide
	sink  uint8           // prefetchDirty's loads
}

// begin sizes the mask to device rectangle r (already clipped). The mask's
// storage is all zero between uses: flush clears what it blends.
func (lm *lineMask) begin(r image.Rectangle) {
	n := r.Dx() * r.Dy()
	if cap(lm.mask.Pix) < n {
		lm.mask.Pix = make([]uint8, n)
	}
	lm.mask.Pix = lm.mask.Pix[:n]
	lm.mask.Stride = r.Dx()
	lm.mask.Rect = image.Rect(0, 0, r.Dx(), r.Dy())
	lm.r = r
	h := r.Dy()
	if cap(lm.dirty) < h {
		lm.dirty = make([]uint64, h)
	}
	lm.dirty = lm.dirty[:h]
	clear(lm.dirty)
	lm.shift = 4 // 16 columns, or as few chunks of more as fit in 64
	for r.Dx()>>lm.shift >= 64 {
		lm.shift++
	}
}

// touch marks row y's columns [x0, x1] dirty.
func (lm *lineMask) touch(y, x0, x1 int) {
	a, b := uint(x0>>lm.shift), uint(x1>>lm.shift)
	lm.dirty[y] |= (^uint64(0) >> (63 - b)) &^ (1<<a - 1)
}

// flush composites colour c through the mask onto dst, visiting only the
// dirty chunks of each row, and clears the mask.
func (lm *lineMask) flush(dst *image.RGBA, c color.NRGBA) {
	W := lm.r.Dx()
	bl := newBlender(c)
	lm.sink = prefetchDirty(dst, lm.r, lm.dirty, lm.shift)
	eachDirtyRun(lm.dirty, lm.shift, W, func(y, lo, hi int) {
		row := lm.mask.Pix[y*W+lo : y*W+hi]
		di := dst.PixOffset(lm.r.Min.X+lo, lm.r.Min.Y+y)
		drow := dst.Pix[di : di+4*len(row) : di+4*len(row)]
		// blendMask's arithmetic, without a call per pixel.
		for x := 0; x < len(row); x++ {
			if x+8 <= len(row) && binary.LittleEndian.Uint64(row[x:x+8]) == 0 {
				x += 7
				continue
			}
			switch mv := row[x]; {
			case mv == 255 && bl.opaque:
				binary.LittleEndian.PutUint32(drow[4*x:4*x+4:4*x+4], bl.w)
			case mv != 0:
				bl.blend(drow[4*x:4*x+4:4*x+4], mv)
			}
		}
		clear(row)
	})
}

// eachDirtyRun calls fn for every run of dirty chunks of a mask W pixels
// wide whose rows have the dirty bits given, chunks 1<<shift columns wide:
// with the row and the columns [lo, hi) of the run.
func eachDirtyRun(dirty []uint64, shift, W int, fn func(y, lo, hi int)) {
	for y, d := range dirty {
		for d != 0 {
			a := bits.TrailingZeros64(d)
			b := a + bits.TrailingZeros64(^(d >> uint(a)))
			if b < 64 {
				d &^= (1<<uint(b) - 1)
			} else {
				d = 0
			}
			fn(y, a<<shift, min(W, b<<shift))
		}
	}
}

// capsuleIn adds the points within R of segment ab (mask pixels) that lie
// in clip (mask pixels, inside the mask), with a one-pixel anti-aliased
// edge. Along the segment the distance is the distance to its line,
// stepped incrementally across a row; only the round ends need a square
// root.
//
// joined says the segment continues a polyline whose previous segment ends
// at a: the pixels nearer a than the rest of the segment (its start cap)
// are then skipped, since that segment's capsule covers them at least as
// much, so the union is the same.
func (lm *lineMask) capsuleIn(a, b vec, R float32, clip image.Rectangle, joined bool) {
	W := lm.mask.Rect.Dx()
	cs, ok := newCapsuleScan(a, b, R+0.5, clip)
	if !ok {
		return
	}
	R5 := R + 0.5
	pix := lm.mask.Pix
	for y := cs.y0; y <= cs.y1; y++ {
		x0, x1, along, across, m0, m1, ok := cs.row(y)
		if !ok {
			continue
		}
		lm.touch(y, x0, x1)
		row := pix[y*W+x0 : y*W+x1+1]
		py := float32(y) + 0.5
		for _, rng := range [2][2]int{{0, m0}, {m1, len(row)}} {
			for j := rng[0]; j < rng[1]; j++ {
				if row[j] == 255 {
					continue
				}
				al := along + float32(j)*cs.u.X
				if joined && !(al > cs.dl/2) {
					continue // endDist would measure from a
				}
				d, in := endDist(float32(x0+j)+0.5, py, a, b, al, cs.dl, R5)
				cov := R5 - d
				if !in || cov <= 0 {
					continue
				}
				if v := covByte(cov); v > row[j] {
					row[j] = v
				}
			}
		}
		// Beside the segment, without branches: covCap(c) is covByte(c)
		// for c > 0 and 0, which changes nothing, otherwise.
		acr := across + float32(m0)*cs.n.X
		mid := row[m0:m1]
		for j := range mid {
			mid[j] = max(mid[j], covCap(R5-abs32(acr)))
			acr += cs.n.X
		}
	}
}

// maskSeg is a segment of a stroke for a lineMask, in mask pixels.
type maskSeg struct {
	a, b   vec
	joined bool // continues the previous segment (see capsuleIn)
}

// strokeLines draws polylines lines w device pixels wide in colour c onto
// the painter's image.
func (pn *painter) strokeLines(lines [][]vec, w float32, c color.NRGBA) {
	if len(lines) == 0 || w <= 0 || c.A == 0 {
		return
	}
	r := pn.strokeBounds(lines, w)
	if r.Empty() {
		return
	}
	lm := &pn.lines
	o := vec{float32(r.Min.X), float32(r.Min.Y)}
	segs := appendSegs(pn.segs[:0], lines, o)
	defer func() { pn.segs = segs[:0] }()
	R := w / 2
	// The union does not depend on the order: draw the segments bin by bin
	// into a mask of one bin, which stays in the processor's cache, and
	// blend each bin as soon as it is drawn.
	eachSegBin(r, segs, R+0.5, func(bin, local image.Rectangle, bo vec, shapes []int32) {
		lm.begin(bin)
		for _, i := range shapes {
			s := &segs[i]
			lm.capsuleIn(s.a.sub(bo), s.b.sub(bo), R, local, s.joined)
		}
		lm.flush(pn.dst, c)
	})
}

// eachSegBin calls draw for every bin (linebins.go) of device rectangle r
// that segments segs (relative to r's corner) reach, out to ext pixels:
// with the bin's device rectangle, the same rectangle from (0, 0), the
// bin's corner relative to r and the segments in the bin.
func eachSegBin(r image.Rectangle, segs []maskSeg, ext float32, draw func(bin, local image.Rectangle, bo vec, shapes []int32)) {
	bl := newBinList(r.Dx(), r.Dy(), len(segs), func(i int) (lo, hi vec) {
		s := &segs[i]
		return vec{min(s.a.X, s.b.X) - ext, min(s.a.Y, s.b.Y) - ext}, vec{max(s.a.X, s.b.X) + ext, max(s.a.Y, s.b.Y) + ext}
	})
	for k := range bl.bw * bl.bh {
		clip, shapes := bl.bin(k)
		if len(shapes) == 0 {
			continue
		}
		draw(clip.Add(r.Min), image.Rect(0, 0, clip.Dx(), clip.Dy()), vec{float32(clip.Min.X), float32(clip.Min.Y)}, shapes)
	}
}

// prefetchDirty reads a byte of dst in each cache line from the first to
// the last dirty chunk of every row of a mask over device rectangle r with
// chunks 1<<shift columns wide (see lineLayer.prefetch).
func prefetchDirty(dst *image.RGBA, r image.Rectangle, dirty []uint64, shift int) uint8 {
	var sink uint8
	for y, d := range dirty {
		if d == 0 {
			continue
		}
		lo := bits.TrailingZeros64(d) << shift
		hi := min(r.Dx(), (64-bits.LeadingZeros64(d))<<shift)
		sink |= prefetchRow(dst, r.Min.X+lo, r.Min.X+hi, r.Min.Y+y)
	}
	return sink
}

// covCap is coverage c (pixels) as a byte, clamped to 0..255 without
// branches: covByte(c) for c > 0, 0 otherwise.
func covCap(c float32) uint8 {
	return uint8(min(max(int32(c*255+0.5), 0), 255))
}

// strokeBounds is the part of the painter's image that polylines lines
// stroked w device pixels wide can touch (empty when none).
func (pn *painter) strokeBounds(lines [][]vec, w float32) image.Rectangle {
	lo := vec{math.MaxFloat32, math.MaxFloat32}
	hi := vec{-math.MaxFloat32, -math.MaxFloat32}
	for _, l := range lines {
		for _, p := range l {
			lo.X, lo.Y = min(lo.X, p.X), min(lo.Y, p.Y)
			hi.X, hi.Y = max(hi.X, p.X), max(hi.Y, p.Y)
		}
	}
	e := float64(w/2 + 2)
	return image.Rect(int(math.Floor(float64(lo.X)-e)), int(math.Floor(float64(lo.Y)-e)),
		int(math.Ceil(float64(hi.X)+e)), int(math.Ceil(float64(hi.Y)+e))).Intersect(pn.dst.Rect)
}

// appendSegs appends the segments of polylines lines, relative to o, to
// segs: a one-point line as a dot, and each segment after a polyline's
// first marked as joined.
func appendSegs(segs []maskSeg, lines [][]vec, o vec) []maskSeg {
	for _, l := range lines {
		if len(l) == 1 {
			segs = append(segs, maskSeg{l[0].sub(o), l[0].sub(o), false})
		}
		for i := 1; i < len(l); i++ {
			segs = append(segs, maskSeg{l[i-1].sub(o), l[i].sub(o), i > 1})
		}
	}
	return segs
}
