package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"eventatlas/annotate"
)

// addSeeds adds every testdata file matching pattern to f's corpus, plus extra.
func addSeeds(f *testing.F, pattern string, extra ...string) {
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seeds for %s: %v", pattern, err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// fuzzRead imports data as name and checks the result is whole or nothing.
func fuzzRead(t *testing.T, name string, data []byte) {
	a, err := readBytes(name, data)
	if err != nil {
		if a != (annotate.Article{}) {
			t.Fatalf("error %v with a half-imported article %+v", err, a)
		}
		if err.Error() == "" {
			t.Fatal("empty error message")
		}
		return
	}
	checkArticle(t, a)
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, "*.txt", "", "\xff\xfe", "\xfe\xff\x00", "a\r\rb\r\n", "\xef\xbb\xbf\x00")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.txt", data) })
}

func FuzzReadMarkdown(f *testing.F) {
	addSeeds(f, "*.md", "---\ntitle: x\n---\n", "# \n", "[a](", "```\n", "| a |\n|---|\n| b |", "&#0; &#xFFFFFF;")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.md", data) })
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, "*.html", "<p>x", "<meta charset=koi8-r><p>\xc7",
		`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"x"}</script><p>y`,
		"<table><tr><td><p>a<br><br></td></tr></table>", "<html lang=\"\xff\"><title>\x00</title>")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.html", data) })
}

func FuzzReadDocx(f *testing.F) {
	f.Add(buildDocx(f, map[string]string{"word/document.xml": wordDoc(docBody), "docProps/core.xml": coreXML}))
	f.Add(buildDocx(f, map[string]string{"word/document.xml": wordDoc("<w:p><w:r><w:t>a</w:t><w:br/></w:r></w:p>")}))
	f.Add(buildDocx(f, map[string]string{"word/document.xml": "<x"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "f.docx", data) })
}
