// Package present is the presentation mode for trainers: a full-screen map
// that steps through events one at a time, flying to each and showing its
// title, date, type, place and the quote it was coded from, large enough
// for a room. It opens from the workbench (View → Present, F11) with the
// events the filter bar shows, in date order.
package present
