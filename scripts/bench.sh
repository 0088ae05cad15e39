#!/usr/bin/env bash
# `make bench`: the release benchmark on SQLite and on a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-debian-packages.sh postgresql zlib1g-dev libxml2-dev libpango1.0-dev libcairo2-dev libcurl4-openssl-dev fonts-dejavu-core
swift build -c release --product betalt-bench
pg_dir=$(mktemp -d /tmp/betalt-bench-pg.XXXXXX)
trap 'scripts/test-postgres.sh stop "$pg_dir"' EXIT
BETALT_BENCH_POSTGRES_URL=$(scripts/test-postgres.sh start "$pg_dir")
export BETALT_BENCH_POSTGRES_URL
.build/release/betalt-bench
