package annotate

import "image/color"

// Symbol is the marker an event type is drawn with on the map and in the legend.
type Symbol string

// Marker shapes.
const (
	SymbolCircle   Symbol = "circle"
	SymbolSquare   Symbol = "square"
	SymbolTriangle Symbol = "triangle"
	SymbolDiamond  Symbol = "diamond"
	SymbolStar     Symbol = "star"
	SymbolCross    Symbol = "cross"
)

// EventType is one entry of the taxonomy: a type, its sub-types and how it
// looks wherever it is shown (reader highlight, table, map, legend).
type EventType struct {
	Name     string      // e.g. "Diplomacy"
	SubTypes []string    // e.g. "visit", "talks/meeting"
	Color    color.NRGBA // from the Okabe–Ito colour-blind-safe palette
	Symbol   Symbol      // map marker
}

// Taxonomy is the ordered list of event types a project codes with.
type Taxonomy []EventType

// DefaultTaxonomy is the taxonomy a new project starts with, aligned with
// ACLED's types where they overlap and with the diplomatic and economic
// categories this region's news needs. Colours are Okabe–Ito.
func DefaultTaxonomy() Taxonomy {
	return Taxonomy{
		{Name: "Diplomacy", SubTypes: []string{"visit", "talks/meeting", "agreement", "statement", "appointment", "consular/visa"},
			Color: color.NRGBA{0x00, 0x72, 0xB2, 0xff}, Symbol: SymbolCircle},
		{Name: "Security cooperation", SubTypes: []string{"intelligence exchange", "border coordination", "joint operation"},
			Color: color.NRGBA{0x00, 0x9E, 0x73, 0xff}, Symbol: SymbolDiamond},
		{Name: "Security incident", SubTypes: []string{"armed clash", "attack", "explosion", "arrest", "seizure", "border incident"},
			Color: color.NRGBA{0xD5, 0x5E, 0x00, 0xff}, Symbol: SymbolTriangle},
		{Name: "Trade and economy", SubTypes: []string{"trade flow", "crossing opened/closed", "infrastructure", "energy"},
			Color: color.NRGBA{0xE6, 0x9F, 0x00, 0xff}, Symbol: SymbolSquare},
		{Name: "Protest and unrest", SubTypes: []string{"protest", "riot"},
			Color: color.NRGBA{0xCC, 0x79, 0xA7, 0xff}, Symbol: SymbolStar},
		{Name: "Other", Color: color.NRGBA{0x56, 0xB4, 0xE9, 0xff}, Symbol: SymbolCross},
	}
}

// fallbackType styles events whose type the taxonomy does not know.
var fallbackType = EventType{Name: "", Color: color.NRGBA{0x66, 0x66, 0x66, 0xff}, Symbol: SymbolCircle}

// Lookup returns the type called name, or a grey circle style when the
// taxonomy has no such type (an event from another project's taxonomy).
func (t Taxonomy) Lookup(name string) EventType {
	for _, et := range t {
		if et.Name == name {
			return et
		}
	}
	ft := fallbackType
	ft.Name = name
	return ft
}

// Names lists the type names in order.
func (t Taxonomy) Names() []string {
	names := make([]string, len(t))
	for i, et := range t {
		names[i] = et.Name
	}
	return names
}
