package tiles

import (
	"image"
	"image/draw"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"

	"eventatlas/mapview/render"
)

// Backdrop draws a Fetcher's tiles under the map: it implements
// render.Backdrop. Tiles are taken at the zoom level closest to the view's
// device resolution and scaled to fit; a tile not loaded yet is stood in for
// by a coarser one already in memory, so the map fills in calmly.
type Backdrop struct {
	f *Fetcher

	mu     sync.Mutex
	frame  *image.RGBA // the tiles of the last view
	key    frameKey
	credit string
}

// frameKey identifies a drawn frame: its view and the tiles at hand.
type frameKey struct {
	v   render.View
	gen uint64
}

// maxTilesPerFrame guards against absurd views.
const maxTilesPerFrame = 600

// maxFallback is how many zoom levels up a stand-in tile may come from.
const maxFallback = 5

// NewBackdrop returns a backdrop of f's tiles.
func NewBackdrop(f *Fetcher) *Backdrop { return &Backdrop{f: f} }

// Fetcher returns the fetcher the tiles come from.
func (b *Backdrop) Fetcher() *Fetcher { return b.f }

// Draw paints the tiles covering v over dst and returns the source's
// attribution, or "" when no tile is at hand yet. It never waits for the
// network: missing tiles are requested and drawn on a later frame.
func (b *Backdrop) Draw(dst *image.RGBA, v render.View) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	key := frameKey{v, b.f.Generation()}
	if b.frame == nil || b.key != key || b.frame.Rect != dst.Rect {
		if b.frame == nil || b.frame.Rect != dst.Rect {
			b.frame = image.NewRGBA(dst.Rect)
		} else {
			clear(b.frame.Pix)
		}
		b.credit = ""
		if b.drawTiles(b.frame, v) {
			b.credit = b.f.src.Attribution
		}
		b.key = key
	}
	draw.Draw(dst, dst.Rect, b.frame, dst.Rect.Min, draw.Over)
	return b.credit
}

// drawTiles draws the tiles of v into dst; false when none was at hand.
func (b *Backdrop) drawTiles(dst *image.RGBA, v render.View) bool {
	s := v.Scale
	if !(s > 0) {
		s = 1
	}
	W, H := float64(dst.Rect.Dx()), float64(dst.Rect.Dy())
	z := int(math.Round(v.Zoom + math.Log2(s)))
	z = max(0, min(z, b.f.src.MaxZoom))
	k := math.Exp2(v.Zoom) * s // device pixels per zoom-0 world pixel
	cx, cy := worldXY(v.Center)
	ox, oy := cx*k-W/2, cy*k-H/2 // device = world·k − o
	n := 1 << z
	ts := 256 / float64(n) // a tile's width in world pixels
	tx0, tx1 := int(math.Floor(ox/k/ts)), int(math.Floor((W+ox)/k/ts))
	ty0, ty1 := max(0, int(math.Floor(oy/k/ts))), min(n-1, int(math.Floor((H+oy)/k/ts)))
	if (tx1-tx0+1)*(ty1-ty0+1) > maxTilesPerFrame {
		return false
	}
	drew := false
	for ty := ty0; ty <= ty1; ty++ {
		for tx := tx0; tx <= tx1; tx++ {
			r := image.Rect(
				int(math.Round(float64(tx)*ts*k-ox)), int(math.Round(float64(ty)*ts*k-oy)),
				int(math.Round(float64(tx+1)*ts*k-ox)), int(math.Round(float64(ty+1)*ts*k-oy)),
			).Add(dst.Rect.Min)
			x := ((tx % n) + n) % n
			if img, ok := b.f.Get(z, x, ty); ok {
				put(dst, r, img, img.Bounds())
				drew = true
				continue
			}
			drew = b.standIn(dst, r, z, x, ty) || drew
		}
	}
	return drew
}

// standIn draws the part of the nearest coarser tile in memory that covers
// tile z/x/y into r.
func (b *Backdrop) standIn(dst *image.RGBA, r image.Rectangle, z, x, y int) bool {
	for dz := 1; dz <= maxFallback && dz <= z; dz++ {
		img, ok := b.f.Peek(z-dz, x>>dz, y>>dz)
		if !ok {
			continue
		}
		bb := img.Bounds()
		part := float64(bb.Dx()) / float64(int(1)<<dz)
		fx, fy := float64(x&(1<<dz-1))*part, float64(y&(1<<dz-1))*part
		src := image.Rect(int(math.Floor(fx)), int(math.Floor(fy)), int(math.Ceil(fx+part)), int(math.Ceil(fy+part))).Add(bb.Min)
		put(dst, r, img, src)
		return true
	}
	return false
}

// put draws the sr part of img into r of dst: copied when the sizes match,
// scaled bilinearly otherwise.
func put(dst *image.RGBA, r image.Rectangle, img image.Image, sr image.Rectangle) {
	if r.Dx() == sr.Dx() && r.Dy() == sr.Dy() {
		draw.Draw(dst, r, img, sr.Min, draw.Src)
		return
	}
	xdraw.ApproxBiLinear.Scale(dst, r, img, sr, draw.Src, nil)
}

// worldXY projects lon/lat to Web Mercator pixels at zoom 0 (the world is
// 256 px wide, y down), as the render engine does.
func worldXY(p [2]float64) (float64, float64) {
	lat := math.Max(-85.0511, math.Min(85.0511, p[1]))
	x := (p[0] + 180) / 360 * 256
	sin := math.Sin(lat * math.Pi / 180)
	y := (0.5 - math.Log((1+sin)/(1-sin))/(4*math.Pi)) * 256
	return x, y
}
