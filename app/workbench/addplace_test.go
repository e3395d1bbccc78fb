package workbench

import (
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/storage"
)

const checkpoint = "Sherkhan Bandar checkpoint"

// forgetUserPlaces takes the user places a test put in the shared test
// gazetteer out again when the test ends.
func forgetUserPlaces(t *testing.T, wb *Workbench) {
	t.Cleanup(func() {
		for id := range wb.userPlaces {
			wb.gaz.Remove(id)
		}
	})
}

// rightClickAt right-clicks the map at lon/lat pt and returns the form it
// opens.
func rightClickAt(t *testing.T, wb *Workbench, pt orb.Point) *placeForm {
	t.Helper()
	x, y := wb.mapView.View().ToPixel(pt)
	wb.placeForm = nil
	test.TapSecondaryAt(wb.mapView, fyne.NewPos(float32(x), float32(y)))
	if wb.placeForm == nil {
		t.Fatal("a right-click on the map opened no form")
	}
	if !wb.placeForm.sheet.pop.Visible() {
		t.Fatal("the Add place sheet is not shown")
	}
	return wb.placeForm
}

func TestAddPlaceFromRightClick(t *testing.T) {
	wb, w, errs := newTestWorkbench(t, false)
	forgetUserPlaces(t, wb)
	path := wb.project.Path()
	at := orb.Point{68.70, 37.00}
	f := rightClickAt(t, wb, at)
	if math.Abs(f.at[0]-at[0]) > 0.01 || math.Abs(f.at[1]-at[1]) > 0.01 {
		t.Fatalf("form at %v, want near %v", f.at, at)
	}
	if f.country.Text != "Afghanistan" || f.admin1.Text != "Kunduz" || f.kind.Selected != "user" {
		t.Errorf("prefilled country %q, province %q, kind %q; want Afghanistan, Kunduz, user", f.country.Text, f.admin1.Text, f.kind.Selected)
	}
	if !focusedIs(w, f.name) {
		t.Error("the name field does not have the keyboard")
	}
	test.Type(f.name, checkpoint)
	test.Type(f.others, " Shir Khan checkpoint, ,Шерхан-Бандар КПП ")
	test.Tap(f.sheet.def)
	if f.lastErr != nil || len(*errs) > 0 {
		t.Fatalf("save failed: %v %v", f.lastErr, *errs)
	}
	if f.sheet.pop.Visible() {
		t.Error("the sheet stays open after a save")
	}

	// Stored in the project.
	places, err := wb.project.Places()
	if err != nil || len(places) != 1 {
		t.Fatalf("Places = %+v, %v; want the one added", places, err)
	}
	got := places[0]
	want := annotate.Place{ID: f.saved.ID, Name: checkpoint, Names: []string{checkpoint, "Shir Khan checkpoint", "Шерхан-Бандар КПП"},
		Kind: annotate.KindUser, Country: "Afghanistan", Admin1: "Kunduz", Point: f.at, Geometry: f.at}
	if len(got.ID) != 36 || !reflect.DeepEqual(got, want) {
		t.Errorf("stored %+v,\nwant %+v", got, want)
	}

	// Offered by the gazetteer and matched in text.
	assertInGazetteer(t, wb, got.ID, true)

	// Undo removes it from the project and the gazetteer.
	wb.Undo()
	if places, _ := wb.project.Places(); len(places) != 0 {
		t.Errorf("after undo Places = %+v", places)
	}
	assertInGazetteer(t, wb, got.ID, false)
	wb.Redo()
	assertInGazetteer(t, wb, got.ID, true)

	// Another project: the place does not leak into it.
	other, err := storage.Create(filepath.Join(t.TempDir(), "other.gpkg"))
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.SetProject(other); err != nil {
		t.Fatal(err)
	}
	assertInGazetteer(t, wb, got.ID, false)

	// Reopening the project puts it back.
	p, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	if err := wb.SetProject(p); err != nil {
		t.Fatal(err)
	}
	assertInGazetteer(t, wb, got.ID, true)
}

// assertInGazetteer checks whether the place id is found by Place, Search
// and Match.
func assertInGazetteer(t *testing.T, wb *Workbench, id string, want bool) {
	t.Helper()
	if _, ok := wb.gaz.Place(id); ok != want {
		t.Errorf("gazetteer Place(%s) found = %v, want %v", id, ok, want)
	}
	hits := wb.gaz.Search("sherkhan", 5)
	if found := len(hits) > 0 && hits[0].ID == id; found != want {
		t.Errorf("Search(sherkhan) = %v: the place first = %v, want %v", placeNames(hits), found, want)
	}
	text := "Trucks waited at the Sherkhan Bandar checkpoint on Monday."
	ms := wb.gaz.Match(text)
	matched := len(ms) == 1 && ms[0].Start == 21 && ms[0].End == 47 && ms[0].Candidates[0].ID == id
	if matched != want {
		t.Errorf("Match(%q): the place matched at [21,47) = %v, want %v (%d matches)", text, matched, want, len(ms))
	}
	if ms := wb.gaz.Match("возле Шерхан-Бандар КПП"); (len(ms) == 1 && ms[0].Candidates[0].ID == id) != want {
		t.Errorf("Match of the Russian name: found %v, want %v", !want, want)
	}
}

func placeNames(ps []annotate.Place) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, "; ")
}

func TestAddPlaceForm(t *testing.T) {
	tests := []struct {
		name, others, kind string
		country, admin1    string // "" keeps the prefilled text
		wantErr            string
		want               annotate.Place // ID, Point and Geometry are not compared
	}{
		{name: "  ", wantErr: "give the place a name"},
		{name: "Dusti bridge", kind: "crossing", want: annotate.Place{Name: "Dusti bridge", Names: []string{"Dusti bridge"},
			Kind: annotate.KindCrossing, Country: "Afghanistan", Admin1: "Kunduz"}},
		{name: "Qala-i-Kuhna", others: "Qala-i-Kuhna, Old Fort", kind: "city", country: "Afghanistan ", admin1: "Kunduz province",
			want: annotate.Place{Name: "Qala-i-Kuhna", Names: []string{"Qala-i-Kuhna", "Old Fort"}, Kind: annotate.KindCity,
				Country: "Afghanistan", Admin1: "Kunduz province", Rank: 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wb, _, _ := newTestWorkbench(t, false)
			forgetUserPlaces(t, wb)
			f := rightClickAt(t, wb, orb.Point{68.857, 36.729})
			test.Type(f.name, tc.name)
			test.Type(f.others, tc.others)
			if tc.kind != "" {
				f.kind.SetSelected(tc.kind)
			}
			if tc.country != "" {
				f.country.SetText(tc.country)
			}
			if tc.admin1 != "" {
				f.admin1.SetText(tc.admin1)
			}
			test.Tap(f.sheet.def)
			places, err := wb.project.Places()
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantErr != "" {
				if f.lastErr == nil || f.lastErr.Error() != tc.wantErr || f.problem.Text != tc.wantErr {
					t.Errorf("error %v, label %q; want %q", f.lastErr, f.problem.Text, tc.wantErr)
				}
				if !f.sheet.pop.Visible() {
					t.Error("the sheet closed on a bad place")
				}
				if len(places) != 0 {
					t.Errorf("a bad place was stored: %+v", places)
				}
				return
			}
			if len(places) != 1 {
				t.Fatalf("Places = %+v", places)
			}
			got := places[0]
			got.ID, got.Point, got.Geometry = "", orb.Point{}, nil
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("stored %+v,\nwant %+v", got, tc.want)
			}
			if _, ok := places[0].Geometry.(orb.Point); !ok {
				t.Errorf("geometry %T, want orb.Point", places[0].Geometry)
			}
		})
	}
}

func TestAddPlaceHereMenu(t *testing.T) {
	wb, w, _ := newTestWorkbench(t, false)
	var item *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Map" && it.Label == "Add place here…" {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Map → Add place here… item")
	}
	item.Action()
	if wb.placeForm == nil {
		t.Fatal("the menu item opened no form")
	}
	if got, c := wb.placeForm.at, wb.mapView.View().Center; got != c {
		t.Errorf("form at %v, want the map's centre %v before the pointer was on the map", got, c)
	}
}

func TestAdminAt(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	tests := []struct {
		at              orb.Point
		country, admin1 string
	}{
		{orb.Point{68.857, 36.729}, "Afghanistan", "Kunduz"},
		{orb.Point{68.78, 38.56}, "Tajikistan", "Dushanbe"},
		{orb.Point{68.3, 37.9}, "Tajikistan", "Khatlon"},
		{orb.Point{100, 0}, "", ""},
	}
	for _, tc := range tests {
		if c, a := wb.adminAt(tc.at); c != tc.country || a != tc.admin1 {
			t.Errorf("adminAt(%v) = %q, %q; want %q, %q", tc.at, c, a, tc.country, tc.admin1)
		}
	}
}

func BenchmarkAdminAt(b *testing.B) {
	_, g := baseMapAndGazetteer(b)
	wb := &Workbench{gaz: g}
	for b.Loop() {
		wb.adminAt(orb.Point{68.70, 37.00})
	}
}
