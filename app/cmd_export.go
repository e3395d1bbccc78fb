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
	if err := exportProject(*project, *format, *out); err != nil {
		fmt.Fprintln(stderr, "eventatlas export:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

// exportProject writes the project at path to out in format. It never
// overwrites a file and removes a half-written one.
func exportProject(path, format, out string) error {
	p, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer p.Close()
	return ExportTo(p, format, out)
}

// ExportTo writes p's events (or, for "gpkg", a compacted copy of p) to the
// new file out.
func ExportTo(p *storage.Project, format, out string) error {
	if format == "gpkg" {
		return p.ExportCopy(out)
	}
	tax, err := p.Taxonomy()
	if err != nil {
		return err
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
		return fmt.Errorf("unknown format %q: use one of %s", format, strings.Join(exportFormats, ", "))
	}
	events, err := p.Events()
	if err != nil {
		return err
	}
	arts, err := p.Articles()
	if err != nil {
		return err
	}
	byID := make(map[string]annotate.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists: choose a new file name", out)
	}
	if err != nil {
		return err
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
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return nil
}
