package storage

import (
	"database/sql"
	"fmt"
)

// schemaV2 adds what merging a teammate's project needs: the conflicts
// table, which keeps their version of an event that differs from ours until
// the user resolves it, and history.batch, which groups the rows of one
// merge or one resolution into a single undo step. Frozen.
var schemaV2 = []string{
	`CREATE TABLE conflicts (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		id TEXT NOT NULL UNIQUE,
		event_id TEXT NOT NULL,
		theirs_json TEXT NOT NULL,
		theirs_hash TEXT NOT NULL,
		from_file TEXT,
		from_project_uuid TEXT,
		created DATETIME NOT NULL,
		resolution TEXT,
		resolved DATETIME)`,
	`CREATE INDEX conflicts_event ON conflicts (event_id, theirs_hash)`,
	`ALTER TABLE history ADD COLUMN batch INTEGER`,
	`CREATE INDEX history_batch ON history (batch)`,
	`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
		('conflicts', 'attributes', 'conflicts', 'Events merged from another project that differ from this one, kept until resolved', NULL)`,
}

// migrateV2 brings a version 1 project to version 2.
func migrateV2(tx *sql.Tx) error {
	for _, stmt := range schemaV2 {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("%w in %.60q", err, stmt)
		}
	}
	return nil
}
