package render

import (
	"cmp"
	"image"
	"image/color"
	"math"
	"slices"
)

// flowColour is the colour a flow is drawn in: its events' type colour,
// or the style's neutral ink when they are of several types.
func (m *Map) flowColour(f *flow) color.NRGBA {
	if f.mixed {
		return m.style.FlowInk
	}
	return m.events.pal[f.ci]
}

// drawFlows draws the flow arrows of cs with a casing like event
// lines, the thinner over the thicker, in one pass of the line layer.
func (m *Map) drawFlows(t xform, cs *clusterSet) {
	if cs == nil || len(cs.flows) == 0 {
		return
	}
	s := float32(t.scale)
	edge := float32(lineCasing) * s
	order := make([]int, len(cs.flows))
	lo := vec{math.MaxFloat32, math.MaxFloat32}
	hi := vec{-math.MaxFloat32, -math.MaxFloat32}
	for k := range cs.flows {
		order[k] = k
		f := &cs.flows[k]
		lo = vec{min(lo.X, f.a.X, f.b.X), min(lo.Y, f.a.Y, f.b.Y)}
		hi = vec{max(hi.X, f.a.X, f.b.X), max(hi.Y, f.a.Y, f.b.Y)}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(cs.flows[a].items), len(cs.flows[b].items)) })
	e := float64(7*s+4*edge) + 16*float64(s)
	r := image.Rect(int(math.Floor(float64(lo.X)-e)), int(math.Floor(float64(lo.Y)-e)),
		int(math.Ceil(float64(hi.X)+e)), int(math.Ceil(float64(hi.Y)+e))).Intersect(m.pn.dst.Rect)
	if r.Empty() {
		return
	}
	ll := &m.pn.layer
	ll.begin(r)
	clip := image.Rect(0, 0, r.Dx(), r.Dy())
	o := vec{float32(r.Min.X), float32(r.Min.Y)}
	heads := make([]lineHead, 0, len(order))
	for _, k := range order { // topmost first (lineLayer.capsuleIn)
		f := &cs.flows[k]
		ci := ll.colour(m.flowColour(f))
		tri, back := f.head()
		u := f.b.sub(f.a).unit()
		end := f.b.sub(u.mul(back))
		ll.capsuleIn(f.a.sub(o), end.sub(o), f.w/2+edge, f.w/2, ci, clip)
		heads = append(heads, lineHead{tri, ci})
	}
	// Heads over every shaft, the thinner flows' on top: added last.
	slices.Reverse(heads)
	ll.heads(heads, edge)
	ll.composite(m.pn.dst, m.style.LineCasing)
}

// head is f's arrowhead (device pixels) and how far its shaft stops short
// of the tip.
func (f *flow) head() (tri [3]vec, back float32) {
	d := f.b.sub(f.a).unit()
	base := f.b.sub(d.mul(f.len))
	nrm := d.perp().mul(f.half)
	return [3]vec{f.b, base.add(nrm), base.sub(nrm)}, f.len * 0.7
}

// flowAt returns the flow drawn at device point p, the thinnest (the
// topmost) when several are; -1 when there is none. An arrow is hit within
// its half width plus the casing, and at least hitLine logical pixels.
func (cs *clusterSet) flowAt(t xform, p vec) int {
	best, bestN := -1, math.MaxInt
	for k := range cs.flows {
		f := &cs.flows[k]
		tol := max(f.w/2+float32(lineCasing*t.scale), float32(hitLine*t.scale))
		if segDistVec(f.a, f.b, p) <= tol || (len(f.items) < bestN && inTriangle(f, p)) {
			if len(f.items) < bestN {
				best, bestN = k, len(f.items)
			}
		}
	}
	return best
}

// inTriangle reports whether p lies in f's arrowhead.
func inTriangle(f *flow, p vec) bool {
	tri, _ := f.head()
	s0 := tri[1].sub(tri[0]).cross(p.sub(tri[0]))
	s1 := tri[2].sub(tri[1]).cross(p.sub(tri[1]))
	s2 := tri[0].sub(tri[2]).cross(p.sub(tri[2]))
	return (s0 >= 0 && s1 >= 0 && s2 >= 0) || (s0 <= 0 && s1 <= 0 && s2 <= 0)
}

// segDistVec is the distance from p to segment ab, device pixels.
func segDistVec(a, b, p vec) float32 {
	ab, ap := b.sub(a), p.sub(a)
	l2 := ab.dot(ab)
	if l2 == 0 {
		return ap.len()
	}
	u := min(max(ap.dot(ab)/l2, 0), 1)
	return p.sub(a.add(ab.mul(u))).len()
}

// bubbleAt returns the bubble of cs drawn at device point p; -1 when
// there is none.
func (cs *clusterSet) bubbleAt(t xform, p vec) int {
	for i := range cs.groups {
		c := &cs.groups[i]
		r := (c.radius() + markerOutline) * float32(t.scale)
		if c.center.sub(p).len() <= r {
			return i
		}
	}
	return -1
}
