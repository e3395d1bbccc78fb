package workbench

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eventatlas/annotate"
	"eventatlas/annotate/gazetteer"
)

// newActorValue marks the option that adds the typed name to the registry.
const newActorValue = "\x00new"

// actorOptions offers the registry's actors matching text that the event
// does not have yet, and, for a name the registry lacks, adding it.
func (f *eventForm) actorOptions(text string) []option {
	var out []option
	exact := false
	q := gazetteer.Fold(text)
	for _, a := range searchActors(f.wb.actorRegistry(), text) {
		if gazetteer.Fold(a.Name) == q {
			exact = true
		}
		if f.hasActor(a.Name) {
			continue
		}
		detail := strings.TrimPrefix(a.Kind+" · "+a.Country, " · ")
		if len(a.Aliases) > 0 {
			detail += " · also " + strings.Join(a.Aliases, ", ")
		}
		out = append(out, option{label: a.Name, value: a.ID, detail: strings.TrimSuffix(detail, " · ")})
	}
	if name := strings.Join(strings.Fields(text), " "); name != "" && !exact {
		out = append(out[:min(len(out), maxOptions-1)], option{label: name, value: newActorValue, detail: "new actor: add to the registry"})
	}
	return out
}

func (f *eventForm) hasActor(name string) bool {
	for _, a := range f.actors {
		if a.Name == name {
			return true
		}
	}
	return false
}

// pickActor adds the picked actor in the next free role and empties the
// field for the next one.
func (f *eventForm) pickActor(o option) {
	id, name := o.value, o.label
	if id == newActorValue {
		a, err := f.wb.addActor(name)
		if err != nil {
			f.setMessage("Actors: " + err.Error())
			return
		}
		id, name = a.ID, a.Name
	}
	f.actorAdd.setText("")
	if f.hasActor(name) {
		return
	}
	f.actors = append(f.actors, annotate.ActorRole{ActorID: id, Name: name, Role: nextRole(f.actors)})
	f.refreshChips()
	f.edited()
}

// removeLastActor drops the last actor (Backspace in the empty field).
func (f *eventForm) removeLastActor() {
	if len(f.actors) > 0 {
		f.removeActor(len(f.actors) - 1)
	}
}

func (f *eventForm) removeActor(i int) {
	f.actors = append(f.actors[:i], f.actors[i+1:]...)
	f.refreshChips()
	f.edited()
}

func (f *eventForm) setRole(i int, role string) {
	if f.actors[i].Role == role {
		return
	}
	f.actors[i].Role = role
	f.refreshChips()
	f.edited()
}

// refreshChips shows the actor field, then one chip per actor.
func (f *eventForm) refreshChips() {
	objs := []fyne.CanvasObject{sized(theme.TextSize()*10, f.actorAdd)}
	for i, a := range f.actors {
		objs = append(objs, newActorChip(f, i, a))
	}
	if len(f.actors) == 0 {
		none := widget.NewLabel("none yet")
		none.Importance = widget.LowImportance
		objs = append(objs, none)
	}
	f.chips.Objects = objs
	f.chips.Refresh()
}

// focusChip puts the keyboard on the chip of actor i, or in the actor
// field when there is no such chip.
func (f *eventForm) focusChip(i int) {
	if i >= 0 && i+1 < len(f.chips.Objects) {
		if c, ok := f.chips.Objects[i+1].(*actorChip); ok {
			f.wb.focus(c)
			return
		}
	}
	f.wb.focus(f.actorAdd)
}

// actorChip shows an actor of the event with its role. Space or a click
// opens a menu of roles; 1, 2 and 3 set actor 1, actor 2 and associated;
// Delete or Backspace removes the actor.
type actorChip struct {
	widget.Button
	f *eventForm
	i int
}

func newActorChip(f *eventForm, i int, a annotate.ActorRole) *actorChip {
	c := &actorChip{f: f, i: i}
	c.Text = a.Name + " (" + roleShort(a.Role) + ")"
	c.Importance = widget.LowImportance
	c.OnTapped = c.menu
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained scrolls the form to the chip.
func (c *actorChip) FocusGained() {
	c.Button.FocusGained()
	c.f.hooks.revealed(c)
}

func (c *actorChip) menu() {
	cv := c.f.hooks.canvas()
	if cv == nil {
		return
	}
	item := func(label, role string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { c.f.setRole(c.i, role) })
		it.Checked = c.f.actors[c.i].Role == role
		return it
	}
	m := fyne.NewMenu("", item("Actor 1  (1)", "actor1"), item("Actor 2  (2)", "actor2"), item("Associated  (3)", "associated"),
		fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Remove  (Del)", func() { c.f.removeActor(c.i) }))
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c).Add(fyne.NewPos(0, c.Size().Height))
	widget.ShowPopUpMenuAtPosition(m, cv, pos)
}

// TypedRune sets the role: 1, 2 or 3.
func (c *actorChip) TypedRune(r rune) {
	switch r {
	case '1':
		c.f.setRole(c.i, "actor1")
	case '2':
		c.f.setRole(c.i, "actor2")
	case '3':
		c.f.setRole(c.i, "associated")
	default:
		return
	}
	c.f.focusChip(c.i)
}

// TypedKey removes the actor, saves the form or cancels its edits.
func (c *actorChip) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		c.f.removeActor(c.i)
		c.f.focusChip(min(c.i, len(c.f.actors)-1))
	case fyne.KeyReturn, fyne.KeyEnter:
		run(c.f.hooks.submit)
	case fyne.KeyEscape:
		run(c.f.hooks.cancel)
	case fyne.KeyF1, fyne.KeyF11:
		c.f.hooks.windowKey(ev)
	default:
		c.Button.TypedKey(ev)
	}
}
