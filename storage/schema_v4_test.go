package storage

import "testing"

func init() {
	seeds[4] = append(append([]string(nil), seeds[3]...),
		`INSERT INTO taxonomy (position, name, sub_types, colour, symbol) VALUES (0, 'Humanitarian', '["aid delivery"]', '#009E73', 'star')`)
}

// TestMigrateV3ToV4 opens a version 3 file: it gains an empty, registered
// taxonomy table and reads the default taxonomy; a version 4 file reads its
// own.
func TestMigrateV3ToV4(t *testing.T) {
	p, err := Open(projectAt(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if v, _ := schemaVersion(p.db); v != 4 {
		t.Fatalf("schema version = %d, want 4", v)
	}
	var dataType string
	if err := p.db.QueryRow(`SELECT data_type FROM gpkg_contents WHERE table_name = 'taxonomy'`).Scan(&dataType); err != nil || dataType != "attributes" {
		t.Fatalf("gpkg_contents row of taxonomy = %q, %v", dataType, err)
	}
	tax, err := p.Taxonomy()
	if err != nil || len(tax) != 6 || tax[0].Name != "Diplomacy" {
		t.Fatalf("Taxonomy of a migrated file = %v, %v; want the default", tax.Names(), err)
	}

	q, err := Open(projectAt(t, 4))
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	tax, err = q.Taxonomy()
	if err != nil || len(tax) != 1 || tax[0].Name != "Humanitarian" || tax[0].SubTypes[0] != "aid delivery" ||
		tax[0].Symbol != "star" || tax[0].Color.G != 0x9E {
		t.Fatalf("Taxonomy of a v4 file = %+v, %v", tax, err)
	}
}
