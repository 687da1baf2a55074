# DPA Desk. A newcomer needs two targets: `make run` and `make test`.
SHELL := /bin/bash
# Builds are kept outside the checkout so fresh clones reuse earlier work.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/dpadesk/target
CARGO ?= cargo

.PHONY: run test deps-build deps-test lint unit fixture

## Build and start DPA Desk on the default vault (created on first start).
## Until the window lands, this is the `dpadesk` command on that vault.
run: deps-build
	$(CARGO) build --release --locked -p dpadesk-cli
	@bin="$(CARGO_TARGET_DIR)/release/dpadesk"; \
	if ! "$$bin" org list >/dev/null 2>&1; then "$$bin" init || exit 1; fi; \
	"$$bin" org list; \
	echo; echo "DPA Desk is ready: $$bin --help"

## Every check and every test, the keychain tests inside a private keyring session.
test: deps-test lint unit

deps-build:
	@scripts/install-deps build

deps-test:
	@scripts/install-deps test

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

unit:
	scripts/with-keyring $(CARGO) test --workspace --all-targets --locked

## Writes the vault fixture of this release (once per release, for migration tests).
fixture:
	$(CARGO) run -p dpadesk-store --example write_fixture
