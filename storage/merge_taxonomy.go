package storage

import (
	"fmt"
	"slices"
	"strings"

	"eventatlas/annotate"
)

// taxonomy brings in the event types of theirs this project lacks, with
// their colour and symbol, and the sub-types of shared types we lack.
// Our types keep their colour, symbol and order: a type both have with a
// different look is noted, never changed. Nothing happens when they use the
// default types.
func (m *merger) taxonomy(s *Snapshot) error {
	if len(s.Taxonomy) == 0 {
		return nil
	}
	before, err := readTaxonomy(m.tx)
	if err != nil {
		return err
	}
	ours := before.Types
	if len(ours) == 0 {
		def, err := taxonomyRows(annotate.DefaultTaxonomy())
		if err != nil {
			return err
		}
		ours = def.Types
	}
	after := &taxonomySnapshot{Types: slices.Clone(ours)}
	index := map[string]int{}
	for i, t := range after.Types {
		index[strings.ToLower(t.Name)] = i
	}
	changed := false
	for _, et := range s.Taxonomy {
		theirs := taxonomyRow{Name: et.Name, SubTypes: et.SubTypes, Colour: annotate.HexColor(et.Color), Symbol: string(et.Symbol)}
		i, have := index[strings.ToLower(et.Name)]
		if !have {
			index[strings.ToLower(et.Name)] = len(after.Types)
			after.Types = append(after.Types, theirs)
			m.sum.TypesAdded++
			changed = true
			continue
		}
		our := &after.Types[i]
		if !strings.EqualFold(our.Colour, theirs.Colour) || our.Symbol != theirs.Symbol {
			m.sum.Notes = append(m.sum.Notes, fmt.Sprintf("event type %q is drawn differently in their file (%s %s); ours kept (%s %s)",
				our.Name, theirs.Colour, theirs.Symbol, our.Colour, our.Symbol))
		}
		for _, st := range et.SubTypes {
			st = strings.TrimSpace(st)
			if st == "" || slices.ContainsFunc(our.SubTypes, func(o string) bool { return strings.EqualFold(o, st) }) {
				continue
			}
			our.SubTypes = append(slices.Clip(our.SubTypes), st)
			m.sum.SubTypesAdded++
			changed = true
		}
	}
	if !changed {
		return nil
	}
	if err := writeTaxonomy(m.tx, after); err != nil {
		return err
	}
	return m.record(actionUpdate, entityTaxonomy, entityTaxonomy, before, after)
}
