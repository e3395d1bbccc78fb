package ingest

import "eventatlas/annotate"

// readPlain imports a plain-text file; finish makes its first line the
// title (and drops it from the text when it reads as a headline).
func readPlain(base string, data []byte) (annotate.Article, error) {
	s, err := decodeText(base, data)
	if err != nil {
		return annotate.Article{}, err
	}
	return annotate.Article{Text: normalizePlain(s)}, nil
}
