package app

import (
	"fmt"
	"io"

	"eventatlas/annotate/gazetteer"
)

// runNew implements `eventatlas new [-sample] FILE.gpkg`.
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "new [-sample] FILE.gpkg\nWrites a new project file; -sample fills it with the bundled sample article and its events.", stderr)
	withSample := fs.Bool("sample", false, "fill the project with the bundled sample article and its coded events")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "eventatlas new: give exactly one project file to write, e.g. eventatlas new -sample my.gpkg")
		return 2
	}
	var sample *gazetteer.Gazetteer // the sample's places; nil for an empty project
	if *withSample {
		g, err := loadGazetteer()
		if err != nil {
			fmt.Fprintln(stderr, "eventatlas new:", err)
			return 1
		}
		sample = g
	}
	p, err := createProject(fs.Arg(0), sample)
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas new:", err)
		return 1
	}
	defer p.Close()
	events, err := p.Events()
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas new:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%s)\n", fs.Arg(0), countNoun(len(events), "event", "events"))
	return 0
}
