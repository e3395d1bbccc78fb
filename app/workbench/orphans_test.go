package workbench

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"eventatlas/annotate"
)

const deletedSentence = "Earlier, the Taliban governor of Balkh visited Tajikistan and called for the establishment of diplomatic relations between the two countries."

// TestEditArticleTextReanchors edits the sample article's text: a sentence
// inserted at the top moves every highlight by its length; deleting a
// quoted sentence lists its evidence as orphaned and unhighlighted;
// re-attaching it to a selection highlights it again.
func TestEditArticleTextReanchors(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	old := append(wb.highlights[:0:0], wb.highlights...)
	text := wb.articles[wb.current].Text
	if len(old) == 0 {
		t.Fatal("the sample shows no highlights")
	}

	const lead = "Breaking: a sentence added at the top.\n"
	wb.EditArticleText()
	if wb.textEntry.Text != text {
		t.Fatal("the editor does not hold the article's text")
	}
	wb.textEntry.SetText(lead + text)
	test.Tap(wb.textSheet.def)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	newText := wb.articles[wb.current].Text
	if newText != lead+text {
		t.Fatal("the article text was not saved")
	}
	shift := annotate.RuneLen(lead)
	if len(wb.highlights) != len(old) {
		t.Fatalf("%d highlights after the edit, want %d", len(wb.highlights), len(old))
	}
	for i, h := range wb.highlights {
		o := old[i]
		if h.ID != o.ID || h.Start != o.Start+shift || h.End != o.End+shift ||
			annotate.RuneSlice(newText, h.Start, h.End) != annotate.RuneSlice(text, o.Start, o.End) {
			t.Errorf("highlight %d = %+v, want %+v moved by %d", i, h, o, shift)
		}
	}
	if got := wb.status.message.Text; !strings.Contains(got, "0 spans kept, "+strconv.Itoa(len(old))+" moved, 0 orphans") {
		t.Errorf("status = %q", got)
	}

	// Delete a quoted sentence.
	if !strings.Contains(newText, deletedSentence) {
		t.Fatal("the sample lost the sentence this test deletes")
	}
	cut := strings.Replace(newText, deletedSentence, "", 1)
	wb.EditArticleText()
	wb.textEntry.SetText(cut)
	test.Tap(wb.textSheet.def)
	if !strings.Contains(wb.status.message.Text, "see Orphaned evidence in the Event menu") {
		t.Errorf("status = %q", wb.status.message.Text)
	}
	wb.ShowOrphans()
	var orphanID, eventID string
	for _, o := range wb.orphanList {
		if o.Span.Quote == "called for the establishment of diplomatic relations between the two countries" {
			orphanID, eventID = o.Span.ID, o.Span.EventID
		}
	}
	if orphanID == "" {
		t.Fatalf("orphans = %+v, want the deleted quote", wb.orphanList)
	}
	n := len(wb.orphanList)
	if got := wb.status.orphans.Text; got != orphansText(n) || n == 0 {
		t.Errorf("status orphans = %q, want %q", got, orphansText(n))
	}
	for _, h := range wb.highlights {
		if h.ID == eventID {
			t.Errorf("the orphan is still highlighted: %+v", h)
		}
	}

	// Re-attach without a selection fails; with one, the highlight is back.
	test.Tap(wb.orphanButton[orphanID][0])
	if len(*errs) != 1 || (*errs)[0] != ErrNoReattachSelection {
		t.Fatalf("errors = %v, want ErrNoReattachSelection", *errs)
	}
	*errs = nil
	wb.orphanSheet.close()
	start, end := offsetOf(t, cut, "Tajikistan’s invitation")
	wb.reader.SetSelection(start, end)
	wb.ShowOrphans()
	test.Tap(wb.orphanButton[orphanID][0])
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	found := false
	for _, h := range wb.highlights {
		if h.ID == eventID && h.Start == start && h.End == end {
			found = true
		}
	}
	if !found {
		t.Errorf("no highlight of the re-attached evidence at %d–%d: %+v", start, end, wb.highlights)
	}
	if got := wb.status.orphans.Text; got != orphansText(n-1) {
		t.Errorf("status orphans = %q, want %q", got, orphansText(n-1))
	}

	// Undo brings the orphan back.
	wb.Undo()
	if wb.orphanCount() != n {
		t.Errorf("after Undo %d orphans, want %d", wb.orphanCount(), n)
	}
}

// TestDeleteOrphanAsksFirst deletes an orphan only after confirmation.
func TestDeleteOrphanAsksFirst(t *testing.T) {
	wb, _, errs := newTestWorkbench(t, true)
	text := wb.articles[wb.current].Text
	if _, err := wb.project.UpdateArticleText(wb.articles[wb.current].ID, strings.Replace(text, deletedSentence, "", 1)); err != nil {
		t.Fatal(err)
	}
	if err := wb.Reload(); err != nil {
		t.Fatal(err)
	}
	wb.ShowOrphans()
	n := len(wb.orphanList)
	id := wb.orphanList[0].Span.ID
	test.Tap(wb.orphanButton[id][1])
	if wb.orphanCount() != n {
		t.Fatal("deleted before confirming")
	}
	test.Tap(wb.confirm.def)
	if len(*errs) > 0 {
		t.Fatal(*errs)
	}
	if wb.orphanCount() != n-1 {
		t.Errorf("%d orphans after deleting one of %d", wb.orphanCount(), n)
	}
	for _, e := range wb.events {
		for _, s := range e.Spans {
			if s.ID == id {
				t.Error("the deleted evidence is still there")
			}
		}
	}
}
