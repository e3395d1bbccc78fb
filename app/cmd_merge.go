package app

import (
	"fmt"
	"io"

	"eventatlas/storage"
)

// runMerge implements `eventatlas merge -project MINE.gpkg THEIRS.gpkg...`.
func runMerge(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("merge", "merge -project MINE.gpkg THEIRS.gpkg...\nBrings a teammate's events, articles, actors and places into your project. Nothing of yours is overwritten:\nan event whose two versions differ keeps yours and records theirs as a conflict to resolve in the app\n(Keep mine, Keep theirs or Keep both). Merge does not tell which side changed such an event.", stderr)
	project := fs.String("project", "", "your project file (required)")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if *project == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "eventatlas merge: give -project and at least one file to merge")
		fs.Usage()
		return 2
	}
	p, err := storage.Open(*project)
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas merge:", err)
		return 1
	}
	defer p.Close()
	code := 0
	for _, theirs := range fs.Args() {
		sum, err := p.Merge(theirs)
		if err != nil {
			fmt.Fprintf(stderr, "eventatlas merge: %s: %v\n", theirs, err)
			code = 1
			continue
		}
		fmt.Fprintf(stdout, "%s:\n%s\n", theirs, sum)
	}
	return code
}
