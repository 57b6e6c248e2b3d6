# Liaison — the two commands are `make run` and `make test`; everything else supports them.
SHELL := /bin/bash
.DEFAULT_GOAL := run

export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Leptos reads these at run time; they must not be set while compiling (see README).
SITE := target/site
LEPTOS_ENV_RUN := LEPTOS_OUTPUT_NAME=liaison LEPTOS_SITE_ROOT=$(SITE) LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD
# The bundle's profile: wasm-release for make run and make test (no LTO: 70 s where fat LTO
# took 200 s, for a bundle 5 % larger), wasm-dist (fat LTO) for make dist.
WASM_PROFILE ?= wasm-release
WASM = target/wasm32-unknown-unknown/$(WASM_PROFILE)/app.wasm
# The wasm-bindgen step's tool (server/bindgen), in a profile of its own so that it builds
# beside the server and the bundle rather than after them.
BINDGEN := target/bindgen/liaison-bindgen
PG_ADMIN_URL ?= postgres://postgres@127.0.0.1:5432/postgres
# Extra cargo flags for the builds, e.g. `make build CARGO_FLAGS=--timings` to see where the time goes.
CARGO_FLAGS ?=

.PHONY: countries world passwords dist run demo test setup setup-browser postgres build server site wasm bindgen lint unit-and-integration e2e bench clean-data fmt check-locales

## make run: install what is missing, build in release mode, migrate data/liaison.db and serve.
run: setup build
	@mkdir -p data
	$(LEPTOS_ENV_RUN) ./target/release/liaison serve

## make demo: load the model city's year into data/liaison.db (or DATABASE_URL's database)
## while it holds no records yet; prints the demo accounts and their password.
demo: server
	@mkdir -p data
	./target/release/liaison demo

## make test: lint, unit, integration on SQLite and PostgreSQL, locale checks, browser tests,
## each step's time printed after it (CI has 90 minutes; a clean run should stay well under 45).
## The lint and the browser bundle build side by side (each has long stretches on one core:
## the application crate's check, the bundle's last steps), each step's output kept together.
test: setup setup-browser postgres
	@for step in "lint site" unit-and-integration e2e; do start=$$(date +%s); \
		jobs=; [ "$$step" = "lint site" ] && jobs="-j2 --output-sync=target"; \
		$(MAKE) --no-print-directory $$jobs $$step || exit 1; \
		echo "make $$step: $$(( $$(date +%s) - start )) s"; done

# --- installing (each step is skipped in well under a second when already done) ---
setup:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ ! -f end2end/node_modules/.package-lock.json ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then \
		cd end2end && npm ci --no-audit --no-fund; fi

# Chromium for the browser tests, and a CJK font so that its screenshots show Chinese.
setup-browser:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { echo "installing Chromium and a CJK font for the browser tests"; \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei) >/dev/null; }

postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "starting PostgreSQL"; \
		pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; \
		for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; }

# --- building ---
# The server and the browser bundle build side by side: the bundle's last steps (its
# whole-program optimisation, wasm-bindgen, wasm-opt) use one core, the server the other.
build:
	@$(MAKE) --no-print-directory -j2 server site

server:
	cargo build --locked $(CARGO_FLAGS) --release -p liaison-server

## make dist: the production server and bundle, with whole-program optimisation (the server
## alone about 20 minutes on two cores): target/dist/liaison, served like target/release/liaison.
dist:
	@$(MAKE) --no-print-directory site WASM_PROFILE=wasm-dist
	cargo build --locked --profile dist -p liaison-server

wasm:
	cargo build --locked $(CARGO_FLAGS) -p app --lib --target wasm32-unknown-unknown --profile $(WASM_PROFILE) --features hydrate

bindgen:
	cargo build --locked $(CARGO_FLAGS) -p liaison-bindgen --profile bindgen

# The browser bundle: wasm-bindgen (server/bindgen), then wasm-opt (npm's binaryen; Debian's
# breaks hydration; -O1: 36 s where -Oz took 240 s on two cores, and the bundle it makes is
# smaller once compressed, 1.02 MB as br against 1.15 MB), then the stylesheet and public files; then the bundle named after its
# content, compressed (br, gzip) once here rather than at each request. The tool builds first,
# then the bundle: one cargo at a time on this side, the server's on the other.
site:
	@$(MAKE) --no-print-directory bindgen
	@$(MAKE) --no-print-directory wasm
	@mkdir -p $(SITE)/pkg
	@if [ ! -f $(SITE)/pkg/liaison_bg.wasm ] || [ $(WASM) -nt $(SITE)/pkg/liaison_bg.wasm ] \
		|| [ "$$(cat target/bundle-profile 2>/dev/null)" != $(WASM_PROFILE) ]; then \
		set -e; echo "wasm-bindgen and wasm-opt ($(WASM_PROFILE))"; \
		$(BINDGEN) $(WASM) $(SITE)/pkg liaison; \
		wasm-opt -O1 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
			$(SITE)/pkg/liaison_bg.wasm -o $(SITE)/pkg/liaison_bg.wasm; \
		printf 'wasm: %s bytes, %s bytes gzipped\n' "$$(stat -c %s $(SITE)/pkg/liaison_bg.wasm)" "$$(gzip -9 -c $(SITE)/pkg/liaison_bg.wasm | wc -c)"; \
		echo $(WASM_PROFILE) > target/bundle-profile; \
	fi
	@cp app/style/main.css $(SITE)/pkg/liaison.css
	@cp -r app/public/. $(SITE)/
	@node end2end/scripts/bundle.mjs

# --- testing ---
# Formatting, and clippy with warnings as errors over every crate and target (the workspace's
# lints in Cargo.toml: no unsafe code, no unwrap or expect outside tests, no dbg! or todo!).
# The locale checks are stories of the integration tests (check-locales runs them alone).
lint:
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings

# Unit tests, the integration tests in tests/ (each story on SQLite and on PostgreSQL) and the
# locale completeness test. Debug builds: quicker to compile than release on two cores.
unit-and-integration:
	LIAISON_TEST_PG_URL=$(PG_ADMIN_URL) cargo test --locked --workspace --exclude liaison-bindgen

# Browser tests against the debug server built by `cargo test` and the release wasm bundle.
e2e:
	rm -rf target/e2e && mkdir -p target/e2e
	cd end2end && { LIAISON_BIN=../target/debug/liaison npx playwright test \
		|| { node scripts/failures.mjs; exit 1; }; }

# Regenerate the country names from the npm package i18n-iso-countries.
countries: setup
	cd end2end && node scripts/countries.mjs

# Regenerate the world map's land outline from the npm package world-atlas (Natural Earth).
world: setup
	cd end2end && node scripts/world.mjs

# Regenerate the 10 000 most used passwords (refused as new passwords) from the npm package
# @zxcvbn-ts/language-common.
passwords: setup
	cd end2end && node scripts/passwords.mjs

## make bench: 100 000 enterprises and 1 000 000 cases in target/bench, pages loaded with wrk,
## against the production build (`BENCH_PROFILE=release` measures the one `make run` serves).
## The load generator is built in the release profile; cargo builds the server's release binary
## with it (with the features the test tools add to shared crates, such as an HTTP client in
## hyper), so `BENCH_PROFILE=release` compiles the application once, not twice.
BENCH_PROFILE ?= dist
bench: setup site
	@command -v wrk >/dev/null || { echo "installing wrk"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }
	@if [ "$(BENCH_PROFILE)" != release ]; then cargo build --locked --profile $(BENCH_PROFILE) -p liaison-server; fi
	LIAISON_BENCH_PROFILE=$(BENCH_PROFILE) cargo bench --locked --profile release -p liaison-server --bench load

# The locale checks of tests/locales/ alone, with what each counts per locale.
check-locales:
	cargo test --locked -p liaison-server --test integration locales:: -- --nocapture

clean-data:
	rm -rf data

fmt:
	cargo fmt --all
