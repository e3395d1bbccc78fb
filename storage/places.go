package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"eventatlas/annotate"
	"github.com/google/uuid"
	"github.com/paulmach/orb"
)

// placeColumns are the places columns written by writePlace and read by
// scanPlace, in order.
const placeColumns = `id, name, names, kind, country, admin1, lon, lat, geom, population, rank`

// SavePlace inserts a user place or updates the one with its ID, with a
// history entry, in one transaction. It fills an empty ID and an empty Kind
// (KindUser). The place needs a name and a valid point; its geometry, when
// set, must be valid too. *pl is changed only when the save succeeds.
func (p *Project) SavePlace(pl *annotate.Place) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	place := *pl
	if place.ID == "" {
		place.ID = uuid.NewString()
	}
	if place.Kind == "" {
		place.Kind = annotate.KindUser
	}
	if err := validatePlace(&place); err != nil {
		return fmt.Errorf("cannot save the place %q: %w", place.Name, err)
	}
	err := p.write(func(tx *sql.Tx) error {
		var before *annotate.Place
		old, err := loadPlace(tx, place.ID)
		switch {
		case err == nil:
			before = &old
		case !errors.Is(err, ErrNotFound):
			return err
		}
		if err := writePlace(tx, &place); err != nil {
			return err
		}
		action := actionUpdate
		if before == nil {
			action = actionCreate
		}
		return p.record(tx, action, entityPlace, place.ID, before, &place)
	})
	if err != nil {
		return fmt.Errorf("cannot save the place %q: %w", place.Name, err)
	}
	*pl = place
	return nil
}

// validatePlace checks what a stored place needs.
func validatePlace(pl *annotate.Place) error {
	if pl.Name == "" {
		return errors.New("give the place a name")
	}
	if err := annotate.ValidateGeometry(pl.Point); err != nil {
		return err
	}
	if pl.Geometry != nil {
		return annotate.ValidateGeometry(pl.Geometry)
	}
	return nil
}

// DeletePlace deletes the user place id, recording it in the history; the
// error wraps ErrNotFound when there is none.
func (p *Project) DeletePlace(id string) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	return p.write(func(tx *sql.Tx) error {
		before, err := loadPlace(tx, id)
		if err != nil {
			return err
		}
		if err := removePlace(tx, id); err != nil {
			return err
		}
		return p.record(tx, actionDelete, entityPlace, id, &before, nil)
	})
}

// Places returns the user-added places by name.
func (p *Project) Places() ([]annotate.Place, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT ` + placeColumns + ` FROM places ORDER BY name, fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []annotate.Place
	for rows.Next() {
		pl, err := scanPlace(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, pl)
	}
	return out, rows.Err()
}

// writePlace inserts or updates a place row. It writes no history.
func writePlace(tx *sql.Tx, pl *annotate.Place) error {
	names, err := jsonText(pl.Names)
	if err != nil {
		return err
	}
	var geom []byte
	if pl.Geometry != nil {
		if geom, err = EncodeGeometry(pl.Geometry, SRSWGS84); err != nil {
			return err
		}
	}
	_, err = tx.Exec(`INSERT INTO places (`+placeColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, names = excluded.names, kind = excluded.kind,
		country = excluded.country, admin1 = excluded.admin1, lon = excluded.lon, lat = excluded.lat,
		geom = excluded.geom, population = excluded.population, rank = excluded.rank`,
		pl.ID, pl.Name, names, string(pl.Kind), nullString(pl.Country), nullString(pl.Admin1),
		pl.Point[0], pl.Point[1], geom, pl.Population, pl.Rank)
	if err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "places")
}

// removePlace deletes a place row. It writes no history.
func removePlace(tx *sql.Tx, id string) error {
	if _, err := tx.Exec(`DELETE FROM places WHERE id = ?`, id); err != nil {
		return err
	}
	return touch(tx, orb.Bound{}, "places")
}

// loadPlace reads one place; the error wraps ErrNotFound when there is none.
func loadPlace(q querier, id string) (annotate.Place, error) {
	pl, err := scanPlace(q.QueryRow(`SELECT `+placeColumns+` FROM places WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return pl, fmt.Errorf("place %s: %w", id, ErrNotFound)
	}
	return pl, err
}

// scanPlace reads the placeColumns of one row.
func scanPlace(s scanner) (annotate.Place, error) {
	var pl annotate.Place
	var names, kind, country, admin1 sql.NullString
	var lon, lat sql.NullFloat64
	var population, rank sql.NullInt64
	var geom []byte
	if err := s.Scan(&pl.ID, &pl.Name, &names, &kind, &country, &admin1, &lon, &lat, &geom, &population, &rank); err != nil {
		return pl, err
	}
	pl.Kind, pl.Country, pl.Admin1 = annotate.PlaceKind(kind.String), country.String, admin1.String
	pl.Point = orb.Point{lon.Float64, lat.Float64}
	pl.Population, pl.Rank = int(population.Int64), int(rank.Int64)
	if names.String != "" {
		if err := json.Unmarshal([]byte(names.String), &pl.Names); err != nil {
			return pl, fmt.Errorf("place %s names: %w", pl.ID, err)
		}
	}
	if geom != nil {
		g, _, err := DecodeGeometry(geom)
		if err != nil {
			return pl, fmt.Errorf("place %s geometry: %w", pl.ID, err)
		}
		pl.Geometry = g
	}
	return pl, nil
}
