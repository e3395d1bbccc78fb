package workbench

import (
	"fmt"
	"github.com/paulmach/orb"
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

func TestParseDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		in   string
		end  bool
		want time.Time
		p    annotate.DatePrecision
		err  string
	}{
		{"2025-11-13", false, day(2025, 11, 13), annotate.PrecisionDay, ""},
		{" 2025-1-3 ", false, day(2025, 1, 3), annotate.PrecisionDay, ""},
		{"13 Nov 2025", false, day(2025, 11, 13), annotate.PrecisionDay, ""},
		{"November 13, 2025", false, day(2025, 11, 13), annotate.PrecisionDay, ""},
		{"13.11.2025", false, day(2025, 11, 13), annotate.PrecisionDay, ""},
		{"2025-11", false, day(2025, 11, 1), annotate.PrecisionMonth, ""},
		{"2025-11", true, day(2025, 11, 30), annotate.PrecisionMonth, ""},
		{"Feb 2024", true, day(2024, 2, 29), annotate.PrecisionMonth, ""},
		{"2025", false, day(2025, 1, 1), annotate.PrecisionYear, ""},
		{"2025", true, day(2025, 12, 31), annotate.PrecisionYear, ""},
		{"2025-13-45", false, time.Time{}, 0, "“2025-13-45” is not a date: type it as YYYY-MM-DD, e.g. 2025-11-13"},
		{"2025-02-30", false, time.Time{}, 0, "“2025-02-30” is not a date: type it as YYYY-MM-DD, e.g. 2025-11-13"},
		{"yesterday", false, time.Time{}, 0, "“yesterday” is not a date: type it as YYYY-MM-DD, e.g. 2025-11-13"},
		{"", false, time.Time{}, 0, "enter a date as YYYY-MM-DD, e.g. 2025-11-13"},
	}
	for _, c := range cases {
		got, p, err := parseDate(c.in, c.end)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if !got.Equal(c.want) || p != c.p || msg != c.err {
			t.Errorf("parseDate(%q, %v) = %v, %v, %q; want %v, %v, %q", c.in, c.end, got, p, msg, c.want, c.p, c.err)
		}
	}
}

func BenchmarkParseDate(b *testing.B) {
	for b.Loop() {
		parseDate("13 November 2025", false)
	}
}

func TestTypeOptions(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	f := wb.form
	cases := []struct{ in, want string }{
		{"dipl", "Diplomacy"},
		{"visit", "Diplomacy › visit"},
		{"talks", "Diplomacy › talks/meeting"},
		{"sec", "Security cooperation"},
		{"inc", "Security incident"},
		{"arrest", "Security incident › arrest"},
		{"crossing", "Trade and economy › crossing opened/closed"},
		{"prot", "Protest and unrest"},
		{"", "Diplomacy"},
	}
	for _, c := range cases {
		opts := f.typeOptions(c.in)
		if len(opts) == 0 {
			t.Errorf("%q: no options", c.in)
			continue
		}
		got := opts[0].label
		if strings.HasPrefix(opts[0].detail, "› ") {
			got += " " + opts[0].detail
		}
		if got != c.want {
			t.Errorf("%q: first option %q, want %q", c.in, got, c.want)
		}
	}
	if n := len(f.typeOptions("")); n != 6 {
		t.Errorf("an empty type offers %d options, want the 6 types", n)
	}
	if opts := f.typeOptions("xyzzy"); len(opts) != 0 {
		t.Errorf("nonsense offers %v", opts)
	}
}

func TestSearchActors(t *testing.T) {
	cases := []struct{ q, want string }{
		{"tal", "Taliban"},
		{"taj", "Government of Tajikistan"},
		{"islamic emirate", "Taliban"},
		{"government of afgh", "Taliban"},
		{"rahmon", "Emomali Rahmon"},
		{"yatim", "Saimumin Yatimov"},
		{"haibat", "Hibatullah Akhundzada"},
		{"WAFA", "Yousuf Wafa"},
	}
	for _, c := range cases {
		got := searchActors(seedActors, c.q)
		if len(got) == 0 || got[0].Name != c.want {
			t.Errorf("%q: %v, want %q first", c.q, got, c.want)
		}
	}
	if got := searchActors(seedActors, ""); len(got) != len(seedActors) {
		t.Errorf("empty query gives %d actors", len(got))
	}
}

func TestActorRegistrySeededOnce(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	if got := len(wb.actorRegistry()); got != len(seedActors) {
		t.Fatalf("registry has %d actors, want the %d seeds", got, len(seedActors))
	}
	stored, _ := wb.project.Actors()
	if len(stored) != len(seedActors) {
		t.Fatalf("stored %d actors", len(stored))
	}
	var taliban annotate.Actor
	for _, a := range stored {
		if a.Name == "Taliban" {
			taliban = a
		}
		if strings.HasPrefix(a.Name, "Government of Afghanistan") {
			t.Errorf("a second actor %q splits the Taliban's events", a.Name)
		}
	}
	if fmt.Sprint(taliban.Aliases) != "[Government of Afghanistan (2021-) Taliban administration Islamic Emirate of Afghanistan]" {
		t.Errorf("Taliban aliases %v", taliban.Aliases)
	}
	wb.actorsLoaded = false
	if got := len(wb.actorRegistry()); got != len(seedActors) {
		t.Errorf("a second read has %d actors: seeded twice?", got)
	}
}

func TestNextRoleAndChoiceKeys(t *testing.T) {
	var as []annotate.ActorRole
	for _, want := range []string{"actor1", "actor2", "associated", "associated"} {
		r := nextRole(as)
		if r != want {
			t.Fatalf("after %v the next role is %q, want %q", as, r, want)
		}
		as = append(as, annotate.ActorRole{Role: r})
	}
	if got := nextRole([]annotate.ActorRole{{Role: "actor2"}}); got != "actor1" {
		t.Errorf("with actor 2 only, next is %q", got)
	}
	opts := []string{"day", "week", "month", "year"}
	for _, c := range []struct {
		from int
		r    rune
		want int
	}{{0, 'w', 1}, {-1, 'd', 0}, {1, 'M', 2}, {0, 'x', -1}, {3, 'y', 3}} {
		if got := nextStartingWith(opts, c.from, c.r); got != c.want {
			t.Errorf("nextStartingWith(%d, %q) = %d, want %d", c.from, c.r, got, c.want)
		}
	}
}

func TestHistoryChanges(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := wb.table.rows[0]
	wb.SelectEvent(e.ID)
	wb.form.typ.setText("Security cooperation")
	wb.form.sub.setText("intelligence exchange")
	wb.form.fatalities.SetText("2")
	wb.form.edited()
	wb.form.submit()
	h, err := wb.project.History(e.ID)
	if err != nil || len(h) != 2 {
		t.Fatalf("history %v, %v; want create and update", h, err)
	}
	got := historyChanges(h[1])
	want := []string{"type: Diplomacy » Security cooperation", "sub-type: " + e.SubType + " » intelligence exchange",
		"fatalities: — » 2"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if head := historyHeading(h[1]); !strings.Contains(head, "tester · change event") {
		t.Errorf("heading %q", head)
	}
	if created := historyChanges(h[0]); len(created) == 0 || created[0] != "type: Diplomacy" {
		t.Errorf("create lists %v", created)
	}
	wb.ShowHistory()
	if wb.historySheet == nil || !wb.historySheet.pop.Visible() {
		t.Fatal("no history sheet")
	}
	text := strings.Join(labelsIn(wb.historySheet.pop.Content), "\n")
	if !strings.Contains(text, "• type: Diplomacy » Security cooperation") {
		t.Errorf("the history sheet does not show the change:\n%s", text)
	}
}

// TestHistoryOfAMovedEvent: an event moved to another country lists its
// place, province, country and geometry changes.
func TestHistoryOfAMovedEvent(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, true)
	e := wb.table.rows[0]
	moved := e
	moved.PlaceName, moved.Admin1, moved.Country = "Taloqan", "Takhar", "Afghanistan"
	moved.Geometry = orb.Point{69.53, 36.73}
	if err := wb.project.SaveEvent(&moved); err != nil {
		t.Fatal(err)
	}
	h, err := wb.project.History(e.ID)
	if err != nil || len(h) < 2 {
		t.Fatalf("history %v, %v", h, err)
	}
	got := strings.Join(historyChanges(h[len(h)-1]), "\n")
	want := strings.Join([]string{"place: " + e.PlaceName + " » Taloqan", "province: " + e.Admin1 + " » Takhar",
		"country: " + e.Country + " » Afghanistan", "geometry changed"}, "\n")
	if got != want {
		t.Errorf("changes:\n%s\nwant:\n%s", got, want)
	}
}
