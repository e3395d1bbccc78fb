package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreImportsNoFyne keeps the layering: the domain, the project file and
// the map's render engine build and test without the GUI toolkit.
func TestCoreImportsNoFyne(t *testing.T) {
	core := []string{"./annotate/...", "./storage/...", "./mapview/render/...", "./assets/...", "./app/sample/..."}
	args := append([]string{"list", "-deps", "-test"}, core...)
	out, err := exec.Command("go", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") {
			t.Errorf("a core package depends on %s", dep)
		}
	}
}
