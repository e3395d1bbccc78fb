package app

import (
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"eventatlas/annotate/gazetteer"
)

// runPlaces implements `eventatlas places FILE.txt`.
func runPlaces(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("places", "places FILE.txt\nPrints the place names found in a UTF-8 text as JSON lines: start, end (code points), text, candidates.", stderr)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "eventatlas places: give one text file")
		return 2
	}
	b, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas places:", err)
		return 1
	}
	if !utf8.Valid(b) {
		fmt.Fprintf(stderr, "eventatlas places: %s is not UTF-8 text\n", fs.Arg(0))
		return 1
	}
	g, err := loadGazetteer()
	if err != nil {
		fmt.Fprintln(stderr, "eventatlas places:", err)
		return 1
	}
	if err := gazetteer.ToJSONLines(stdout, g.Match(string(b))); err != nil {
		fmt.Fprintln(stderr, "eventatlas places:", err)
		return 1
	}
	return 0
}
