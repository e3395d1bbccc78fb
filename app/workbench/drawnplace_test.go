package workbench

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/mapview"
)

// storedEvent reads event id from storage.
func storedEvent(t *testing.T, wb *Workbench, id string) annotate.Event {
	t.Helper()
	evs, err := wb.project.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("event %s not stored", id)
	return annotate.Event{}
}

// placeFields are an event's place columns, for comparing.
type placeFields struct {
	id, name, admin1, country string
	prec                      annotate.GeoPrecision
}

func placeOf(e annotate.Event) placeFields {
	return placeFields{e.PlaceID, e.PlaceName, e.Admin1, e.Country, e.GeoPrecision}
}

var (
	dushanbePt = orb.Point{68.77905, 38.53575} // gn:1221874
	kunduzPt   = orb.Point{68.857, 36.72895}   // gn:1135689
)

// TestDrawnGeometrySetsPlace: each geometry drawn or edited for the
// selected event replaces its place, province, country and precision with
// those of the geometry, in one undo step, and says so.
func TestDrawnGeometrySetsPlace(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	id := wb.table.rows[0].ID
	wb.SelectEvent(id)
	title := storedEvent(t, wb, id).Title
	steps := []struct {
		name string
		geom orb.Geometry
		how  string
		want placeFields
		msg  string
	}{
		// the sample event is at Dushanbe already
		{"snapped onto Dushanbe", dushanbePt, "drawn",
			placeFields{"gn:1221874", "Dushanbe", "Dushanbe", "Tajikistan", annotate.GeoExact},
			"Saved the point 38.5358, 68.7790 of “" + title + "”. Place stays Dushanbe (exact); Ctrl+Z undoes"},
		// the same place: the user's precision stays, unless the point moved
		// away from the town (then near)
		{"moved 300 m", orb.Point{68.78, 38.5385}, "edited",
			placeFields{"gn:1221874", "Dushanbe", "Dushanbe", "Tajikistan", annotate.GeoExact},
			"Saved the point 38.5385, 68.7800 of “" + title + "”. Place stays Dushanbe (exact); Ctrl+Z undoes"},
		{"moved 5 km", orb.Point{68.835, 38.53575}, "edited",
			placeFields{"gn:1221874", "Dushanbe", "Dushanbe", "Tajikistan", annotate.GeoNear},
			"Saved the point 38.5358, 68.8350 of “" + title + "”. Place stays Dushanbe (near); Ctrl+Z undoes"},
		// the analyst's point, 350 km from Dushanbe
		{"moved to the Kyrgyz border", orb.Point{72.70628, 39.77062}, "edited",
			placeFields{"adm1:KG-O", "Osh", "Osh", "Kyrgyzstan", annotate.GeoProvince},
			"Saved the point 39.7706, 72.7063 of “" + title + "”. Place now Osh (province) — Osh, Kyrgyzstan, from the edited point; Ctrl+Z undoes"},
		{"near Kunduz", orb.Point{68.907, 36.72895}, "drawn",
			placeFields{"gn:1135689", "Kunduz", "Kunduz", "Afghanistan", annotate.GeoNear},
			"Saved the point 36.7289, 68.9070 of “" + title + "”. Place now Kunduz (near) — Kunduz, Afghanistan, from the drawn point; Ctrl+Z undoes"},
		{"line to Dushanbe", orb.LineString{kunduzPt, dushanbePt}, "drawn",
			placeFields{"gn:1221874", "Dushanbe", "Dushanbe", "Tajikistan", annotate.GeoExact},
			"Saved the line of 2 points of “" + title + "”. Place now Dushanbe (exact) — Dushanbe, Tajikistan, from the drawn line's end; Ctrl+Z undoes"},
		{"area over northern Afghanistan", orb.Polygon{{{66.5, 36.3}, {71.5, 36.3}, {71.5, 37.6}, {66.5, 37.6}, {66.5, 36.3}}}, "drawn",
			placeFields{"adm0:AFG", "Afghanistan", "", "Afghanistan", annotate.GeoCountry},
			"Saved the area of “" + title + "”. Part of it lies in Pakistan and Turkmenistan, a record holds one country: check the place. Place now Afghanistan (country) — Afghanistan, from the drawn area; Ctrl+Z undoes"},
		{"area in Kunduz", orb.Polygon{{{68.7, 36.6}, {69.0, 36.6}, {69.0, 36.8}, {68.7, 36.8}, {68.7, 36.6}}}, "edited",
			placeFields{"adm1:AF-KDZ", "Kunduz", "Kunduz", "Afghanistan", annotate.GeoProvince},
			"Saved the area of “" + title + "”. Place now Kunduz (province) — Kunduz, Afghanistan, from the edited area; Ctrl+Z undoes"},
		// in no known country: the place stays, and the status line says so
		{"at sea", orb.Point{60, 20}, "drawn",
			placeFields{"adm1:AF-KDZ", "Kunduz", "Kunduz", "Afghanistan", annotate.GeoProvince},
			"Saved the point 20.0000, 60.0000 of “" + title + "”. No known country holds the drawn point: the place stays Kunduz — check it; Ctrl+Z undoes"},
	}
	prev := placeOf(storedEvent(t, wb, id))
	for _, s := range steps {
		wb.drawingDone(s.geom, s.how)
		if len(*errs) > 0 {
			t.Fatalf("%s: %v", s.name, *errs)
		}
		e := storedEvent(t, wb, id)
		if got := placeOf(e); got != s.want {
			t.Errorf("%s: stored place %+v, want %+v", s.name, got, s.want)
		}
		if !orb.Equal(e.Geometry, s.geom) {
			t.Errorf("%s: stored geometry %v", s.name, e.Geometry)
		}
		if got := wb.status.message.Text; got != s.msg {
			t.Errorf("%s: status\n%q, want\n%q", s.name, got, s.msg)
		}
		// one undo step brings back the geometry and the place together
		wb.Undo()
		if got := placeOf(storedEvent(t, wb, id)); got != prev {
			t.Errorf("%s: after Ctrl+Z the place is %+v, want %+v", s.name, got, prev)
		}
		wb.Redo()
		if got := placeOf(storedEvent(t, wb, id)); got != s.want {
			t.Errorf("%s: after redo the place is %+v, want %+v", s.name, got, s.want)
		}
		prev = s.want
	}
}

// TestDrawPointToolSnapsToPlace: a point tapped on Kunduz with the Point
// tool snaps onto it and places the event there, exactly.
func TestDrawPointToolSnapsToPlace(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	id := wb.table.rows[0].ID
	wb.SelectEvent(id)
	wb.ToggleDrawing(mapview.Point)
	x, y := wb.mapView.View().ToPixel(kunduzPt)
	test.TapAt(wb.mapView, fyne.NewPos(float32(x)+2, float32(y)+1))
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	e := storedEvent(t, wb, id)
	want := placeFields{"gn:1135689", "Kunduz", "Kunduz", "Afghanistan", annotate.GeoExact}
	if got := placeOf(e); got != want || !orb.Equal(e.Geometry, kunduzPt) {
		t.Errorf("stored %+v at %v, want %+v at %v", got, e.Geometry, want, kunduzPt)
	}
}

// TestDrawnGeometryIntoDraft: a new event's drawn point takes its place in
// the form, and the save stores it.
func TestDrawnGeometryIntoDraft(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(start, end)
	wb.NewEventFromSelection()
	if wb.form.placeID != "gn:1135689" {
		t.Fatalf("pre-filled %q, want Kunduz city", wb.form.placeID)
	}
	pt := orb.Point{72.70628, 39.77062}
	wb.drawingDone(pt, "drawn")
	f := wb.form
	if f.placeID != "adm1:KG-O" || f.place.Text != "Osh — province, Kyrgyzstan" || f.formPrecision() != annotate.GeoProvince || !orb.Equal(f.geometry, pt) {
		t.Errorf("form place %q %q %s %v", f.placeID, f.place.Text, f.formPrecision(), f.geometry)
	}
	wantMsg := "The new event gets the drawn point 39.7706, 72.7063. Place now Osh (province) — Osh, Kyrgyzstan, from the drawn point: Enter saves it"
	if got := wb.status.message.Text; got != wantMsg {
		t.Errorf("status %q, want %q", got, wantMsg)
	}
	f.typ.setText("Diplomacy")
	f.submit()
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	evs, _ := wb.project.Events()
	want := placeFields{"adm1:KG-O", "Osh", "Osh", "Kyrgyzstan", annotate.GeoProvince}
	if len(evs) != 1 || placeOf(evs[0]) != want || !orb.Equal(evs[0].Geometry, pt) {
		t.Errorf("stored %v", evs)
	}
}

func TestDrawnPlaceMessage(t *testing.T) {
	_, g := baseMapAndGazetteer(t)
	tests := []struct {
		name       string
		geom       orb.Geometry
		curID, cur string
		curPrec    annotate.GeoPrecision
		prec       annotate.GeoPrecision
		changed    bool
		msg        string
	}{
		{"new place", orb.Point{68.907, 36.72895}, "gn:1221874", "Dushanbe", annotate.GeoExact, annotate.GeoNear, true,
			"Place now Kunduz (near) — Kunduz, Afghanistan, from the drawn point"},
		// the user's "near" stays on a point snapped onto the same town
		{"same place, user's precision", kunduzPt, "gn:1135689", "Kunduz", annotate.GeoNear, annotate.GeoNear, false,
			"Place stays Kunduz (near)"},
		{"same place, no precision yet", kunduzPt, "gn:1135689", "Kunduz", 0, annotate.GeoExact, false,
			"Place stays Kunduz (exact)"},
		{"no event place", orb.Point{60, 20}, "", "", 0, 0, false,
			"No known country holds the drawn point: choose the place"},
		// an area mostly in Afghan Badakhshan that reaches over the Panj
		{"across the border", orb.Polygon{{{70.2, 37.0}, {71.4, 37.0}, {71.4, 37.6}, {71.0, 38.3}, {70.2, 37.6}, {70.2, 37.0}}}, "", "", 0, 0, true,
			"PREFIX Part of it lies in Tajikistan, a record holds one country: check the place. "},
	}
	for _, tt := range tests {
		d := deriveDrawnPlace(g, tt.geom, tt.curID, tt.cur, tt.curPrec)
		if want, ok := strings.CutPrefix(tt.msg, "PREFIX "); ok {
			if !strings.HasPrefix(d.message("drawn"), want) {
				t.Errorf("%s: %q, want it to start %q", tt.name, d.message("drawn"), want)
			}
			continue
		}
		if d.prec != tt.prec || d.changed != tt.changed || d.message("drawn") != tt.msg {
			t.Errorf("%s: %s changed %v %q, want %s changed %v %q", tt.name, d.prec, d.changed, d.message("drawn"), tt.prec, tt.changed, tt.msg)
		}
	}
}

// TestPlacePrefillFromSelection: the draft's pre-filled place follows the
// selection's own words, else the sentence before; a crossing stores one
// country.
func TestPlacePrefillFromSelection(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "The delegation travelled to the northern Afghan province")
	wb.reader.SetSelection(start, end)
	wb.NewEventFromSelection()
	f := wb.form
	if f.placeID != "gn:1135689" || f.place.Text != "Kunduz — city, Afghanistan" {
		t.Errorf("pre-filled %q %q, want Kunduz city from the sentence before", f.placeID, f.place.Text)
	}
	if opts := f.placeOptions(""); len(opts) == 0 || opts[0].value != "gn:1135689" || opts[0].detail != "city, Afghanistan · best match" {
		t.Errorf("first option %+v", opts)
	}
	f.pickPlace(option{value: "xing:1"})
	f.typ.setText("Diplomacy")
	f.submit()
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	evs, _ := wb.project.Events()
	want := placeFields{"xing:1", "Panji Poyon – Sherkhan Bandar", "Khatlon", "Tajikistan", annotate.GeoExact}
	if len(evs) != 1 || placeOf(evs[0]) != want {
		t.Errorf("stored %+v, want %+v", evs, want)
	}
}
