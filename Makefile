# Thin wrappers; CMake presets do the work. Every target installs what it needs first.
.PHONY: run test build release bench fuzz security-scan fmt fmt-check tidy clean deps-build deps-test tsan soak soak-postgres web

DATA ?= ./isms-data
FUZZ_TARGETS := json_body list_query csv_import ciso_yaml oscal_import apitest_parser
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

deps-build:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

## make web: the web UI's static files in web/dist (web/README.md); npm ci only when the lock
## file changed, the Vite build only when a source did
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/vite.config.ts web/svelte.config.js web/tsconfig.json
web: web/dist/index.html

web/node_modules/.package-lock.json: web/package-lock.json | deps-build
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

web/dist/index.html: web/node_modules/.package-lock.json $(WEB_SOURCES)
	@cd web && npm run --silent build -- --logLevel warn

release: deps-build web
	@cmake --preset release >/dev/null
	@cmake --build build/release -j $(JOBS) --target isms

build: deps-test web
	@cmake --preset dev >/dev/null
	@cmake --build build/dev -j $(JOBS)

## make run: build the release binary and serve http://127.0.0.1:8080 with the demo organization
run: release
	@build/release/src/cli/isms serve --data $(DATA) --listen $(LISTEN) --demo

## make test: build the dev preset (ASan/UBSan) and run every test, on SQLite and on a
## throw-away PostgreSQL cluster (scripts/with-postgres.sh), then the concurrency tests under
## ThreadSanitizer (make tsan)
test: build
	@scripts/check-format.sh
	@scripts/check-layers.sh
	@scripts/with-postgres.sh ctest --test-dir build/dev --output-on-failure -j $(JOBS) --timeout 600
	@$(MAKE) --no-print-directory tsan

## make tsan: build only what the tests labelled `concurrency` need with ThreadSanitizer
## (build/tsan) and run them (docs/testing.md § ThreadSanitizer)
TSAN_TARGETS := isms crash_harness http_server_test app_concurrency_test
tsan: deps-test
	@cmake --preset tsan >/dev/null
	@cmake --build build/tsan -j $(JOBS) --target $(TSAN_TARGETS)
	@TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1" \
	  ctest --test-dir build/tsan -L concurrency --output-on-failure --timeout 900

## make soak: the crash-consistency harness for 100 rounds with longer loads (SOAK_ROUNDS)
SOAK_ROUNDS ?= 100
SOAK_OPTIONS = --rounds $(SOAK_ROUNDS) --writers 6 --kill-after-ms 100:4000 --max-file-bytes 262144
soak: build
	@build/dev/tests/tools/crash/crash_harness --isms build/dev/src/cli/isms $(SOAK_OPTIONS)

## make soak-postgres: the same soak on a throw-away PostgreSQL cluster (scripts/with-postgres.sh)
soak-postgres: build
	@scripts/with-postgres.sh tests/postgres/crash.sh build/dev/tests/tools/crash/crash_harness \
	  build/dev/src/cli/isms $(SOAK_OPTIONS)

## make bench: build release and run the benchmarks (see bench/README.md)
bench: release deps-test
	@cmake --preset release -DISMS_BUILD_BENCH=ON >/dev/null
	@cmake --build build/release -j $(JOBS)
	@bench/run.sh build/release

## make fuzz: fuzz each parser for FUZZ_SECONDS (default 60) with libFuzzer (docs/testing.md)
FUZZ_SECONDS ?= 60
fuzz:
	@scripts/install-deps.sh fuzz
	@cmake --preset fuzz >/dev/null
	@cmake --build build/fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@scripts/fuzz.sh build/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

## make security-scan: sqlmap against a local server's API endpoints; fails on any finding
security-scan: deps-test
	@scripts/security-scan.sh

fmt:
	@git ls-files -z --cached --others --exclude-standard '*.cpp' '*.hpp' | xargs -0 clang-format -i

tidy:
	@git diff --name-only --diff-filter=AM origin/main -- '*.cpp' | xargs -r clang-tidy -p build/dev

clean:
	@rm -rf build
