package workbench

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// conflictsView is the sheet that lists the unresolved merge conflicts,
// each with Keep mine, Keep theirs and Keep both.
type conflictsView struct {
	wb    *Workbench
	sheet *sheet
	list  *fyne.Container // one row per conflict
	rows  []conflictRow
}

// conflictRow is one conflict in the view.
type conflictRow struct {
	c                  storage.Conflict
	title, diff        *widget.Label
	mine, theirs, both *widget.Button
}

// ShowConflicts opens the list of unresolved merge conflicts (Edit →
// Resolve conflicts…).
func (wb *Workbench) ShowConflicts() {
	wb.SavePendingEdits()
	v := &conflictsView{wb: wb, list: container.NewVBox()}
	if err := v.fill(); err != nil {
		wb.onError(err)
		return
	}
	wb.conflicts = v
	v.sheet = showSheet(wb.win.Canvas(), "Resolve merge conflicts", container.NewVScroll(v.list), "", nil, fyne.NewSize(760, 520))
}

// fill reads the conflicts again and rebuilds the rows.
func (v *conflictsView) fill() error {
	cs, err := v.wb.project.Conflicts()
	if err != nil {
		return err
	}
	v.rows = v.rows[:0]
	v.list.RemoveAll()
	if len(cs) == 0 {
		v.list.Add(widget.NewLabel("No conflicts to resolve."))
		return nil
	}
	for _, c := range cs {
		r := v.newRow(c)
		v.rows = append(v.rows, r)
		buttons := container.NewHBox(r.mine, r.theirs)
		if r.both != nil {
			buttons.Add(r.both)
		}
		v.list.Add(container.NewBorder(nil, nil, nil, container.NewCenter(buttons), container.NewVBox(r.title, r.diff)))
		v.list.Add(widget.NewSeparator())
	}
	return nil
}

// maxShownChars is the most characters of one value a conflict shows:
// a value stored before the limits on fields (a 900 KB title) would take
// the window minutes to lay out.
const maxShownChars = 300

// elide cuts s to n characters, saying how many more there are.
func elide(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + fmt.Sprintf("… (%d more characters)", len(r)-n)
}

func (v *conflictsView) newRow(c storage.Conflict) conflictRow {
	title := c.Theirs.Title
	if c.Mine.ID != "" {
		title = c.Mine.Title
	}
	r := conflictRow{c: c}
	r.title = widget.NewLabelWithStyle(elide(title, maxShownChars), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.diff = widget.NewLabel(conflictDiff(c) + "\nfrom " + filepath.Base(c.FromFile))
	r.diff.Wrapping = fyne.TextWrapWord
	if c.Mine.ID == "" {
		// Nothing of ours to keep beside theirs: no Keep both.
		r.mine = widget.NewButton("Keep mine (stays deleted)", func() { v.resolve(c, storage.KeepMine) })
		r.theirs = widget.NewButton("Keep theirs (restores it)", func() { v.resolve(c, storage.KeepTheirs) })
		return r
	}
	r.mine = widget.NewButton("Keep mine", func() { v.resolve(c, storage.KeepMine) })
	r.theirs = widget.NewButton("Keep theirs", func() { v.resolve(c, storage.KeepTheirs) })
	r.both = widget.NewButton("Keep both", func() { v.resolve(c, storage.KeepBoth) })
	return r
}

// resolve settles c with choice, reloads the workbench and the list.
func (v *conflictsView) resolve(c storage.Conflict, choice storage.Choice) {
	if err := v.wb.project.ResolveConflict(c.ID, choice); err != nil {
		v.wb.onError(fmt.Errorf("the conflict was not resolved: %w", err))
		return
	}
	if err := v.wb.Reload(); err != nil {
		v.wb.onError(err)
	}
	v.wb.status.setMessage(fmt.Sprintf("Resolved “%s”: %s (Ctrl+Z undoes)", c.Theirs.Title, choiceText(choice, c.Mine.ID == "")))
	if err := v.fill(); err != nil {
		v.wb.onError(err)
	}
}

// choiceText says what a resolution did; deleted is true for an event
// this project had deleted.
func choiceText(c storage.Choice, deleted bool) string {
	switch {
	case deleted && c == storage.KeepMine:
		return "kept mine, it stays deleted"
	case deleted:
		return "restored theirs"
	case c == storage.KeepMine:
		return "kept mine"
	case c == storage.KeepTheirs:
		return "kept theirs"
	}
	return "kept both"
}

// conflictDiff says how the two versions of a conflict differ, one line a
// field: "type: Diplomacy → Protest".
func conflictDiff(c storage.Conflict) string {
	if c.Mine.ID == "" {
		return deletedText(c)
	}
	m, t := c.Mine, c.Theirs
	var lines []string
	add := func(field, a, b string) {
		if a != b {
			lines = append(lines, fmt.Sprintf("%s: mine %q, theirs %q", field, elide(a, maxShownChars), elide(b, maxShownChars)))
		}
	}
	add("type", eventTypeText(m), eventTypeText(t))
	add("title", m.Title, t.Title)
	add("date", dateText(m), dateText(t))
	add("place", m.PlaceName, t.PlaceName)
	add("geometry", geomText(m.Geometry), geomText(t.Geometry))
	add("certainty", fmt.Sprint(m.Certainty), fmt.Sprint(t.Certainty))
	add("fatalities", fmt.Sprint(m.Fatalities), fmt.Sprint(t.Fatalities))
	add("notes", m.Notes, t.Notes)
	add("evidence", spansText(len(m.Spans)), spansText(len(t.Spans)))
	add("actors", fmt.Sprint(len(m.Actors)), fmt.Sprint(len(t.Actors)))
	if len(lines) == 0 {
		return "other fields differ (tags, status, annotator)"
	}
	return strings.Join(lines, "\n")
}

// deletedText describes a conflict on an event this project deleted and
// they changed; there is no version of ours to compare fields with.
func deletedText(c storage.Conflict) string {
	when := "deleted in this project"
	if !c.Deleted.IsZero() {
		when += " on " + c.Deleted.Local().Format("2006-01-02")
	}
	t := c.Theirs
	return fmt.Sprintf("You deleted it; theirs changed it.\n%s; theirs: %s, %s, %s, %s",
		when, eventTypeText(t), dateText(t), placeText(t), spansText(len(t.Spans)))
}

// placeText is an event's place name, "no place name" for none.
func placeText(e annotate.Event) string {
	if e.PlaceName == "" {
		return "no place name"
	}
	return e.PlaceName
}

func eventTypeText(e annotate.Event) string {
	if e.SubType == "" {
		return e.Type
	}
	return e.Type + " / " + e.SubType
}

func dateText(e annotate.Event) string {
	if e.DateStart.IsZero() {
		return "unknown"
	}
	s := e.DateStart.Format("2006-01-02")
	if !e.DateEnd.IsZero() && !e.DateEnd.Equal(e.DateStart) {
		s += " – " + e.DateEnd.Format("2006-01-02")
	}
	return s
}

// geomText names a geometry's type and, for a point, where it is.
func geomText(g orb.Geometry) string {
	switch g := g.(type) {
	case nil:
		return "none"
	case orb.Point:
		return fmt.Sprintf("point %.4f, %.4f", g.Lat(), g.Lon())
	case orb.LineString:
		return fmt.Sprintf("line of %d points", len(g))
	case orb.Polygon:
		return "area"
	case orb.MultiPolygon:
		return fmt.Sprintf("area of %d parts", len(g))
	}
	return g.GeoJSONType()
}
