package storage

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// TestPointFastPath checks that points encode to the bytes the general
// encoder writes and decode from either byte order.
func TestPointFastPath(t *testing.T) {
	for _, pt := range []orb.Point{{68.86, 36.72}, {-180, -90}, {180, 90}, {0, 0}, {math.NaN(), 1}} {
		body, err := wkb.Marshal(pt, binary.LittleEndian)
		if err != nil {
			t.Fatal(err)
		}
		want := []byte{'G', 'P', 0, gpFlagLE | gpEnvXY<<1, 0xE6, 0x10, 0, 0}
		for _, v := range []float64{pt[0], pt[0], pt[1], pt[1]} {
			want = binary.LittleEndian.AppendUint64(want, math.Float64bits(v))
		}
		want = append(want, body...)
		got, err := EncodeGeometry(pt, SRSWGS84)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("EncodeGeometry(%v) = %x, want %x", pt, got, want)
		}
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			be, _ := wkb.Marshal(pt, order)
			g, srs, err := DecodeGeometry(append(want[:40:40], be...))
			back, ok := g.(orb.Point)
			if err != nil || !ok || srs != SRSWGS84 || math.Float64bits(back[0]) != math.Float64bits(pt[0]) || back[1] != pt[1] {
				t.Errorf("DecodeGeometry(%v, %v) = %v, %d, %v", pt, order, g, srs, err)
			}
		}
	}
	// A 21-byte body that is not a point goes to the general decoder.
	bad := append([]byte{'G', 'P', 0, 1, 0xE6, 0x10, 0, 0, 1, 2, 0, 0, 0}, make([]byte, 16)...)
	if _, _, err := DecodeGeometry(bad); err == nil {
		t.Error("a 21-byte line string of no points decoded")
	}
}

// TestTimeFastPaths compares the date and time formatting and parsing
// shortcuts with the time package on random instants.
func TestTimeFastPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		// Years 1 to 9999, the range the layouts can hold.
		tm := time.UnixMilli(r.Int64N(253402300799999+62135596800000) - 62135596800000).UTC()
		if got, want := sqlTime(tm), tm.Format(timeLayout); got != want {
			t.Fatalf("sqlTime(%v) = %v, want %s", tm, got, want)
		}
		if got, want := sqlDate(tm), tm.Format(dateLayout); got != want {
			t.Fatalf("sqlDate(%v) = %v, want %s", tm, got, want)
		}
		for _, s := range []string{tm.Format(timeLayout), tm.Format(dateLayout)} {
			got, err := parseTime(sql.NullString{String: s, Valid: true})
			want, _ := time.Parse(time.RFC3339Nano, s)
			if len(s) == len(dateLayout) {
				want, _ = time.Parse(dateLayout, s)
			}
			if err != nil || !got.Equal(want) || got.Location() != time.UTC {
				t.Fatalf("parseTime(%q) = %v, %v; want %v", s, got, err, want)
			}
		}
	}
	far := time.Date(12000, 1, 2, 3, 4, 5, 0, time.UTC)
	if sqlTime(far) != far.Format(timeLayout) || sqlDate(far) != far.Format(dateLayout) {
		t.Errorf("year 12000: %v %v", sqlTime(far), sqlDate(far))
	}
	for _, s := range []string{"2024-02-30", "2024-13-01", "2024-04-31T00:00:00.000Z", "2024-01-01T24:00:00.000Z", "2024-1-01", "20x4-01-01"} {
		if _, ok := quickTime(s); ok {
			t.Errorf("quickTime accepts %q", s)
		}
	}
}
