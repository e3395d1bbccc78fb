package ingest

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestReadTestdata(t *testing.T) {
	tajik := "Ҳайати расмии Тоҷикистон бо намояндагони Толибон дар Кундуз вохӯрд.\n" +
		"Тарафҳо масъалаҳои амнияти марзро муҳокима карданд."
	tests := []struct {
		file string
		want annotate.Article // Hash is checked by checkArticle
	}{
		{"utf8.txt", annotate.Article{
			Title:    "Tajik delegation visits Kunduz",
			Language: "en",
			Text: "A Tajik delegation visited Kunduz and held talks with Taliban officials on security.\n" +
				"The visit follows an earlier trip by the governor of Balkh to Dushanbe.",
		}},
		{"utf16le.txt", annotate.Article{Title: "Ҳайати Тоҷикистон ба Кундуз сафар кард", Language: "tg", Text: tajik}},
		{"utf16be.txt", annotate.Article{Title: "Ҳайати Тоҷикистон ба Кундуз сафар кард", Language: "tg", Text: tajik}},
		{"cp1251.txt", annotate.Article{
			Title:    "Пограничники задержали нарушителей на границе",
			Language: "ru",
			Text: "В Хатлонской области на участке границы с Афганистаном пограничники задержали трёх нарушителей.\n" +
				"По данным ведомства, инцидент произошёл 12 мая вблизи Пянджа.",
		}},
		{"cp1252.txt", annotate.Article{
			Title:    "Réunion à Douchanbé sur la sécurité",
			Language: "fr",
			Text: "Les délégations se sont réunies à Douchanbé pour discuter de la sécurité à la frontière et des échanges.\n" +
				"Die Gespräche über Grenzübergänge werden fortgesetzt; größere Maßnahmen folgen.",
		}},
		{"wrapped.txt", annotate.Article{
			Title:    "Floods in Khatlon",
			Language: "en",
			Text: "Heavy rain caused floods in several districts of Khatlon region on Tuesday, local authorities said. " +
				"Roads between Bokhtar and Kulob were closed for several hours.\n" +
				"Rescue teams evacuated 40 families:\n- Vose district\n- Hamadoni district",
		}},
		{"article.md", annotate.Article{
			Title:     "Border talks resume",
			Outlet:    "Example News",
			URL:       "https://example.org/news/border-talks",
			Language:  "en",
			Published: time.Date(2025, 5, 12, 0, 0, 0, 0, time.UTC),
			Text: "Border talks resume in Dushanbe\n" +
				"Officials from Tajikistan and Afghanistan met on Monday to discuss the crossing at Panji Poyon.\n" +
				"Key points\nTrade through Sher Khan Bandar\nVisas for drivers\nand traders\nfirst item & more\n" +
				"Security remains \"the main concern\", a spokesman said.\n" +
				"raw <b>code</b> kept\nindented line\nCrossing\tStatus\nPanji Poyon\topen\n" +
				"Read more at https://example.org/more.",
		}},
		{"news.html", annotate.Article{
			Title:     "Tajik delegation holds talks in Kunduz",
			Outlet:    "Asia Border News",
			URL:       "https://asia-border.example.org/news/kunduz-talks",
			Language:  "en-GB",
			Published: time.Date(2025, 5, 12, 5, 0, 0, 0, time.UTC),
			Text: "A Tajik delegation visited Kunduz on Monday and held talks with Taliban officials on security, intelligence and trade, according to local officials in the northern Afghan province.\n" +
				"The delegation was led by the deputy governor of Khatlon region, who met the Taliban governor of Kunduz. Officials from the customs and border services of both sides also took part in the meeting.\n" +
				"The two sides discussed visa arrangements for traders, the reopening of the Sher Khan Bandar crossing at night and cooperation against drug smuggling along the Panj river.\n" +
				"Dushanbe has kept limited contact with the Taliban administration since 2021, but visits between the two sides have become more frequent this year, analysts say.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := readFile(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			assertArticle(t, a, tt.want)
		})
	}
}

// assertArticle compares every field Read fills.
func assertArticle(t *testing.T, got, want annotate.Article) {
	t.Helper()
	if got.Text != want.Text {
		t.Errorf("Text\n got %q\nwant %q", got.Text, want.Text)
	}
	if got.Title != want.Title || got.Outlet != want.Outlet || got.URL != want.URL || got.Language != want.Language {
		t.Errorf("metadata got title %q outlet %q url %q lang %q\nwant title %q outlet %q url %q lang %q",
			got.Title, got.Outlet, got.URL, got.Language, want.Title, want.Outlet, want.URL, want.Language)
	}
	if !got.Published.Equal(want.Published) {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	if got.ID != "" || !got.Created.IsZero() {
		t.Errorf("ID %q / Created %v should be left to the store", got.ID, got.Created)
	}
}

func TestSameTextSameHash(t *testing.T) {
	le, err := readFile(t, "utf16le.txt")
	if err != nil {
		t.Fatal(err)
	}
	be, err := readFile(t, "utf16be.txt")
	if err != nil {
		t.Fatal(err)
	}
	utf8Copy, err := readBytes("copy.txt", []byte(strings.ReplaceAll(le.Text, "\n", "\r\n\r\n")+"\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if le.Hash != be.Hash || le.Hash != utf8Copy.Hash {
		t.Errorf("hashes differ: %s %s %s", le.Hash, be.Hash, utf8Copy.Hash)
	}
	other, _ := readFile(t, "utf8.txt")
	if other.Hash == le.Hash {
		t.Error("different texts share a hash")
	}
}

// sizedReader claims a size and yields endless 'a's without holding them.
type sizedReader struct{ size int64 }

func (s sizedReader) Size() int64 { return s.size }
func (s sizedReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// endless yields 'a's forever and does not tell its size.
type endless struct{}

func (endless) Read(p []byte) (int, error) { return sizedReader{}.Read(p) }

// failing fails every read.
type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func pngBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 16, 16))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadRefuses(t *testing.T) {
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*37%31) + 1 // control bytes and digits, no NUL
	}
	tests := []struct {
		name    string
		r       io.Reader
		wantErr error
		msg     string
	}{
		{"report.pdf", strings.NewReader("%PDF-1.7"), ErrUnsupported, "unsupported file type .pdf: import .txt, .md, .html or .docx"},
		{"README", strings.NewReader("text"), ErrUnsupported, "unsupported file type without an extension: import .txt, .md, .html or .docx"},
		{"photo.txt", bytes.NewReader(pngBytes(t)), ErrBinary, "photo.txt looks like a binary file, not text"},
		{"page.html", bytes.NewReader(pngBytes(t)), ErrBinary, "page.html looks like a binary file, not text"},
		{"notes.md", bytes.NewReader(noise), ErrBinary, "notes.md looks like a binary file, not text"},
		{"big.txt", sizedReader{size: 200 << 20}, ErrTooLarge, "big.txt is larger than the 50 MB import limit"},
		{"stream.txt", endless{}, ErrTooLarge, "stream.txt is larger than the 50 MB import limit"},
		{"empty.txt", strings.NewReader(" \r\n\t\n"), ErrNoText, "empty.txt has no text to import"},
		{"blank.html", strings.NewReader("<html><body><nav> </nav></body></html>"), ErrNoText, "blank.html has no text to import"},
		{"broken.txt", failing{}, nil, "read broken.txt: disk on fire"},
		{"/home/me/Docs/photo.TXT", bytes.NewReader(pngBytes(t)), ErrBinary, "photo.TXT looks like a binary file, not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read(tt.name, tt.r)
			if err == nil {
				t.Fatalf("no error; got %+v", a)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
			if err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err.Error(), tt.msg)
			}
			if a != (annotate.Article{}) {
				t.Errorf("a half-imported article came back: %+v", a)
			}
		})
	}
}

func TestReadLimitedBoundary(t *testing.T) {
	data := make([]byte, MaxBytes)
	got, err := readLimited("limit.txt", bytes.NewReader(data))
	if err != nil || len(got) != MaxBytes {
		t.Fatalf("exactly MaxBytes: %d bytes, %v", len(got), err)
	}
	// A reader that hides its size is cut off at MaxBytes+1.
	if _, err := readLimited("over.txt", io.MultiReader(bytes.NewReader(data), strings.NewReader("!"))); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxBytes+1 gave %v", err)
	}
}

func TestReadOSFile(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "utf8.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Read(f.Name(), f)
	if err != nil || a.Title != "Tajik delegation visits Kunduz" {
		t.Fatalf("Read(os.File) = %q, %v", a.Title, err)
	}
}

func TestSupported(t *testing.T) {
	for _, ext := range Extensions() {
		if !Supported("a" + strings.ToUpper(ext)) {
			t.Errorf("%s not supported", ext)
		}
	}
	for _, n := range []string{"a.pdf", "a.doc", "a", "a.txt.gz"} {
		if Supported(n) {
			t.Errorf("%s supported", n)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	long := strings.Repeat("word ", 60)
	tests := []struct{ in, want string }{
		{"  Two   spaces\tand tab ", "Two spaces and tab"},
		{long, strings.TrimSpace(strings.Repeat("word ", 32)) + "…"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
