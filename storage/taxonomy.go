package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// entityTaxonomy is the history entity of a SaveTaxonomy; its id is always
// "taxonomy".
const entityTaxonomy = "taxonomy"

// taxonomyRow is one stored event type.
type taxonomyRow struct {
	Name     string
	SubTypes []string `json:",omitempty"`
	Colour   string
	Symbol   string
}

// taxonomySnapshot is the whole taxonomy table as the history keeps it; no
// Types means an empty table, that is the default taxonomy.
type taxonomySnapshot struct {
	Types []taxonomyRow
}

// Taxonomy returns the project's event types in order, or
// annotate.DefaultTaxonomy() while the project has none of its own.
func (p *Project) Taxonomy() (annotate.Taxonomy, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	s, err := readTaxonomy(p.db)
	if err != nil {
		return nil, err
	}
	if len(s.Types) == 0 {
		return annotate.DefaultTaxonomy(), nil
	}
	t := make(annotate.Taxonomy, len(s.Types))
	for i, r := range s.Types {
		c, err := annotate.ParseHexColor(r.Colour)
		if err != nil {
			return nil, fmt.Errorf("%w: event type %q: %v", ErrCorrupt, r.Name, err)
		}
		t[i] = annotate.EventType{Name: r.Name, SubTypes: r.SubTypes, Color: c, Symbol: annotate.Symbol(r.Symbol)}
	}
	return t, nil
}

// SaveTaxonomy replaces the project's event types with t in one
// transaction. Every type needs a name, unique regardless of case, an
// opaque colour and one of annotate.Symbols(); sub-types are trimmed and
// empty ones dropped. The change is recorded in the history, so Undo brings
// back the previous taxonomy. Events keep their type names: renaming or
// removing a type that events use is for the caller to refuse.
func (p *Project) SaveTaxonomy(t annotate.Taxonomy) error {
	after, err := taxonomyRows(t)
	if err != nil {
		return err
	}
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	return p.write(func(tx *sql.Tx) error {
		before, err := readTaxonomy(tx)
		if err != nil {
			return err
		}
		if err := writeTaxonomy(tx, after); err != nil {
			return err
		}
		return p.record(tx, actionUpdate, entityTaxonomy, entityTaxonomy, before, after)
	})
}

// taxonomyRows checks t and converts it to rows.
func taxonomyRows(t annotate.Taxonomy) (*taxonomySnapshot, error) {
	if len(t) == 0 {
		return nil, errors.New("keep at least one event type")
	}
	s := &taxonomySnapshot{}
	seen := map[string]bool{}
	for i, et := range t {
		name := strings.TrimSpace(et.Name)
		switch {
		case name == "":
			return nil, fmt.Errorf("event type %d has no name", i+1)
		case seen[strings.ToLower(name)]:
			return nil, fmt.Errorf("the event type %q is listed twice", name)
		case et.Color.A != 0xff:
			return nil, fmt.Errorf("the colour of the event type %q must be opaque (#RRGGBB)", name)
		case !et.Symbol.Known():
			return nil, fmt.Errorf("the event type %q has the unknown symbol %q; use one of %v", name, et.Symbol, annotate.Symbols())
		}
		seen[strings.ToLower(name)] = true
		r := taxonomyRow{Name: name, Colour: annotate.HexColor(et.Color), Symbol: string(et.Symbol)}
		for _, st := range et.SubTypes {
			if st = strings.TrimSpace(st); st != "" {
				r.SubTypes = append(r.SubTypes, st)
			}
		}
		s.Types = append(s.Types, r)
	}
	return s, nil
}

// taxonomyQuerier is what *sql.DB and *sql.Tx share for reading.
type taxonomyQuerier interface {
	Query(query string, args ...any) (*sql.Rows, error)
}

// readTaxonomy reads the taxonomy table in order.
func readTaxonomy(q taxonomyQuerier) (*taxonomySnapshot, error) {
	rows, err := q.Query(`SELECT name, sub_types, colour, symbol FROM taxonomy ORDER BY position, fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	s := &taxonomySnapshot{}
	for rows.Next() {
		var r taxonomyRow
		var subs string
		if err := rows.Scan(&r.Name, &subs, &r.Colour, &r.Symbol); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(subs), &r.SubTypes); err != nil {
			return nil, fmt.Errorf("%w: the sub-types of event type %q are not a JSON array: %v", ErrCorrupt, r.Name, err)
		}
		s.Types = append(s.Types, r)
	}
	return s, rows.Err()
}

// writeTaxonomy replaces the taxonomy table with s.
func writeTaxonomy(tx *sql.Tx, s *taxonomySnapshot) error {
	if _, err := tx.Exec(`DELETE FROM taxonomy`); err != nil {
		return err
	}
	for i, r := range s.Types {
		subs := r.SubTypes
		if subs == nil {
			subs = []string{}
		}
		js, err := jsonText(subs)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (?, ?, ?, ?, ?)`,
			i, r.Name, js, r.Colour, r.Symbol); err != nil {
			return err
		}
	}
	return touch(tx, orb.Bound{}, "taxonomy")
}

// restoreTaxonomy puts the taxonomy table back to the history snapshot js.
func restoreTaxonomy(tx *sql.Tx, js string) error {
	var s taxonomySnapshot
	if js != "" {
		if err := json.Unmarshal([]byte(js), &s); err != nil {
			return err
		}
	}
	return writeTaxonomy(tx, &s)
}
