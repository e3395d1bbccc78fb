package mapview

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/mapview/tiles"
)

// tileGreen is the colour of every tile the test server serves.
var tileGreen = color.RGBA{40, 160, 90, 255}

// newTileServer serves plain green PNG tiles and counts requests.
func newTileServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = tileGreen.R, tileGreen.G, tileGreen.B, 255
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(buf.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestTilesShowAndTurnOff(t *testing.T) {
	m, _ := newTestMap(t)
	srv, hits := newTileServer(t)
	m.tiles.opt = tiles.Options{CacheDir: t.TempDir(), Logf: t.Logf}
	// The test is the UI goroutine: redraws for arrived tiles come here.
	ui := make(chan func(), 16)
	m.tiles.do = func(f func()) { ui <- f }
	if err := m.SetTiles(&tiles.Source{URLTemplate: "not a url"}); err == nil || m.Tiles() != nil {
		t.Fatalf("bad template: err %v, tiles %v", err, m.Tiles())
	}
	src := tiles.Source{URLTemplate: srv.URL + "/{z}/{x}/{y}.png", Attribution: "© Test", MaxZoom: 12}
	if err := m.SetTiles(&src); err != nil {
		t.Fatal(err)
	}
	if got := m.Tiles(); got == nil || got.URLTemplate != src.URLTemplate {
		t.Fatalf("Tiles() = %v", got)
	}
	// A point in Tajikistan away from labels shows the tiles once they arrive.
	x, y := m.View().ToPixel(orb.Point{70.9, 38.3})
	pixel := func() color.RGBA {
		img := test.WidgetRenderer(m).(*mapRenderer).img.Image.(*image.RGBA)
		return img.RGBAAt(int(x), int(y))
	}
	deadline := time.Now().Add(5 * time.Second)
	for pixel() != tileGreen && time.Now().Before(deadline) {
		select {
		case f := <-ui:
			f()
		case <-time.After(10 * time.Millisecond):
		}
	}
	if got := pixel(); got != tileGreen {
		t.Fatalf("pixel in Tajikistan is %v, want the tile's %v", got, tileGreen)
	}
	if hits.Load() == 0 {
		t.Error("no tile requested")
	}
	writeWidgetPNG(t, m, "widget-tiles.png")
	if err := m.SetTiles(nil); err != nil || m.Tiles() != nil {
		t.Fatalf("turning off: %v", err)
	}
	if got := pixel(); got == tileGreen {
		t.Error("tiles still shown after turning them off")
	}
}

func TestSketchShownWhileDrawing(t *testing.T) {
	m, _ := newTestMap(t)
	var d drawing
	m.StartDrawing(Polygon, d.onDone, d.onCancel)
	for _, p := range []fyne.Position{pos(250, 200), pos(450, 230), pos(420, 400)} {
		test.TapAt(m, p)
	}
	m.MouseMoved(mouseAt(300, 420))
	img := test.WidgetRenderer(m).(*mapRenderer).img.Image.(*image.RGBA)
	if c := img.RGBAAt(450, 230); c != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("vertex handle pixel %v, want white", c)
	}
	if c := img.RGBAAt(350, 215); !(c.R > 180 && c.G < 60) {
		t.Errorf("sketch edge pixel %v, want magenta", c)
	}
	writeWidgetPNG(t, m, "widget-sketch.png")
	m.CancelTool()
	img = test.WidgetRenderer(m).(*mapRenderer).img.Image.(*image.RGBA)
	if c := img.RGBAAt(350, 215); c.R > 180 && c.G < 60 {
		t.Error("sketch still drawn after cancelling")
	}
}

// writeWidgetPNG saves the map's image under $RENDER_ARTIFACTS, when set.
func writeWidgetPNG(t *testing.T, m *Map, name string) {
	dir := os.Getenv("RENDER_ARTIFACTS")
	if dir == "" || strings.Contains(name, "/") {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, test.WidgetRenderer(m).(*mapRenderer).img.Image)
}

// mouseAt is a pointer event at logical pixel (x, y).
func mouseAt(x, y float32) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, y)}}
}
