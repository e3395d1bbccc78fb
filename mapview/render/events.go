package render

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/quadtree"

	"eventatlas/annotate"
)

// evItem is one event prepared for drawing and hit tests; geometry is in
// world pixels.
type evItem struct {
	id     string
	typ    string // the event's type name, "(no type)" when it has none (Group.ByType)
	order  int    // position in the events given to SetEvents: later draws on top
	col    color.NRGBA
	sym    annotate.Symbol
	points []orb.Point
	lines  []orb.LineString
	polys  orb.MultiPolygon
	bound  orb.Bound // world
	lonlat orb.Bound // lon/lat
	area   float64   // of the polygons, world pixels²
	ci     uint16    // the colour in eventSet.pal
}

// pointRef is a point of an event in the quadtree.
type pointRef struct {
	p   orb.Point
	idx int    // into eventSet.items
	seq int32  // into eventSet.refs
	ci  uint16 // the event's colour in eventSet.pal
}

// Point implements orb.Pointer.
func (r *pointRef) Point() orb.Point { return r.p }

// eventSet is the events of one SetEvents call with their indexes.
type eventSet struct {
	items  []evItem
	byID   map[string]int
	points *quadtree.Quadtree // every point of every event
	refs   []*pointRef        // the same points in event order, for scans
	pal    []color.NRGBA      // the colours of the events (pointRef.ci, evItem.ci)
	nPts   int
	shapes gridIndex // items with lines or polygons, by bound
	bound  orb.Bound // lon/lat of all events
	any    bool
	legend legendSet // the types present and whether lines and areas exist (legend.go)
	// absorbs stand for line and area events among the members of the
	// clusters that absorb them (flow_absorb.go); made on first use.
	absorbs []absorbRef
	// shapeList is the items with lines or polygons, in item order, with
	// what the absorption into clusters needs side by side in memory; a
	// scan of it beats the grid for a query as large as the view.
	shapeList []shapeInfo
	ptBound   orb.Bound // world: of the points in refs
}

// worldBoundAll is the quadtree's extent: the whole Web Mercator world.
var worldBoundAll = orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{tileSize + 1, tileSize + 1}}

// buildEvents prepares events for drawing; events without a drawable
// geometry are left out.
func buildEvents(events []annotate.Event, tax annotate.Taxonomy) *eventSet {
	es := &eventSet{byID: make(map[string]int, len(events)), points: quadtree.New(worldBoundAll)}
	es.shapes.init(0.25)
	var slab []pointRef // the points side by side in memory: scans stay in cache
	present := map[string]bool{}
	var typeOrder []string // type names in order of first appearance
	palIdx := map[color.NRGBA]uint16{}
	for i := range events {
		e := &events[i]
		if e.Geometry == nil || annotate.ValidateGeometry(e.Geometry) != nil {
			continue
		}
		et := tax.Lookup(e.Type)
		it := evItem{id: e.ID, typ: e.Type, order: i, col: et.Color, sym: et.Symbol, lonlat: e.Geometry.Bound()}
		if it.typ == "" {
			it.typ = "(no type)"
		}
		flatten(worldGeometry(e.Geometry), &it)
		if len(it.points) == 0 && len(it.lines) == 0 && len(it.polys) == 0 {
			continue
		}
		it.bound = worldGeometryBound(&it)
		it.area = multiArea(it.polys)
		if !present[e.Type] {
			present[e.Type] = true
			typeOrder = append(typeOrder, e.Type)
		}
		es.legend.lines = es.legend.lines || len(it.lines) > 0
		es.legend.areas = es.legend.areas || len(it.polys) > 0
		idx := len(es.items)
		if old, ok := es.byID[e.ID]; ok { // a repeated id: the later event wins
			es.items[old].id = ""
		}
		es.byID[e.ID] = idx
		ci, ok := palIdx[it.col]
		if !ok && len(es.pal) < math.MaxUint16 {
			ci = uint16(len(es.pal))
			palIdx[it.col] = ci
			es.pal = append(es.pal, it.col)
		}
		it.ci = ci
		es.items = append(es.items, it)
		for _, p := range it.points {
			slab = append(slab, pointRef{p: p, idx: idx, ci: ci})
		}
		if len(it.lines) > 0 || len(it.polys) > 0 {
			es.shapes.add(idx, it.bound)
			es.shapeList = append(es.shapeList, newShapeInfo(idx, &it))
		}
		if !es.any {
			es.bound, es.any = it.lonlat, true
		} else {
			es.bound = es.bound.Union(it.lonlat)
		}
	}
	es.legend.types = legendTypes(typeOrder, tax)
	for i := range slab {
		r := &slab[i]
		r.seq = int32(len(es.refs))
		if es.points.Add(r) == nil {
			if len(es.refs) == 0 {
				es.ptBound = r.p.Bound()
			}
			es.ptBound = es.ptBound.Extend(r.p)
			es.refs = append(es.refs, r)
			es.nPts++
		}
	}
	return es
}

// flatten sorts the parts of world geometry g into it.
func flatten(g orb.Geometry, it *evItem) {
	switch g := g.(type) {
	case orb.Point:
		it.points = append(it.points, g)
	case orb.MultiPoint:
		it.points = append(it.points, g...)
	case orb.LineString:
		it.lines = append(it.lines, g)
	case orb.MultiLineString:
		it.lines = append(it.lines, g...)
	case orb.Polygon:
		it.polys = append(it.polys, g)
	case orb.MultiPolygon:
		it.polys = append(it.polys, g...)
	case orb.Collection:
		for _, c := range g {
			flatten(c, it)
		}
	}
}

func worldGeometryBound(it *evItem) orb.Bound {
	var b orb.Bound
	first := true
	add := func(x orb.Bound) {
		if first {
			b, first = x, false
		} else {
			b = b.Union(x)
		}
	}
	for _, p := range it.points {
		add(p.Bound())
	}
	for _, l := range it.lines {
		add(l.Bound())
	}
	for _, p := range it.polys {
		add(p.Bound())
	}
	return b
}

// gridIndex finds items by bound: a uniform grid of cells in world pixels;
// items spanning many cells are kept in a list that every query scans.
type gridIndex struct {
	cell  float64
	cells map[[2]int][]int
	big   []int
	bound []orb.Bound // by item; zero for items not filed
	stamp []uint32
	epoch uint32
}

func (g *gridIndex) init(cell float64) {
	g.cell = cell
	g.cells = map[[2]int][]int{}
}

func (g *gridIndex) cellRange(b orb.Bound) (x0, y0, x1, y1 int) {
	return int(b.Min[0] / g.cell), int(b.Min[1] / g.cell), int(b.Max[0] / g.cell), int(b.Max[1] / g.cell)
}

// add files item i with world bound b.
func (g *gridIndex) add(i int, b orb.Bound) {
	for len(g.stamp) <= i {
		g.stamp = append(g.stamp, 0)
		g.bound = append(g.bound, orb.Bound{})
	}
	g.bound[i] = b
	x0, y0, x1, y1 := g.cellRange(b)
	if (x1-x0+1)*(y1-y0+1) > 64 {
		g.big = append(g.big, i)
		return
	}
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], i)
		}
	}
}

// query appends to buf the items whose bound intersects b, each once.
func (g *gridIndex) query(buf []int, b orb.Bound) []int {
	g.epoch++
	if g.epoch == 0 {
		clear(g.stamp)
		g.epoch = 1
	}
	take := func(i int) {
		if g.stamp[i] != g.epoch && g.bound[i].Intersects(b) {
			g.stamp[i] = g.epoch
			buf = append(buf, i)
		}
	}
	for _, i := range g.big {
		take(i)
	}
	x0, y0, x1, y1 := g.cellRange(b)
	if (x1-x0+1)*(y1-y0+1) > 4*len(g.cells)+16 { // the query covers more cells than exist
		for _, list := range g.cells {
			for _, i := range list {
				take(i)
			}
		}
		return buf
	}
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, i := range g.cells[[2]int{x, y}] {
				take(i)
			}
		}
	}
	return buf
}
