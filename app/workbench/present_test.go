package workbench

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font/gofont/goregular"

	"eventatlas/assets"
	"eventatlas/mapview/render"
)

// TestPresentFilteredEvents opens the presentation with F11 and checks it
// steps through the events the filter bar shows, in date order.
func TestPresentFilteredEvents(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	wb.typedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if len(*errs) != 1 || (*errs)[0] != ErrNoMapEngine {
		t.Fatalf("F11 without an engine: errors %v, want ErrNoMapEngine", *errs)
	}
	bm, err := assets.LoadBaseMap()
	if err != nil {
		t.Fatal(err)
	}
	wb.NewMapEngine = func() (*render.Map, error) { return render.NewMap(bm, goregular.TTF) }

	wb.typedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	s := wb.presentation
	if s == nil || s.Len() != len(wb.events) || s.At() != -1 {
		t.Fatalf("presentation of %d events: %v", len(wb.events), s)
	}
	s.Close()

	wb.filters.text.SetText("Kunduz")
	wb.Present()
	s = wb.presentation
	t.Cleanup(s.Close)
	want := filterEvents(wb.events, wb.filters.filter(), nil)
	if s.Len() != len(want) || s.Len() == 0 || s.Len() == len(wb.events) {
		t.Fatalf("filtered presentation has %d slides; the filter shows %d of %d events", s.Len(), len(want), len(wb.events))
	}
	if got := s.Scope(); got != "“Kunduz”" {
		t.Errorf("the presentation's scope is %q, want the filter's words", got)
	}
	s.Go(0)
	first := wb.presentation.Window().Title()
	if first != "Event Atlas — presentation" {
		t.Errorf("window title %q", first)
	}
}

func TestFilterScope(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a := wb.articles[0]
	for _, c := range []struct {
		f    eventFilter
		want string
	}{
		{eventFilter{}, ""},
		{eventFilter{Type: "Security incident", From: day("2025-03-01"), To: day("2025-05-31")}, "Security incident · 1 Mar 2025 – 31 May 2025"},
		{eventFilter{Actor: "Taliban", Text: "border"}, "actor Taliban · “border”"},
		{eventFilter{From: day("2025-03-01")}, "from 1 Mar 2025"},
		{eventFilter{To: day("2025-05-31")}, "until 31 May 2025"},
		{eventFilter{ArticleID: a.ID}, "from “" + a.Title + "”"},
	} {
		if got := wb.scope(c.f); got != c.want {
			t.Errorf("scope(%+v) = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestMovementSlidesNameTheirStart: the sample's Balkh governor's trip, a
// line from Mazar-i-Sharif to Dushanbe, reads "From Mazari Sharif to Dushanbe".
func TestMovementSlidesNameTheirStart(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	found := false
	for _, sl := range wb.presentedEvents() {
		if sl.Event.Title == "Balkh governor Yousuf Wafa visits Dushanbe" {
			found = true
			if !strings.HasPrefix(sl.Place(), "From Mazari Sharif to Dushanbe, Tajikistan") {
				t.Errorf("the movement's place reads %q", sl.Place())
			}
		} else if sl.From != "" {
			t.Errorf("%q is no movement but starts at %q", sl.Event.Title, sl.From)
		}
	}
	if !found {
		t.Fatal("the sample's movement is not presented")
	}
}
