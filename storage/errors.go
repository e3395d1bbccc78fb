package storage

import "errors"

// ErrNotProject is returned by Open for a file that is not an Event Atlas
// project: not a SQLite database, not a GeoPackage, or a GeoPackage made by
// another program. The wrapping error says which.
var ErrNotProject = errors.New("not an Event Atlas project")

// ErrNewerSchema is returned by Open for a project saved by a newer version
// of Event Atlas; the file is left untouched. The wrapping error names both
// schema versions.
var ErrNewerSchema = errors.New("the project was saved by a newer version of Event Atlas")

// ErrInUse is returned by Open and Create while another window or program
// has the project open.
var ErrInUse = errors.New("the project is open in another Event Atlas window or program")

// ErrNotFound is returned when an event, article or place does not exist.
var ErrNotFound = errors.New("not found")

// ErrNothingToUndo is returned by Undo when no edit is left to undo.
var ErrNothingToUndo = errors.New("nothing to undo")

// ErrNothingToRedo is returned by Redo when no undone edit is left to redo.
var ErrNothingToRedo = errors.New("nothing to redo")

// ErrClosed is returned by every method of a closed Project.
var ErrClosed = errors.New("the project is closed")

// ErrBadValue is returned by Open for a project with a value the app cannot
// read or show: text where a number belongs, binary data where text
// belongs, a missing id, or a field over its limit (MaxTitleChars and the
// like). The wrapping error names the event or article, the field and the
// value, and points to File › Merge project…, which brings in the file's
// readable rows. The file is left as it was.
var ErrBadValue = errors.New("the file holds a value Event Atlas cannot read")
