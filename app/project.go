package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"eventatlas/annotate/gazetteer"
	"eventatlas/app/sample"
	"eventatlas/assets"
	"eventatlas/storage"
)

// dataDir is where Event Atlas keeps the user's projects when none is named:
// $XDG_DATA_HOME/eventatlas, or ~/.local/share/eventatlas.
func dataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "eventatlas"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the home directory for the default project: %w", err)
	}
	return filepath.Join(home, ".local", "share", "eventatlas"), nil
}

// defaultProjectPath is the project the first run creates.
func defaultProjectPath() (string, error) {
	d, err := dataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "sample-project.gpkg"), nil
}

// loadGazetteer builds the gazetteer from the embedded base map.
func loadGazetteer() (*gazetteer.Gazetteer, error) {
	bm, err := assets.LoadBaseMap()
	if err != nil {
		return nil, err
	}
	return gazetteer.FromBaseMap(bm)
}

// createProject writes a new project at path: empty when sample is nil, else
// holding the sample article and its events placed with the gazetteer
// sample. It never overwrites an existing file, and removes what it wrote
// when it fails half-way.
func createProject(path string, sample *gazetteer.Gazetteer) (*storage.Project, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
		}
	}
	p, err := storage.Create(path)
	if err != nil {
		return nil, err
	}
	if sample != nil {
		if err := writeSample(p, sample); err != nil {
			p.Close()
			os.Remove(path)
			return nil, fmt.Errorf("writing the sample project: %w", err)
		}
	}
	return p, nil
}

// writeSample adds the sample article and its events to p.
func writeSample(p *storage.Project, g *gazetteer.Gazetteer) error {
	a := sample.Article()
	if _, err := p.AddArticle(&a); err != nil {
		return err
	}
	events, err := sample.Events(g, a)
	if err != nil {
		return err
	}
	for i := range events {
		if err := p.SaveEvent(&events[i]); err != nil {
			return err
		}
	}
	return nil
}

// openOrCreateDefault opens the default project, creating it with the sample
// on the first run.
func openOrCreateDefault(g *gazetteer.Gazetteer) (*storage.Project, error) {
	path, err := defaultProjectPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return createProject(path, g)
	}
	return storage.Open(path)
}
