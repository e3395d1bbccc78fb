package workbench

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"eventatlas/storage"
)

// MergeProject asks for a teammate's project file (.gpkg) and merges it
// into the open project (File → Merge project…).
func (wb *Workbench) MergeProject() {
	wb.PickProjectFile(func(path string) { wb.MergeFile(path) })
}

// MergeFile merges the project file at path into the open project, shows
// what came in and, when the merge found conflicts, offers to resolve
// them. It returns the merge's summary, nil when it failed.
func (wb *Workbench) MergeFile(path string) *storage.MergeSummary {
	wb.SavePendingEdits()
	if path == wb.project.Path() {
		wb.onError(fmt.Errorf("%s is the open project: choose another project file to merge", path))
		return nil
	}
	sum, err := wb.project.Merge(path)
	if err != nil {
		wb.onError(err)
		return nil
	}
	if err := wb.Reload(); err != nil {
		wb.onError(err)
	}
	if sum.Changed() {
		wb.status.setMessage(fmt.Sprintf("Merged: %s added, %s (Ctrl+Z undoes)", count(sum.EventsAdded, "event"), count(sum.Conflicts, "conflict")))
	} else {
		wb.status.setMessage("Merged: nothing new")
	}
	text := widget.NewLabel(sum.String())
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	if sum.Conflicts > 0 {
		wb.mergeSheet = showSheet(wb.win.Canvas(), "Merge project", body, "Resolve conflicts…", wb.ShowConflicts, fyne.NewSize(560, 320))
		wb.mergeSheet.esc.SetText("Later")
	} else {
		wb.mergeSheet = showSheet(wb.win.Canvas(), "Merge project", body, "", nil, fyne.NewSize(560, 320))
	}
	return sum
}
