package render

import "math"

// joinStyle is how stroke segments meet at a vertex.
type joinStyle int

const (
	joinBevel joinStyle = iota // a triangle fills the outer gap: cheap, right for hairlines
	joinRound                  // a disc at every vertex: right for thick lines
)

// stroke adds the outline of the polyline pts, w device pixels wide, to p:
// a quad per segment plus a join at each inner vertex (and, for a closed
// polyline, at the closing vertex). Round joins also give round caps.
// Points closer than a quarter pixel to the previous one are skipped.
func (p *path) stroke(pts []vec, w float32, join joinStyle, closed bool) {
	hw := w / 2
	var prev vec
	var prevDir vec
	var first, firstDir vec
	n := 0
	for i, q := range pts {
		if i > 0 && q.near(prev, 0.25) {
			continue
		}
		if n == 0 {
			first = q
			prev = q
			n = 1
			if join == joinRound {
				p.disc(q, hw)
			}
			continue
		}
		d := q.sub(prev).unit()
		nrm := d.perp().mul(hw)
		p.addPoly(prev.add(nrm), q.add(nrm), q.sub(nrm), prev.sub(nrm))
		switch {
		case join == joinRound:
			p.disc(q, hw)
		case n >= 2:
			p.bevel(prev, prevDir, d, hw)
		}
		if n == 1 {
			firstDir = d
		}
		prev, prevDir = q, d
		n++
	}
	if closed && join == joinBevel && n >= 3 && prev.near(first, 0.5) {
		p.bevel(first, prevDir, firstDir, hw)
	}
}

// bevel fills the outer gap between segments with directions d0 and d1 that
// meet at v.
func (p *path) bevel(v, d0, d1 vec, hw float32) {
	c := d0.cross(d1)
	if abs32(c) < 1e-3 {
		return
	}
	n0, n1 := d0.perp().mul(hw), d1.perp().mul(hw)
	if c > 0 { // turning right in screen space: the gap is on the left-normal side's opposite
		n0, n1 = n0.mul(-1), n1.mul(-1)
	}
	p.addPoly(v, v.add(n0), v.add(n1))
}

// disc adds a circle of radius r at c, with enough sides to look round.
func (p *path) disc(c vec, r float32) {
	p.addPoly(circlePts(c, r, 0)...)
}

// circlePts returns a polygon approximating the circle (c, r); n = 0 picks
// the number of sides from the radius.
func circlePts(c vec, r float32, n int) []vec {
	if n == 0 {
		n = int(math.Ceil(float64(r) * 3))
		n = max(8, min(n, 64))
	}
	pts := make([]vec, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = vec{c.X + r*float32(math.Cos(a)), c.Y + r*float32(math.Sin(a))}
	}
	return pts
}

// arrowHead returns the triangle of an arrow whose tip is at the end of pts,
// for a line w pixels wide, and how far back from the tip the line should
// stop so it does not poke through the tip. ok is false when the line has
// no length.
func arrowHead(pts []vec, w float32) (tri [3]vec, back float32, ok bool) {
	if len(pts) < 2 {
		return tri, 0, false
	}
	tip := pts[len(pts)-1]
	// Direction from the last point far enough from the tip.
	var from vec
	found := false
	for i := len(pts) - 2; i >= 0; i-- {
		if !pts[i].near(tip, 0.5) {
			from, found = pts[i], true
			break
		}
	}
	if !found {
		return tri, 0, false
	}
	d := tip.sub(from).unit()
	length := max(3.6*w, 9)
	half := max(2*w, 5)
	base := tip.sub(d.mul(length))
	nrm := d.perp().mul(half)
	return [3]vec{tip, base.add(nrm), base.sub(nrm)}, length * 0.7, true
}

// trimEnd returns pts shortened by dist pixels at the end.
func trimEnd(pts []vec, dist float32) []vec {
	out := append([]vec(nil), pts...)
	for len(out) >= 2 && dist > 0 {
		a, b := out[len(out)-2], out[len(out)-1]
		l := b.sub(a).len()
		if l > dist {
			out[len(out)-1] = b.sub(b.sub(a).mul(dist / l))
			return out
		}
		dist -= l
		out = out[:len(out)-1]
	}
	return out
}
