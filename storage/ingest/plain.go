package ingest

import "eventatlas/annotate"

// readPlain imports a plain-text file; its first line becomes the title.
func readPlain(base string, data []byte) (annotate.Article, error) {
	s, err := decodeText(base, data)
	if err != nil {
		return annotate.Article{}, err
	}
	return annotate.Article{Text: normalizePlain(s)}, nil
}
