package render

import "image"

// touchSink keeps the loads of touch from being optimised away.
var touchSink uint8

// touch reads a byte of every 64-byte stretch (a cache line) of dst's
// pixels in r before a sprite is composited there. The reads do not depend
// on one another, so the processor fetches all the lines at once instead
// of one at a time as the blit reaches each row: a frame is far larger
// than the caches, and small sprites spread over it (bubbles, markers,
// labels) otherwise wait on memory row after row.
func touch(dst *image.RGBA, r image.Rectangle) {
	r = r.Intersect(dst.Rect)
	if r.Empty() {
		return
	}
	var acc uint8
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i0 := dst.PixOffset(r.Min.X, y)
		i1 := i0 + 4*r.Dx()
		row := dst.Pix[i0:i1]
		for i := 0; i < len(row); i += 64 - (i0+i)&63 {
			acc ^= row[i]
		}
		acc ^= row[len(row)-1]
	}
	touchSink ^= acc
}
