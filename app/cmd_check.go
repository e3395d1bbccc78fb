package app

import (
	"fmt"
	"io"

	"eventatlas/storage"
)

// runCheck implements `eventatlas check FILE.gpkg`.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check FILE.gpkg...\nChecks project files as if they came from someone else, without changing them: exit 0 only when every file is sound.", stderr)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "eventatlas check: give at least one project file")
		return 2
	}
	code := 0
	for _, path := range fs.Args() {
		rep, err := storage.Inspect(path)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			code = 1
			continue
		}
		// The report names the file first and ends with its verdict:
		// "the file is sound" or "N problems".
		if !rep.Sound() {
			code = 1
		}
		fmt.Fprintf(stdout, "%s\n", rep)
	}
	return code
}
