package mapview

import (
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"

	"eventatlas/mapview/render"
)

// ExportPNG writes the current view, with the selected event highlighted,
// as a PNG at the given pixel density (1, or 2 for slides); the image is
// the widget's size times scale.
func (m *Map) ExportPNG(w io.Writer, scale float64) error {
	if w == nil {
		return errors.New("export map: no file to write to")
	}
	if !(scale >= 0.5 && scale <= 4) {
		return fmt.Errorf("export map: scale %g is outside 0.5..4", scale)
	}
	v := m.View()
	if v.Width < 2 || v.Height < 2 {
		return errors.New("export map: the map has no size yet")
	}
	v.Scale = scale
	img := m.engine.Render(v, render.Selection{Selected: m.sel})
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("export map: %w", err)
	}
	return nil
}

// ExportSizedPNG writes the map as a PNG of width×height logical pixels at
// scale (e.g. 1600×900 at 2 for a sharp 16:9 slide), centred where the
// map is and zoomed so that everything the map shows now is in it: the
// other side gains context rather than losing any.
func (m *Map) ExportSizedPNG(w io.Writer, width, height int, scale float64) error {
	if w == nil {
		return errors.New("export map: no file to write to")
	}
	if !(scale >= 0.5 && scale <= 4) {
		return fmt.Errorf("export map: scale %g is outside 0.5..4", scale)
	}
	if width < 320 || height < 200 || width > 8000 || height > 8000 {
		return fmt.Errorf("export map: %d×%d is outside 320×200..8000×8000", width, height)
	}
	out, ok := m.sizedView(width, height, scale)
	if !ok {
		return errors.New("export map: the map has no size yet")
	}
	img := m.engine.Render(out, render.Selection{Selected: m.sel})
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("export map: %w", err)
	}
	return nil
}

// sizedView is the view of width×height logical pixels centred where the
// map is, zoomed to hold all the map shows; ok is false before the map
// has a size.
func (m *Map) sizedView(width, height int, scale float64) (render.View, bool) {
	v := m.View()
	if v.Width < 2 || v.Height < 2 {
		return v, false
	}
	k := math.Min(float64(width)/float64(v.Width), float64(height)/float64(v.Height))
	return render.View{Center: v.Center, Zoom: v.Zoom + math.Log2(k), Width: width, Height: height, Scale: scale}.Clamp(), true
}
