package storage

import (
	"database/sql"
	"fmt"

	"github.com/google/uuid"
)

// GeoPackage identification (OGC 12-128 §1.1.1): application_id 'GPKG' and
// user_version 10300 for version 1.3.0. The file uses nothing 1.4 added,
// and GDAL before 3.8 (Debian 12 ships 3.6) warns "may only be partially
// supported" on every open of a file marked 1.4.
const (
	gpkgApplicationID = 0x47504B47
	gpkgUserVersion   = 10300
)

// wgs84WKT is the OGC WKT 1 definition of EPSG:4326 the specification gives.
const wgs84WKT = `GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]`

// uuidSQL is an SQL expression for a random RFC 4122 version 4 UUID, the
// id a trigger gives events a GIS program adds without one. (A DEFAULT
// expression would not do: GDAL reads it as a literal string.)
const uuidSQL = `(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
	substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))`

// createFillIDTrigger gives an event inserted without an id (by a GIS user
// adding features in QGIS, say) a random UUID.
const createFillIDTrigger = `CREATE TRIGGER events_fill_id AFTER INSERT ON events WHEN NEW.id IS NULL
		BEGIN UPDATE events SET id = ` + uuidSQL + ` WHERE fid = NEW.fid; END`

// schemaV1 creates the GeoPackage core tables and every Event Atlas table.
// Column types are those GeoPackage allows (TEXT, INTEGER, DOUBLE, DATE,
// DATETIME, BLOB, GEOMETRY); every user table has an INTEGER PRIMARY KEY.
// Frozen: later schema changes are new migrations.
var schemaV1 = []string{
	`PRAGMA application_id = ` + fmt.Sprint(gpkgApplicationID),
	`PRAGMA user_version = ` + fmt.Sprint(gpkgUserVersion),
	`CREATE TABLE gpkg_spatial_ref_sys (
		srs_name TEXT NOT NULL,
		srs_id INTEGER PRIMARY KEY,
		organization TEXT NOT NULL,
		organization_coordsys_id INTEGER NOT NULL,
		definition TEXT NOT NULL,
		description TEXT)`,
	`INSERT INTO gpkg_spatial_ref_sys VALUES
		('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
		('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
		('WGS 84 geodetic', 4326, 'EPSG', 4326, '` + wgs84WKT + `', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`,
	`CREATE TABLE gpkg_contents (
		table_name TEXT NOT NULL PRIMARY KEY,
		data_type TEXT NOT NULL,
		identifier TEXT UNIQUE,
		description TEXT DEFAULT '',
		last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
		min_x DOUBLE,
		min_y DOUBLE,
		max_x DOUBLE,
		max_y DOUBLE,
		srs_id INTEGER,
		CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))`,
	`CREATE TABLE gpkg_geometry_columns (
		table_name TEXT NOT NULL,
		column_name TEXT NOT NULL,
		geometry_type_name TEXT NOT NULL,
		srs_id INTEGER NOT NULL,
		z TINYINT NOT NULL,
		m TINYINT NOT NULL,
		CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
		CONSTRAINT uk_gc_table_name UNIQUE (table_name),
		CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
		CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))`,

	`CREATE TABLE meta (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		key TEXT NOT NULL UNIQUE,
		value TEXT)`,
	`CREATE TABLE articles (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		id TEXT NOT NULL UNIQUE,
		title TEXT,
		outlet TEXT,
		url TEXT,
		language TEXT,
		published DATETIME,
		text TEXT NOT NULL,
		hash TEXT NOT NULL UNIQUE,
		created DATETIME NOT NULL)`,
	`CREATE TABLE events (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		geom GEOMETRY,
		id TEXT UNIQUE,
		type TEXT,
		sub_type TEXT,
		title TEXT,
		date_start DATE,
		date_end DATE,
		date_precision TEXT,
		place_id TEXT,
		place TEXT,
		admin1 TEXT,
		country TEXT,
		geo_precision INTEGER,
		certainty TEXT,
		fatalities INTEGER,
		actors TEXT,
		actors_json TEXT,
		tags TEXT,
		tags_json TEXT,
		quote TEXT,
		article_title TEXT,
		notes TEXT,
		status TEXT,
		created DATETIME,
		updated DATETIME,
		annotator TEXT)`,
	`CREATE INDEX events_date ON events (date_start)`,
	createFillIDTrigger,
	`CREATE TABLE spans (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		id TEXT NOT NULL UNIQUE,
		article_id TEXT NOT NULL REFERENCES articles (id),
		event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
		start INTEGER NOT NULL,
		"end" INTEGER NOT NULL,
		quote TEXT NOT NULL,
		prefix TEXT,
		suffix TEXT)`,
	`CREATE INDEX spans_article ON spans (article_id, start)`,
	`CREATE INDEX spans_event ON spans (event_id)`,
	`CREATE TABLE actors (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		id TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		aliases TEXT,
		country TEXT,
		kind TEXT)`,
	`CREATE TABLE places (
		fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		id TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		names TEXT,
		kind TEXT,
		country TEXT,
		admin1 TEXT,
		lon DOUBLE,
		lat DOUBLE,
		geom BLOB,
		population INTEGER,
		rank INTEGER)`,
	`CREATE TABLE history (
		seq INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
		at DATETIME NOT NULL,
		annotator TEXT,
		action TEXT NOT NULL,
		entity TEXT NOT NULL,
		entity_id TEXT NOT NULL,
		before_json TEXT,
		after_json TEXT,
		undone INTEGER NOT NULL DEFAULT 0)`,
	`CREATE INDEX history_entity ON history (entity_id, seq)`,
	`CREATE INDEX history_undone ON history (undone, seq)`,

	`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
		('events', 'features', 'events', 'Event Atlas events: what happened, who, when and where, with the first evidence quote', 4326),
		('articles', 'attributes', 'articles', 'Articles the evidence quotes come from', NULL),
		('spans', 'attributes', 'spans', 'Evidence spans: code point offsets [start, end) into an article', NULL),
		('actors', 'attributes', 'actors', 'Actor registry', NULL),
		('places', 'attributes', 'places', 'Places added by users', NULL),
		('history', 'attributes', 'history', 'Audit trail of every edit, used for undo and redo', NULL),
		('meta', 'attributes', 'meta', 'Event Atlas project metadata', NULL)`,
	`INSERT INTO gpkg_geometry_columns VALUES ('events', 'geom', 'GEOMETRY', 4326, 0, 0)`,
}

// migrateV1 makes an empty file a version 1 project with a new UUID.
func migrateV1(tx *sql.Tx) error {
	for _, stmt := range schemaV1 {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("%w in %.60q", err, stmt)
		}
	}
	_, err := tx.Exec(`INSERT INTO meta (key, value) VALUES ('project_uuid', ?), ('generator', 'Event Atlas')`, uuid.NewString())
	return err
}
