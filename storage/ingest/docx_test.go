package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

const coreXML = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
	`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
	`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
	`<dc:title>Kunduz clashes report</dc:title><dc:creator>Analyst</dc:creator><dc:language>en-US</dc:language>` +
	`<dcterms:created xsi:type="dcterms:W3CDTF">2025-05-13T08:00:00Z</dcterms:created></cp:coreProperties>`

const docBody = `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Clashes near </w:t></w:r>` +
	`<w:r><w:rPr><w:b/></w:rPr><w:t>Kunduz</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t xml:space="preserve">Fighting broke out on </w:t></w:r><w:r><w:t>12 May</w:t></w:r>` +
	`<w:del w:id="1"><w:r><w:delText>deleted words</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>Place</w:t><w:tab/><w:t>Casualties</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>First line</w:t><w:br/><w:t>second line</w:t></w:r></w:p>` +
	`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p>` +
	`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p>` +
	`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
	`<w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
	`<w:p><w:r><w:t>Non</w:t><w:noBreakHyphen/><w:t>state actors &amp; others</w:t><w:instrText>PAGE</w:instrText></w:r></w:p>`

const docText = "Clashes near Kunduz\nFighting broke out on 12 May.\nPlace\tCasualties\nFirst line\nsecond line\n" +
	"Box text\nCell one\nNon-state actors & others"

func TestReadDocx(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  annotate.Article
	}{
		{"core properties", map[string]string{"word/document.xml": wordDoc(docBody), "docProps/core.xml": coreXML},
			annotate.Article{Title: "Kunduz clashes report", Language: "en-US", Published: time.Date(2025, 5, 13, 8, 0, 0, 0, time.UTC), Text: docText}},
		{"title-styled paragraph", map[string]string{"word/document.xml": wordDoc(docBody)},
			annotate.Article{Title: "Clashes near Kunduz", Text: strings.TrimPrefix(docText, "Clashes near Kunduz\n")}}, // the headline is not repeated
		{"heading style, broken core.xml", map[string]string{"docProps/core.xml": "<cp:coreProperties",
			"word/document.xml": wordDoc(`<w:p><w:r><w:t>Intro</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Heading</w:t></w:r></w:p>`)},
			annotate.Article{Title: "Heading", Text: "Intro\nHeading"}},
		{"no styles: first paragraph", map[string]string{"word/document.xml": wordDoc(`<w:p><w:r><w:t>Только текст</w:t></w:r></w:p>`)},
			annotate.Article{Title: "Только текст", Language: "ru", Text: "Только текст"}},
		{"strict OOXML", map[string]string{"word/document.xml": `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
			`<w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document>`},
			annotate.Article{Title: "Strict", Text: "Strict"}},
		{"windows-1251 XML declaration", map[string]string{"word/document.xml": "<?xml version=\"1.0\" encoding=\"windows-1251\"?>" +
			"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>\xc3\xf0\xe0\xed\xe8\xf6\xe0</w:t></w:r></w:p></w:body></w:document>"},
			annotate.Article{Title: "Граница", Language: "ru", Text: "Граница"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes("report.docx", buildDocx(t, tt.files))
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			assertArticle(t, a, tt.want)
		})
	}
}

func TestReadDocxRefuses(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		msg     string
	}{
		{"not a zip", []byte("PK but not really a zip file"), ErrNotWord, "bad.docx: not a Word document (zip: not a valid zip file)"},
		{"no document.xml", buildDocx(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), ErrNotWord,
			"bad.docx: word/document.xml missing: not a Word document"},
		{"broken XML", buildDocx(t, map[string]string{"word/document.xml": wordDoc("<w:p><w:t>open")}), nil,
			"bad.docx: word/document.xml is broken: XML syntax error on line 1: element <t> closed by </body>"},
		{"no text", buildDocx(t, map[string]string{"word/document.xml": wordDoc("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")}), ErrNoText,
			"bad.docx has no text to import"},
		{"too many entries", manyEntries(t, maxEntries+1), ErrZipBomb, "bad.docx has 10001 entries, more than 10000: refusing a possible zip bomb"},
		{"expands beyond 50 MB", zipBomb(t, 60<<20, flate.BestSpeed), ErrZipBomb,
			"bad.docx: word/document.xml expands to 60 MB, more than 50 MB: refusing a possible zip bomb"},
		{"compressed 1000 to 1", zipBomb(t, 20<<20, flate.BestCompression), ErrZipBomb,
			"bad.docx: word/document.xml is compressed more than 200 to 1: refusing a possible zip bomb"},
		{"header understates the size", lyingZip(t), nil, "bad.docx: word/document.xml is broken: zip: not a valid zip file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := readBytes("bad.docx", tt.data)
			if err == nil {
				t.Fatalf("no error; got %+v", a)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q\n         want %q", err.Error(), tt.msg)
			}
			if a != (annotate.Article{}) {
				t.Errorf("a half-imported article came back: %+v", a)
			}
		})
	}
}

// zipBomb streams a document.xml of size bytes (one enormous run of text)
// into a small archive without holding the expanded text.
func zipBomb(t *testing.T, size int, level int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, level) })
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	head, tail := wordDoc("<w:p><w:r><w:t>"), "</w:t></w:r></w:p>"
	chunk := bytes.Repeat([]byte("a"), 1<<16)
	io.WriteString(w, head[:strings.Index(head, "<w:sectPr/>")])
	for n := 0; n < size; n += len(chunk) {
		w.Write(chunk)
	}
	io.WriteString(w, tail+"</w:body></w:document>")
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lyingZip holds a 2 MB document.xml whose headers claim 100 bytes.
func lyingZip(t *testing.T) []byte {
	t.Helper()
	doc := []byte(wordDoc("<w:p><w:r><w:t>" + strings.Repeat("lie ", 500000) + "</w:t></w:r></w:p>"))
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
	fw.Write(doc)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 100, CRC32: crc32.ChecksumIEEE(doc[:100])})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(deflated.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// manyEntries is an archive of n empty entries.
func manyEntries(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range n {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("f%d", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
