// Package ingest turns the bytes of an article file into an
// annotate.Article: plain text in any common encoding, Markdown, saved web
// pages and Word .docx documents.
//
// Every importer is a pure function of its input: nothing is written
// anywhere, so a file that fails to import leaves nothing behind. The caller
// stores the returned article (storage.Project.AddArticle recognises a text
// imported twice by Article.Hash).
//
// Text decoding. A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE).
// Otherwise valid UTF-8 is UTF-8; so is text whose non-ASCII bytes are
// mostly well-formed UTF-8 sequences (fewer than one stray byte per ten
// multi-byte characters; the strays become U+FFFD). Anything else is a
// single-byte Windows code page, Windows-1251 (Cyrillic) or Windows-1252
// (Western European), decided by letter bigrams: bytes 0xC0–0xFF (and
// 0xA8/0xB8) are letters in both pages, but Russian words consist wholly of
// such bytes while French or German words mix one accented letter with ASCII
// letters. Two high letters side by side score for Windows-1251; a high letter
// beside an ASCII letter scores for Windows-1252; the higher score wins and a
// tie goes to Windows-1252. Saved web pages use their <meta charset>
// declaration when it names a known encoding, before that rule.
//
// Binary detection. Input that contains a NUL byte (outside UTF-16), or in
// which more than 2% of the characters are control characters other than tab,
// line feed, carriage return, form feed and vertical tab, is refused as
// "NAME looks like a binary file, not text".
//
// Normalisation. The text of every format ends as paragraphs separated by a
// single "\n", as the reader widget shows each "\n" as a paragraph break:
// "\r\n" and "\r" become "\n", white space at both ends of a paragraph is
// trimmed, blank lines are dropped, control characters other than tab are
// removed. Plain text also joins hard-wrapped lines. A file counts as
// hard-wrapped when it has blank lines (its paragraph breaks), its longest
// line has W ≤ 120 code points and at least two lines are "full": the next
// line's first word would not have fitted on them (len(line)+1+len(word) >
// W). In such a file each full line is joined to the next with a space,
// unless the next line is blank or starts like a list item ("- ", "1. ").
//
// Title. A file's own title wins: Markdown front matter or first heading,
// docx core properties or first Title/Heading-styled paragraph, a web
// page's metadata. Without one, the first paragraph of the text is the title.
// The first paragraph is then removed from the text (with the line break
// after it; the rest of the text is unchanged byte for byte) when it is the
// headline, so the reader does not show it twice: when it equals the title
// once white space is collapsed, has at most 160 code points, is not the
// only paragraph and, if it was only taken as the title for want of one, does
// not end in ".", ",", ":" or ";" nor start like a list item (then it is a
// sentence, a lead-in or a list and stays). A web page's <h1> is normally dropped by Readability already.
//
// Dateline. A file that gives no publication date (front matter, docx
// created date, page metadata) is dated by the dateline in its first lines:
// the one date found in the first 3 paragraphs and first 400 code points of
// the text, standing at the start of its paragraph or after a short lead
// such as "DUSHANBE," or "Published:". The notations and what is refused
// are listed at findDateline; a date deeper in the body is never used.
package ingest
