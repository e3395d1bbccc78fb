# Event Atlas — build, run and test.
#   make run    installs missing system packages (Debian/Ubuntu), builds and starts the app
#   make test   installs missing system packages, then runs every test
# Other targets: build, bench, fuzz, deps-run, deps-test, clean.

BINARY   := eventatlas
GO       ?= go
# Debian/Ubuntu packages the GUI build needs (cgo, OpenGL, X11, Wayland headers for Fyne 2.8),
# and a font with Arabic-script glyphs that Fyne falls back to.
RUN_PKGS  := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev \
             libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev libgl1-mesa-dri \
             fonts-dejavu-core
# Extra packages the tests use: a virtual X server for the smoke test, xdotool and ImageMagick to
# find and capture the window, GDAL to validate GeoPackage files.
TEST_PKGS := $(RUN_PKGS) xvfb xdotool imagemagick x11-utils gdal-bin python3-gdal

.PHONY: run build test bench fuzz deps-run deps-test clean

run: deps-run build
	./$(BINARY)

build: check-go
	$(GO) build -o $(BINARY) .

test: deps-test check-go
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 10m ./...

bench: deps-run check-go
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Each fuzz target runs for a minute; not part of `make test`.
fuzz: check-go
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t (60 s)"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime 60s -parallel 2 $$pkg || exit 1; \
	  done; \
	done

deps-run:
	@./.ci/install-packages $(RUN_PKGS)

deps-test:
	@./.ci/install-packages $(TEST_PKGS)

check-go:
	@command -v $(GO) >/dev/null 2>&1 || { \
	  echo "Go 1.26 or newer is needed and was not found on PATH."; \
	  echo "Install it from your distribution or the Go project's release archive, then run make again."; exit 1; }

clean:
	rm -f $(BINARY)
