package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
	"eventatlas/storage"
	"eventatlas/storage/exchange"
)

// exportFormats lists what `eventatlas export -format` writes.
var exportFormats = []string{"gpkg", "geojson", "csv", "kml", "jsonld"}

// runExport implements `eventatlas export -project P -format F -o OUT`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", "export -project P.gpkg -format gpkg|geojson|csv|kml|jsonld -o OUT\nWrites the project's events (gpkg: a clean, compacted copy of the whole project).\nWorks while the project is open in Event Atlas (except gpkg): it then exports what the app has saved.", stderr)
	project := fs.String("project", "", "project file to export (required)")
	format := fs.String("format", "", "one of "+strings.Join(exportFormats, ", ")+" (required)")
	out := fs.String("o", "", "file to write; it must not exist yet (required)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if *project == "" || *format == "" || *out == "" {
		fmt.Fprintln(stderr, "eventatlas export: -project, -format and -o are required")
		fs.Usage()
		return 2
	}
	summary, err := exportProject(*project, *format, *out, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas export:", err)
		return 1
	}
	fmt.Fprintln(stdout, summary)
	return 0
}

// exportProject writes the project at path to out in format. It never
// overwrites a file and removes a half-written one. A project open in Event
// Atlas is read from a private copy of what it has saved, as render does
// (storage.ReadUntrusted), and stderr says so.
func exportProject(path, format, out string, stderr io.Writer) (string, error) {
	p, err := storage.Open(path)
	if errors.Is(err, storage.ErrInUse) {
		return exportSaved(path, format, out, err, stderr)
	}
	if err != nil {
		return "", err
	}
	defer p.Close()
	return Export(p, format, out)
}

// exportSaved exports what the project at path, open in Event Atlas, has
// saved; inUse is the error Open gave. A gpkg copy needs the project
// itself, so it is refused with what to do instead.
func exportSaved(path, format, out string, inUse error, stderr io.Writer) (string, error) {
	if format == "gpkg" {
		return "", fmt.Errorf("%w: a gpkg copy is made from the open project: use File › Export project… in that window, or close it first", inUse)
	}
	if _, ok := eventWriters[format]; !ok {
		return "", unknownFormat(format)
	}
	snap, tax, err := savedCopy(path, inUse, "export", "exporting", stderr)
	if err != nil {
		return "", err
	}
	summary, err := writeEvents(format, out, eventSet{events: snap.Events, articles: snap.Articles, places: snap.Places, tax: tax})
	if err != nil {
		return "", err
	}
	return summary + unresolvedNote(snap.UnresolvedConflicts), nil
}

// savedCopy reads what the project at path, open in Event Atlas, has
// saved, from a private copy as a teammate's file is read
// (storage.ReadUntrusted); inUse is the error Open gave. stderr says that
// the command (export, render) is doing its work ("exporting", "drawing")
// on what was saved.
func savedCopy(path string, inUse error, command, doing string, stderr io.Writer) (*storage.Snapshot, annotate.Taxonomy, error) {
	snap, _, err := storage.ReadUntrusted(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w, and a copy of it could not be read: %v", inUse, err)
	}
	fmt.Fprintf(stderr, "eventatlas %s: %s is open in Event Atlas: %s what it has saved\n", command, filepath.Base(path), doing)
	tax := snap.Taxonomy
	if tax == nil {
		tax = annotate.DefaultTaxonomy()
	}
	return snap, tax, nil
}

// Export writes p's events (or, for "gpkg", a compacted copy of p) to the
// new file out and returns a summary of what it wrote, e.g. "wrote
// out.geojson: 8 events". A JSON-LD export holds one Web Annotation per
// evidence span, so the summary says how many events it leaves out for
// having no evidence. When merge conflicts are unresolved, the summary of
// an export of events says that only this project's version of them is in
// it (a gpkg copy keeps the conflicts).
func Export(p *storage.Project, format, out string) (string, error) {
	if format == "gpkg" {
		if err := p.ExportCopy(out); err != nil {
			return "", err
		}
		return fmt.Sprintf("wrote %s: a clean copy of the project", out), nil
	}
	if _, ok := eventWriters[format]; !ok {
		return "", unknownFormat(format)
	}
	var set eventSet
	var err error
	if set.tax, err = p.Taxonomy(); err != nil {
		return "", err
	}
	if set.events, err = p.Events(); err != nil {
		return "", err
	}
	if set.articles, err = p.Articles(); err != nil {
		return "", err
	}
	if set.places, err = p.Places(); err != nil {
		return "", err
	}
	summary, err := writeEvents(format, out, set)
	if err != nil {
		return "", err
	}
	n, err := p.UnresolvedConflicts()
	if err != nil {
		return "", err
	}
	return summary + unresolvedNote(n), nil
}

// unresolvedNote is what an export of events says about n unresolved
// merge conflicts, "" for none.
func unresolvedNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return ". 1 conflict is not resolved: only your version of that event is in this export (Edit › Resolve conflicts…)"
	}
	return fmt.Sprintf(". %d conflicts are not resolved: only your version of those events is in this export (Edit › Resolve conflicts…)", n)
}

// eventSet is what an export of events writes from.
type eventSet struct {
	events   []annotate.Event
	articles []annotate.Article
	places   []annotate.Place // the project's own places, for the CSV's coordinates
	tax      annotate.Taxonomy
}

// eventWriters write an eventSet in each format but gpkg.
var eventWriters = map[string]func(io.Writer, eventSet, map[string]annotate.Article) error{
	"geojson": func(w io.Writer, s eventSet, _ map[string]annotate.Article) error {
		return exchange.WriteGeoJSON(w, s.events, s.tax)
	},
	"csv": func(w io.Writer, s eventSet, a map[string]annotate.Article) error {
		return exchange.WriteCSVPlaces(w, s.events, a, placePoints(s))
	},
	"kml": func(w io.Writer, s eventSet, a map[string]annotate.Article) error {
		return exchange.WriteKML(w, s.events, s.tax, a)
	},
	"jsonld": func(w io.Writer, s eventSet, a map[string]annotate.Article) error {
		return exchange.WriteJSONLD(w, s.events, a)
	},
}

// unknownFormat is the error for a format export does not write.
func unknownFormat(format string) error {
	return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(exportFormats, ", "))
}

// placePoints looks up the coordinates of the places events are coded at:
// the project's own places, then the gazetteer of the base map, built only
// when an event names a place that is not the project's own. It is nil when
// no event names a place.
func placePoints(s eventSet) exchange.PlacePoints {
	own := make(map[string]orb.Point, len(s.places))
	for _, pl := range s.places {
		own[pl.ID] = pl.Point
	}
	need := false
	for _, e := range s.events {
		if _, ok := own[e.PlaceID]; e.PlaceID != "" && !ok {
			need = true
			break
		}
	}
	var g *gazetteer.Gazetteer
	if need {
		g, _ = loadGazetteer() // without it, the geometry gives the coordinates
	}
	if len(own) == 0 && g == nil {
		return nil
	}
	return func(id string) (orb.Point, bool) {
		if p, ok := own[id]; ok {
			return p, true
		}
		if g == nil {
			return orb.Point{}, false
		}
		pl, ok := g.Place(id)
		return pl.Point, ok
	}
}

// writeEvents writes set to the new file out in format and returns the
// summary.
func writeEvents(format, out string, set eventSet) (string, error) {
	write := eventWriters[format]
	byID := make(map[string]annotate.Article, len(set.articles))
	for _, a := range set.articles {
		byID[a.ID] = a
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s already exists: choose a new file name", out)
	}
	if err != nil {
		return "", err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	err = write(bw, set, byID)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
		return "", fmt.Errorf("writing %s: %w", out, err)
	}
	return exportSummary(format, out, set.events), nil
}

// exportSummary says what an export of events to out wrote.
func exportSummary(format, out string, events []annotate.Event) string {
	if format != "jsonld" {
		return fmt.Sprintf("wrote %s: %s", out, countNoun(len(events), "event", "events"))
	}
	spans, without := 0, 0
	for _, e := range events {
		spans += len(e.Spans)
		if len(e.Spans) == 0 {
			without++
		}
	}
	msg := fmt.Sprintf("wrote %s: %s for %s", out, countNoun(spans, "annotation", "annotations"),
		countNoun(len(events)-without, "event", "events"))
	if without > 0 {
		verb := "are"
		if without == 1 {
			verb = "is"
		}
		msg += fmt.Sprintf("; %s without evidence %s not in a JSON-LD export (a Web Annotation needs a quoted target)",
			countNoun(without, "event", "events"), verb)
	}
	return msg
}

// countNoun writes n and the noun, singular for 1.
func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
