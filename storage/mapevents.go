package storage

import (
	"database/sql"
	"fmt"

	"eventatlas/annotate"
)

// MapEvents returns every event with only what the map draws: ID, Type and
// Geometry; every other field is zero (Fatalities included) and there are
// no spans. Events come in the order they were added to the project (later
// ones drawn on top). A hover tooltip reads the title and dates of one
// event with EventLabel. It is much faster than Events for a large project:
// it reads three of the 27 columns and sorts nothing.
func (p *Project) MapEvents() ([]annotate.Event, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	n, err := p.eventCountGuess()
	if err != nil {
		return nil, err
	}
	rows, err := p.db.Query(`SELECT id, type, geom FROM events ORDER BY fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]annotate.Event, 0, n)
	types := map[string]string{} // few distinct types: one string each
	var id, typ, geom sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &typ, &geom); err != nil {
			return nil, err
		}
		t, ok := types[string(typ)]
		if !ok {
			t = string(typ)
			types[t] = t
		}
		e := annotate.Event{ID: string(id), Type: t}
		if geom != nil {
			var srs int32
			if e.Geometry, srs, err = DecodeGeometry(geom); err != nil {
				return nil, fmt.Errorf("event %s geometry: %w", e.ID, err)
			}
			if err := checkSRS(e.ID, srs); err != nil {
				return nil, err
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// EventLabel returns what a map tooltip shows of the event id: its ID,
// Type, Title, DateStart, DateEnd and DatePrecision (other fields are zero,
// Fatalities included). The error wraps ErrNotFound when there is no such
// event.
func (p *Project) EventLabel(id string) (annotate.Event, error) {
	if err := p.begin(); err != nil {
		return annotate.Event{}, err
	}
	defer p.mu.Unlock()
	var typ, title, start, end, prec sql.NullString
	err := p.db.QueryRow(`SELECT type, title, CAST(date_start AS TEXT), CAST(date_end AS TEXT), date_precision
		FROM events WHERE id = ?`, id).Scan(&typ, &title, &start, &end, &prec)
	if err == sql.ErrNoRows {
		return annotate.Event{}, fmt.Errorf("event %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return annotate.Event{}, err
	}
	e := annotate.Event{ID: id, Type: typ.String, Title: title.String, DatePrecision: parsePrecision(prec.String)}
	e.DateStart, _ = parseTime(start)
	e.DateEnd, _ = parseTime(end)
	return e, nil
}
