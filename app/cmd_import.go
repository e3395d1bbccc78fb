package app

import (
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
	if old, ok := p.FindSimilarArticle(a); ok {
		r, err := p.UpdateArticleText(old.ID, a.Text)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("updated the text of %q: %d spans kept, %d moved, %d orphans", old.Title, r.Exact, r.Moved+r.Fuzzy, len(r.Orphans)), nil
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
	ep, err := planEvents(p, events, rep)
	if err != nil {
		return "", err
	}
	return ep.Commit(p)
}
