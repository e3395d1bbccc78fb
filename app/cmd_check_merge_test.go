package app

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

func TestCheckSaysSoundOnce(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.gpkg")
	if code, _, errs := run("new", "-sample", sample); code != 0 {
		t.Fatalf("new: %s", errs)
	}
	code, out, _ := run("check", sample)
	if code != 0 || strings.Count(out, "sound") != 1 || !strings.HasPrefix(out, sample+": Event Atlas project ") ||
		!strings.HasSuffix(out, "the file is sound\n\n") {
		t.Errorf("check of a sound file: exit %d\n%s", code, out)
	}
}

func TestMergeCLINonUTF8TitleAndItself(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.gpkg")
	theirs := filepath.Join(dir, "theirs.gpkg")
	run("new", "-sample", mine)
	copyTestFile(t, mine, theirs)
	db, err := sql.Open("sqlite", theirs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE articles SET title = CAST(X'C0AF20626164' AS TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs := run("check", theirs)
	if code != 1 || !strings.Contains(out, "repaired: articles ") || !strings.Contains(out, ": title was not UTF-8; invalid bytes replaced") {
		t.Errorf("check: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = run("merge", "-project", mine, theirs)
	if code != 0 || !strings.Contains(out, "0 events added, 6 unchanged, 0 conflicts to resolve") ||
		!strings.Contains(out, "1 value repaired:") || strings.Contains(out, "skipped") {
		t.Errorf("merge: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = run("merge", "-project", mine, mine)
	if code != 1 || !strings.Contains(errs, "that is this project") {
		t.Errorf("merge into itself: exit %d, %q", code, errs)
	}
}

// copyTestFile copies src to dst or fails the test.
func copyTestFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
