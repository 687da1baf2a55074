# DPA Desk. A newcomer needs two targets: `make run` and `make test`.
SHELL := /bin/bash
# Builds are kept outside the checkout so fresh clones reuse earlier work.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/dpadesk/target
CARGO ?= cargo
DESKTOP_DEBUG := $(CARGO_TARGET_DIR)/debug/dpadesk-desktop

.PHONY: run test deps-build deps-test ui ui-deps lint unit ui-test e2e fixture crash

## Build DPA Desk and open its window on the default vault.
run: deps-build ui
	$(CARGO) build --release --locked -p dpadesk-desktop
	$(CARGO_TARGET_DIR)/release/dpadesk-desktop

## Every check and every test; keychain and window tests run in a private keyring session.
test: deps-test ui lint unit ui-test e2e

deps-build:
	@scripts/install-deps build

deps-test:
	@scripts/install-deps test

ui-deps: ui/node_modules/.package-lock.json

# `npm install` rather than `npm ci`: some npm set-ups leave the Tauri CLI's per-platform
# optional packages out of the lock file, which `npm ci` then refuses.
ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm install --no-audit --no-fund

## The window's UI, built into ui/dist (the desktop binary embeds it at compile time).
ui: ui-deps
	cd ui && npm run build

lint: ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run check

unit: ui
	scripts/with-keyring $(CARGO) test --workspace --all-targets --locked

ui-test: ui-deps
	cd ui && npm test

## The real window under Xvfb, driven through tauri-driver; screenshots go to artifacts/e2e/.
e2e: ui
	$(CARGO) build --locked -p dpadesk-desktop
	$(CARGO) build --locked -p dpadesk-app --example vault_with_history
	$(CARGO) build --locked -p dpadesk-cli
	rm -rf artifacts/e2e
	DPADESK_E2E_APP=$(DESKTOP_DEBUG) \
	DPADESK_E2E_CLI=$(CARGO_TARGET_DIR)/debug/dpadesk \
	DPADESK_E2E_HISTORY_VAULT=$(CARGO_TARGET_DIR)/debug/examples/vault_with_history \
	scripts/with-keyring node --test --test-concurrency=1 tests/e2e/

## The long crash run: the CLI killed at random moments of its writes, 300 times (plus the
## 50 interrupted key changes), then the window killed while saving, 25 times; results go
## in docs/security.md.
crash: ui
	DPADESK_CRASH_RUNS=300 $(CARGO) test --locked -p dpadesk-cli --test crash_safety -- --nocapture --test-threads=1
	$(CARGO) build --locked -p dpadesk-desktop -p dpadesk-cli
	DPADESK_E2E_APP=$(DESKTOP_DEBUG) DPADESK_E2E_CLI=$(CARGO_TARGET_DIR)/debug/dpadesk DPADESK_WINDOW_KILLS=25 \
	scripts/with-keyring node --test tests/e2e/window-kills.test.mjs

## Writes the vault fixture of this release (once per release, for migration tests).
fixture:
	$(CARGO) run -p dpadesk-store --example write_fixture
