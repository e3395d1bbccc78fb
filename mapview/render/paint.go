package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// path is a set of closed polygons in device pixels filled with the
// non-zero rule. Pieces that add to the fill wind with positive signed area
// (addPoly orients them so); holes wind the other way, so overlapping pieces
// of one stroke merge into one shape instead of cancelling.
type path struct {
	pts      []vec
	starts   []int // index in pts where each polygon begins
	min, max vec
}

// reset empties p, keeping its storage.
func (p *path) reset() {
	p.pts = p.pts[:0]
	p.starts = p.starts[:0]
	p.min = vec{math.MaxFloat32, math.MaxFloat32}
	p.max = vec{-math.MaxFloat32, -math.MaxFloat32}
}

func (p *path) empty() bool { return len(p.starts) == 0 }

// addPoly adds the closed polygon pts wound positively (an outer piece).
func (p *path) addPoly(pts ...vec) { p.addRing(pts, false) }

// addRing adds the closed polygon pts, wound negatively when hole is true
// and positively otherwise, whatever the order of pts.
func (p *path) addRing(pts []vec, hole bool) {
	if len(pts) < 3 {
		return
	}
	if len(p.starts) == 0 && len(p.pts) == 0 {
		p.min = vec{math.MaxFloat32, math.MaxFloat32}
		p.max = vec{-math.MaxFloat32, -math.MaxFloat32}
	}
	neg := signedArea(pts) < 0
	p.starts = append(p.starts, len(p.pts))
	if neg != hole {
		for i := len(pts) - 1; i >= 0; i-- {
			p.push(pts[i])
		}
	} else {
		for _, q := range pts {
			p.push(q)
		}
	}
}

func (p *path) push(q vec) {
	p.pts = append(p.pts, q)
	p.min.X, p.min.Y = min(p.min.X, q.X), min(p.min.Y, q.Y)
	p.max.X, p.max.Y = max(p.max.X, q.X), max(p.max.Y, q.Y)
}

// signedArea is twice the signed area of polygon pts (shoelace).
func signedArea(pts []vec) float32 {
	var s float32
	j := len(pts) - 1
	for i := range pts {
		s += pts[j].cross(pts[i])
		j = i
	}
	return s
}

// painter fills paths onto an RGBA image, rasterising only the path's
// bounding box so that small shapes cost little.
type painter struct {
	dst   *image.RGBA
	z     vector.Rasterizer
	mask  image.Alpha
	lines lineMask
	pair  pairMask  // strokeLinesPair's (base_stroke2.go)
	segs  []maskSeg // strokeLines's scratch
	// arcPts and arcLines are arcLinesIn's scratch (baselayer.go).
	arcPts   []vec
	arcLines [][]vec
	land     [2]path // drawBase's scratch
	layer    lineLayer
	scan     scanFiller
}

// fillHard paints p in colour c without anti-aliasing (see scanFiller).
func (pn *painter) fillHard(p *path, c color.NRGBA) { pn.scan.fill(pn.dst, p, c) }

// fill paints p in colour c (non-premultiplied) with anti-aliased edges.
func (pn *painter) fill(p *path, c color.NRGBA) {
	if p.empty() || c.A == 0 {
		return
	}
	b := pn.dst.Bounds()
	r := image.Rect(int(math.Floor(float64(p.min.X))), int(math.Floor(float64(p.min.Y))),
		int(math.Ceil(float64(p.max.X)))+1, int(math.Ceil(float64(p.max.Y)))+1).Intersect(b)
	if r.Empty() {
		return
	}
	w, h := r.Dx(), r.Dy()
	pn.z.Reset(w, h)
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for i, s := range p.starts {
		e := len(p.pts)
		if i+1 < len(p.starts) {
			e = p.starts[i+1]
		}
		pn.z.MoveTo(p.pts[s].X-ox, p.pts[s].Y-oy)
		for _, q := range p.pts[s+1 : e] {
			pn.z.LineTo(q.X-ox, q.Y-oy)
		}
		pn.z.ClosePath()
	}
	n := w * h
	if cap(pn.mask.Pix) < n {
		pn.mask.Pix = make([]uint8, n)
	}
	pn.mask.Pix = pn.mask.Pix[:n]
	pn.mask.Stride = w
	pn.mask.Rect = image.Rect(0, 0, w, h)
	pn.z.DrawOp = draw.Src
	pn.z.Draw(&pn.mask, pn.mask.Rect, image.Opaque, image.Point{})
	blendMask(pn.dst, r.Min, &pn.mask, c)
}

// blendMask composites colour c through mask m onto dst at offset o
// (source-over, dst premultiplied as image.RGBA is). Runs of empty mask are
// skipped eight pixels at a time, and runs of full coverage of an opaque
// colour are copied.
func blendMask(dst *image.RGBA, o image.Point, m *image.Alpha, c color.NRGBA) {
	sa := uint32(c.A)
	sr, sg, sb := uint32(c.R)*sa/255, uint32(c.G)*sa/255, uint32(c.B)*sa/255
	var run [32]uint8 // eight pixels of the opaque colour
	for i := 0; i < 32; i += 4 {
		run[i], run[i+1], run[i+2], run[i+3] = uint8(sr), uint8(sg), uint8(sb), 255
	}
	opaque := sa == 255
	w, h := m.Rect.Dx(), m.Rect.Dy()
	for y := 0; y < h; y++ {
		mrow := m.Pix[y*m.Stride : y*m.Stride+w]
		di := dst.PixOffset(o.X, o.Y+y)
		drow := dst.Pix[di : di+4*w : di+4*w]
		for x := 0; x < w; x++ {
			if x+8 <= w {
				word := binary.LittleEndian.Uint64(mrow[x : x+8])
				if word == 0 {
					x += 7
					continue
				}
				if opaque && word == ^uint64(0) {
					copy(drow[4*x:4*x+32], run[:])
					x += 7
					continue
				}
			}
			mv := mrow[x]
			if mv == 0 {
				continue
			}
			d := drow[4*x : 4*x+4 : 4*x+4]
			if mv == 255 && opaque {
				d[0], d[1], d[2], d[3] = uint8(sr), uint8(sg), uint8(sb), 255
				continue
			}
			mm := uint32(mv)
			inv := 65025 - mm*sa
			d[0] = uint8((sr*mm*255 + uint32(d[0])*inv) / 65025)
			d[1] = uint8((sg*mm*255 + uint32(d[1])*inv) / 65025)
			d[2] = uint8((sb*mm*255 + uint32(d[2])*inv) / 65025)
			d[3] = uint8((sa*mm*255 + uint32(d[3])*inv) / 65025)
		}
	}
}

// fillRect paints rectangle r in colour c, source-over.
func fillRect(dst *image.RGBA, r image.Rectangle, c color.NRGBA) {
	draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Over)
}

// sprite is a small premultiplied image drawn at an integer offset from an
// anchor point: the anchor lands on dst at (x, y) when the sprite's top-left
// corner is at (x−ax, y−ay). Its pixels must not change once it is drawn.
type sprite struct {
	img    *image.RGBA
	ax, ay int
	// runs are the painted parts of the rows, row y's from rows[y] to
	// rows[y+1]; built on first use (spriteRuns).
	runs []spriteRun
	rows []int32
}

// spriteRun is a part of a sprite row, columns x0 to x1: copied when all
// its pixels are opaque, else composited pixel by pixel. Clear stretches
// of two pixels or more between runs are skipped.
type spriteRun struct {
	x0, x1 int32
	opaque bool
}

// minCopyRun is the fewest opaque pixels made a run of their own.
const minCopyRun = 6

// drawAt composites s onto dst with its anchor at device pixel (x, y),
// source-over, visiting only the painted runs of each row and copying the
// opaque ones.
func (s *sprite) drawAt(dst *image.RGBA, x, y int) {
	if s == nil || s.img == nil {
		return
	}
	if s.rows == nil {
		s.runs, s.rows = spriteRuns(s.img)
	}
	r := s.img.Rect.Add(image.Pt(x-s.ax, y-s.ay))
	clip := r.Intersect(dst.Rect)
	if clip.Empty() {
		return
	}
	sw := s.img.Rect.Dx()
	cx0, cx1 := int32(clip.Min.X-r.Min.X), int32(clip.Max.X-r.Min.X) // sprite columns in dst
	off := r.Min.X - dst.Rect.Min.X                                  // sprite column sx is row column off+sx
	for yy := clip.Min.Y; yy < clip.Max.Y; yy++ {
		sy := yy - r.Min.Y
		runs := s.runs[s.rows[sy]:s.rows[sy+1]]
		if len(runs) == 0 {
			continue
		}
		src := s.img.Pix[sy*s.img.Stride : sy*s.img.Stride+4*sw]
		di := dst.PixOffset(dst.Rect.Min.X, yy)
		row := dst.Pix[di : di+4*dst.Rect.Dx()]
		for _, ru := range runs {
			x0, x1 := int(max(ru.x0, cx0)), int(min(ru.x1, cx1))
			if x0 >= x1 {
				continue
			}
			if ru.opaque {
				copy(row[4*(off+x0):4*(off+x1)], src[4*x0:4*x1])
				continue
			}
			blendRun(row[4*(off+x0):4*(off+x1)], src[4*x0:4*x1])
		}
	}
}

// spriteRuns finds the runs of every row of img (see sprite.runs).
func spriteRuns(img *image.RGBA) (runs []spriteRun, rows []int32) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	rows = make([]int32, h+1)
	for y := range h {
		rows[y] = int32(len(runs))
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		alpha := func(x int) uint8 { return row[4*x+3] }
		for x := 0; x < w; {
			if alpha(x) == 0 {
				x++
				continue
			}
			// A painted stretch: up to two clear pixels in a row.
			e := x + 1
			for e < w && (alpha(e) != 0 || (e+1 < w && alpha(e+1) != 0)) {
				e++
			}
			// Opaque parts long enough are copied; the rest is blended.
			b := x // start of the pending blended run
			for i := x; i < e; {
				if alpha(i) != 255 {
					i++
					continue
				}
				j := i + 1
				for j < e && alpha(j) == 255 {
					j++
				}
				if j-i >= minCopyRun {
					if i > b {
						runs = append(runs, spriteRun{int32(b), int32(i), false})
					}
					runs = append(runs, spriteRun{int32(i), int32(j), true})
					b = j
				}
				i = j
			}
			if e > b {
				runs = append(runs, spriteRun{int32(b), int32(e), false})
			}
			x = e
		}
	}
	rows[h] = int32(len(runs))
	return runs, rows
}
