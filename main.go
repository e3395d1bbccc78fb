// Command eventatlas is Event Atlas: read news articles beside a map, highlight
// the words that report an event and turn them into geotagged events saved in
// a GeoPackage project file. Run with no arguments for the desktop app, or
// `eventatlas -h` for the command-line tools.
package main

import (
	"os"

	"eventatlas/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
