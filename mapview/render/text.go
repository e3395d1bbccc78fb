package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// textStyle is how a label's text looks; sizes are logical pixels.
type textStyle struct {
	size     float64
	color    color.NRGBA
	halo     color.NRGBA
	haloR    float64 // halo radius
	tracking float64 // extra space after each letter
	oblique  bool    // slanted like italics
	// plate is the opacity (0..255, of the halo's) of a soft box of the
	// halo colour behind the whole text, so that lines crossing a label
	// are parted between its letters too; 0 draws the halo alone.
	plate uint8
}

// textSprite is a rendered label: the text box is boxW×boxH device pixels
// with its top-left corner at the sprite's anchor.
type textSprite struct {
	sprite
	boxW, boxH   int
	inkY0, inkY1 float64 // top and bottom of the drawn letters, from the box top
}

// typesetter renders label text with one font at any size.
type typesetter struct {
	font  *sfnt.Font
	buf   sfnt.Buffer
	faces map[int]font.Face // by size in 1/4 device pixels
	cache map[textKey]*textSprite
}

type textKey struct {
	text  string
	st    textStyle
	scale float64
}

// newTypesetter parses a TrueType/OpenType font; nil or empty ttf selects Go Regular.
func newTypesetter(ttf []byte) (*typesetter, error) {
	if len(ttf) == 0 {
		ttf = goregular.TTF
	}
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, fmt.Errorf("render: the label font cannot be read: %w", err)
	}
	return &typesetter{font: f, faces: map[int]font.Face{}, cache: map[textKey]*textSprite{}}, nil
}

// face returns the font at px device pixels.
func (ts *typesetter) face(px float64) font.Face {
	k := int(math.Round(px * 4))
	if f, ok := ts.faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(ts.font, &opentype.FaceOptions{Size: float64(k) / 4, DPI: 72, Hinting: font.HintingNone})
	if err != nil { // only for a nonsensical size
		f, _ = opentype.NewFace(ts.font, nil)
	}
	ts.faces[k] = f
	return f
}

// hasGlyphs reports whether the font can draw every letter of s.
func (ts *typesetter) hasGlyphs(s string) bool {
	for _, r := range s {
		if r == ' ' {
			continue
		}
		if i, err := ts.font.GlyphIndex(&ts.buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// measure returns the width of s in device pixels.
func (ts *typesetter) measure(s string, st textStyle, scale float64) float64 {
	f := ts.face(st.size * scale)
	w := float64(font.MeasureString(f, s)) / 64
	n := 0
	for range s {
		n++
	}
	if n > 1 {
		w += float64(n-1) * st.tracking * scale
	}
	return w
}

// render draws s with its halo into a cached sprite.
func (ts *typesetter) render(s string, st textStyle, scale float64) *textSprite {
	key := textKey{s, st, scale}
	if sp, ok := ts.cache[key]; ok {
		return sp
	}
	if len(ts.cache) > 4000 {
		clear(ts.cache)
	}
	f := ts.face(st.size * scale)
	m := f.Metrics()
	ascent, descent := float64(m.Ascent)/64, float64(m.Descent)/64
	width := ts.measure(s, st, scale)
	haloR := st.haloR * scale
	slant := 0.0
	if st.oblique {
		slant = 0.2
	}
	pad := int(math.Ceil(haloR + 1 + slant*ascent))
	boxW, boxH := int(math.Ceil(width)), int(math.Ceil(ascent+descent))
	W, H := boxW+2*pad, boxH+2*pad
	mask := image.NewAlpha(image.Rect(0, 0, W, H))
	baseline := float64(pad) + ascent
	dot := fixed.Point26_6{X: fixed.I(pad), Y: fixed.Int26_6(baseline * 64)}
	track := fixed.Int26_6(st.tracking * scale * 64)
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += f.Kern(prev, r)
		}
		dr, gm, gp, adv, ok := f.Glyph(dot, r)
		if ok {
			draw.DrawMask(mask, dr, image.Opaque, image.Point{}, gm, gp, draw.Over)
		}
		dot.X += adv + track
		prev = r
	}
	if st.oblique {
		mask = shear(mask, baseline, slant)
	}
	halo := haloMask(mask, haloR)
	if st.plate > 0 {
		addPlate(halo, image.Rect(pad, pad, pad+boxW, pad+boxH), haloR, st.plate)
	}
	img := compose(mask, halo, st.color, st.halo)
	ink, _ := font.BoundString(f, s)
	sp := &textSprite{sprite: sprite{img: img, ax: pad, ay: pad}, boxW: boxW, boxH: boxH,
		inkY0: ascent + float64(ink.Min.Y)/64, inkY1: ascent + float64(ink.Max.Y)/64}
	ts.cache[key] = sp
	return sp
}

// shear slants mask to the right above the baseline, for an italic look.
func shear(mask *image.Alpha, baseline, slant float64) *image.Alpha {
	b := mask.Bounds()
	out := image.NewAlpha(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		shift := (baseline - float64(y) - 0.5) * slant
		si := math.Floor(shift)
		frac := shift - si
		for x := b.Min.X; x < b.Max.X; x++ {
			sx := x - int(si)
			a := float64(alphaAt(mask, sx, y))*(1-frac) + float64(alphaAt(mask, sx-1, y))*frac
			out.Pix[out.PixOffset(x, y)] = uint8(a + 0.5)
		}
	}
	return out
}

func alphaAt(m *image.Alpha, x, y int) uint8 {
	if !(image.Point{x, y}.In(m.Rect)) {
		return 0
	}
	return m.Pix[m.PixOffset(x, y)]
}

// haloMask grows mask by radius r pixels with a soft edge.
func haloMask(mask *image.Alpha, r float64) *image.Alpha {
	b := mask.Bounds()
	out := image.NewAlpha(b)
	if r <= 0 {
		return out
	}
	type off struct {
		dx, dy int
		w      float64
	}
	var offs []off
	ri := int(math.Ceil(r))
	for dy := -ri; dy <= ri; dy++ {
		for dx := -ri; dx <= ri; dx++ {
			d := math.Hypot(float64(dx), float64(dy))
			if w := clampf(r+0.5-d, 0, 1); w > 0 {
				offs = append(offs, off{dx, dy, w})
			}
		}
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			best := 0.0
			for _, o := range offs {
				if a := float64(alphaAt(mask, x+o.dx, y+o.dy)) * o.w; a > best {
					best = a
					if best >= 255 {
						break
					}
				}
			}
			out.Pix[out.PixOffset(x, y)] = uint8(best + 0.5)
		}
	}
	return out
}

// addPlate raises halo to opacity a over box r grown by g pixels, with
// an edge fading over a pixel and a half.
func addPlate(halo *image.Alpha, r image.Rectangle, g float64, a uint8) {
	b := halo.Bounds()
	x0, y0 := float64(r.Min.X)-g, float64(r.Min.Y)-g
	x1, y1 := float64(r.Max.X)+g, float64(r.Max.Y)+g
	for y := b.Min.Y; y < b.Max.Y; y++ {
		cy := float64(y) + 0.5
		dy := max(y0-cy, cy-y1, 0)
		for x := b.Min.X; x < b.Max.X; x++ {
			cx := float64(x) + 0.5
			d := math.Hypot(max(x0-cx, cx-x1, 0), dy)
			w := clampf(1-d/1.5, 0, 1)
			i := halo.PixOffset(x, y)
			if v := uint8(float64(a)*w + 0.5); v > halo.Pix[i] {
				halo.Pix[i] = v
			}
		}
	}
}

// compose paints text (mask in colour fg) over its halo (in colour bg) into
// a premultiplied RGBA image.
func compose(mask, halo *image.Alpha, fg, bg color.NRGBA) *image.RGBA {
	b := mask.Bounds()
	img := image.NewRGBA(b)
	for i := range mask.Pix {
		ta := float64(mask.Pix[i]) / 255 * float64(fg.A) / 255
		ha := float64(halo.Pix[i]) / 255 * float64(bg.A) / 255
		a := ta + ha*(1-ta)
		if a == 0 {
			continue
		}
		p := img.Pix[4*i : 4*i+4]
		p[0] = uint8(float64(fg.R)*ta + float64(bg.R)*ha*(1-ta) + 0.5)
		p[1] = uint8(float64(fg.G)*ta + float64(bg.G)*ha*(1-ta) + 0.5)
		p[2] = uint8(float64(fg.B)*ta + float64(bg.B)*ha*(1-ta) + 0.5)
		p[3] = uint8(a*255 + 0.5)
	}
	return img
}
