package workbench

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestStatusCountsInWords(t *testing.T) {
	test.NewTempApp(t)
	s := newStatusLine()
	for _, c := range []struct {
		shown, all int
		want       string
	}{
		{0, 0, "0 events"},
		{1, 1, "1 event"},
		{2, 2, "2 events"},
		{1, 6, "1 of 6 events"},
		{0, 1, "0 of 1 event"},
	} {
		s.setCount(c.shown, c.all)
		if got := s.count.Text; got != c.want {
			t.Errorf("setCount(%d, %d) = %q, want %q", c.shown, c.all, got, c.want)
		}
	}
	for n, want := range map[int]string{1: "1 character selected — Ctrl+E makes an event", 14: "14 characters selected — Ctrl+E makes an event"} {
		s.setSelection(n)
		if got := s.message.Text; got != want {
			t.Errorf("setSelection(%d) = %q, want %q", n, got, want)
		}
	}
	s.setSelection(0)
	if got := s.message.Text; got != "" {
		t.Errorf("nothing selected any more, the status still says %q", got)
	}
	s.setMessage("Created “Talks” (Ctrl+Z undoes)")
	s.setSelection(0)
	if got := s.message.Text; got != "Created “Talks” (Ctrl+Z undoes)" {
		t.Errorf("an empty selection wiped another message: %q", got)
	}
}
