package ingest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"eventatlas/annotate"
)

// readFile imports testdata/name.
func readFile(t testing.TB, name string) (annotate.Article, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(name, f)
}

// readBytes imports data as a file called name.
func readBytes(name string, data []byte) (annotate.Article, error) {
	return Read(name, bytes.NewReader(data))
}

// buildDocx returns a zip holding files (name → content), written in name order.
func buildDocx(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wordDoc wraps body XML in a WordprocessingML document.
func wordDoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// checkArticle asserts what every imported article must satisfy.
func checkArticle(t testing.TB, a annotate.Article) {
	t.Helper()
	if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Fatalf("empty or invalid text: %q / %q", a.Title, a.Text)
	}
	if a.Hash != annotate.TextHash(a.Text) {
		t.Fatalf("Hash %s is not TextHash(Text)", a.Hash)
	}
	for i, p := range strings.Split(a.Text, "\n") {
		if p == "" || p != strings.TrimSpace(p) || strings.ContainsRune(p, '\r') {
			t.Fatalf("paragraph %d not normalised: %q", i, p)
		}
	}
}
