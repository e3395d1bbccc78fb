package render

import "github.com/paulmach/orb"

// shapeInfo is what the absorption of lines and areas into clusters and
// the queries as large as the view need of an item with lines or
// polygons, side by side in memory.
type shapeInfo struct {
	bound       orb.Bound // world
	first, last orb.Point // world: the first vertex of the first line, the last of the last
	idx         int32     // into eventSet.items
	ci          uint16    // the item's colour in eventSet.pal
	kind        shapeKind
}

// shapeKind is what an item with lines or polygons holds.
type shapeKind uint8

const (
	shapeLines shapeKind = iota // lines only
	shapeArea                   // polygons only
	shapeMixed                  // points too, or both lines and polygons
)

func newShapeInfo(idx int, it *evItem) shapeInfo {
	si := shapeInfo{bound: it.bound, idx: int32(idx), ci: it.ci, kind: shapeMixed}
	switch {
	case len(it.points) > 0:
	case len(it.lines) > 0 && len(it.polys) == 0:
		si.kind = shapeLines
		l := it.lines[len(it.lines)-1]
		si.first, si.last = it.lines[0][0], l[len(l)-1]
	case len(it.polys) > 0 && len(it.lines) == 0:
		si.kind = shapeArea
	}
	return si
}

// shapesIn appends to buf the items with lines or polygons whose bound
// intersects b, each once: from the grid for a small b, by a scan of
// shapeList (in item order) for one covering a good part of the grid.
func (es *eventSet) shapesIn(buf []int, b orb.Bound) []int {
	g := &es.shapes
	x0, y0, x1, y1 := g.cellRange(b)
	if float64(x1-x0+1)*float64(y1-y0+1)*16 < float64(len(g.cells)) {
		return g.query(buf, b)
	}
	for i := range es.shapeList {
		if es.shapeList[i].bound.Intersects(b) {
			buf = append(buf, int(es.shapeList[i].idx))
		}
	}
	return buf
}
