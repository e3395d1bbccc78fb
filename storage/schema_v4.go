package storage

import (
	"database/sql"
	"fmt"
)

// schemaV4 adds the project's own event taxonomy: one row per event type in
// display order, its sub-types as a JSON array, its colour as "#RRGGBB" and
// its map symbol. An empty table means the default taxonomy. Frozen.
var schemaV4 = []string{
	`CREATE TABLE taxonomy (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		position INTEGER NOT NULL,
		name TEXT NOT NULL UNIQUE,
		sub_types TEXT NOT NULL DEFAULT '[]',
		colour TEXT NOT NULL,
		symbol TEXT NOT NULL)`,
	`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
		('taxonomy', 'attributes', 'taxonomy', 'Event types this project codes with: sub-types, colour and map symbol', NULL)`,
}

// migrateV4 brings a version 3 project to version 4.
func migrateV4(tx *sql.Tx) error {
	for _, stmt := range schemaV4 {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("%w in %.60q", err, stmt)
		}
	}
	return nil
}
