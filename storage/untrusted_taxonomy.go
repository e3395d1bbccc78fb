package storage

import (
	"encoding/json"
	"slices"
	"strings"

	"eventatlas/annotate"
)

// maxTypeName is the longest event type or sub-type name read from a file
// from someone else, in bytes.
const maxTypeName = 200

// readTaxonomyRows reads the sound event types of a project of schema 4 or
// later, in their order. A type without a name, with a name seen before
// (regardless of case), a colour that is not #RRGGBB, a symbol this build
// does not draw or sub-types that are not a JSON array of short strings is
// reported and skipped.
func (u *untrusted) readTaxonomyRows(r *Report, s *Snapshot) error {
	type positioned struct {
		pos int64
		t   annotate.EventType
	}
	var rows []positioned
	names := map[string]bool{}
	cols := []string{"position", "name", "sub_types", "colour", "symbol"}
	err := u.readRows(r, "taxonomy", cols, func(v *rowValues) {
		pos, _ := v.integer("position")
		name := strings.TrimSpace(v.text("name"))
		subs, colour, symbol := v.text("sub_types"), v.text("colour"), v.text("symbol")
		if skip(r, v) {
			return
		}
		switch {
		case name == "":
			r.problem("taxonomy", v.name(), "skipped: an event type without a name")
			return
		case len(name) > maxTypeName:
			r.problem("taxonomy", truncate(name, 40), "skipped: the event type's name is longer than %d bytes", maxTypeName)
			return
		case names[strings.ToLower(name)]:
			r.problem("taxonomy", name, "skipped: the event type is listed twice")
			return
		}
		c, err := annotate.ParseHexColor(colour)
		if err != nil || c.A != 0xff {
			r.problem("taxonomy", name, "skipped: the colour %q is not #RRGGBB", truncate(colour, 20))
			return
		}
		t := annotate.EventType{Name: name, Color: c, Symbol: annotate.Symbol(symbol)}
		if !t.Symbol.Known() {
			r.problem("taxonomy", name, "skipped: the symbol %q is not one Event Atlas draws", truncate(symbol, 20))
			return
		}
		if subs != "" {
			if err := json.Unmarshal([]byte(subs), &t.SubTypes); err != nil {
				r.problem("taxonomy", name, "skipped: the sub-types are not a JSON array of names: %v", err)
				return
			}
		}
		for _, st := range t.SubTypes {
			if len(st) > maxTypeName {
				r.problem("taxonomy", name, "skipped: a sub-type is longer than %d bytes", maxTypeName)
				return
			}
		}
		names[strings.ToLower(name)] = true
		rows = append(rows, positioned{pos, t})
	})
	if err != nil {
		return err
	}
	slices.SortStableFunc(rows, func(a, b positioned) int { return int(a.pos - b.pos) })
	for _, p := range rows {
		s.Taxonomy = append(s.Taxonomy, p.t)
	}
	return nil
}
