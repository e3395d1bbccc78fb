package workbench

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// ShowHistory shows the audit trail of the selected event (Ctrl+H): every
// recorded edit, oldest first, with who made it, when, and what changed.
func (wb *Workbench) ShowHistory() {
	e, ok := wb.eventByID(wb.selected)
	if !ok {
		wb.onError(ErrNoEvent)
		return
	}
	entries, err := wb.project.History(e.ID)
	if err != nil {
		wb.onError(fmt.Errorf("cannot read the history of “%s”: %w", e.Title, err))
		return
	}
	box := container.NewVBox()
	for _, h := range entries {
		head := widget.NewLabelWithStyle(historyHeading(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		box.Add(head)
		if changes := historyChanges(h); len(changes) > 0 {
			body := widget.NewLabel("• " + strings.Join(changes, "\n• "))
			body.Wrapping = fyne.TextWrapWord
			box.Add(body)
		}
		box.Add(widget.NewSeparator())
	}
	if len(entries) == 0 {
		box.Add(widget.NewLabel("No recorded edits."))
	}
	c := wb.win.Canvas().Size()
	size := fyne.NewSize(min(c.Width-80, 680), min(c.Height-80, box.MinSize().Height+120))
	wb.historySheet = showSheet(wb.win.Canvas(), "History of “"+defaultTitle(e.Title)+"”", container.NewVScroll(box), "", nil, size)
}

// historyHeading is one line for an edit: when, who, what, and whether it
// was undone.
func historyHeading(h storage.HistoryEntry) string {
	who := h.Annotator
	if who == "" {
		who = "unknown annotator"
	}
	s := fmt.Sprintf("%s · %s · %s", h.At.Local().Format("2 Jan 2006 15:04"), who, h.Description())
	switch {
	case h.Discarded:
		s += " (undone, superseded)"
	case h.Undone:
		s += " (undone)"
	}
	return s
}

// historySnapshot is an event as the history stores it; the geometry is
// kept raw (GeoJSON) for comparison.
type historySnapshot struct {
	annotate.Event
	Geometry json.RawMessage
}

// historyChanges lists what an edit changed, field by field, e.g.
// `type: Diplomacy → Security incident`. A create lists the values set; a
// delete lists nothing.
func historyChanges(h storage.HistoryEntry) []string {
	if h.Entity != "event" || h.After == "" {
		return nil
	}
	var before, after historySnapshot
	if h.Before != "" && json.Unmarshal([]byte(h.Before), &before) != nil {
		return nil
	}
	if json.Unmarshal([]byte(h.After), &after) != nil {
		return nil
	}
	b, a := before.Event, after.Event
	var out []string
	add := func(name string, from, to any) {
		if reflect.DeepEqual(from, to) {
			return
		}
		fs, ts := showValue(from), showValue(to)
		if fs == ts {
			return
		}
		if h.Before == "" {
			if ts != "—" {
				out = append(out, name+": "+ts)
			}
			return
		}
		out = append(out, name+": "+fs+" » "+ts) // "»": the theme font has no arrows (Fyne draws "→ " with a missing glyph)
	}
	add("type", b.Type, a.Type)
	add("sub-type", b.SubType, a.SubType)
	add("title", b.Title, a.Title)
	add("actors", actorList(b.Actors), actorList(a.Actors))
	add("dates", dateRange(b), dateRange(a))
	add("date precision", b.DatePrecision, a.DatePrecision)
	add("place", b.PlaceName, a.PlaceName)
	add("province", b.Admin1, a.Admin1)
	add("country", b.Country, a.Country)
	if h.Before != "" && string(before.Geometry) != string(after.Geometry) {
		out = append(out, "geometry changed")
	}
	add("geo precision", b.GeoPrecision, a.GeoPrecision)
	add("certainty", b.Certainty, a.Certainty)
	add("fatalities", fatalities(b.Fatalities, h.Before == ""), fatalities(a.Fatalities, false))
	add("tags", strings.Join(b.Tags, ", "), strings.Join(a.Tags, ", "))
	add("notes", b.Notes, a.Notes)
	add("status", b.Status, a.Status)
	add("evidence", spanCount(b.Spans, h.Before == ""), spanCount(a.Spans, false))
	return out
}

// showValue shows one field's value in a line, "—" when empty.
func showValue(v any) string {
	s := fmt.Sprint(v)
	if p, ok := v.(annotate.DatePrecision); ok && p == 0 {
		s = ""
	}
	if g, ok := v.(annotate.GeoPrecision); ok && g == 0 {
		s = ""
	}
	if s == "" {
		return "—"
	}
	return defaultTitle(s)
}

func actorList(as []annotate.ActorRole) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Name + " (" + roleLabel(a.Role) + ")"
	}
	return strings.Join(parts, ", ")
}

func dateRange(e annotate.Event) string {
	if e.DateStart.IsZero() {
		return ""
	}
	if e.DateEnd.IsZero() || e.DateEnd.Equal(e.DateStart) {
		return formatDate(e.DateStart)
	}
	return formatDate(e.DateStart) + " to " + formatDate(e.DateEnd)
}

func fatalities(n int, none bool) string {
	if none || n < 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func spanCount(spans []annotate.Span, none bool) string {
	if none {
		return ""
	}
	return fmt.Sprintf("%d span(s)", len(spans))
}
