package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"eventatlas/annotate"
	"eventatlas/storage"
	"eventatlas/storage/exchange"
	"eventatlas/storage/ingest"
)

// runImport implements `eventatlas import -project P FILE...`.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "import -project P.gpkg FILE...\nImports articles (.txt .md .html .docx) and events (.geojson .csv), chosen by extension.\nEach file is imported whole or not at all; events already in the project are kept as they are.", stderr)
	project := fs.String("project", "", "project file to import into (required)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if *project == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "eventatlas import: give -project and at least one file")
		fs.Usage()
		return 2
	}
	p, err := storage.Open(*project)
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas import:", err)
		return 1
	}
	defer p.Close()
	failed := 0
	for _, name := range fs.Args() {
		msg, err := ImportFile(p, name)
		if err != nil {
			fmt.Fprintf(stderr, "eventatlas import: %s: %v\n", name, err)
			failed++
			continue
		}
		fmt.Fprintf(stdout, "%s: %s\n", name, msg)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// ImportFile imports one file into p: an article, or events from GeoJSON or
// CSV. It returns a one-line summary of what came in and what was skipped.
func ImportFile(p *storage.Project, name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(name)) {
	case ".geojson", ".json":
		events, rep, err := exchange.ReadGeoJSON(f)
		if err != nil {
			return "", err
		}
		return importEvents(p, events, rep)
	case ".csv":
		events, rep, err := exchange.ReadCSV(f)
		if err != nil {
			return "", err
		}
		return importEvents(p, events, rep)
	}
	a, err := ingest.Read(filepath.Base(name), f)
	if err != nil {
		return "", err
	}
	existed, err := p.AddArticle(&a)
	if err != nil {
		return "", err
	}
	if existed {
		return fmt.Sprintf("the same text is already in the project as %q: not added again", a.Title), nil
	}
	return fmt.Sprintf("article %q added (%d characters)", a.Title, annotate.RuneLen(a.Text)), nil
}

// importEvents adds the events the project does not have yet, in one
// transaction. Events whose id the project already holds are left as they
// are, and evidence pointing at articles the project lacks is dropped; both
// are counted in the summary.
func importEvents(p *storage.Project, events []annotate.Event, rep exchange.Report) (string, error) {
	arts, err := p.Articles()
	if err != nil {
		return "", err
	}
	haveArticle := map[string]bool{}
	for _, a := range arts {
		haveArticle[a.ID] = true
	}
	var fresh []annotate.Event
	kept, dropped := 0, 0
	for _, e := range events {
		if _, err := p.Event(e.ID); err == nil {
			kept++
			continue
		} else if !errors.Is(err, storage.ErrNotFound) {
			return "", err
		}
		spans := e.Spans[:0:0]
		for _, s := range e.Spans {
			if haveArticle[s.ArticleID] {
				spans = append(spans, s)
			} else {
				dropped++
			}
		}
		e.Spans = spans
		fresh = append(fresh, e)
	}
	n, err := p.ImportEvents(fresh)
	if err != nil {
		return "", err
	}
	msg := fmt.Sprintf("%d events imported", n)
	if kept > 0 {
		msg += fmt.Sprintf(", %d already in the project left as they are", kept)
	}
	if dropped > 0 {
		msg += fmt.Sprintf(", %d evidence spans dropped (their article is not in this project)", dropped)
	}
	if len(rep.Skipped) > 0 {
		msg += fmt.Sprintf(", %d rows skipped:\n%s", len(rep.Skipped), strings.TrimRight(rep.String(), "\n"))
	}
	return msg, nil
}
