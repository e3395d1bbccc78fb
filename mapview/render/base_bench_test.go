package render

import (
	"image"
	"testing"
)

// BenchmarkDrawBase draws the base map layer (background, land, province
// lines and borders) of the first view at 1280x800, as a fresh frame does.
func BenchmarkDrawBase(b *testing.B) {
	m := newTestMap(b)
	v := FitBound(RegionBound(), 1280, 800, 1)
	t := newXform(v)
	img := image.NewRGBA(image.Rect(0, 0, t.w, t.h))
	m.pn.dst = img
	for b.Loop() {
		m.drawBase(img, v, t)
	}
}

// BenchmarkPlaceLabels places the labels of the first view at 1280x800
// without events, as a fresh frame does.
func BenchmarkPlaceLabels(b *testing.B) {
	m := newTestMap(b)
	v := FitBound(RegionBound(), 1280, 800, 1)
	t := newXform(v)
	for b.Loop() {
		m.overlay = nil
		m.overlayFor(v, t, "")
	}
}
