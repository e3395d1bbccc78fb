// Package render draws Event Atlas's map into an image: the region's base map
// (countries, provinces, borders, places, border crossings), the coded
// events in their type colours and symbols, selection highlights, labels
// placed without overlap, a scale bar and the attribution line.
//
// It is pure Go and imports no GUI: the map widget in package mapview shows
// its images, and the command-line renderer writes them to PNG files.
// Geometry is projected once to Web Mercator "world pixels" (256 px tiles at
// zoom 0), simplified per zoom band and indexed for culling and hit tests, so
// a frame is a few milliseconds of rasterising with golang.org/x/image/vector.
package render
