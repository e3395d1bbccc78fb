package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
)

// SRSWGS84 is the srs_id of WGS 84 longitude/latitude (EPSG:4326), the
// spatial reference of every geometry a project stores.
const SRSWGS84 = 4326

// GeoPackage binary header (OGC 12-128 §2.1.3): magic "GP", version 0, a
// flags byte, the srs_id and an optional envelope, then standard WKB.
const (
	gpVersion      = 0
	gpFlagLE       = 1 << 0 // header byte order: 1 little-endian
	gpFlagEmpty    = 1 << 4 // the geometry is empty
	gpFlagExtended = 1 << 5 // ExtendedGeoPackageBinary, not supported
	gpEnvXY        = 1      // envelope indicator: [minx, maxx, miny, maxy]
	gpHeaderLen    = 8
)

// envelopeLen gives the envelope size in bytes for each envelope indicator.
var envelopeLen = [...]int{0, 32, 48, 48, 64}

// ErrBadGeometryBlob is wrapped by DecodeGeometry for anything that is not a
// valid GeoPackage geometry blob.
var ErrBadGeometryBlob = errors.New("not a GeoPackage geometry")

// EncodeGeometry returns g as a GeoPackage geometry blob: the "GP" header in
// little-endian order with srsID and an [minx, maxx, miny, maxy] envelope,
// followed by little-endian WKB. Empty geometries get the empty flag and no
// envelope. A nil geometry is an error.
func EncodeGeometry(g orb.Geometry, srsID int32) ([]byte, error) {
	if g == nil {
		return nil, errors.New("cannot encode a nil geometry")
	}
	if pt, ok := g.(orb.Point); ok {
		return encodePoint(pt, srsID), nil
	}
	body, err := wkb.Marshal(g, binary.LittleEndian)
	if err != nil {
		return nil, fmt.Errorf("encode %s as WKB: %w", g.GeoJSONType(), err)
	}
	empty := isEmpty(g)
	flags, env := byte(gpFlagLE), 0
	if empty {
		flags |= gpFlagEmpty
	} else {
		flags |= gpEnvXY << 1
		env = envelopeLen[gpEnvXY]
	}
	out := make([]byte, gpHeaderLen+env, gpHeaderLen+env+len(body))
	out[0], out[1], out[2], out[3] = 'G', 'P', gpVersion, flags
	binary.LittleEndian.PutUint32(out[4:], uint32(srsID))
	if !empty {
		b := g.Bound()
		for i, v := range []float64{b.Min[0], b.Max[0], b.Min[1], b.Max[1]} {
			binary.LittleEndian.PutUint64(out[gpHeaderLen+8*i:], math.Float64bits(v))
		}
	}
	return append(out, body...), nil
}

// DecodeGeometry parses a GeoPackage geometry blob in either byte order and
// with any standard envelope, and returns the geometry and its srs_id. It
// fails, wrapping ErrBadGeometryBlob, on a wrong magic or version, an
// extended blob, a truncated header or invalid WKB.
func DecodeGeometry(b []byte) (orb.Geometry, int32, error) {
	if len(b) < gpHeaderLen {
		return nil, 0, fmt.Errorf("%w: %d bytes is shorter than the 8-byte header", ErrBadGeometryBlob, len(b))
	}
	if b[0] != 'G' || b[1] != 'P' {
		return nil, 0, fmt.Errorf("%w: magic is %q, want \"GP\"", ErrBadGeometryBlob, b[:2])
	}
	if b[2] != gpVersion {
		return nil, 0, fmt.Errorf("%w: version %d is not supported", ErrBadGeometryBlob, b[2])
	}
	flags := b[3]
	if flags&gpFlagExtended != 0 {
		return nil, 0, fmt.Errorf("%w: extended GeoPackage binary is not supported", ErrBadGeometryBlob)
	}
	ind := int(flags>>1) & 7
	if ind >= len(envelopeLen) {
		return nil, 0, fmt.Errorf("%w: invalid envelope indicator %d", ErrBadGeometryBlob, ind)
	}
	var order binary.ByteOrder = binary.BigEndian
	if flags&gpFlagLE != 0 {
		order = binary.LittleEndian
	}
	srsID := int32(order.Uint32(b[4:]))
	start := gpHeaderLen + envelopeLen[ind]
	if len(b) <= start {
		return nil, 0, fmt.Errorf("%w: truncated after the header (%d bytes)", ErrBadGeometryBlob, len(b))
	}
	body := b[start:]
	if pt, ok := decodePoint(body); ok {
		return pt, srsID, nil
	}
	if err := checkWKBType(body); err != nil {
		return nil, 0, err
	}
	g, err := wkb.Unmarshal(body)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: bad WKB: %v", ErrBadGeometryBlob, err)
	}
	if n := wkbLen(g); n != len(body) {
		return nil, 0, fmt.Errorf("%w: bad WKB: %d bytes for a %s of %d bytes", ErrBadGeometryBlob, len(body), g.GeoJSONType(), n)
	}
	return g, srsID, nil
}

// checkWKBType accepts only the seven 2D ISO WKB types (1 Point …
// 7 GeometryCollection); orb's decoder masks the type code and would read
// other codes as one of those.
func checkWKBType(body []byte) error {
	if len(body) < 5 {
		return fmt.Errorf("%w: bad WKB: %d bytes", ErrBadGeometryBlob, len(body))
	}
	var typ uint32
	switch body[0] {
	case 0:
		typ = binary.BigEndian.Uint32(body[1:])
	case 1:
		typ = binary.LittleEndian.Uint32(body[1:])
	default:
		return fmt.Errorf("%w: bad WKB: byte order %d", ErrBadGeometryBlob, body[0])
	}
	if typ < 1 || typ > 7 {
		return fmt.Errorf("%w: bad WKB: unsupported geometry type %d (only 2D types 1–7)", ErrBadGeometryBlob, typ)
	}
	return nil
}

// wkbLen is the size in bytes of the 2D WKB encoding of g.
func wkbLen(g orb.Geometry) int {
	const head, count, point = 5, 4, 16
	switch g := g.(type) {
	case orb.Point:
		return head + point
	case orb.MultiPoint:
		return head + count + len(g)*(head+point)
	case orb.LineString:
		return head + count + len(g)*point
	case orb.Polygon:
		n := head + count
		for _, r := range g {
			n += count + len(r)*point
		}
		return n
	case orb.MultiLineString:
		n := head + count
		for _, l := range g {
			n += wkbLen(l)
		}
		return n
	case orb.MultiPolygon:
		n := head + count
		for _, p := range g {
			n += wkbLen(p)
		}
		return n
	case orb.Collection:
		n := head + count
		for _, c := range g {
			n += wkbLen(c)
		}
		return n
	}
	return -1
}

// isEmpty reports whether g has no coordinates at all.
func isEmpty(g orb.Geometry) bool {
	switch g := g.(type) {
	case orb.MultiPoint:
		return len(g) == 0
	case orb.LineString:
		return len(g) == 0
	case orb.Ring:
		return len(g) == 0
	case orb.Polygon:
		return len(g) == 0
	case orb.MultiLineString:
		return len(g) == 0
	case orb.MultiPolygon:
		return len(g) == 0
	case orb.Collection:
		for _, c := range g {
			if !isEmpty(c) {
				return false
			}
		}
		return true
	}
	return false
}

// pointBlobLen is the size of a point's blob: header, envelope and WKB.
const pointBlobLen = gpHeaderLen + 32 + 21

// encodePoint is EncodeGeometry for a point, without the WKB encoder.
func encodePoint(pt orb.Point, srsID int32) []byte {
	out := make([]byte, pointBlobLen)
	out[0], out[1], out[2], out[3] = 'G', 'P', gpVersion, gpFlagLE|gpEnvXY<<1
	binary.LittleEndian.PutUint32(out[4:], uint32(srsID))
	for i, v := range []float64{pt[0], pt[0], pt[1], pt[1]} {
		binary.LittleEndian.PutUint64(out[gpHeaderLen+8*i:], math.Float64bits(v))
	}
	w := out[gpHeaderLen+32:]
	w[0] = 1 // little-endian WKB
	binary.LittleEndian.PutUint32(w[1:], 1)
	binary.LittleEndian.PutUint64(w[5:], math.Float64bits(pt[0]))
	binary.LittleEndian.PutUint64(w[13:], math.Float64bits(pt[1]))
	return out
}

// decodePoint reads a WKB point of exactly 21 bytes in either byte order;
// ok is false for anything else, which the WKB decoder then reads.
func decodePoint(body []byte) (orb.Point, bool) {
	if len(body) != 21 {
		return orb.Point{}, false
	}
	var order binary.ByteOrder
	switch body[0] {
	case 0:
		order = binary.BigEndian
	case 1:
		order = binary.LittleEndian
	default:
		return orb.Point{}, false
	}
	if order.Uint32(body[1:]) != 1 {
		return orb.Point{}, false
	}
	return orb.Point{math.Float64frombits(order.Uint64(body[5:])), math.Float64frombits(order.Uint64(body[13:]))}, true
}
