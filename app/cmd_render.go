package app

import (
	"bufio"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/assets"
	"eventatlas/mapview/render"
	"eventatlas/storage"
)

// runRender implements `eventatlas render -project FILE.gpkg -o map.png [-size WxH] [-scale 2] [-dark] [-legend=false] [-group=false]`.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("render", "render -project FILE.gpkg -o map.png [-size 1280x800] [-scale 1|2|…] [-dark] [-legend=false] [-group=false] [-fit region|events] [-center LON,LAT] [-zoom Z] [-type T1,T2] [-from DATE] [-to DATE]\nDraws the project's map, base map and events, to a PNG with no display.", stderr)
	project := fs.String("project", "", "project file to draw (required)")
	out := fs.String("o", "", "PNG file to write (required)")
	size := fs.String("size", "1280x800", "image size in logical pixels, WIDTHxHEIGHT, from 480x320 to 8000x8000")
	scale := fs.Float64("scale", 1, "pixel density from 0.5 to 4: 1, or 2 for a sharp image on slides")
	dark := fs.Bool("dark", false, "draw in the dark theme")
	fit := fs.String("fit", "region", "what the view shows: region or events")
	legend := fs.Bool("legend", true, "draw the legend of event types (-legend=false to leave it out)")
	group := fs.Bool("group", true, "group dense events below zoom 10 into bubbles and arrows, as the app does (-group=false draws every event)")
	center := fs.String("center", "", "centre of the view as LON,LAT, e.g. 68.78,38.54 (default: the -fit view's centre)")
	zoom := fs.Float64("zoom", 0, "web-map zoom level of the view, e.g. 9.5 (default: the -fit view's zoom)")
	types := fs.String("type", "", "draw only events of these types, comma-separated, e.g. \"Security incident,Protest and unrest\"")
	from := fs.String("from", "", "draw only events on or after this date: YYYY-MM-DD, YYYY-MM or YYYY")
	to := fs.String("to", "", "draw only events on or before this date: YYYY-MM-DD, YYYY-MM or YYYY")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "eventatlas render: "+format+"\n", a...)
		return 1
	}
	// A wrong argument exits with 2, as the README says.
	bad := func(format string, a ...any) int {
		fail(format, a...)
		return 2
	}
	if *project == "" || *out == "" {
		fmt.Fprintln(stderr, "eventatlas render: -project and -o are required")
		fs.Usage()
		return 2
	}
	w, h, err := parseSize(*size)
	if err != nil {
		return bad("%v", err)
	}
	if *scale < 0.5 || *scale > 4 {
		return bad("-scale %g is outside 0.5..4", *scale)
	}
	if *fit != "region" && *fit != "events" {
		return bad("-fit %q: want region or events", *fit)
	}
	var centre orb.Point
	if *center != "" {
		if centre, err = parseLonLat(*center); err != nil {
			return bad("%v", err)
		}
	}
	if *zoom != 0 && (*zoom < 1 || *zoom > 19) {
		return bad("-zoom %g is outside 1..19", *zoom)
	}
	filter, err := parseRenderFilter(*types, *from, *to)
	if err != nil {
		return bad("%v", err)
	}
	events, tax, err := eventsToDraw(*project, filter.dated(), stderr)
	if err != nil {
		return fail("%v", err)
	}
	if err := filter.check(tax); err != nil {
		return bad("%v", err)
	}
	all := len(events)
	events = filter.keep(events)
	if len(events) == 0 && all > 0 {
		fmt.Fprintf(stderr, "eventatlas render: no event of the project's %d matches -type, -from and -to: the map shows none\n", all)
	}
	bm, err := assets.LoadBaseMap()
	if err != nil {
		return fail("%v", err)
	}
	m, err := render.NewMap(bm, theme.DefaultTextFont().Content())
	if err != nil {
		return fail("%v", err)
	}
	if *dark {
		m.SetStyle(render.DarkStyle())
	}
	m.SetEvents(events, tax)
	m.SetLegend(*legend)
	m.SetClustering(*group)
	v := render.FitBound(render.RegionBound(), w, h, *scale)
	if *fit == "events" {
		if b, ok := m.EventsBound(); ok {
			v = render.FitBound(b, w, h, *scale)
		}
	}
	if *center != "" {
		v.Center = centre
	}
	if *zoom != 0 {
		v.Zoom = *zoom
	}
	v = v.Clamp()
	img := m.Render(v, render.Selection{})
	f, err := os.Create(*out)
	if err != nil {
		return fail("%v", err)
	}
	bw := bufio.NewWriter(f)
	if err := png.Encode(bw, img); err != nil {
		f.Close()
		return fail("writing %s: %v", *out, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fail("writing %s: %v", *out, err)
	}
	if err := f.Close(); err != nil {
		return fail("writing %s: %v", *out, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%dx%d, %s)\n", *out, img.Bounds().Dx(), img.Bounds().Dy(), countNoun(len(events), "event", "events"))
	return 0
}

// parseLonLat reads "LON,LAT" in decimal degrees.
func parseLonLat(s string) (orb.Point, error) {
	los, las, ok := strings.Cut(s, ",")
	lon, err1 := strconv.ParseFloat(strings.TrimSpace(los), 64)
	lat, err2 := strconv.ParseFloat(strings.TrimSpace(las), 64)
	if !ok || err1 != nil || err2 != nil || lon < -180 || lon > 180 || lat < -85 || lat > 85 {
		return orb.Point{}, fmt.Errorf("-center %q: want LON,LAT in degrees, e.g. 68.78,38.54", s)
	}
	return orb.Point{lon, lat}, nil
}

// parseSize reads "WIDTHxHEIGHT".
func parseSize(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	// Below 480x320 the attribution (the data licence) does not fit and the legend covers the map.
	if !ok || err != nil || w < 480 || h < 320 || w > 8000 || h > 8000 {
		return 0, 0, fmt.Errorf("-size %q: want WIDTHxHEIGHT between 480x320 and 8000x8000, e.g. 1280x800", s)
	}
	return w, h, nil
}

// eventsToDraw reads the events and the event types of the project at path
// for a picture. A project open in Event Atlas is read from a private copy
// of what it has saved, as a teammate's file is (storage.ReadUntrusted), and
// stderr says so: a trainer can make pictures while the app is open.
// With dated set every field is read (a date filter needs them), else
// only what the map draws.
func eventsToDraw(path string, dated bool, stderr io.Writer) ([]annotate.Event, annotate.Taxonomy, error) {
	p, err := storage.Open(path)
	if errors.Is(err, storage.ErrInUse) {
		snap, tax, err := savedCopy(path, err, "render", "drawing", stderr)
		if err != nil {
			return nil, nil, err
		}
		return snap.Events, tax, nil
	}
	if err != nil {
		return nil, nil, err
	}
	defer p.Close()
	var events []annotate.Event
	if dated {
		events, err = p.Events()
	} else {
		events, err = p.MapEvents() // the map draws id, type and geometry only
	}
	if err != nil {
		return nil, nil, err
	}
	tax, err := p.Taxonomy()
	return events, tax, err
}
