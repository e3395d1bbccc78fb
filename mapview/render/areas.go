package render

import (
	"image/color"
	"slices"

	"github.com/paulmach/orb"
)

// drawAreas fills the polygons of items translucently and outlines them,
// one pass per colour: the fills of one colour are drawn as one shape, so
// overlapping areas of one type do not darken each other, then every
// outline is drawn over the fills.
func (m *Map) drawAreas(t xform, box orb.Bound, items []*evItem) {
	if len(items) == 0 {
		return
	}
	type group struct {
		col   color.NRGBA
		p     path
		rings [][]vec
	}
	var groups []*group
	byCol := map[color.NRGBA]*group{}
	for _, it := range items {
		g := byCol[it.col]
		if g == nil {
			g = &group{col: it.col}
			g.p.reset()
			byCol[it.col] = g
			groups = append(groups, g)
		}
		// Each ring in a slice of its own: the outlines are drawn from them later.
		eachRing(t, box, it.polys, nil, func(pts []vec, hole bool) []vec {
			g.p.addRing(pts, hole)
			g.rings = append(g.rings, pts)
			return nil
		})
	}
	// A fixed order of colours, so that a strip drawn for a pan blends
	// like the whole frame.
	slices.SortFunc(groups, func(a, b *group) int { return cmpColour(a.col, b.col) })
	paths := make([]*path, len(groups))
	fills := make([]color.NRGBA, len(groups))
	for i, g := range groups {
		paths[i] = &g.p
		fills[i] = g.col
		fills[i].A = m.style.PolygonAlpha
	}
	m.pn.scan.fillMany(m.pn.dst, paths, fills) // hard edges: they lie under the outlines
	w := float32(areaOutline) * float32(t.scale)
	for _, g := range groups {
		m.pn.strokeLines(g.rings, w, g.col)
	}
}

// cmpColour orders colours by their RGBA values.
func cmpColour(a, b color.NRGBA) int {
	x := uint32(a.R)<<24 | uint32(a.G)<<16 | uint32(a.B)<<8 | uint32(a.A)
	y := uint32(b.R)<<24 | uint32(b.G)<<16 | uint32(b.B)<<8 | uint32(b.A)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
