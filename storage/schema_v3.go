package storage

import (
	"database/sql"
	"fmt"
)

// schemaV3 adds spans.orphan: 1 for a span whose quote was not found again
// after its article's text changed. Its offsets and quote are those of the
// old text, kept for the user to re-attach or delete. Frozen.
var schemaV3 = []string{
	`ALTER TABLE spans ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0`,
}

// migrateV3 brings a version 2 project to version 3.
func migrateV3(tx *sql.Tx) error {
	for _, stmt := range schemaV3 {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("%w in %.60q", err, stmt)
		}
	}
	return nil
}
