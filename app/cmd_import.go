package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"eventatlas/annotate"
	"eventatlas/storage"
	"eventatlas/storage/ingest"
)

// runImport implements `eventatlas import -project P FILE...`.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "import -project P.gpkg FILE...\nImports articles (.txt .md .html .docx) and events (.geojson .csv), chosen by extension.\nEach file is imported whole or not at all: one bad row or feature and nothing of that file is imported.\nText must be UTF-8 (UTF-16 with a byte-order mark is read too). Events already in the project are kept as they are;\nthose the file holds otherwise are listed (merge the teammate's project to bring such changes in).\nImported events without precisions get date precision from the date (2025-11-13 day, 2025-11 month, 2025 year)\nand place precision exact: the file's coordinates are the place.", stderr)
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
			if strings.HasPrefix(err.Error(), filepath.Base(name)+" ") { // the message names the file already
				fmt.Fprintf(stderr, "eventatlas import: %v\n", err)
			} else {
				fmt.Fprintf(stderr, "eventatlas import: %s: %v\n", name, err)
			}
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
// CSV. It returns a summary of what came in. An events file comes in whole
// or not at all: a row that cannot be read stops it (EventPreview.Refusal).
func ImportFile(p *storage.Project, name string) (string, error) {
	if IsEventFile(name) {
		ep, err := PreviewEvents(p, name)
		if err != nil {
			return "", err
		}
		return ep.Commit(p)
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
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
	// The title last: a right-to-left title wrapped in a window's message
	// made the line after it right-to-left ("(337 characters(").
	return fmt.Sprintf("article added (%d characters): %q", annotate.RuneLen(a.Text), a.Title), nil
}
