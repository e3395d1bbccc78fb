package gazetteer

import (
	"sort"
	"strings"

	"eventatlas/annotate"
)

// Search completes a typed name for a place picker: the places with a name
// that, folded (see Fold), equals the folded query, then those with a name
// starting with it, then a word of a name starting with it, then a name
// containing it; within each group by Rank, kind (see Match) and
// population. limit ≤ 0 means no limit; an empty query finds nothing.
// Search("dush", 5) starts with Dushanbe, the city.
func (g *Gazetteer) Search(query string, limit int) []annotate.Place {
	q := foldKey(query)
	if q == "" {
		return nil
	}
	g.mu.RLock()
	defer g.mu.RUnlock()
	type hit struct {
		quality int
		place   annotate.Place
	}
	var hits []hit
	for i, names := range g.folded {
		best := 4
		for _, n := range names {
			switch {
			case n == q:
				best = 0
			case strings.HasPrefix(n, q):
				best = min(best, 1)
			case strings.Contains(n, " "+q):
				best = min(best, 2)
			case strings.Contains(n, q):
				best = min(best, 3)
			}
			if best == 0 {
				break
			}
		}
		if best < 4 {
			hits = append(hits, hit{best, g.places[i]})
		}
	}
	sort.Slice(hits, func(a, b int) bool {
		x, y := hits[a], hits[b]
		if x.quality != y.quality {
			return x.quality < y.quality
		}
		if x.place.Rank != y.place.Rank {
			return x.place.Rank < y.place.Rank
		}
		return better(x.place, y.place)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]annotate.Place, len(hits))
	for i, h := range hits {
		out[i] = h.place
	}
	return out
}
