package workbench

import (
	"errors"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/mapview"
)

// storedGeometry reads event id's geometry from storage.
func storedGeometry(t *testing.T, wb *Workbench, id string) orb.Geometry {
	t.Helper()
	evs, err := wb.project.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.ID == id {
			return e.Geometry
		}
	}
	t.Fatalf("event %s not stored", id)
	return nil
}

func near(a, b orb.Point) bool { return math.Abs(a[0]-b[0]) < 1e-6 && math.Abs(a[1]-b[1]) < 1e-6 }

func TestDrawLineForSelectedEventAndUndo(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, true)
	id := wb.table.rows[0].ID
	wb.SelectEvent(id)
	old := storedGeometry(t, wb, id)

	test.Tap(wb.draw.line.Button)
	if wb.mapView.Tool() != mapview.Line || wb.draw.line.Importance != widget.HighImportance {
		t.Fatalf("the Line tool is %v, button importance %v", wb.mapView.Tool(), wb.draw.line.Importance)
	}
	wb.mapView.SetSnapTargets(nil) // exact vertices
	sz := wb.mapView.Size()
	a, b := fyne.NewPos(sz.Width*0.3, sz.Height*0.4), fyne.NewPos(sz.Width*0.6, sz.Height*0.5)
	v := wb.mapView.View()
	want := orb.LineString{v.ToLonLat(float64(a.X), float64(a.Y)), v.ToLonLat(float64(b.X), float64(b.Y))}
	test.TapAt(wb.mapView, a)
	test.TapAt(wb.mapView, b)
	if !focusedIs(w, wb.mapView) {
		t.Fatalf("the keyboard is on %T, want the map", w.Canvas().Focused())
	}
	key(w, fyne.KeyReturn)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	got, ok := storedGeometry(t, wb, id).(orb.LineString)
	if !ok || len(got) != 2 || !near(got[0], want[0]) || !near(got[1], want[1]) {
		t.Fatalf("stored geometry %v, want %v", storedGeometry(t, wb, id), want)
	}
	if wb.mapView.Tool() != mapview.None || wb.draw.line.Importance == widget.HighImportance {
		t.Errorf("the tool stays on after Enter")
	}
	if wb.Selected() != id {
		t.Errorf("the event is no longer selected")
	}

	wb.Undo()
	if g := storedGeometry(t, wb, id); !orb.Equal(g, old) {
		t.Errorf("after Ctrl+Z the geometry is %v, want %v", g, old)
	}
}

func TestDrawPointIntoNewEvent(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	text := wb.articles[wb.current].Text
	start, end := offsetOf(t, text, "visited Kunduz")
	wb.reader.SetSelection(start, end)
	wb.NewEventFromSelection()
	wb.ToggleDrawing(mapview.Point)
	wb.mapView.SetSnapTargets(nil)
	p := fyne.NewPos(100, 120)
	want := wb.mapView.View().ToLonLat(100, 120)
	test.TapAt(wb.mapView, p)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if g, ok := wb.form.geometry.(orb.Point); !ok || !near(g, want) || !wb.form.isDraft {
		t.Fatalf("the draft's geometry is %v, want %v", wb.form.geometry, want)
	}
	wb.form.typ.setText("Diplomacy")
	wb.form.submit()
	evs, _ := wb.project.Events()
	if len(evs) != 1 || !near(evs[0].Geometry.(orb.Point), want) {
		t.Errorf("stored %v", evs)
	}
}

func TestDrawingToggles(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.ToggleDrawing(mapview.Polygon)
	if wb.mapView.Tool() != mapview.Polygon {
		t.Fatal("no area tool")
	}
	wb.ToggleDrawing(mapview.Polygon)
	if wb.mapView.Tool() != mapview.None {
		t.Error("the second tap did not stop the tool")
	}
	wb.ToggleDrawing(mapview.Point)
	test.TapAt(wb.mapView, fyne.NewPos(50, 50))
	if len(*errs) != 1 || !errors.Is((*errs)[0], ErrNothingToDraw) {
		t.Errorf("drawing with nothing to draw for gave %v", *errs)
	}
	*errs = nil
	wb.EditSelectedGeometry()
	if len(*errs) != 1 || !errors.Is((*errs)[0], ErrNoEvent) {
		t.Errorf("edit geometry with no selection gave %v", *errs)
	}
}

func TestDrawingSaysWhatToDo(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	for _, c := range []struct {
		kind mapview.Kind
		want string
	}{
		{mapview.Point, "Draw a point: tap the place, Esc cancels"},
		{mapview.Line, "Draw a line: tap each vertex; double-tap or Enter finishes, Esc cancels"},
		{mapview.Polygon, "Draw an area: tap each vertex; double-tap or Enter finishes, Esc cancels"},
	} {
		wb.ToggleDrawing(c.kind)
		if got := wb.status.message.Text; got != c.want {
			t.Errorf("status %q, want %q", got, c.want)
		}
		wb.mapView.CancelTool()
	}
}
