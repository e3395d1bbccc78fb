package storage

import (
	"database/sql"
	"fmt"
	"time"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

// MapEvents returns every event with only what the map draws and labels:
// ID, Type, Title, DateStart, DateEnd, Created and Geometry; every other
// field is zero (Fatalities included) and there are no spans. The order is
// Events' order. It is much faster than Events for a large project.
func (p *Project) MapEvents() ([]annotate.Event, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	n, err := p.eventCountGuess()
	if err != nil {
		return nil, err
	}
	rows, err := p.db.Query(`SELECT id, type, title, CAST(date_start AS TEXT), CAST(date_end AS TEXT), CAST(created AS TEXT), geom
		FROM events ORDER BY fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Rows are read into small records and sorted by key, so that each
	// (large) annotate.Event is written once, in its place.
	type mapRow struct {
		id, typ, title      string
		start, end, created time.Time
		geom                orb.Geometry
	}
	read := make([]mapRow, 0, n)
	keys := make([]eventKey, 0, n)
	var id, typ, title, start, end, created sql.NullString
	var geom sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&id, &typ, &title, &start, &end, &created, &geom); err != nil {
			return nil, err
		}
		r := mapRow{id: id.String, typ: typ.String, title: title.String}
		r.start, _ = parseTime(start)
		r.end, _ = parseTime(end)
		r.created, _ = parseTime(created)
		if geom != nil {
			if r.geom, _, err = DecodeGeometry(geom); err != nil {
				return nil, fmt.Errorf("event %s geometry: %w", r.id, err)
			}
		}
		keys = append(keys, keyOf(len(read), r.start, r.created))
		read = append(read, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortedOrder(keys)
	out := make([]annotate.Event, len(read))
	for j, k := range keys {
		r := &read[k.i]
		out[j] = annotate.Event{ID: r.id, Type: r.typ, Title: r.title, DateStart: r.start, DateEnd: r.end,
			Created: r.created, Geometry: r.geom}
	}
	return out, nil
}
