// Package app wires Event Atlas together: the command line, the first run and
// the desktop window built from the annotate, storage and mapview packages.
package app

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand of the eventatlas binary.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"new", "write a new project file, empty or with the sample", runNew},
		{"render", "draw a project's map to a PNG without a display", runRender},
		{"places", "print the place names found in a text file as JSON lines", runPlaces},
		{"import", "bring articles (.txt .md .html .docx) and events (.geojson .csv) into a project", runImport},
		{"export", "write the events as GeoJSON, CSV, KML or JSON-LD, or a clean project copy", runExport},
		{"check", "check a project file from someone else without changing it", runCheck},
		{"merge", "merge a teammate's project into yours, keeping conflicts", runMerge},
	}
}

// Main runs eventatlas with the given arguments and returns the exit code:
// a subcommand's, or the desktop app's when the first argument is a project
// file or absent.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help", "help":
			usage(stdout)
			return 0
		}
		for _, c := range commands() {
			if args[0] == c.name {
				return c.run(args[1:], stdout, stderr)
			}
		}
		if strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(stderr, "eventatlas: unknown flag %s\n", args[0])
			usage(stderr)
			return 2
		}
		if len(args) > 1 {
			fmt.Fprintf(stderr, "eventatlas: give one project file to open, got %d arguments\n", len(args))
			return 2
		}
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	return runGUI(path, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  eventatlas [FILE.gpkg]          open the desktop app (the last project, or FILE)")
	fmt.Fprintln(w, "  eventatlas COMMAND [flags]      run a command; COMMAND -h shows its flags")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
}

// newFlagSet returns a flag set that prints its usage to stderr with a line
// saying what the command does and does not exit the process.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: eventatlas %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and returns the exit code to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	return -1
}
