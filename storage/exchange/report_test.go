package exchange

import (
	"strings"
	"testing"
)

func TestReportString(t *testing.T) {
	r := Report{Read: 3, Imported: 1, Skipped: []Skip{
		{Row: 2, ID: "e7", Reason: "longitude 181 is outside -180..180"},
		{Row: 4, Reason: "no title"},
	}}
	want := "imported 1 of 3 events; skipped 2:\n  row 2 (id e7): longitude 181 is outside -180..180\n  row 4: no title"
	if got := r.String(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := (Report{Read: 2, Imported: 2}).String(); got != "imported 2 of 2 events" {
		t.Errorf("got %q", got)
	}
}

// TestLimitReader reads exactly the limit and fails one byte past it,
// whatever the size of the reads.
func TestLimitReader(t *testing.T) {
	defer func(n int64) { inputLimit = n }(inputLimit)
	inputLimit = 10
	for _, size := range []int{1, 3, 10, 64} {
		l := newLimitReader(strings.NewReader("0123456789"))
		buf := make([]byte, size)
		total := 0
		var err error
		for err == nil {
			var n int
			n, err = l.Read(buf)
			total += n
		}
		if total != 10 || err.Error() != "EOF" {
			t.Errorf("read size %d: %d bytes, %v", size, total, err)
		}
		l = newLimitReader(strings.NewReader("0123456789X"))
		err = nil
		for err == nil {
			_, err = l.Read(buf)
		}
		if err != ErrTooLarge {
			t.Errorf("read size %d: %v, want ErrTooLarge", size, err)
		}
	}
}
