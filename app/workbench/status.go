package workbench

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"
)

// statusLine is the bar at the bottom of the window: project file, saved
// state, message, cursor position and event count.
type statusLine struct {
	widget.BaseWidget
	project, message, cursor, count *widget.Label
	orphans                         *widget.Label // "N orphaned spans", empty for none
	saved                           *widget.Label
}

func newStatusLine() *statusLine {
	s := &statusLine{
		project: widget.NewLabel(""), message: widget.NewLabel(""), cursor: widget.NewLabel(""),
		count: widget.NewLabel(""), saved: widget.NewLabel("saved ✓"), orphans: widget.NewLabel(""),
	}
	s.message.Truncation = fyne.TextTruncateEllipsis
	s.ExtendBaseWidget(s)
	return s
}

func (s *statusLine) CreateRenderer() fyne.WidgetRenderer {
	right := container.NewHBox(s.orphans, s.cursor, widget.NewSeparator(), s.count)
	left := container.NewHBox(s.project, widget.NewSeparator(), s.saved, widget.NewSeparator())
	return widget.NewSimpleRenderer(container.NewBorder(widget.NewSeparator(), nil, left, right, s.message))
}

// setProject shows the project's file name.
func (s *statusLine) setProject(name string) { s.project.SetText(name) }

// setCount shows how many events the table and map show of all.
func (s *statusLine) setCount(shown, all int) {
	if shown == all {
		s.count.SetText(count(all, "event"))
		return
	}
	s.count.SetText(fmt.Sprintf("%d of %s", shown, count(all, "event")))
}

func (s *statusLine) setMessage(m string) { s.message.SetText(m) }

// clearMessage empties the message when it is still m, so that a hint
// goes when what it is about does, and a newer message stays.
func (s *statusLine) clearMessage(m string) {
	if s.message.Text == m {
		s.message.SetText("")
	}
}

// setOrphans shows how many evidence spans are orphaned, nothing for none.
func (s *statusLine) setOrphans(n int) { s.orphans.SetText(orphansText(n)) }

func (s *statusLine) setSaved(ok bool) {
	if ok {
		s.saved.SetText("saved ✓")
	} else {
		s.saved.SetText("NOT saved ✗")
	}
}

// setSelection says how much of the article is selected; when nothing is,
// the message about the last selection goes.
func (s *statusLine) setSelection(n int) {
	const hint = " selected — Ctrl+E makes an event"
	if n > 0 {
		s.message.SetText(count(n, "character") + hint)
	} else if strings.HasSuffix(s.message.Text, hint) {
		s.message.SetText("")
	}
}

// setCursor shows p as degrees with hemispheres, e.g. "37.84°N 68.78°E".
func (s *statusLine) setCursor(p orb.Point) {
	s.cursor.SetText(formatLonLat(p))
}

func formatLonLat(p orb.Point) string {
	ns, ew := "N", "E"
	if p[1] < 0 {
		ns = "S"
	}
	if p[0] < 0 {
		ew = "W"
	}
	return fmt.Sprintf("%.2f°%s %.2f°%s", math.Abs(p[1]), ns, math.Abs(p[0]), ew)
}
