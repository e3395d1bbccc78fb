package workbench

import (
	"strings"
	"testing"
	"time"

	"eventatlas/annotate"
)

// fakePreview is an events file of three incoming events, one already in
// the project, two dropped spans and one skipped row; commits counts the
// times Import was pressed.
func fakePreview(wb *Workbench, commits *int) func(string) (*EventImport, error) {
	return func(path string) (*EventImport, error) {
		day := time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC)
		return &EventImport{Path: path, Incoming: 3, AlreadyIn: 1, DroppedSpans: 2,
			Sample: []annotate.Event{
				{Title: "Talks in Kunduz", Type: "Diplomacy", SubType: "talks/meeting", DateStart: day, PlaceName: "Kunduz"},
				{Title: "Clash at Shir Khan", Type: "Armed clash"},
			},
			Differ: []string{"“Talks in Kunduz”: title, place"},
			Commit: func() (string, error) {
				*commits++
				return "3 events imported", nil
			}}, nil
	}
}

func TestEventImportPreviewCancelAndImport(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	commits := 0
	wb.PreviewFunc = fakePreview(wb, &commits)
	wb.ImportFunc = func(string) (string, error) {
		t.Error("an events file was imported without its preview")
		return "", nil
	}
	wb.ImportPaths([]string{"/x/events.geojson"})
	if wb.previewSheet == nil || !wb.previewSheet.pop.Visible() {
		t.Fatal("no preview shown")
	}
	text := strings.Join(labelsIn(wb.previewSheet.pop.Content), "\n")
	for _, want := range []string{
		"Import events from events.geojson",
		"3 events will come in. 1 event is already in the project and will be left as they are. " +
			"2 evidence spans will be dropped: their article is not in this project. 1 of them differs in the file (listed below): " +
			"the project's version is kept. To bring such changes in, merge the teammate's project file instead (File › Merge project…).",
		"The first 2 of 3 incoming events",
		"13 Nov 2025\nDiplomacy / talks/meeting\nTalks in Kunduz\nKunduz",
		"—\nArmed clash\nClash at Shir Khan\n",
		"Already in the project, but different in the file\n“Talks in Kunduz”: title, place",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview %q lacks %q", text, want)
		}
	}
	if wb.previewSheet.def.Text != "Import 3 events" {
		t.Errorf("the default button says %q", wb.previewSheet.def.Text)
	}
	wb.previewSheet.esc.OnTapped() // Cancel
	if commits != 0 || wb.previewSheet.pop.Visible() {
		t.Fatalf("Cancel committed %d times, sheet shown %v", commits, wb.previewSheet.pop.Visible())
	}

	wb.ImportPaths([]string{"/x/events.csv"})
	done := make(chan []ImportResult, 1)
	wb.onImported = func(r []ImportResult) { done <- r }
	wb.previewSheet.def.OnTapped() // Import
	select {
	case r := <-done:
		if len(r) != 1 || r[0].Path != "/x/events.csv" || r[0].Summary != "3 events imported" {
			t.Errorf("results %+v", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not finish")
	}
	if commits != 1 || len(*errs) != 0 {
		t.Errorf("%d commits, errors %v", commits, *errs)
	}
	if text := strings.Join(labelsIn(wb.importSheet.pop.Content), "\n"); !strings.Contains(text, "events.csv: 3 events imported") {
		t.Errorf("the summary says %q", text)
	}
	if wb.metaSheet != nil {
		t.Error("an events import opened the article details form")
	}
}

func TestEventImportPreviewError(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.PreviewFunc = func(string) (*EventImport, error) { return nil, errTest("the file is not valid JSON") }
	wb.ImportPaths([]string{"/x/bad.geojson"})
	if len(*errs) != 1 || (*errs)[0].Error() != "bad.geojson cannot be imported: the file is not valid JSON" || wb.previewSheet != nil {
		t.Errorf("errors %v, sheet %v", *errs, wb.previewSheet)
	}
}

type errTest string

func (e errTest) Error() string { return string(e) }

func TestArticleDetailsValidatesAndSaves(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.SelectArticle(0)
	orig := wb.articles[0]
	wb.ShowArticleDetails()
	f, s := wb.metaForm, wb.metaSheet
	if f == nil || !s.pop.Visible() || f.title.Text != orig.Title || f.date.Text != formatDate(orig.Published) ||
		f.language.Text != orig.Language || f.outlet.Text != orig.Outlet || f.url.Text != orig.URL {
		t.Fatalf("the form is not prefilled with %+v", orig)
	}
	for _, tc := range []struct{ title, date, want string }{
		{"Border talks", "2025-13-40", `the date "2025-13-40" is not a day: type it as 2025-11-20, 20 Nov 2025 or 20.11.2025`},
		{"Border talks", "13/11/2025", `the date "13/11/2025" is not a day: type it as 2025-11-20, 20 Nov 2025 or 20.11.2025`},
		{"  ", "2025-11-13", "give the article a title"},
		{"Border talks", "Nov 2025", `the date "Nov 2025" is not a day: type it as 2025-11-20, 20 Nov 2025 or 20.11.2025`},
		{"Border talks", "", ""},
		{"Border talks", "13 Nov 2025", ""},
		{"Border talks", "2025-11-13", ""},
	} {
		f.title.SetText(tc.title)
		f.date.SetText(tc.date)
		if f.message.Text != tc.want || s.def.Disabled() != (tc.want != "") {
			t.Errorf("title %q date %q: message %q, Save disabled %v; want %q", tc.title, tc.date, f.message.Text, s.def.Disabled(), tc.want)
		}
	}
	f.outlet.SetText("Asia-Plus")
	f.url.SetText("https://example.org/talks")
	f.language.SetText("ru")
	f.language.OnSubmitted(f.language.Text) // Enter in a field saves
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	got, err := wb.project.Article(orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := orig
	want.Title, want.Outlet, want.URL, want.Language = "Border talks", "Asia-Plus", "https://example.org/talks", "ru"
	want.Published = time.Date(2025, 11, 13, 0, 0, 0, 0, time.UTC)
	if got != want {
		t.Errorf("stored %+v\nwant %+v", got, want)
	}
	if wb.articles[0].Title != "Border talks" || wb.status.message.Text != "Saved the details of “Border talks”" {
		t.Errorf("after Save: list shows %q, status %q", wb.articles[0].Title, wb.status.message.Text)
	}
	// Undo puts the old details back.
	wb.Undo()
	if wb.articles[0].Title != orig.Title {
		t.Errorf("after Undo the title is %q, want %q", wb.articles[0].Title, orig.Title)
	}
}

func TestArticleDetailsWithoutArticle(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.current = -1
	wb.ShowArticleDetails()
	if len(*errs) != 1 || wb.metaSheet != nil {
		t.Errorf("errors %v, sheet %v", *errs, wb.metaSheet)
	}
}

func TestImportOneArticleOpensDetails(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, false)
	wb.ImportFunc = func(path string) (string, error) {
		a := annotate.Article{Title: "one.txt", Text: "Talks in Khorugh.", Language: "en"}
		if _, err := wb.project.AddArticle(&a); err != nil {
			return "", err
		}
		return `article "one.txt" added (17 characters)`, nil
	}
	waitImport(t, wb, []string{"/x/one.txt"})
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if wb.metaSheet == nil || !wb.metaSheet.pop.Visible() || wb.metaForm.title.Text != "one.txt" || wb.metaForm.language.Text != "en" {
		t.Fatal("importing one article did not open its details")
	}
	if wb.importSheet != nil {
		t.Error("the summary sheet covers the details form")
	}
	if wb.status.message.Text != `one.txt: article "one.txt" added (17 characters)` {
		t.Errorf("status %q", wb.status.message.Text)
	}
}

// TestEventImportPreviewRefusesABadFile shows a file with a row that cannot
// be read: nothing can come in, the sheet says why and offers only Close.
func TestEventImportPreviewRefusesABadFile(t *testing.T) {
	wb, _, _ := newTestWorkbench(t, false)
	commits := 0
	wb.PreviewFunc = func(path string) (*EventImport, error) {
		return &EventImport{Path: path, Skipped: []string{"row 7 (id bad-1): longitude 181 is outside -180..180"},
			Commit: func() (string, error) { commits++; return "", nil }}, nil
	}
	wb.ImportPaths([]string{"/x/events.csv"})
	if wb.previewSheet == nil || !wb.previewSheet.pop.Visible() {
		t.Fatal("no preview shown")
	}
	text := strings.Join(labelsIn(wb.previewSheet.pop.Content), "\n")
	for _, want := range []string{
		"1 row of this file cannot be imported (listed below), so nothing will come in: a file comes in whole or not at all. " +
			"Fix or remove those rows and import the file again.",
		"The row that cannot be imported, and why\nrow 7 (id bad-1): longitude 181 is outside -180..180",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview %q lacks %q", text, want)
		}
	}
	if wb.previewSheet.def.Text != "Close" || wb.previewSheet.esc != nil {
		t.Errorf("buttons: default %q, a second one: %v", wb.previewSheet.def.Text, wb.previewSheet.esc != nil)
	}
	wb.previewSheet.def.OnTapped()
	if commits != 0 {
		t.Error("Close imported the refused file")
	}
}
