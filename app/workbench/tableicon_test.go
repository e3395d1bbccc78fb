package workbench

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// TestTableRowsShowTheTypeSymbol: a row's type cell shows the type's map
// symbol in its colour, one image per type.
func TestTableRowsShowTheTypeSymbol(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	l := wb.table.list
	o := l.CreateItem()
	for i, e := range wb.table.rows {
		l.UpdateItem(i, o)
		typ := o.(*fyne.Container).Objects[1].(*fyne.Container)
		img := typ.Objects[1].(*fyne.Container).Objects[0].(*canvas.Image).Image
		if img == nil {
			t.Fatalf("row %d (%s): no symbol", i, e.Type)
		}
		b := img.Bounds()
		c := img.(*image.RGBA).RGBAAt(b.Dx()/2, b.Dy()/2)
		want := wb.tax.Lookup(e.Type).Color
		if c.R != want.R || c.G != want.G || c.B != want.B {
			t.Errorf("row %d (%s): symbol centre %v, want the type colour %v", i, e.Type, c, want)
		}
		if img != wb.table.typeIcon(e.Type) {
			t.Errorf("row %d: the icon is drawn again instead of reused", i)
		}
	}
}
