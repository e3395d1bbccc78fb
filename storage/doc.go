// Package storage keeps an Event Atlas project in one file: a GeoPackage
// (OGC 12-128, version 1.4) that GIS programs such as QGIS and GDAL open as
// they are. Events are a features table with one geometry column; articles,
// evidence spans, actors, user places, the edit history and the project's
// metadata are attribute tables beside it.
//
// Every change is written in one transaction with synchronous=FULL and is
// on disk when its method returns; a crash at any moment leaves the last
// saved state. While a project is edited it is in WAL mode (one fsync per
// commit); once it has been idle for IdleDelay, and on Flush and Close, the
// log is copied into the .gpkg and emptied, so a copy of the .gpkg alone
// taken while the program is idle holds every saved change, and Close
// leaves one plain file in rollback-journal mode. Large imports are
// written in rollback-journal mode. One program at a time may edit a
// project: Open and Create take an exclusive lock on PATH+".lock".
//
// Files from others are untrusted. ReadUntrusted (and Inspect, for
// `eventatlas check`) reads one without running any SQL it holds: from a
// private read-only copy, after quick_check, with trusted_schema=OFF, an
// authorizer that allows only reads, and checks of every table, column,
// size, text encoding and geometry; it returns the sound rows and a Report
// of what was skipped. Merge brings a teammate's project in that way:
// articles deduplicated by text hash, actors, places and events, with
// events that differ from ours kept as conflicts (Conflicts,
// ResolveConflict) rather than overwritten. Open refuses files whose tables
// carry views, virtual tables or triggers Event Atlas did not make.
// ExportCopy writes a compacted single-file copy to send.
//
// The package imports no GUI code.
package storage
