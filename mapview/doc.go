// Package mapview is Event Atlas's map widget: it shows the image drawn by
// the render engine (package mapview/render) and turns pointer and keyboard
// input into panning, zooming, hovering and event selection.
package mapview
