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

// SaveActor inserts an actor into the registry or updates the one with its
// ID, filling an empty ID. The actor needs a name.
func (p *Project) SaveActor(a *annotate.Actor) error {
	if err := p.begin(); err != nil {
		return err
	}
	defer p.mu.Unlock()
	if a.Name == "" {
		return errors.New("cannot save an actor without a name")
	}
	actor := *a
	if actor.ID == "" {
		actor.ID = uuid.NewString()
	}
	aliases, err := jsonText(actor.Aliases)
	if err != nil {
		return err
	}
	err = p.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`INSERT INTO actors (id, name, aliases, country, kind) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
			country = excluded.country, kind = excluded.kind`,
			actor.ID, actor.Name, aliases, nullString(actor.Country), nullString(actor.Kind)); err != nil {
			return err
		}
		return touch(tx, orb.Bound{}, "actors")
	})
	if err != nil {
		return fmt.Errorf("cannot save the actor %q: %w", actor.Name, err)
	}
	*a = actor
	return nil
}

// Actors returns the actor registry by name.
func (p *Project) Actors() ([]annotate.Actor, error) {
	if err := p.begin(); err != nil {
		return nil, err
	}
	defer p.mu.Unlock()
	rows, err := p.db.Query(`SELECT id, name, aliases, country, kind FROM actors ORDER BY name, fid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []annotate.Actor
	for rows.Next() {
		var a annotate.Actor
		var aliases, country, kind sql.NullString
		if err := rows.Scan(&a.ID, &a.Name, &aliases, &country, &kind); err != nil {
			return nil, err
		}
		a.Country, a.Kind = country.String, kind.String
		if aliases.String != "" {
			if err := json.Unmarshal([]byte(aliases.String), &a.Aliases); err != nil {
				return nil, fmt.Errorf("actor %s aliases: %w", a.ID, err)
			}
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
