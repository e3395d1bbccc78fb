package present

import "eventatlas/annotate"

// slideEvents are the events the map draws: on slide i only that slide's
// event, so that it stands out in a room however many others the
// presentation holds (the others, even drawn faint, keep the engine's
// white outline and group into bubbles that the event's ends disappear
// under); on the overview (i < 0) all of them.
func slideEvents(slides []Slide, i int) []annotate.Event {
	if i >= 0 && i < len(slides) {
		return []annotate.Event{slides[i].Event}
	}
	events := make([]annotate.Event, len(slides))
	for k, sl := range slides {
		events[k] = sl.Event
	}
	return events
}
