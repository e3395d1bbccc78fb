package app

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
	"eventatlas/storage"
)

// TestExportUsesProjectTaxonomy exports a project whose Diplomacy type was
// recoloured: the GeoJSON carries the project's colour, not the default.
func TestExportUsesProjectTaxonomy(t *testing.T) {
	dir, proj := newSample(t)
	p, err := storage.Open(proj)
	if err != nil {
		t.Fatal(err)
	}
	tax := annotate.DefaultTaxonomy()
	tax[0].Color = color.NRGBA{0x12, 0x34, 0x56, 0xff}
	err = p.SaveTaxonomy(tax)
	p.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.geojson")
	if code, _, errs := run("export", "-project", proj, "-format", "geojson", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.ToLower(string(b)); !strings.Contains(s, "#123456") || strings.Contains(s, "#0072b2") {
		t.Errorf("GeoJSON export does not use the project's Diplomacy colour #123456")
	}
}
