package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/dialog"
	_ "github.com/google/uuid"
	_ "github.com/paulmach/orb/geojson"
	_ "github.com/paulmach/orb/encoding/wkb"
	_ "github.com/paulmach/orb/quadtree"
	_ "github.com/paulmach/orb/simplify"
	_ "github.com/paulmach/orb/clip"
	_ "github.com/paulmach/orb/project"
	_ "golang.org/x/image/vector"
	_ "golang.org/x/image/font/opentype"
	_ "golang.org/x/text/unicode/norm"
	_ "modernc.org/sqlite"
	_ "eventatlas/annotate"
	_ "eventatlas/assets"
)

func main() {}
