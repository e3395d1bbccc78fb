package workbench

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
)

// PreviewSample is how many of the incoming events the preview lists.
const PreviewSample = 10

// EventImport is an events file read but not yet imported, as the import
// preview shows it. The app makes it (PreviewFunc).
type EventImport struct {
	Path         string                 // the file
	Incoming     int                    // events that will come in
	AlreadyIn    int                    // events whose id the project holds: left as they are
	DroppedSpans int                    // evidence spans dropped: their article is not in the project
	Sample       []annotate.Event       // the first incoming events, at most PreviewSample
	Skipped      []string               // the rows that cannot be read, each with its reason: the file is refused
	Differ       []string               // events already in the project that the file has otherwise: what differs
	Commit       func() (string, error) // imports the events in one transaction and says what came in
}

// importUI is the workbench's state for the import preview and the
// article details form.
type importUI struct {
	// PreviewFunc reads the GeoJSON or CSV events file at path without
	// importing it; the app sets it. While it is nil, events files are
	// imported without a preview.
	PreviewFunc func(path string) (*EventImport, error)

	previewSheet *sheet         // the last import preview
	preview      *EventImport   // what it shows
	metaSheet    *sheet         // the last article details form
	metaForm     *articleMetaUI // its fields
}

// isEventPath reports whether path is imported as events, not an article.
func isEventPath(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".geojson", ".json", ".csv":
		return true
	}
	return false
}

// previewEvents reads the events file at path and shows what importing it
// would do; nothing is written until Import is pressed.
func (wb *Workbench) previewEvents(path string) {
	ei, err := wb.PreviewFunc(path)
	if err != nil {
		wb.onError(fmt.Errorf("%s cannot be imported: %w", filepath.Base(path), err))
		return
	}
	wb.preview = ei
	body := container.NewVBox(wrapLabel(ei.summary()))
	if len(ei.Sample) > 0 {
		heading := "Incoming events"
		if ei.Incoming > len(ei.Sample) {
			heading = fmt.Sprintf("The first %d of %d incoming events", len(ei.Sample), ei.Incoming)
		}
		body.Add(widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, e := range ei.Sample {
			body.Add(sampleRow(e))
		}
	}
	if len(ei.Skipped) > 0 {
		heading := "The row that cannot be imported, and why"
		if len(ei.Skipped) > 1 {
			heading = fmt.Sprintf("The %d rows that cannot be imported, and why", len(ei.Skipped))
		}
		body.Add(widget.NewLabelWithStyle(heading,
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, s := range ei.Skipped {
			body.Add(wrapLabel(s))
		}
	}
	if len(ei.Differ) > 0 {
		body.Add(widget.NewLabelWithStyle("Already in the project, but different in the file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, d := range ei.Differ {
			body.Add(wrapLabel(d))
		}
	}
	title := "Import events from " + filepath.Base(path)
	if len(ei.Skipped) > 0 { // a file comes in whole or not at all
		wb.previewSheet = showSheet(wb.win.Canvas(), title, container.NewVScroll(body), "", nil, fyne.NewSize(760, 560))
		return
	}
	label := "Import"
	if ei.Incoming > 0 {
		label = "Import " + countOf(ei.Incoming, "event", "events")
	}
	wb.previewSheet = showSheet(wb.win.Canvas(), title, container.NewVScroll(body),
		label, func() { wb.commitPreview(ei) }, fyne.NewSize(760, 560))
}

// commitPreview imports the previewed events and shows the summary.
func (wb *Workbench) commitPreview(ei *EventImport) {
	wb.runImport([]string{ei.Path}, func(string) (string, error) { return ei.Commit() })
}

// summary says in words what importing would do.
func (ei *EventImport) summary() string {
	if len(ei.Skipped) > 0 {
		return countOf(len(ei.Skipped), "row", "rows") + " of this file cannot be imported (listed below), so nothing will come in: " +
			"a file comes in whole or not at all. Fix or remove those rows and import the file again."
	}
	parts := []string{countOf(ei.Incoming, "event", "events") + " will come in."}
	if ei.AlreadyIn > 0 {
		parts = append(parts, countOf(ei.AlreadyIn, "event is", "events are")+" already in the project and will be left as they are.")
	}
	if ei.DroppedSpans > 0 {
		parts = append(parts, countOf(ei.DroppedSpans, "evidence span", "evidence spans")+" will be dropped: their article is not in this project.")
	}
	if len(ei.Differ) > 0 {
		parts = append(parts, countOf(len(ei.Differ), "of them differs", "of them differ")+" in the file (listed below): the project's version is kept. "+
			"To bring such changes in, merge the teammate's project file instead (File › Merge project…).")
	}
	return strings.Join(parts, " ")
}

// sampleRow is one incoming event in the preview: date, type, title, place.
func sampleRow(e annotate.Event) fyne.CanvasObject {
	cells := []string{e.DateLabel(), eventTypeText(e), e.Title, e.PlaceName}
	objs := make([]fyne.CanvasObject, len(cells))
	for i, c := range cells {
		l := widget.NewLabel(c)
		l.Truncation = fyne.TextTruncateEllipsis
		objs[i] = l
	}
	return container.New(&columnsLayout{weights: []float32{1.5, 1.8, 3.7, 1.3}}, objs...)
}

// columnsLayout shares a row's width among its objects by weight, so the
// preview's rows line up as a table.
type columnsLayout struct{ weights []float32 }

// Layout implements fyne.Layout.
func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for _, w := range l.weights {
		total += w
	}
	x := float32(0)
	for i, o := range objs {
		w := size.Width * l.weights[i] / total
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// MinSize implements fyne.Layout.
func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(objs))*40, h)
}

// wrapLabel is a label that wraps its text.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// countOf is "1 event" or "3 events".
func countOf(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}
