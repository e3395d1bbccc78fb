package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// migration is one forward-only schema step. up runs inside the transaction
// that also records version in meta, so a step applies whole or not at all.
// Steps are never edited once released; a change is a new step. A step that
// rebuilds a table must use PRAGMA defer_foreign_keys, as foreign_keys
// cannot be switched inside a transaction.
type migration struct {
	version int
	name    string
	up      func(tx *sql.Tx) error
}

// migrations lists every schema step in order; version i+1 is migrations[i].
var migrations = []migration{
	{1, "GeoPackage core tables, events features table, attribute tables", migrateV1},
	{2, "merge conflicts table, undo batches", migrateV2},
	{3, "orphaned evidence spans", migrateV3},
	{4, "editable event taxonomy", migrateV4},
}

// currentSchema is the schema version this build writes.
func currentSchema() int { return migrations[len(migrations)-1].version }

// schemaVersion reads the version from meta; 0 for a file without meta.
func schemaVersion(q querier) (int, error) {
	var n int
	if err := q.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	var s string
	err := q.QueryRow(`SELECT value FROM meta WHERE key = 'schema_version'`).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return 0, fmt.Errorf("invalid schema_version %q in meta", s)
	}
	return v, nil
}

// newerSchemaError reports a file of version have to a build that knows up
// to version know.
func newerSchemaError(have, know int) error {
	return fmt.Errorf("%w: the file has schema version %d, this Event Atlas knows versions up to %d; install a newer Event Atlas to open it",
		ErrNewerSchema, have, know)
}

// migrate brings db up to the last version of steps, one transaction per
// step. It refuses a database newer than steps and writes nothing then.
func migrate(db *sql.DB, steps []migration) error {
	v, err := schemaVersion(db)
	if err != nil {
		return err
	}
	latest := steps[len(steps)-1].version
	if v > latest {
		return newerSchemaError(v, latest)
	}
	for _, m := range steps {
		if m.version <= v {
			continue
		}
		if m.version != v+1 {
			return fmt.Errorf("no migration from schema version %d to %d", v, m.version)
		}
		if err := runMigration(db, m); err != nil {
			return fmt.Errorf("migrate the project from schema version %d to %d (%s): %w", v, m.version, m.name, err)
		}
		v = m.version
	}
	return nil
}

// runMigration applies one step and records its version in one transaction.
func runMigration(db *sql.DB, m migration) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := m.up(tx); err != nil {
		return err
	}
	if _, err := tx.Exec(`INSERT INTO meta (key, value) VALUES ('schema_version', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, strconv.Itoa(m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
