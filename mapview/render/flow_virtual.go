package render

import (
	"math"

	"github.com/paulmach/orb"
)

// Virtual bubbles. Bubbles are formed only near the view (clusterInputs),
// so a movement leaving the frame would never be absorbed. An end of a line
// event that lies off screen, outside the area where bubbles are formed,
// and belongs to no bubble belongs to the virtual bubble of its clustering
// cell when the cell holds clusterMin points or more, none of them in that
// area: the cell index is anchored to the world, so its population and the
// mean of its points are known without drawing anything there. A virtual
// bubble is not drawn; a flow to or from it runs between the visible
// bubble's rim and the virtual bubble's centre, out of the frame.

// noEnd is what virtualCells.end returns for a point in no virtual bubble.
const noEnd = math.MinInt

// The end of a flow that is a virtual bubble (flow.virt).
const (
	virtFrom = 1
	virtTo   = 2
)

// virtualBubble is the points of one clustering cell off screen, not drawn.
type virtualBubble struct {
	cell   int32     // into cellIndex.cells
	center vec       // device pixels: the mean of the cell's points
	zoom   orb.Bound // world: the cell's points
}

// virtualCells finds the virtual bubbles of a frame whose bubbles are
// formed in box.
type virtualCells struct {
	ci  *cellIndex
	box orb.Bound // world
}

// end returns -1 - the cell of the virtual bubble world point p belongs
// to; noEnd when p is in box or its cell has fewer than clusterMin points
// or may have some in box.
func (v *virtualCells) end(p orb.Point) int {
	if v.box.Contains(p) {
		return noEnd
	}
	k, ok := v.ci.find(cellKey(p, v.ci.k, v.ci.cell))
	if !ok {
		return noEnd
	}
	if c := &v.ci.cells[k]; len(c.refs) < clusterMin || c.bound.Intersects(v.box) {
		return noEnd
	}
	return -1 - k
}

// flow returns the empty flow between ends a and b (bubble indexes, or
// -1 - cell for a virtual bubble; not both virtual) in colour ci.
func (v *virtualCells) flow(t xform, a, b int, ci uint16) flow {
	f := flow{from: a, to: b, ci: ci}
	switch {
	case a < 0:
		f.virt, f.vb, f.from = virtFrom, v.bubble(t, -1-a), b
	case b < 0:
		f.virt, f.vb, f.to = virtTo, v.bubble(t, -1-b), a
	}
	return f
}

// bubble is the virtual bubble of cell k.
func (v *virtualCells) bubble(t xform, k int) virtualBubble {
	c := &v.ci.cells[k]
	n := float64(len(c.refs))
	return virtualBubble{cell: int32(k), center: t.pt(orb.Point{c.sum[0] / n, c.sum[1] / n}), zoom: c.bound}
}

// ends returns f's ends as absorb files them: bubble indexes, or -1 -
// cell for a virtual bubble.
func (f *flow) ends() (a, b int) {
	switch f.virt {
	case virtFrom:
		return -1 - int(f.vb.cell), f.to
	case virtTo:
		return f.from, -1 - int(f.vb.cell)
	}
	return f.from, f.to
}

// rimToRim is the part of the distance between the centres of a and b
// taken by the bubbles and the gaps of an arrow between them, device
// pixels at scale s.
func rimToRim(a, b flowEnd, s float32) float64 {
	switch {
	case a.virtual:
		return float64((b.r+markerOutline)*s + flowGap*s)
	case b.virtual:
		return float64((a.r+markerOutline)*s + flowGap*s)
	}
	return float64((a.r+b.r+2*markerOutline)*s + 2*flowGap*s)
}

// flowEnd is one end of a flow: a bubble's centre, radius (logical pixels,
// outline excluded; 0 for a virtual bubble) and the bound of its events.
type flowEnd struct {
	center  vec
	r       float32
	zoom    orb.Bound
	virtual bool
}

// flowEnds returns the ends of f.
func flowEnds(groups []cluster, f *flow) (a, b flowEnd) {
	end := func(g int, virtual bool) flowEnd {
		if virtual {
			return flowEnd{center: f.vb.center, zoom: f.vb.zoom, virtual: true}
		}
		c := &groups[g]
		return flowEnd{center: c.center, r: c.radius(), zoom: c.zoom}
	}
	return end(f.from, f.virt == virtFrom), end(f.to, f.virt == virtTo)
}
