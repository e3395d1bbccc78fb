package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/storage"
)

// readPNG decodes the PNG file at path.
func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// newSample writes the sample project into a new temporary folder and
// returns the folder and the project's path.
func newSample(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "s.gpkg")
	if code, _, errs := run("new", "-sample", path); code != 0 {
		t.Fatalf("new -sample: %s", errs)
	}
	return dir, path
}

// run calls Main and returns its exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestNewAndRender(t *testing.T) {
	dir := t.TempDir()
	proj := filepath.Join(dir, "s.gpkg")
	if code, out, errs := run("new", "-sample", proj); code != 0 || !strings.Contains(out, "(6 events)") {
		t.Fatalf("new -sample: exit %d, out %q, err %q", code, out, errs)
	}
	p, err := storage.Open(proj)
	if err != nil {
		t.Fatal(err)
	}
	arts, _ := p.Articles()
	evs, _ := p.Events()
	p.Close()
	if len(arts) != 1 || len(evs) != 6 {
		t.Fatalf("sample project holds %d articles, %d events", len(arts), len(evs))
	}
	pngPath := filepath.Join(dir, "map.png")
	if code, _, errs := run("render", "-project", proj, "-o", pngPath, "-size", "640x400", "-scale", "2"); code != 0 {
		t.Fatalf("render: exit %d: %s", code, errs)
	}
	img := readPNG(t, pngPath)
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
		t.Errorf("image is %dx%d, want 1280x800 (640x400 at 2x)", b.Dx(), b.Dy())
	}
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "exists.gpkg")
	os.WriteFile(existing, []byte("my notes, not a project"), 0o644)
	sum := sha256.Sum256([]byte("my notes, not a project"))
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"new refuses to overwrite", []string{"new", existing}, 1, "already exists"},
		{"new without a file", []string{"new"}, 2, "give exactly one project file"},
		{"new in an unwritable place", []string{"new", "/proc/eventatlas/x.gpkg"}, 1, "cannot create"},
		{"render needs -project", []string{"render", "-o", filepath.Join(dir, "x.png")}, 2, "-project and -o are required"},
		{"render a file that is not a project", []string{"render", "-project", existing, "-o", filepath.Join(dir, "x.png")}, 1, "not an Event Atlas project"},
		{"render a bad size", []string{"render", "-project", existing, "-o", "x.png", "-size", "huge"}, 2, "want WIDTHxHEIGHT"},
		{"unknown flag", []string{"-x"}, 2, "unknown flag -x"},
		{"places on a missing file", []string{"places", filepath.Join(dir, "none.txt")}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := run(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.wantErr)
			}
		})
	}
	b, _ := os.ReadFile(existing)
	if sha256.Sum256(b) != sum {
		t.Error("a failed command changed the file that is not a project")
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := run("-h")
	for _, c := range []string{"new", "render", "places"} {
		if !strings.Contains(out, "  "+c+" ") {
			t.Errorf("-h does not list %s:\n%s", c, out)
		}
	}
	if code != 0 {
		t.Errorf("-h exit %d", code)
	}
	if code, _, errs := run("new", "-h"); code != 0 || !strings.Contains(errs, "-sample") {
		t.Errorf("new -h: exit %d, %q", code, errs)
	}
}

func TestPlacesJSONLines(t *testing.T) {
	txt := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(txt, []byte("Делегация посетила Кундуз. Talks in Dushanbe."), 0o644)
	code, out, errs := run("places", txt)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
	}
	var first struct {
		Start, End int
		Text       string
		Candidates []struct{ ID, Name, Kind string }
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Start != 19 || first.End != 25 || first.Text != "Кундуз" || len(first.Candidates) < 2 || first.Candidates[0].Name != "Kunduz" {
		t.Errorf("first match %+v, want Кундуз at 19–25 with Kunduz candidates", first)
	}
	bin := filepath.Join(t.TempDir(), "b.txt")
	os.WriteFile(bin, []byte{0xff, 0xfe, 0x00, 0x81}, 0o644)
	if code, _, errs := run("places", bin); code != 1 || !strings.Contains(errs, "not UTF-8") {
		t.Errorf("binary file: exit %d, %q", code, errs)
	}
}

func TestExportEveryFormat(t *testing.T) {
	dir, proj := newSample(t)
	wantStart := map[string]string{
		"geojson": `{"type":"FeatureCollection"`,
		"csv":     "event_id_cnty,",
		"kml":     "<?xml",
		"jsonld":  "{",
	}
	for _, format := range exportFormats {
		out := filepath.Join(dir, "out."+format)
		if code, _, errs := run("export", "-project", proj, "-format", format, "-o", out); code != 0 {
			t.Fatalf("export %s: exit %d: %s", format, code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if format == "gpkg" {
			p, err := storage.Open(out)
			if err != nil {
				t.Fatalf("exported project does not open: %v", err)
			}
			evs, _ := p.Events()
			p.Close()
			if len(evs) != 6 {
				t.Errorf("exported project holds %d events, want 6", len(evs))
			}
			continue
		}
		if !strings.HasPrefix(strings.TrimSpace(string(b)), wantStart[format]) {
			t.Errorf("%s export starts %q", format, string(b[:min(len(b), 40)]))
		}
		// A second export to the same file is refused and leaves it alone.
		code, _, errs := run("export", "-project", proj, "-format", format, "-o", out)
		if after, _ := os.ReadFile(out); code != 1 || !strings.Contains(errs, "already exists") || !bytes.Equal(after, b) {
			t.Errorf("export over an existing %s: exit %d, %q", format, code, errs)
		}
	}
	if code, _, errs := run("export", "-project", proj, "-format", "pdf", "-o", filepath.Join(dir, "x.pdf")); code != 1 || !strings.Contains(errs, `unknown format "pdf"`) {
		t.Errorf("unknown format: exit %d, %q", code, errs)
	}
}

func TestImportArticlesAndEvents(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "s.gpkg")
	dst := filepath.Join(dir, "t.gpkg")
	run("new", "-sample", src)
	run("new", dst)
	gj := filepath.Join(dir, "e.geojson")
	if code, _, errs := run("export", "-project", src, "-format", "geojson", "-o", gj); code != 0 {
		t.Fatal(errs)
	}
	txt := filepath.Join(dir, "a.txt")
	os.WriteFile(txt, []byte("Border talks in Khorugh.\nSecond paragraph."), 0o644)
	code, out, errs := run("import", "-project", dst, txt, gj)
	if code != 0 || !strings.Contains(out, "6 events imported") || !strings.Contains(out, `a.txt: article added (42 characters): "Border talks in Khorugh."`) {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errs)
	}
	// The same files again: the text is recognised, the events are kept as they are.
	code, out, _ = run("import", "-project", dst, txt, gj)
	if code != 0 || !strings.Contains(out, "not added again") || !strings.Contains(out, "0 events imported, 6 already in the project") {
		t.Fatalf("second import: exit %d\n%s", code, out)
	}
	// A binary file named .txt is refused and nothing is added.
	bin := filepath.Join(dir, "photo.txt")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	code, _, errs = run("import", "-project", dst, bin)
	if code != 1 || !strings.Contains(errs, "looks like a binary file") {
		t.Errorf("binary .txt: exit %d, %q", code, errs)
	}
	p, err := storage.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	arts, _ := p.Articles()
	evs, _ := p.Events()
	if len(arts) != 1 || len(evs) != 6 {
		t.Errorf("project holds %d articles and %d events, want 1 and 6", len(arts), len(evs))
	}
}

func TestCheckAndMerge(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.gpkg")
	theirs := filepath.Join(dir, "theirs.gpkg")
	run("new", mine)
	run("new", "-sample", theirs)
	if code, out, _ := run("check", theirs); code != 0 || !strings.Contains(out, "sound") {
		t.Errorf("check of a sound file: exit %d\n%s", code, out)
	}
	junk := filepath.Join(dir, "junk.gpkg")
	os.WriteFile(junk, []byte("not sqlite at all, just text"), 0o644)
	if code, _, errs := run("check", junk); code != 1 || !strings.Contains(errs, "not an Event Atlas project") {
		t.Errorf("check of junk: exit %d, %q", code, errs)
	}
	code, out, errs := run("merge", "-project", mine, theirs)
	if code != 0 || !strings.Contains(out, "6 events added") {
		t.Fatalf("merge: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run("merge", "-project", mine, theirs)
	if code != 0 || !strings.Contains(out, "0 events added") {
		t.Errorf("second merge changed something: %s", out)
	}
}
