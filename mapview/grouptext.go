package mapview

import (
	"fmt"
	"strings"

	"eventatlas/mapview/render"
)

// breakdownTypes is how many types the tooltip of a bubble or an arrow
// names; the others are counted as "+N types".
const breakdownTypes = 2

// typeBreakdown is the tooltip's breakdown of a group by type, most
// first: " · 120 Diplomacy, 98 Security incident, +3 types"; a group of
// one type is " · all Diplomacy" (" · Diplomacy" for a single event);
// empty without types. A single type
// left over is named rather than counted as "+1 type".
func typeBreakdown(by []render.TypeCount) string {
	switch len(by) {
	case 0:
		return ""
	case 1:
		if by[0].Count == 1 {
			return " · " + by[0].Type
		}
		return " · all " + by[0].Type
	}
	shown := by
	if len(by) > breakdownTypes+1 {
		shown = by[:breakdownTypes]
	}
	parts := make([]string, 0, len(shown)+1)
	for _, tc := range shown {
		parts = append(parts, fmt.Sprintf("%d %s", tc.Count, tc.Type))
	}
	if rest := len(by) - len(shown); rest > 0 {
		parts = append(parts, fmt.Sprintf("+%d types", rest))
	}
	return " · " + strings.Join(parts, ", ")
}
