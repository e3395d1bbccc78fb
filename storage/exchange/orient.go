package exchange

import "github.com/paulmach/orb"

// rightHand returns g with polygon rings wound by the right-hand rule of
// RFC 7946 §3.1.6, which KML 2.2 asks for too: exterior rings
// counter-clockwise, holes clockwise. Rings already wound so are shared, the
// others are reversed copies; g itself is never changed. Degenerate rings
// (no area) are left as they are.
func rightHand(g orb.Geometry) orb.Geometry {
	switch g := g.(type) {
	case orb.Polygon:
		return rightHandPolygon(g)
	case orb.MultiPolygon:
		var out orb.MultiPolygon
		for i, p := range g {
			q := rightHandPolygon(p)
			if out == nil && !samePolygon(p, q) {
				out = make(orb.MultiPolygon, len(g))
				copy(out, g[:i])
			}
			if out != nil {
				out[i] = q
			}
		}
		if out == nil {
			return g
		}
		return out
	}
	return g
}

func rightHandPolygon(p orb.Polygon) orb.Polygon {
	var out orb.Polygon
	for i, r := range p {
		want := orb.CW
		if i == 0 {
			want = orb.CCW
		}
		if len(r) < 3 || r.Orientation() != -want {
			if out != nil {
				out[i] = r
			}
			continue
		}
		if out == nil {
			out = make(orb.Polygon, len(p))
			copy(out, p[:i])
		}
		rev := r.Clone()
		rev.Reverse()
		out[i] = rev
	}
	if out == nil {
		return p
	}
	return out
}

// samePolygon reports whether a and b share their ring slices.
func samePolygon(a, b orb.Polygon) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
