# Passage: `make demo` installs what is missing, builds and plans the demo; `make test` runs every test.
SWIFT ?= swift
DEMO ?= Data/demo

# Homebrew keeps GLPK outside the default search paths on macOS.
ifeq ($(shell uname -s),Darwin)
BREW_PREFIX := $(shell brew --prefix 2>/dev/null)
SWIFT_FLAGS += -Xcc -I$(BREW_PREFIX)/include -Xlinker -L$(BREW_PREFIX)/lib
endif

.PHONY: demo test deps build clean format lint fuzz fuzz-build bench browser-check

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

# Fuzzing (docs/FUZZING.md): a separate package built with libFuzzer and AddressSanitizer, run for
# FUZZ_SECONDS over a scratch copy of the committed seeds; crashers land in $(FUZZ_OUT)/artifacts.
# Leak checks are off by default: checking after every input cut the speed from ~130 to ~15 inputs a
# second. FUZZ_FLAGS=-detect_leaks=1 turns them on (suppressions, if any, in Fuzz/lsan.supp).
FUZZ_SECONDS ?= 60
# Extra libFuzzer flags, e.g. FUZZ_FLAGS='-fork=1' (one child process at a time; survives a crash).
FUZZ_FLAGS ?=
FUZZ_OUT ?= .build-fuzz
FUZZ_BIN = Fuzz/.build/release/PassageFuzz

fuzz-build:
	$(SWIFT) build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz: fuzz-build
	rm -rf $(FUZZ_OUT)/corpus
	mkdir -p $(FUZZ_OUT)/corpus $(FUZZ_OUT)/artifacts
	find Tests/Fuzz/Corpus Tests/Fuzz/Regressions -type f ! -name '*.md' -exec cp {} $(FUZZ_OUT)/corpus/ \;
	LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp $(FUZZ_BIN) $(FUZZ_OUT)/corpus -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=10 \
		-max_len=65536 -print_final_stats=1 -detect_leaks=0 \
		-artifact_prefix=$(FUZZ_OUT)/artifacts/ $(FUZZ_FLAGS)

# The scale benchmark of issue 3: caseloads of 1,000, 10,000 and 100,000 households, Passage and its
# baselines, written to Benchmarks/RESULTS.md. SIZES="1000 10000" and TIME_LIMIT=S override (README).
bench: deps
	Benchmarks/run.sh

# The demo plan's HTML page in headless Chromium (installed if missing): fails on console output, any
# request, a missing chart or a failed print; screenshot in docs/screenshots/ (scripts/browser-check.sh).
browser-check: deps
	./scripts/browser-check.sh

clean:
	rm -rf .build Fuzz/.build $(FUZZ_OUT)
