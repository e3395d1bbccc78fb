package tiles

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"eventatlas/assets"
	"eventatlas/mapview/render"
)

// tileAt is the tile (at zoom z) under device pixel (px, py) of v.
func tileAt(v render.View, z int, px, py float64) (int, int) {
	lonlat := v.ToLonLat(px/v.Scale, py/v.Scale)
	x, y := worldXY(lonlat)
	n := math.Exp2(float64(z))
	return int(x / 256 * n), int(y / 256 * n)
}

func TestBackdropDrawsTiles(t *testing.T) {
	srv := newTileServer(t)
	f := newTestFetcher(t, srv.source(), Options{})
	b := NewBackdrop(f.Fetcher)
	for _, c := range []struct {
		name string
		v    render.View
		z    int // tile zoom used
	}{
		{"whole zoom", render.View{Center: orb.Point{68.8, 37.6}, Zoom: 8, Width: 400, Height: 300, Scale: 1}, 8},
		{"fractional zoom, scaled", render.View{Center: orb.Point{68.8, 37.6}, Zoom: 7.3, Width: 400, Height: 300, Scale: 1}, 7},
		{"HiDPI", render.View{Center: orb.Point{68.8, 37.6}, Zoom: 6, Width: 200, Height: 150, Scale: 2}, 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			dst := image.NewRGBA(image.Rect(0, 0, int(float64(c.v.Width)*c.v.Scale), int(float64(c.v.Height)*c.v.Scale)))
			b.Draw(dst, c.v) // asks for the tiles
			f.idle(t)
			clear(dst.Pix)
			if credit := b.Draw(dst, c.v); credit != "© Test Tiles" {
				t.Errorf("credit %q", credit)
			}
			for _, p := range [][2]float64{{50, 40}, {200, 150}, {333, 260}} {
				x, y := tileAt(c.v, c.z, p[0]+0.5, p[1]+0.5)
				want := tileColour(x, y)
				got := dst.RGBAAt(int(p[0]), int(p[1]))
				if got != want && got != (color.RGBA{want.R / 2, want.G / 2, want.B / 2, 255}) {
					// A pixel on a tile's edge may blend with its neighbour.
					if !near(got, want, 40) {
						t.Errorf("pixel %v is %v, want tile %d/%d/%d's %v", p, got, c.z, x, y, want)
					}
				}
			}
		})
	}
}

func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

func TestBackdropStandsInWithCoarserTiles(t *testing.T) {
	srv := newTileServer(t)
	f := newTestFetcher(t, srv.source(), Options{})
	b := NewBackdrop(f.Fetcher)
	v := render.View{Center: orb.Point{68.8, 37.6}, Zoom: 6, Width: 300, Height: 200, Scale: 1}
	dst := image.NewRGBA(image.Rect(0, 0, 300, 200))
	b.Draw(dst, v)
	f.idle(t)
	// Zoomed in: the zoom-7 tiles are not there yet, zoom 6 stands in.
	srv.block = make(chan struct{})
	defer close(srv.block)
	v.Zoom = 7
	clear(dst.Pix)
	if credit := b.Draw(dst, v); credit == "" {
		t.Error("no credit while stand-in tiles are drawn")
	}
	x, y := tileAt(v, 6, 150, 100)
	if got := dst.RGBAAt(150, 100); !near(got, tileColour(x, y), 40) {
		t.Errorf("centre pixel %v, want the zoom-6 tile's %v", got, tileColour(x, y))
	}
}

func TestBackdropOnMap(t *testing.T) {
	srv := newTileServer(t)
	f := newTestFetcher(t, srv.source(), Options{})
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	m, err := render.NewMap(bm, nil)
	if err != nil {
		t.Fatal(err)
	}
	m.SetBackdrop(NewBackdrop(f.Fetcher))
	v := render.View{Center: orb.Point{68.8, 37.6}, Zoom: 7.4, Width: 600, Height: 400, Scale: 1}
	m.Render(v, render.Selection{})
	f.idle(t)
	img := m.Render(v, render.Selection{})
	// Inside Tajikistan, away from labels, the tile shows as it is.
	px, py := v.ToPixel(orb.Point{70.9, 38.3})
	x, y := tileAt(v, 7, px, py)
	if got := img.RGBAAt(int(px), int(py)); !near(got, tileColour(x, y), 2) {
		t.Errorf("pixel in Tajikistan is %v, want tile %v", got, tileColour(x, y))
	}
	if dir := os.Getenv("RENDER_ARTIFACTS"); dir != "" {
		out, _ := os.Create(filepath.Join(dir, "tiles-on-map.png"))
		png.Encode(out, img)
		out.Close()
	}
}
