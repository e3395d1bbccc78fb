package exchange

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// EncodingError is returned by the readers for input that is not UTF-8
// text, such as a CSV saved as Windows-1251: rather than store its letters
// as U+FFFD, the file is refused and nothing is read from it.
type EncodingError struct {
	Line int  // the line, from 1, that holds the first byte that is not UTF-8
	Byte byte // that byte
}

// Error says where the first bad byte is and what to do.
func (e *EncodingError) Error() string {
	return fmt.Sprintf("the file is not UTF-8 text (line %d has byte 0x%02X): save it as UTF-8 and import it again", e.Line, e.Byte)
}

// textReader returns r as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is decoded, and any
// other input is checked as it is read, failing with *EncodingError at the
// first byte that is not UTF-8.
func textReader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(2); bytes.Equal(bom, []byte{0xFF, 0xFE}) || bytes.Equal(bom, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		return transform.NewReader(br, dec)
	}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	return &utf8Checker{r: br, line: 1}
}

// utf8Checker passes bytes through while checking they are UTF-8; a
// sequence cut by a read boundary is held back until its end arrives.
type utf8Checker struct {
	r       io.Reader
	line    int    // the line the next byte checked is on
	pending []byte // the start of a sequence cut at the end of the last read
	err     error  // the error to return once pending bytes are out
}

func (c *utf8Checker) Read(p []byte) (int, error) {
	if c.err != nil && len(c.pending) == 0 {
		return 0, c.err
	}
	if len(p) <= utf8.UTFMax {
		// Too small a buffer to hold a held-back sequence and more: read
		// through a scratch buffer.
		var buf [64]byte
		n, err := c.Read(buf[:])
		m := copy(p, buf[:n])
		if m < n {
			c.pending = append(append([]byte(nil), buf[m:n]...), c.pending...)
		}
		return m, err
	}
	k := copy(p, c.pending)
	c.pending = c.pending[:0]
	n, err := 0, c.err
	if err == nil {
		n, err = c.r.Read(p[k:])
	}
	n += k
	good, bad := c.check(p[:n], err != nil)
	if bad != nil {
		return good, bad
	}
	if good < n {
		c.pending = append(c.pending, p[good:n]...)
		if err != nil {
			c.err = err
			err = nil
		}
	}
	return good, err
}

// check counts lines in b and returns how many leading bytes are whole
// UTF-8; an incomplete sequence at the end is left for the next read
// unless atEOF. It returns an *EncodingError at a byte that is not UTF-8.
func (c *utf8Checker) check(b []byte, atEOF bool) (int, error) {
	if utf8.Valid(b) { // the common case, fast
		c.line += bytes.Count(b, []byte{'\n'})
		return len(b), nil
	}
	i := 0
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			if b[i] == '\n' {
				c.line++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && !utf8.FullRune(b[i:]) {
				return i, nil
			}
			c.err = &EncodingError{Line: c.line, Byte: b[i]}
			return i, c.err
		}
		i += size
	}
	return i, nil
}
