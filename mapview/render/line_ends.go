package render

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// lineEnds finds the point markers of a frame that sit on the ends of
// event lines, so that a line can stop at a marker's rim instead of
// running under it: an arrowhead under another event's marker would be
// hidden. Only markers drawn on their own count: a point drawn inside a
// cluster bubble has no marker. The markers are sorted into a grid of
// cells r wide on first use, so a query looks at a few of them.
type lineEnds struct {
	m   *Map
	t   xform
	box orb.Bound   // world: the points drawn
	cs  *clusterSet // the frame's clustering; nil when every point in box has a marker
	r   float32     // device pixels from a marker's centre to just beyond its rim
	on  bool        // false: no marker counts (see newLineEnds)

	built  bool
	ox, oy float32 // device position of cell (0, 0)
	gw, gh int     // grid size in cells
	start  []int32 // cell k's markers are marks[start[k]:start[k+1]]
	marks  []lineMark
}

// lineMark is a marker drawn in the frame: its device centre, as
// drawMarker places it, and its event.
type lineMark struct {
	c   vec
	idx int // into eventSet.items
}

// newLineEnds prepares the search for the markers drawn in the frame of
// xform t: every point in box, or with clustering (cs not nil) those cs
// draws on their own. on false makes it find none.
func (m *Map) newLineEnds(t xform, box orb.Bound, cs *clusterSet, on bool) *lineEnds {
	return &lineEnds{m: m, t: t, box: box, cs: cs,
		r: float32((markerRadius + markerOutline + 1) * t.scale), on: on && m.events.nPts > 0}
}

// build sorts the markers drawn into the grid.
func (le *lineEnds) build() {
	le.built = true
	var refs []orb.Pointer
	if le.cs != nil {
		refs = make([]orb.Pointer, len(le.cs.singles))
		for i, pr := range le.cs.singles {
			refs[i] = pr
		}
	} else {
		refs = le.m.pointsNear(le.t)
	}
	pad := float32(48*le.t.scale) + le.r
	le.ox, le.oy = -pad, -pad
	le.gw = int((float32(le.t.w)+2*pad)/le.r) + 1
	le.gh = int((float32(le.t.h)+2*pad)/le.r) + 1
	cells := make([]int32, 0, len(refs))
	marks := make([]lineMark, 0, len(refs))
	for _, x := range refs {
		pr := x.(*pointRef)
		if !le.box.Contains(pr.p) {
			continue
		}
		q := le.t.pt(pr.p)
		q = vec{float32(math.Round(float64(q.X))), float32(math.Round(float64(q.Y)))}
		k, ok := le.cell(q)
		if !ok {
			continue
		}
		cells = append(cells, int32(k))
		marks = append(marks, lineMark{q, pr.idx})
	}
	// A counting sort by cell.
	le.start = make([]int32, le.gw*le.gh+1)
	for _, k := range cells {
		le.start[k+1]++
	}
	for k := 1; k < len(le.start); k++ {
		le.start[k] += le.start[k-1]
	}
	le.marks = make([]lineMark, len(marks))
	at := slices.Clone(le.start[:len(le.start)-1])
	for i, k := range cells {
		le.marks[at[k]] = marks[i]
		at[k]++
	}
}

// cell returns the grid cell of device point q.
func (le *lineEnds) cell(q vec) (int, bool) {
	x, y := int((q.X-le.ox)/le.r), int((q.Y-le.oy)/le.r)
	if q.X < le.ox || q.Y < le.oy || x >= le.gw || y >= le.gh {
		return 0, false
	}
	return y*le.gw + x, true
}

// marker returns the device centre of the marker drawn nearest to world
// point p within le.r of it, leaving out the markers of item it; ok is
// false when there is none.
func (le *lineEnds) marker(it *evItem, p orb.Point) (c vec, ok bool) {
	if le == nil || !le.on {
		return vec{}, false
	}
	if !le.built {
		le.build()
	}
	d := le.t.pt(p)
	x, y := int(math.Floor(float64((d.X-le.ox)/le.r))), int(math.Floor(float64((d.Y-le.oy)/le.r)))
	best := le.r * le.r
	items := le.m.events.items
	for cy := max(0, y-1); cy <= min(le.gh-1, y+1); cy++ {
		for cx := max(0, x-1); cx <= min(le.gw-1, x+1); cx++ {
			k := cy*le.gw + cx
			for _, mk := range le.marks[le.start[k]:le.start[k+1]] {
				dx, dy := mk.c.X-d.X, mk.c.Y-d.Y
				if dd := dx*dx + dy*dy; dd < best && &items[mk.idx] != it {
					c, best, ok = mk.c, dd, true
				}
			}
		}
	}
	return c, ok
}

// trimToRim returns pts (device pixels) with its end (or its start, when
// start is set) moved back along the line to the circle of radius r about
// c, which holds that end: the line then stops at a marker's rim. pts is
// returned unchanged when all of it lies inside the circle.
func trimToRim(pts []vec, c vec, r float32, start bool) []vec {
	out := slices.Clone(pts)
	if start {
		slices.Reverse(out)
	}
	for i := len(out) - 2; i >= 0; i-- {
		if out[i].sub(c).len() < r {
			continue
		}
		out = append(out[:i+1], crossCircle(out[i], out[i+1], c, r))
		if start {
			slices.Reverse(out)
		}
		return out
	}
	return pts
}

// crossCircle returns where segment ab, from a outside the circle (c, r)
// to b inside it, crosses the circle.
func crossCircle(a, b, c vec, r float32) vec {
	d, f := b.sub(a), a.sub(c)
	A, B, C := float64(d.dot(d)), 2*float64(f.dot(d)), float64(f.dot(f))-float64(r)*float64(r)
	if A == 0 {
		return a
	}
	disc := max(0, B*B-4*A*C)
	s := (-B - math.Sqrt(disc)) / (2 * A)
	s = max(0, min(1, s))
	return a.add(d.mul(float32(s)))
}

// frameLineEnds is newLineEnds for the frame of xform t being drawn, for
// lines redrawn over it (highlights): its clustering is the one last
// computed (the overlay computes it for every frame). It finds no marker
// when that clustering is not the frame's.
func (m *Map) frameLineEnds(t xform) *lineEnds {
	box := t.worldBound(48 * t.scale)
	if !m.cluster || m.events.nPts == 0 || math.Log2(t.k/t.scale) >= clusterMaxZoom {
		return m.newLineEnds(t, box, nil, true)
	}
	if c := m.clusterCache; c != nil && c.es == m.events && newXform(c.v) == t {
		return m.newLineEnds(t, box, c, true)
	}
	return m.newLineEnds(t, box, nil, false)
}
