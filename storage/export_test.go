package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"eventatlas/annotate"
	"github.com/paulmach/orb"
)

func TestExportCopy(t *testing.T) {
	p, _ := newProject(t)
	events := testEvents(t, addTestArticle(t, p))
	saveAll(t, p, events)
	// Many events imported and deleted leave free pages the copy drops.
	var many []annotate.Event
	for i := range 3000 {
		many = append(many, annotate.Event{Type: "Other", Title: fmt.Sprintf("temporary %d with a long title to take some room", i),
			Geometry: orb.Point{68 + float64(i%100)/100, 37}, Notes: strings.Repeat("n", 200)})
	}
	if _, err := p.ImportEvents(many); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.Exec(`DELETE FROM events WHERE title LIKE 'temporary %'`); err != nil {
		t.Fatal(err)
	}
	// The file's size counts once the write-ahead log is in it.
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "clean copy.gpkg")
	if err := p.ExportCopy(out); err != nil {
		t.Fatal(err)
	}
	if got := listDir(t, dir); len(got) != 1 || got[0] != "clean copy.gpkg" {
		t.Errorf("the folder holds %v, want only the copy", got)
	}
	orig, _ := os.Stat(p.Path())
	cp, _ := os.Stat(out)
	if cp.Size() >= orig.Size() {
		t.Errorf("the copy is %d bytes, the project %d: not compacted", cp.Size(), orig.Size())
	}
	hdr := make([]byte, 100)
	f, _ := os.Open(out)
	f.Read(hdr)
	f.Close()
	if wal, err := checkHeader(hdr, cp.Size()); err != nil || wal {
		t.Errorf("copy header: WAL %v, %v", wal, err)
	}
	// The copy is the same project.
	r, err := Inspect(out)
	if err != nil || !r.Sound() || r.Events != 3 || r.ProjectUUID != p.UUID() {
		t.Errorf("Inspect(copy) = %v, %v", r, err)
	}
	q, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := q.Events()
	want, _ := p.Events()
	q.Close()
	if len(got) != len(want) {
		t.Fatalf("copy has %d events, want %d", len(got), len(want))
	}
	for i := range got {
		equalEvent(t, got[i], want[i])
	}
	// It never overwrites.
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := p.ExportCopy(out); !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("export over a file = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep me" {
		t.Error("export overwrote a file")
	}
	if err := p.ExportCopy(filepath.Join(dir, "no", "such", "x.gpkg")); err == nil {
		t.Error("export into a missing folder succeeded")
	}
	if got := listDir(t, dir); len(got) != 1 {
		t.Errorf("failed exports left %v", got)
	}
}

// TestGDALValidatesExport runs GDAL's checks on an exported copy of a
// project that went through a merge, and on a version 1 file migrated to
// the current version.
func TestGDALValidatesExport(t *testing.T) {
	if _, err := os.Stat(validateGPKG); err != nil {
		t.Skip("GDAL not installed: no " + validateGPKG)
	}
	ogrinfo, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("GDAL not installed: no ogrinfo")
	}
	p, events, theirs := mergeFixture(t)
	if _, err := p.Merge(theirs); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "export.gpkg")
	if err := p.ExportCopy(out); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command("/usr/bin/python3", validateGPKG, "-k", "--extra", "--warning-as-error", out).CombinedOutput()
	if err != nil || strings.TrimSpace(string(res)) != "" {
		t.Errorf("validate_gpkg.py reports (%v):\n%s", err, res)
	}
	info, err := exec.Command(ogrinfo, "-al", "-so", out, "events").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, info)
	}
	if !strings.Contains(string(info), fmt.Sprintf("Feature Count: %d", len(events)+1)) {
		t.Errorf("ogrinfo:\n%s", info)
	}
	for line := range strings.Lines(string(info)) {
		if strings.Contains(line, "Warning") || strings.Contains(line, "ERROR") {
			t.Errorf("ogrinfo complains: %s", line)
		}
	}
	conf, err := exec.Command(ogrinfo, "-so", out, "conflicts").CombinedOutput()
	if err != nil || !strings.Contains(string(conf), "Feature Count: 1") {
		t.Errorf("ogrinfo conflicts: %v\n%s", err, conf)
	}
	old := projectAt(t, 1)
	q, err := Open(old)
	if err != nil {
		t.Fatal(err)
	}
	q.Close()
	res, err = exec.Command("/usr/bin/python3", validateGPKG, "-k", "--extra", "--warning-as-error", old).CombinedOutput()
	if err != nil || strings.TrimSpace(string(res)) != "" {
		t.Errorf("validate_gpkg.py on a migrated version 1 file reports (%v):\n%s", err, res)
	}
}
