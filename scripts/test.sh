#!/usr/bin/env bash
# `make test`: every test against SQLite and a throwaway PostgreSQL, then the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
# The parsers are tested on real published sample files, which the project keeps beside the repository, not in it.
if [ ! -d ../shared/fixtures ]; then
    echo "make test needs the shared sample files at $(cd .. && pwd)/shared/fixtures (Peppol, camt, OCR giro, BgMax," >&2
    echo "identifier vectors): clone Betalt beside its shared/ folder, or link one there (ln -s PATH/shared ../shared)." >&2
    exit 1
fi
scripts/ensure-debian-packages.sh zlib1g-dev postgresql chromium chromium-driver fonts-dejavu-core \
    libxml2-dev libpango1.0-dev libcairo2-dev libcurl4-openssl-dev poppler-utils openssl
scripts/ensure-python-packages.sh selenium=selenium pytest=pytest openapi_spec_validator=openapi-spec-validator yaml=PyYAML \
    aiosmtpd=aiosmtpd jsonschema=jsonschema

pg_dir=$(mktemp -d /tmp/betalt-pg.XXXXXX)
trap 'scripts/test-postgres.sh stop "$pg_dir"' EXIT
BETALT_TEST_POSTGRES_URL=$(scripts/test-postgres.sh start "$pg_dir")
export BETALT_TEST_POSTGRES_URL
echo "Test PostgreSQL: $BETALT_TEST_POSTGRES_URL"

swift build --build-tests
# The suite prints thousands of lines and CI keeps only the last ones: on a failure, the failed tests are repeated at
# the end, so the reason is where a reader of CI's tail looks.
swift_log=$(mktemp /tmp/betalt-swift-test.XXXXXX)
if ! swift test --skip-build 2>&1 | tee "$swift_log"; then
    echo "=== The Swift tests failed. Their issues, from $swift_log: ===" >&2
    grep -E -A3 '✘ Test .*(recorded an issue|failed)|Fatal error|error: ' "$swift_log" | grep -v '^✘ Test run with' | head -80 >&2 || true
    exit 1
fi
rm -f "$swift_log"
swift build --product betalt
python3 -m pytest -q Tests/Browser Tests/System
