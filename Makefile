# The two commands that matter: `make run` and `make test`. See README.md.
.PHONY: run test setup build build-debug stop reset db sqlx-prepare fmt lint bench

run:
	@scripts/run.sh

test:
	@scripts/test.sh

setup:
	@scripts/setup.sh test

build:
	@scripts/setup.sh run
	@scripts/build.sh release

build-debug:
	@scripts/setup.sh run
	@scripts/build.sh debug

# Start the project-local database and print its URL.
db:
	@scripts/db.sh start

# Stop the project-local databases (data stays in .data/).
stop:
	@scripts/db.sh stop pg
	@scripts/db.sh stop test-pg

# Wipe every local database and set-up marker.
reset:
	@scripts/db.sh wipe

# Regenerate the compile-time query data in .sqlx/ after changing a query.
sqlx-prepare:
	@scripts/sqlx-prepare.sh

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy -p server --all-targets -- -D warnings
	cargo clippy -p app --all-targets --features ssr -- -D warnings
	cargo clippy -p app --lib --features hydrate -- -D warnings
