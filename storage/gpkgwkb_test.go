package storage

import (
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

var (
	testPoint = orb.Point{68.7791, 38.5598} // Dushanbe
	testLine  = orb.LineString{{68.7791, 38.5598}, {68.8601, 37.8393}, {68.8587, 36.7287}}
	testPoly  = orb.Polygon{{{68.0, 36.5}, {69.5, 36.5}, {69.5, 37.5}, {68.0, 37.5}, {68.0, 36.5}}}
	testMulti = orb.MultiPolygon{
		testPoly,
		{{{70, 38}, {71, 38}, {71, 39}, {70, 38}}, {{70.2, 38.2}, {70.4, 38.2}, {70.4, 38.3}, {70.2, 38.2}}},
	}
)

func TestGeometryBlobRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		g    orb.Geometry
		env  [4]float64 // minx, maxx, miny, maxy
	}{
		{"point", testPoint, [4]float64{68.7791, 68.7791, 38.5598, 38.5598}},
		{"linestring", testLine, [4]float64{68.7791, 68.8601, 36.7287, 38.5598}},
		{"polygon", testPoly, [4]float64{68, 69.5, 36.5, 37.5}},
		{"multipolygon", testMulti, [4]float64{68, 71, 36.5, 39}},
		{"multipoint", orb.MultiPoint{{1, 2}, {-3, 4}}, [4]float64{-3, 1, 2, 4}},
		{"multilinestring", orb.MultiLineString{testLine, {{1, 2}, {3, 4}}}, [4]float64{1, 68.8601, 2, 38.5598}},
		{"collection", orb.Collection{testPoint, testLine}, [4]float64{68.7791, 68.8601, 36.7287, 38.5598}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := EncodeGeometry(tt.g, SRSWGS84)
			if err != nil {
				t.Fatal(err)
			}
			if string(b[:3]) != "GP\x00" {
				t.Errorf("magic+version = %q, want \"GP\\x00\"", b[:3])
			}
			if b[3] != 0x03 { // little-endian, envelope indicator 1
				t.Errorf("flags = %#02x, want 0x03", b[3])
			}
			if srs := binary.LittleEndian.Uint32(b[4:]); srs != 4326 {
				t.Errorf("srs_id = %d, want 4326", srs)
			}
			for i, want := range tt.env {
				if got := math.Float64frombits(binary.LittleEndian.Uint64(b[8+8*i:])); got != want {
					t.Errorf("envelope[%d] = %v, want %v", i, got, want)
				}
			}
			if body := wkb.MustMarshal(tt.g); !reflect.DeepEqual(b[40:], body) {
				t.Errorf("body after the 40-byte header is not the geometry's WKB")
			}
			g, srs, err := DecodeGeometry(b)
			if err != nil {
				t.Fatal(err)
			}
			if srs != SRSWGS84 {
				t.Errorf("decoded srs = %d", srs)
			}
			if !orb.Equal(g, tt.g) {
				t.Errorf("round trip = %v, want %v", g, tt.g)
			}
		})
	}
}

func TestEncodeEmptyAndNil(t *testing.T) {
	b, err := EncodeGeometry(orb.LineString{}, SRSWGS84)
	if err != nil {
		t.Fatal(err)
	}
	if b[3] != gpFlagLE|gpFlagEmpty {
		t.Errorf("flags of an empty line = %#02x, want empty flag and no envelope", b[3])
	}
	if _, _, err := DecodeGeometry(b); err != nil {
		t.Errorf("decode empty: %v", err)
	}
	if _, err := EncodeGeometry(nil, SRSWGS84); err == nil {
		t.Error("encoding nil succeeded")
	}
}

// TestDecodeOtherHeaders reads blobs as other writers make them: big-endian
// header, no envelope, XYZ envelope.
func TestDecodeOtherHeaders(t *testing.T) {
	body := wkb.MustMarshal(testPoint, binary.BigEndian)
	noEnvBE := append([]byte{'G', 'P', 0, 0x00, 0, 0, 0x10, 0xE6}, body...) // srs 4326 big-endian
	xyz := append([]byte{'G', 'P', 0, 0x01 | 2<<1, 0xE6, 0x10, 0, 0}, make([]byte, 48)...)
	xyz = append(xyz, body...)
	for name, b := range map[string][]byte{"big-endian no envelope": noEnvBE, "xyz envelope": xyz} {
		g, srs, err := DecodeGeometry(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if srs != 4326 || !orb.Equal(g, testPoint) {
			t.Errorf("%s: got %v srs %d", name, g, srs)
		}
	}
}

func TestDecodeRejectsBadBlobs(t *testing.T) {
	good, err := EncodeGeometry(testPoly, SRSWGS84)
	if err != nil {
		t.Fatal(err)
	}
	with := func(i int, v byte) []byte {
		b := append([]byte(nil), good...)
		b[i] = v
		return b
	}
	badType := append([]byte(nil), good...)
	binary.LittleEndian.PutUint32(badType[41:], 99) // WKB geometry type 99
	tests := []struct {
		name string
		b    []byte
	}{
		{"nil", nil},
		{"short header", []byte("GP\x00\x03")},
		{"wrong magic", with(0, 'X')},
		{"wkb without header", wkb.MustMarshal(testPoly)},
		{"version 1", with(2, 1)},
		{"extended", with(3, good[3]|gpFlagExtended)},
		{"envelope indicator 5", with(3, gpFlagLE|5<<1)},
		{"header only", good[:40]},
		{"truncated envelope", good[:20]},
		{"truncated wkb", good[:len(good)-5]},
		{"bad wkb type", badType},
		{"bad wkb byte order", with(40, 7)},
		{"trailing bytes", append(append([]byte(nil), good...), 0, 0, 0)},
		{"3D point", append([]byte{'G', 'P', 0, gpFlagLE, 0xE6, 0x10, 0, 0, 1, 0xE9, 0x03, 0, 0}, make([]byte, 24)...)}, // PointZ, type 1001
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _, err := DecodeGeometry(tt.b)
			if !errors.Is(err, ErrBadGeometryBlob) {
				t.Fatalf("DecodeGeometry = %v, %v; want ErrBadGeometryBlob", g, err)
			}
		})
	}
}

func BenchmarkEncodeGeometry(b *testing.B) {
	for b.Loop() {
		if _, err := EncodeGeometry(testPoly, SRSWGS84); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeGeometry(b *testing.B) {
	blob, _ := EncodeGeometry(testPoly, SRSWGS84)
	for b.Loop() {
		if _, _, err := DecodeGeometry(blob); err != nil {
			b.Fatal(err)
		}
	}
}
