package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"eventatlas/annotate"
	"eventatlas/storage"
	"eventatlas/storage/exchange"
)

// exportFormats lists what `eventatlas export -format` writes.
var exportFormats = []string{"gpkg", "geojson", "csv", "kml", "jsonld"}

// runExport implements `eventatlas export -project P -format F -o OUT`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", "export -project P.gpkg -format gpkg|geojson|csv|kml|jsonld -o OUT\nWrites the project's events (gpkg: a clean, compacted copy of the whole project).", stderr)
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
	summary, err := exportProject(*project, *format, *out)
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas export:", err)
		return 1
	}
	fmt.Fprintln(stdout, summary)
	return 0
}

// exportProject writes the project at path to out in format. It never
// overwrites a file and removes a half-written one.
func exportProject(path, format, out string) (string, error) {
	p, err := storage.Open(path)
	if err != nil {
		return "", err
	}
	defer p.Close()
	return Export(p, format, out)
}

// Export writes p's events (or, for "gpkg", a compacted copy of p) to the
// new file out and returns a summary of what it wrote, e.g. "wrote
// out.geojson: 8 events". A JSON-LD export holds one Web Annotation per
// evidence span, so the summary says how many events it leaves out for
// having no evidence.
func Export(p *storage.Project, format, out string) (string, error) {
	if format == "gpkg" {
		if err := p.ExportCopy(out); err != nil {
			return "", err
		}
		return fmt.Sprintf("wrote %s: a clean copy of the project", out), nil
	}
	tax, err := p.Taxonomy()
	if err != nil {
		return "", err
	}
	write, ok := map[string]func(io.Writer, []annotate.Event, map[string]annotate.Article) error{
		"geojson": func(w io.Writer, e []annotate.Event, _ map[string]annotate.Article) error {
			return exchange.WriteGeoJSON(w, e, tax)
		},
		"csv": exchange.WriteCSV,
		"kml": func(w io.Writer, e []annotate.Event, a map[string]annotate.Article) error {
			return exchange.WriteKML(w, e, tax, a)
		},
		"jsonld": exchange.WriteJSONLD,
	}[format]
	if !ok {
		return "", fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(exportFormats, ", "))
	}
	events, err := p.Events()
	if err != nil {
		return "", err
	}
	arts, err := p.Articles()
	if err != nil {
		return "", err
	}
	byID := make(map[string]annotate.Article, len(arts))
	for _, a := range arts {
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
	err = write(bw, events, byID)
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
	return exportSummary(format, out, events), nil
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
