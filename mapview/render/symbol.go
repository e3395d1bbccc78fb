package render

import (
	"image"
	"image/color"
	"math"

	"eventatlas/annotate"
)

// symbolShape returns the outline of marker sym centred on c for a marker of
// nominal radius r (a circle of radius r; other shapes are sized to look as
// heavy). A cross is returned as one 12-sided polygon.
func symbolShape(sym annotate.Symbol, c vec, r float32) []vec {
	switch sym {
	case annotate.SymbolSquare:
		s := r * 0.9
		return []vec{{c.X - s, c.Y - s}, {c.X + s, c.Y - s}, {c.X + s, c.Y + s}, {c.X - s, c.Y + s}}
	case annotate.SymbolTriangle:
		R := r * 1.3
		return regular(c, R, 3, -math.Pi/2, vec{0, R * 0.18})
	case annotate.SymbolDiamond:
		return regular(c, r*1.25, 4, -math.Pi/2, vec{})
	case annotate.SymbolStar:
		R := r * 1.4
		in := R * 0.48
		pts := make([]vec, 10)
		for i := range pts {
			rad := R
			if i%2 == 1 {
				rad = in
			}
			a := -math.Pi/2 + float64(i)*math.Pi/5
			pts[i] = vec{c.X + rad*float32(math.Cos(a)), c.Y + rad*float32(math.Sin(a)) + R*0.06}
		}
		return pts
	case annotate.SymbolCross:
		a, b := r*1.05, r*0.36 // arm half-length, arm half-width
		return []vec{
			{c.X - b, c.Y - a}, {c.X + b, c.Y - a}, {c.X + b, c.Y - b}, {c.X + a, c.Y - b},
			{c.X + a, c.Y + b}, {c.X + b, c.Y + b}, {c.X + b, c.Y + a}, {c.X - b, c.Y + a},
			{c.X - b, c.Y + b}, {c.X - a, c.Y + b}, {c.X - a, c.Y - b}, {c.X - b, c.Y - b},
		}
	}
	return circlePts(c, r, 0)
}

// regular returns a regular n-gon of circumradius R rotated by a0, shifted by off.
func regular(c vec, R float32, n int, a0 float64, off vec) []vec {
	pts := make([]vec, n)
	for i := range pts {
		a := a0 + 2*math.Pi*float64(i)/float64(n)
		pts[i] = vec{c.X + R*float32(math.Cos(a)) + off.X, c.Y + R*float32(math.Sin(a)) + off.Y}
	}
	return pts
}

// markerKey identifies a cached marker sprite.
type markerKey struct {
	sym    annotate.Symbol
	col    color.NRGBA
	scale  float64
	radius float32
}

// markerSprite draws marker sym in colour col with a white outline and a
// faint shadow, at device scale: radius and outline are in logical pixels.
func markerSprite(sym annotate.Symbol, col, outline color.NRGBA, radius, outlineW float32, scale float64) *sprite {
	s := float32(scale)
	r := radius * s
	ow := outlineW * s
	half := int(math.Ceil(float64(r*1.5+ow+2*s))) + 1
	size := 2 * half
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	pn := painter{dst: img}
	c := vec{float32(half), float32(half)}
	shape := symbolShape(sym, c, r)
	var p path
	// Shadow: the outlined shape, offset down and slightly blurred by two passes.
	for i, a := range []uint8{28, 22} {
		p.reset()
		off := vec{0, s * (0.8 + float32(i)*0.6)}
		sh := make([]vec, len(shape))
		for j, q := range shape {
			sh[j] = q.add(off)
		}
		p.addPoly(sh...)
		p.stroke(append(sh, sh[0]), 2*ow+float32(i+1)*s, joinRound, true)
		pn.fill(&p, color.NRGBA{0, 0, 0, a})
	}
	p.reset()
	p.addPoly(shape...)
	p.stroke(append(shape, shape[0]), 2*ow, joinRound, true)
	pn.fill(&p, outline)
	p.reset()
	p.addPoly(shape...)
	pn.fill(&p, col)
	return &sprite{img: img, ax: half, ay: half}
}
