package workbench

import (
	"sort"
	"strings"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// subTypeSep joins a type and a sub-type in an option's value.
const subTypeSep = "\x1f"

// typeOptions offers the taxonomy's types matching text, and its sub-types
// matching it as "type › sub-type", so that "visit" picks Diplomacy › visit
// in one go. An empty text offers every type.
func (f *eventForm) typeOptions(text string) []option {
	q := gazetteer.Fold(text)
	type hit struct {
		q int
		o option
	}
	var hits []hit
	for _, et := range f.wb.tax {
		if k := matchQuality(q, et.Name); q == "" || k < 4 {
			hits = append(hits, hit{2 * k, option{label: et.Name, value: et.Name, detail: strings.Join(et.SubTypes, ", ")}})
		}
		if q == "" {
			continue
		}
		for _, st := range et.SubTypes {
			if k := matchQuality(q, st); k < 4 {
				hits = append(hits, hit{2*k + 1, option{label: et.Name, value: et.Name + subTypeSep + st, detail: "› " + st}})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].q < hits[j].q })
	out := make([]option, len(hits))
	for i, h := range hits {
		out[i] = h.o
	}
	return out
}

// pickType sets the type, and the sub-type when the option carries one.
func (f *eventForm) pickType(o option) {
	typ, sub, ok := strings.Cut(o.value, subTypeSep)
	if ok {
		f.sub.setText(sub)
	} else if et, found := f.lookupType(typ); found && lookupSubType(et, f.sub.Text) == "" {
		f.sub.setText("")
	}
	f.edited()
	f.wb.refreshDraftHighlight()
}

// subTypeOptions offers the sub-types of the chosen type matching text.
func (f *eventForm) subTypeOptions(text string) []option {
	et, ok := f.lookupType(f.typ.Text)
	if !ok {
		return nil
	}
	q := gazetteer.Fold(text)
	var out []option
	for _, st := range et.SubTypes {
		if q == "" || matchQuality(q, st) < 4 {
			out = append(out, option{label: st, value: st})
		}
	}
	return out
}

// lookupType finds the taxonomy type named text, ignoring case and spaces.
func (f *eventForm) lookupType(text string) (annotate.EventType, bool) {
	q := gazetteer.Fold(text)
	for _, et := range f.wb.tax {
		if q != "" && gazetteer.Fold(et.Name) == q {
			return et, true
		}
	}
	return annotate.EventType{}, false
}

// lookupSubType returns et's sub-type named text, ignoring case, or "".
func lookupSubType(et annotate.EventType, text string) string {
	q := gazetteer.Fold(text)
	for _, st := range et.SubTypes {
		if q != "" && gazetteer.Fold(st) == q {
			return st
		}
	}
	return ""
}
