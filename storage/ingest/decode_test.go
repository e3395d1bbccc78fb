package ingest

import (
	"errors"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDecodeText(t *testing.T) {
	cp1251 := func(s string) []byte { b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(s)); return b }
	cp1252 := func(s string) []byte { b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s)); return b }
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"ascii", []byte("plain ascii"), "plain ascii"},
		{"utf-8", []byte("Душанбе – Kunduz"), "Душанбе – Kunduz"},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, "Hamadoni"...), "Hamadoni"},
		{"utf-16le BOM", []byte{0xFF, 0xFE, 'K', 0, 0x16, 0x04}, "KЖ"},
		{"utf-16be BOM", []byte{0xFE, 0xFF, 0, 'K', 0x04, 0x16}, "KЖ"},
		{"mostly utf-8 with a stray byte", append([]byte("Тоҷикистон Душанбе Хатлон Кӯлоб "), 0xFF), "Тоҷикистон Душанбе Хатлон Кӯлоб \uFFFD"},
		{"cp1251 russian", cp1251("Ёлки в Хороге, объёмы."), "Ёлки в Хороге, объёмы."},
		{"cp1251 one word", cp1251("Пяндж"), "Пяндж"},
		{"cp1252 german", cp1252("Größere Maßnahmen für Grenzübergänge"), "Größere Maßnahmen für Grenzübergänge"},
		{"cp1252 french", cp1252("Sécurité à la frontière, été"), "Sécurité à la frontière, été"},
		{"cp1252 smart quotes only", cp1252("“quoted” – text"), "“quoted” – text"},
		{"tie goes to cp1252", cp1252("a à b"), "a à b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeText("x.txt", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeTextBinary(t *testing.T) {
	tests := map[string][]byte{
		"NUL":                []byte("text\x00more"),
		"controls":           []byte("ab\x01\x02\x03\x04cdefghijklmnopqrstuvwxyz"),
		"utf-16 with a NUL":  {0xFF, 0xFE, 'a', 0, 0, 0},
		"utf-8 BOM controls": append([]byte{0xEF, 0xBB, 0xBF}, "\x1b\x1b\x1b\x1b"...),
	}
	for name, in := range tests {
		if _, err := decodeText("x.txt", in); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: got %v, want ErrBinary", name, err)
		}
	}
	// One control character in 50 is still text.
	ok := append([]byte("\x1b"), make([]byte, 49)...)
	for i := 1; i < len(ok); i++ {
		ok[i] = 'x'
	}
	if _, err := decodeText("x.txt", ok); err != nil {
		t.Errorf("2%% controls refused: %v", err)
	}
}

func TestDecodeHTMLCharset(t *testing.T) {
	cp1251 := func(s string) []byte { b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(s)); return b }
	koi8 := func(s string) []byte { b, _ := charmap.KOI8R.NewEncoder().Bytes([]byte(s)); return b }
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"meta charset koi8-r", append([]byte(`<meta charset="koi8-r"><p>`), koi8("Граница")...), `<meta charset="koi8-r"><p>Граница`},
		{"http-equiv windows-1251", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>`), cp1251("Ёж")...),
			`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Ёж`},
		{"declared utf-8 but cp1251", append([]byte(`<meta charset="utf-8"><p>`), cp1251("Пограничники задержали")...),
			`<meta charset="utf-8"><p>Пограничники задержали`},
		{"declared utf-16 ignored", []byte(`<meta charset="utf-16"><p>plain`), `<meta charset="utf-16"><p>plain`},
		{"no declaration", append([]byte(`<p>`), cp1251("Хатлон")...), `<p>Хатлон`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeHTML("x.html", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContentCharset(t *testing.T) {
	tests := map[string]string{
		"text/html; charset=windows-1251":  "windows-1251",
		`text/html; Charset="koi8-r"; x=1`: "koi8-r",
		"text/html":                        "",
		"text/html;charset=utf-8 ":         "utf-8",
	}
	for in, want := range tests {
		if got := contentCharset(in); got != want {
			t.Errorf("contentCharset(%q) = %q, want %q", in, got, want)
		}
	}
}
