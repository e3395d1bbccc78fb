// Package exchange writes Event Atlas events to the formats other tools read
// and reads them back. Every function is pure: it takes and returns
// annotate values and an io.Writer or io.Reader, and touches no project file
// and no GUI.
//
// Formats:
//
//   - GeoJSON (RFC 7946): a FeatureCollection, one Feature per event, lon/lat
//     order, polygons wound by the right-hand rule (exterior rings
//     counter-clockwise, holes clockwise). The properties are the event's
//     fields, named as WriteGeoJSON lists, plus simplestyle-spec colours
//     from the taxonomy so geojson.io and GitHub draw each type in its
//     colour. [WriteGeoJSON], [ReadGeoJSON].
//   - CSV: ACLED's column names where they apply, then the geometry as WKT,
//     the evidence quote and Event Atlas's own columns that make the round
//     trip lossless; [CSVColumns] lists them and the mapping.
//     [WriteCSV], [ReadCSV].
//   - KML 2.2 for Google Earth: one Style and one Folder per event type,
//     Placemarks with name, an HTML description (quote, source, date),
//     TimeSpan and ExtendedData. Export only. [WriteKML].
//   - W3C Web Annotation JSON-LD: one AnnotationCollection whose embedded
//     first AnnotationPage holds one Annotation per evidence span. Export
//     only. [WriteJSONLD].
//
// A field has the same name in every format: ACLED's where ACLED has it
// (event_type, sub_event_type, event_date, location, admin1, country,
// fatalities, notes), else Event Atlas's (id, title, date_end,
// date_precision, place_precision, certainty, tags, status, ...).
//
// Readers never fail on a bad row: they skip it and say why in a [Report],
// which with the events read is what an import preview shows (the app then
// refuses the whole file: an import is whole or nothing). They fail only
// for a file that is not the format at all (not JSON, not a
// FeatureCollection, a CSV without the required columns), is not UTF-8
// text ([EncodingError]; UTF-16 with a byte-order mark is decoded) or is
// larger than [MaxInputSize]. Events keep the ids they carry; the caller
// dedupes against the project ([Differences] tells an event changed in the
// file from one the same) and fills in the precisions the file left out
// ([FillDefaults]).
package exchange
