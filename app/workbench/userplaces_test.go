package workbench

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
)

func TestPlaceLine(t *testing.T) {
	cases := []struct {
		p    annotate.Place
		want string
	}{
		{annotate.Place{Name: "Old bridge", Kind: annotate.KindUser}, "Old bridge"},
		{annotate.Place{Name: "Sherkhan Bandar", Kind: annotate.KindCrossing, Admin1: "Kunduz", Country: "Afghanistan",
			Names: []string{"Sherkhan Bandar", "Shir Khan"}}, "Sherkhan Bandar (crossing) — Kunduz, Afghanistan · also Shir Khan"},
	}
	for _, c := range cases {
		if got := placeLine(c.p); got != c.want {
			t.Errorf("placeLine = %q, want %q", got, c.want)
		}
	}
}

// TestEditAndDeleteUserPlace renames a user place through the form, deletes
// it from the places sheet and brings it back with undo, checking the
// stored place and what the gazetteer finds in text each time.
func TestEditAndDeleteUserPlace(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	at := orb.Point{68.9, 37.1}
	p, err := wb.SaveUserPlace(annotate.Place{Name: "Qaraqum post", Kind: annotate.KindUser, Point: at, Geometry: at, Names: []string{"Qaraqum post"}})
	if err != nil {
		t.Fatal(err)
	}
	finds := func(name string) bool {
		for _, m := range wb.gaz.Match("Guards at " + name + " said") {
			for _, c := range m.Candidates {
				if c.ID == p.ID && m.Text == name {
					return true
				}
			}
		}
		return false
	}
	if !finds("Qaraqum post") {
		t.Fatal("the gazetteer does not find the new place")
	}

	wb.ShowPlaces()
	v := wb.placesView
	if len(v.places) != 1 || v.list.Length() != 1 || v.empty.Visible() {
		t.Fatalf("places sheet lists %d places (empty label shown %v)", len(v.places), v.empty.Visible())
	}
	v.edit(v.places[0])
	f := wb.placeForm
	if f.name.Text != "Qaraqum post" || f.id != p.ID {
		t.Fatalf("edit form: name %q id %q", f.name.Text, f.id)
	}
	f.name.SetText("Karakum post")
	f.others.SetText("Qaraqum post, KP-7")
	f.sheet.accept()
	stored, err := wb.project.Places()
	if err != nil || len(stored) != 1 || stored[0].ID != p.ID || stored[0].Name != "Karakum post" ||
		strings.Join(stored[0].Names, "|") != "Karakum post|Qaraqum post|KP-7" || stored[0].Point != at {
		t.Fatalf("after the edit the project holds %+v (%v)", stored, err)
	}
	if !finds("Karakum post") || !finds("KP-7") {
		t.Error("the gazetteer does not find the renamed place by its new names")
	}
	if len(v.places) != 1 || v.places[0].Name != "Karakum post" {
		t.Errorf("the open places sheet shows %+v, want the new name", v.places)
	}

	v.delete(v.places[0])
	if stored, _ := wb.project.Places(); len(stored) != 0 {
		t.Fatalf("after delete the project holds %d places", len(stored))
	}
	if finds("Karakum post") || len(v.places) != 0 || !v.empty.Visible() {
		t.Errorf("after delete: found %v, sheet lists %d, empty label %v", finds("Karakum post"), len(v.places), v.empty.Visible())
	}
	wb.Undo()
	if stored, _ := wb.project.Places(); len(stored) != 1 || stored[0].Name != "Karakum post" {
		t.Fatalf("undo of the delete: project holds %+v", stored)
	}
	if !finds("Karakum post") {
		t.Error("undo of the delete: the gazetteer does not find the place again")
	}
	if len(*errs) != 0 {
		t.Errorf("errors: %v", *errs)
	}
}

// TestArticleListAlignsRTLTitles: a Dari headline sits at the right of its
// row, an English one at the left.
func TestArticleListAlignsRTLTitles(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	dari := annotate.Article{Title: "هیئت تاجیکستان به کندز سفر کرد", Text: "یک هیئت تاجیکستانی به ولایت کندز سفر کرد."}
	if _, err := wb.project.AddArticle(&dari); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	l := wb.articleList
	for i, a := range wb.articles {
		row := l.CreateItem()
		l.UpdateItem(i, row)
		label := row.(*fyne.Container).Objects[0].(*widget.Label)
		want := fyne.TextAlignLeading
		if a.ID == dari.ID {
			want = fyne.TextAlignTrailing
		}
		if label.Text != a.Title || label.Alignment != want {
			t.Errorf("row %d %q: alignment %v, want %v", i, label.Text, label.Alignment, want)
		}
	}
	if len(wb.articles) != 2 {
		t.Errorf("%d articles, want 2", len(wb.articles))
	}
}
