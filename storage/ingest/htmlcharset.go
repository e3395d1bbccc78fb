package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// decodeHTML decodes a web page: a BOM first, then the encoding its
// <meta charset> or <meta http-equiv="Content-Type"> declares, then the
// rule of decodeText. A declared UTF-8 that is not valid UTF-8 is ignored,
// and so is a declared UTF-16 (a page that says so in ASCII is not UTF-16).
func decodeHTML(base string, data []byte) (string, error) {
	if s, ok, err := decodeBOM(data); ok {
		if err != nil {
			return "", fmt.Errorf("decode %s: %w", base, err)
		}
		return checkBinary(base, s)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", fmt.Errorf("%s %w", base, ErrBinary)
	}
	if enc, name := charset.Lookup(declaredCharset(data)); enc != nil && !strings.HasPrefix(name, "utf-16") {
		if name != "utf-8" {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				return checkBinary(base, string(out))
			}
		} else if utf8.Valid(data) {
			return checkBinary(base, string(data))
		}
	}
	return checkBinary(base, decodeBytes(data))
}

// charsetScan is how far into a page declaredCharset looks for a <meta>.
const charsetScan = 4096

// declaredCharset returns the charset label a page's <meta> declares in its
// first 4 KB, or "".
func declaredCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), charsetScan)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
			default:
				continue
			}
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch strings.ToLower(string(key)) {
				case "charset":
					return strings.TrimSpace(string(val))
				case "content":
					if label := contentCharset(string(val)); label != "" {
						return label
					}
				}
			}
		}
	}
}

// contentCharset returns the charset parameter of a Content-Type value such
// as "text/html; charset=windows-1251".
func contentCharset(v string) string {
	i := strings.Index(strings.ToLower(v), "charset=")
	if i < 0 {
		return ""
	}
	v = strings.TrimLeft(v[i+len("charset="):], `"' `)
	if j := strings.IndexAny(v, `"'; `); j >= 0 {
		v = v[:j]
	}
	return v
}
