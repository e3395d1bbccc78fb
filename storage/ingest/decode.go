package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns data as UTF-8 by the rule in the package doc: a BOM,
// else UTF-8, else Windows-1251 or Windows-1252. It refuses binary data.
func decodeText(base string, data []byte) (string, error) {
	if s, ok, err := decodeBOM(data); ok {
		if err != nil {
			return "", fmt.Errorf("decode %s: %w", base, err)
		}
		return checkBinary(base, s)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", fmt.Errorf("%s %w", base, ErrBinary)
	}
	return checkBinary(base, decodeBytes(data))
}

// decodeBOM decodes data that starts with a byte-order mark; ok is false
// when there is none.
func decodeBOM(data []byte) (s string, ok bool, err error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return strings.ToValidUTF8(string(data[len(bomUTF8):]), "\uFFFD"), true, nil
	case bytes.HasPrefix(data, bomUTF16LE):
		enc = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(data, bomUTF16BE):
		enc = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	default:
		return "", false, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	return string(out), true, err
}

// decodeBytes decodes data that has no BOM: UTF-8 when it is (mostly) valid
// UTF-8, else the likelier of Windows-1251 and Windows-1252.
func decodeBytes(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	out, _ := codePage(data).NewDecoder().Bytes(data) // single-byte decoders never fail
	return string(out)
}

// mostlyUTF8 reports whether data's non-ASCII bytes are mostly well-formed
// UTF-8: at least one multi-byte character and fewer than one stray byte per
// ten of them.
func mostlyUTF8(data []byte) bool {
	multi, stray := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			stray++
		} else {
			multi++
		}
		i += n
	}
	return multi > 0 && stray*10 < multi
}

// codePage picks Windows-1251 or Windows-1252 for data by letter bigrams
// (see the package doc).
func codePage(data []byte) *charmap.Charmap {
	cyrillic, latin := 0, 0
	for i := 0; i+1 < len(data); i++ {
		a, b := data[i], data[i+1]
		switch {
		case highLetter(a) && highLetter(b):
			cyrillic++
		case highLetter(a) && asciiLetter(b), asciiLetter(a) && highLetter(b):
			latin++
		}
	}
	if cyrillic > latin {
		return charmap.Windows1251
	}
	return charmap.Windows1252
}

// highLetter: a byte that is a letter in both Windows-1251 (А–я, Ё, ё) and,
// but for × and ÷, Windows-1252 (À–ÿ, ¨, ¸ being Ё and ё's places).
func highLetter(b byte) bool { return b >= 0xC0 || b == 0xA8 || b == 0xB8 }

func asciiLetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// checkBinary refuses text in which more than 2% of the characters are
// control characters other than tab, line feed, carriage return, form feed
// and vertical tab, or that holds a NUL.
func checkBinary(base, s string) (string, error) {
	total, control := 0, 0
	for _, r := range s {
		total++
		if r == 0 {
			return "", fmt.Errorf("%s %w", base, ErrBinary)
		}
		if unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f\v", r) {
			control++
		}
	}
	if control*50 > total {
		return "", fmt.Errorf("%s %w", base, ErrBinary)
	}
	return s, nil
}
