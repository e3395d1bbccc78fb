package render

// lineHeadObstacles marks the arrowheads of the event lines ending in view
// as soft boxes for the labels (placer.soft): labels are drawn over the
// lines, and a place label written where a movement ends would hide its
// arrowhead. The box covers the head at the line's end and where it stops
// at a marker's rim (line_ends.go). cs is the clustering drawn, whose
// absorbed lines have no heads of their own; limit caps the boxes added.
func (m *Map) lineHeadObstacles(t xform, cs *clusterSet, pl *placer, limit int) {
	es := m.events
	view := t.worldBound(0)
	s := float32(t.scale)
	w := float32(lineWidth) * s
	length := max(3.6*w, 9)                              // arrowHead's
	half := float64(max(2*w, 5) + float32(lineCasing)*s) // with the casing
	reach := length + float32(markerRadius+markerOutline+1)*s
	n := 0
	for _, i := range es.shapesIn(nil, view) {
		if cs != nil && cs.absorbed != nil && cs.absorbed[i] {
			continue
		}
		for _, l := range es.items[i].lines {
			if len(l) < 2 || !view.Contains(l[len(l)-1]) {
				continue
			}
			tip := t.pt(l[len(l)-1])
			var from vec
			found := false
			for k := len(l) - 2; k >= 0; k-- {
				if p := t.pt(l[k]); !p.near(tip, 0.5) {
					from, found = p, true
					break
				}
			}
			if !found {
				continue
			}
			back := tip.sub(tip.sub(from).unit().mul(reach))
			pl.soft = append(pl.soft, frect{
				float64(min(tip.X, back.X)) - half, float64(min(tip.Y, back.Y)) - half,
				float64(max(tip.X, back.X)) + half, float64(max(tip.Y, back.Y)) + half,
			})
			if n++; n >= limit {
				return
			}
		}
	}
}

// labelPlate is the opacity of the soft plate behind a place label
// crossed by an event line (textStyle.plate): it parts the lines between
// the letters, where the halo alone leaves them striking the word through.
const labelPlate = 180

// plateCrossedLabels gives the place and crossing labels of ov that an
// event line or a grouped arrow of view v crosses a plate (labelPlate).
// Labels clear of the lines keep their halo alone, light on the base map.
func (m *Map) plateCrossedLabels(ov *overlay, v View, t xform, selected string) {
	es := m.events
	if len(ov.labels) == 0 || len(es.items) == 0 {
		return
	}
	var cs *clusterSet
	if es.nPts > 0 {
		cs = m.clustersFor(v, t, selected)
	}
	var segs [][2]vec
	for _, i := range es.shapesIn(nil, t.worldBound(0)) {
		if cs != nil && cs.absorbed != nil && cs.absorbed[i] {
			continue
		}
		for _, l := range es.items[i].lines {
			for k := 1; k < len(l); k++ {
				segs = append(segs, [2]vec{t.pt(l[k-1]), t.pt(l[k])})
			}
		}
	}
	if cs != nil {
		for k := range cs.flows {
			segs = append(segs, [2]vec{cs.flows[k].a, cs.flows[k].b})
		}
	}
	for i := range ov.labels {
		l := &ov.labels[i]
		if (l.kind != LabelPlace && l.kind != LabelCrossing) || l.st.size == 0 {
			continue
		}
		box := l.box.grow(l.st.haloR * t.scale)
		for _, sg := range segs {
			if segHitsRect(sg[0], sg[1], box) {
				st := l.st
				st.plate = labelPlate
				l.ts = m.text.render(l.text, st, t.scale)
				break
			}
		}
	}
}

// segHitsRect reports whether segment ab meets box r (Liang–Barsky).
func segHitsRect(a, b vec, r frect) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X) - r.x0}, {dx, r.x1 - float64(a.X)},
		{-dy, float64(a.Y) - r.y0}, {dy, r.y1 - float64(a.Y)},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		u := q / p
		if p < 0 {
			t0 = max(t0, u)
		} else {
			t1 = min(t1, u)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}
