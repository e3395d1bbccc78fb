package render

import "image/color"

// Style is how the map looks: colours in non-premultiplied RGBA and widths
// in logical pixels.
type Style struct {
	Name string // "light" or "dark"; part of the cache key

	Background     color.NRGBA // water, and what a backdrop is drawn over
	NoData         color.NRGBA // outside the base map's data: muted land, not water
	FocusLand      color.NRGBA // Afghanistan and Tajikistan
	Land           color.NRGBA // neighbouring countries
	ProvinceLine   color.NRGBA // first-order division boundaries
	ProvinceWidth  float32
	BorderCasing   color.NRGBA // a soft wide band under international borders
	BorderCasingW  float32
	BorderLine     color.NRGBA // international borders
	BorderWidth    float32
	CountryLabel   color.NRGBA
	ProvinceLabel  color.NRGBA
	PlaceLabel     color.NRGBA // capitals and province seats
	MinorLabel     color.NRGBA // other places
	Halo           color.NRGBA // outline behind label text
	PlaceDot       color.NRGBA
	PlaceDotRing   color.NRGBA
	Crossing       color.NRGBA // border-crossing symbol fill
	CrossingIcon   color.NRGBA // the bridge drawn on it
	EventOutline   color.NRGBA // white outline around event symbols
	LineCasing     color.NRGBA // the edge along event lines and grouped arrows
	PolygonAlpha   uint8       // fill opacity of event areas
	SelectRing     color.NRGBA // ring around the selected event
	HoverRing      color.NRGBA // ring around the hovered event
	ClusterFill    color.NRGBA
	ClusterText    color.NRGBA
	FlowInk        color.NRGBA // flow arrows joining events of several types
	ScaleBar       color.NRGBA
	AttributionBox color.NRGBA
	AttributionFg  color.NRGBA
	LegendBox      color.NRGBA // the legend panel
	LegendText     color.NRGBA // legend type names and the line and area samples
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA {
	c := rgb(hex)
	c.A = a
	return c
}

// LightStyle is the default muted light map: light land, thin grey province
// lines, darker international borders, dark grey labels with a white halo.
func LightStyle() Style {
	return Style{
		Name:           "light",
		Background:     rgb(0xD3DDE4),
		NoData:         rgb(0xDAD7D1), // a shade under the neighbours' land
		FocusLand:      rgb(0xF4F1EA),
		Land:           rgb(0xE6E2DA),
		ProvinceLine:   rgba(0x8E8A86, 150),
		ProvinceWidth:  0.8,
		BorderCasing:   rgba(0xB9B1C4, 110),
		BorderCasingW:  5,
		BorderLine:     rgb(0x6F6873),
		BorderWidth:    1.4,
		CountryLabel:   rgb(0x8A8077),
		ProvinceLabel:  rgb(0x8C8C8C),
		PlaceLabel:     rgb(0x2E2E2E),
		MinorLabel:     rgb(0x4F4F4F),
		Halo:           rgba(0xFFFFFF, 235),
		PlaceDot:       rgb(0x3C3C3C),
		PlaceDotRing:   rgb(0xFFFFFF),
		Crossing:       rgb(0x5B4E7A),
		CrossingIcon:   rgb(0xFFFFFF),
		EventOutline:   rgb(0xFFFFFF),
		LineCasing:     rgb(0xFFFFFF),
		PolygonAlpha:   70,
		SelectRing:     rgb(0x1A1A1A),
		HoverRing:      rgba(0x1A1A1A, 140),
		ClusterFill:    rgb(0xFFFFFF),
		ClusterText:    rgb(0x2E2E2E),
		FlowInk:        rgb(0x4A4A52),
		ScaleBar:       rgb(0x3A3A3A),
		AttributionBox: rgba(0xFFFFFF, 190),
		AttributionFg:  rgb(0x444444),
		LegendBox:      rgba(0xFFFFFF, 245), // nearly opaque: lines must not show through the text
		LegendText:     rgb(0x2E2E2E),
	}
}

// DarkStyle is the same map for a dark theme: dark land, light labels with a
// dark halo.
func DarkStyle() Style {
	return Style{
		Name:           "dark",
		Background:     rgb(0x161B21),
		NoData:         rgb(0x1D2024), // a shade under the neighbours' land
		FocusLand:      rgb(0x30343A),
		Land:           rgb(0x25292E),
		ProvinceLine:   rgba(0x8A9099, 110),
		ProvinceWidth:  0.8,
		BorderCasing:   rgba(0x4E4860, 60), // a faint band: no glow louder than the events
		BorderCasingW:  5,
		BorderLine:     rgb(0x8F899B),
		BorderWidth:    1.4,
		CountryLabel:   rgb(0x9C968F),
		ProvinceLabel:  rgb(0x8F959C),
		PlaceLabel:     rgb(0xE8E8E8),
		MinorLabel:     rgb(0xC8C8C8),
		Halo:           rgba(0x1B1F24, 235),
		PlaceDot:       rgb(0xE0E0E0),
		PlaceDotRing:   rgb(0x1B1F24),
		Crossing:       rgb(0xB7A6E0),
		CrossingIcon:   rgb(0x1B1F24),
		EventOutline:   rgb(0xFFFFFF),
		LineCasing:     rgb(0x15181C), // a dark edge: a white one glares on dark land
		PolygonAlpha:   80,
		SelectRing:     rgb(0xFFFFFF),
		HoverRing:      rgba(0xFFFFFF, 150),
		ClusterFill:    rgb(0x2A2F36),
		ClusterText:    rgb(0xEEEEEE),
		FlowInk:        rgb(0x9EA0AA), // mid grey: a light ink glares on dark land
		ScaleBar:       rgb(0xE0E0E0),
		AttributionBox: rgba(0x1B1F24, 190),
		AttributionFg:  rgb(0xC8C8C8),
		LegendBox:      rgba(0x1B1F24, 245),
		LegendText:     rgb(0xE0E0E0),
	}
}
