package reader

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

func TestUnusedKeysReachTheWindow(t *testing.T) {
	test.NewTempApp(t)
	r := New()
	r.SetArticle(annotate.Article{Title: "T", Text: "Talks in Kunduz."})
	w := test.NewWindow(r)
	w.Resize(fyne.NewSize(400, 300))
	var got []fyne.KeyName
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { got = append(got, ev.Name) })
	for _, k := range []fyne.KeyName{fyne.KeyF1, fyne.KeyDelete, fyne.KeyEscape, fyne.KeyLeft} {
		r.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(got) != 3 || got[0] != fyne.KeyF1 || got[1] != fyne.KeyDelete || got[2] != fyne.KeyEscape {
		t.Errorf("the window got %v, want F1, Delete, Escape (Left is the reader's)", got)
	}
}
