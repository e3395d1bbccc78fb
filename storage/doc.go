// Package storage keeps an Event Atlas project in one file: a GeoPackage
// (OGC 12-128, version 1.4) that GIS programs such as QGIS and GDAL open as
// they are. Events are a features table with one geometry column; articles,
// evidence spans, actors, user places, the edit history and the project's
// metadata are attribute tables beside it.
//
// Every change is written in one transaction with synchronous=FULL and a
// rollback journal, so the .gpkg file alone holds every saved change as soon
// as a save returns, and a crash at any moment leaves the last saved state.
// One program at a time may edit a project: Open and Create take an
// exclusive lock on PATH+".lock".
//
// The package imports no GUI code.
package storage
