package mapview

import (
	"errors"
	"fmt"
	"image/png"
	"io"

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
