# Passage: `make demo` installs what is missing, builds and plans the demo; `make test` runs every test.
SWIFT ?= swift
DEMO ?= Data/demo

# Homebrew keeps GLPK outside the default search paths on macOS.
ifeq ($(shell uname -s),Darwin)
BREW_PREFIX := $(shell brew --prefix 2>/dev/null)
SWIFT_FLAGS += -Xcc -I$(BREW_PREFIX)/include -Xlinker -L$(BREW_PREFIX)/lib
endif

.PHONY: demo test deps build clean format lint

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

demo: build
	$(SWIFT) run $(SWIFT_FLAGS) passage validate $(DEMO)
	$(SWIFT) run $(SWIFT_FLAGS) passage plan $(DEMO)

test: deps
	$(SWIFT) test $(SWIFT_FLAGS)

# swift-format ships with the toolchain; settings in .swift-format.
format:
	$(SWIFT) format --in-place --recursive Sources Tests Benchmarks/Sources

lint:
	$(SWIFT) format lint --recursive Sources Tests Benchmarks/Sources

clean:
	rm -rf .build
