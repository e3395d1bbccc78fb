package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb/geojson"

	"eventatlas/annotate"
)

// mapnikPython is the interpreter with python3-mapnik: Debian's, not the
// first python3 on PATH. MAPNIK_PYTHON overrides it.
func mapnikPython() string {
	if p := os.Getenv("MAPNIK_PYTHON"); p != "" {
		return p
	}
	return "/usr/bin/python3"
}

// mapnikResult is what testdata/mapnik/render_mapnik.py reports.
type mapnikResult struct {
	MsPerFrame float64 `json:"ms_per_frame"`
	MinMs      float64 `json:"min_ms"`
	Frames     int     `json:"frames"`
	LoadMs     float64 `json:"load_ms"`
	Version    int     `json:"mapnik"`
}

// mapnikRuns keeps Mapnik's figures by case, so the benchmark's repeated
// calls with growing b.N run Python once.
var mapnikRuns = map[string]mapnikResult{}

// mercatorBound is view v's extent in EPSG:3857 metres.
func mercatorBound(v View) [4]float64 {
	wb := newXform(v).worldBound(0)
	const c = 2 * math.Pi * 6378137
	mx := func(x float64) float64 { return (x/tileSize - 0.5) * c }
	my := func(y float64) float64 { return (0.5 - y/tileSize) * c }
	return [4]float64{mx(wb.Min[0]), my(wb.Max[1]), mx(wb.Max[0]), my(wb.Min[1])}
}

// writeEventsGeoJSON writes events as a FeatureCollection with a "type"
// property, the input Mapnik draws.
func writeEventsGeoJSON(path string, events []annotate.Event) error {
	fc := geojson.NewFeatureCollection()
	for _, e := range events {
		f := geojson.NewFeature(e.Geometry)
		f.Properties["type"] = e.Type
		fc.Append(f)
	}
	b, err := fc.MarshalJSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// runMapnik renders view v with the base map and events (none when nil)
// frames times in Mapnik and returns its timing; ok is false with a reason
// when Mapnik is not installed.
func runMapnik(b *testing.B, v View, events []annotate.Event, frames int) (mapnikResult, string) {
	py := mapnikPython()
	if err := exec.Command(py, "-c", "import mapnik").Run(); err != nil {
		return mapnikResult{}, fmt.Sprintf("no python3-mapnik for %s: %v", py, err)
	}
	dir := b.TempDir()
	evPath := ""
	if len(events) > 0 {
		evPath = filepath.Join(dir, "events.geojson")
		if err := writeEventsGeoJSON(evPath, events); err != nil {
			b.Fatal(err)
		}
	}
	colors := map[string]string{}
	tax := annotate.DefaultTaxonomy()
	for _, n := range tax.Names() {
		c := tax.Lookup(n).Color
		colors[n] = fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
	}
	png := ""
	if out := os.Getenv("MAPNIK_OUT"); out != "" {
		png = filepath.Join(out, fmt.Sprintf("mapnik-%d.png", len(events)))
	}
	req, _ := json.Marshal(map[string]any{
		"geodata": filepath.Join("..", "..", "assets", "geodata"), "events": evPath, "colors": colors,
		"bbox": mercatorBound(v), "width": v.Width, "height": v.Height, "frames": frames, "png": png,
	})
	cmd := exec.Command(py, filepath.Join("testdata", "mapnik", "render_mapnik.py"))
	cmd.Stdin = bytes.NewReader(req)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("render_mapnik.py: %v\n%s", err, stderr.String())
	}
	var res mapnikResult
	if err := json.Unmarshal(out, &res); err != nil {
		b.Fatalf("render_mapnik.py output %q: %v", out, err)
	}
	return res, ""
}

// BenchmarkMapnikSideBySide renders the same base map and synthetic events
// (those of BenchmarkRender1280x800_*) at 1280x800 in the same view with
// Mapnik (Debian's python3-mapnik, timing only map.render inside Python)
// and with this engine, one after the other. ns/op is our frame drawn
// afresh (the zoom changes every frame, so no layer comes from a cache); the metrics give Mapnik's mean frame and the ratio. "flat" draws
// every point on its own, as Mapnik does; "clustered" is the app's default.
// Skipped without python3-mapnik. Run it on one core:
//
//	go test ./mapview/render -run '^$' -bench MapnikSideBySide -cpu 1 -benchtime 10x
func BenchmarkMapnikSideBySide(b *testing.B) {
	v := FitBound(RegionBound(), 1280, 800, 1)
	for _, n := range []int{0, 10000, 100000} {
		var events []annotate.Event
		if n > 0 {
			events = syntheticEvents(n, 0.90, 0.07, 0.03)
		}
		m := newTestMap(b)
		m.SetEvents(events, annotate.DefaultTaxonomy())
		for _, clustered := range []bool{false, true} {
			if n == 0 && clustered {
				continue
			}
			name := fmt.Sprintf("events=%d/flat", n)
			if clustered {
				name = fmt.Sprintf("events=%d/clustered", n)
			}
			b.Run(name, func(b *testing.B) {
				key := fmt.Sprint(n)
				res, ok := mapnikRuns[key]
				if !ok {
					frames := 10
					if n >= 100000 {
						frames = 4
					}
					var skip string
					res, skip = runMapnik(b, v, events, frames)
					if skip != "" {
						b.Skip(skip)
					}
					mapnikRuns[key] = res
				}
				m.SetClustering(clustered)
				img := m.Render(v, Selection{})
				if out := os.Getenv("MAPNIK_OUT"); out != "" {
					_ = writePNG(filepath.Join(out, fmt.Sprintf("ours-%d-%s.png", n, map[bool]string{false: "flat", true: "clustered"}[clustered])), img)
				}
				i := 0
				start := time.Now()
				for b.Loop() {
					// A fresh frame, as after a zoom: ±0.03 levels alternately,
					// never the same zoom twice, so no layer comes from a cache
					// (a one-pixel pan would shift the cached layers).
					w := v
					w.Zoom += 0.03*float64(1-2*(i%2)) + 1e-6*float64(i)
					m.RenderTo(img, w, Selection{})
					i++
				}
				ours := float64(time.Since(start).Nanoseconds()) / float64(max(i, 1)) / 1e6
				b.ReportMetric(res.MsPerFrame, "mapnik-ms/frame")
				b.ReportMetric(ours, "ours-ms/frame")
				b.ReportMetric(res.MsPerFrame/ours, "mapnik/ours")
			})
		}
	}
}
