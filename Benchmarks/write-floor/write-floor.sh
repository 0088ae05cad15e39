#!/usr/bin/env bash
# What the daily run's writes cost SQLite alone, without Betalt. Each due claim of the bench ledger (866,166 on
# 2026-06-22) gets its update, and about as many acts and ledger entries as the bench run writes: an act for 49 claims
# in 50, an interest entry for 78 acts in 100 and a fee or compensation for 44. That is 5,000 claims to a
# transaction, in pure SQL, with the run's pragmas, run by the SQLite build Betalt links: sqlite-nio's amalgamation,
# with its compile-time options. The final checkpoint is timed too. The run's decision rows and reason texts
# (a few thousand rows) are left out.
#
#   Benchmarks/write-floor/write-floor.sh LEDGER.sqlite
#
# LEDGER is a ledger `make bench` generated and kept (BETALT_BENCH_CACHE=PATH). It is copied, never changed.
# Settings, to see what a change of the stored data would save:
#   IDS=binary        ids as 16-byte blobs rather than 36-character text (the copy is converted first)
#   FOREIGN_KEYS=OFF  the new rows' foreign keys not checked
#   REASONS=N         an act's reasons N bytes long (360, the bench run's average, unless given)
#   ENTRIES=1         one ledger entry for every act, rather than the bench run's mix
#   UNDELIVERED=no    without the index of undelivered acts
#   SECURE_DELETE=M   PRAGMA secure_delete = M (OFF, FAST) rather than the build's default, on
# It prints the seconds taken and SQLite's processor time (user, system).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ledger=${1:?the bench ledger to copy}
if [ -e "$ledger-wal" ] && [ -s "$ledger-wal" ]; then
    echo "$ledger has a write-ahead log beside it: checkpoint it first, or the copy misses what the log holds" >&2
    exit 1
fi
amalgamation="$here/../../.build/checkouts/sqlite-nio/Sources/VaporCSQLite"
runner="$here/../../.build/write-floor/runsql"
if [ ! -x "$runner" ] || [ "$here/runsql.c" -nt "$runner" ] || [ "$amalgamation/sqlite_nio_sqlite3.c" -nt "$runner" ] || [ "$0" -nt "$runner" ]; then
    mkdir -p "$(dirname "$runner")"
    # sqlite-nio's own options (its Package.swift), which change what a statement costs: SECURE_DELETE above all.
    options=(SQLITE_DEFAULT_MEMSTATUS=0 SQLITE_DISABLE_PAGECACHE_OVERFLOW_STATS SQLITE_DQS=0 SQLITE_ENABLE_COLUMN_METADATA
        SQLITE_ENABLE_DBSTAT_VTAB SQLITE_ENABLE_FTS3 SQLITE_ENABLE_FTS3_PARENTHESIS SQLITE_ENABLE_FTS3_TOKENIZER SQLITE_ENABLE_FTS4
        SQLITE_ENABLE_FTS5 SQLITE_ENABLE_NULL_TRIM SQLITE_ENABLE_RTREE SQLITE_ENABLE_SESSION SQLITE_ENABLE_STMTVTAB
        SQLITE_ENABLE_UNKNOWN_SQL_FUNCTION SQLITE_ENABLE_UNLOCK_NOTIFY SQLITE_MAX_VARIABLE_NUMBER=250000 SQLITE_LIKE_DOESNT_MATCH_BLOBS
        SQLITE_OMIT_COMPLETE SQLITE_OMIT_DEPRECATED SQLITE_OMIT_DESERIALIZE SQLITE_OMIT_GET_TABLE SQLITE_OMIT_LOAD_EXTENSION
        SQLITE_OMIT_PROGRESS_CALLBACK SQLITE_OMIT_SHARED_CACHE SQLITE_OMIT_TCL_VARIABLE SQLITE_OMIT_TRACE SQLITE_SECURE_DELETE
        SQLITE_THREADSAFE=1 SQLITE_UNTESTABLE SQLITE_USE_URI)
    gcc -O2 "${options[@]/#/-D}" -I"$amalgamation/include" "$here/runsql.c" "$amalgamation/sqlite_nio_sqlite3.c" -o "$runner" -lm -lpthread
fi
work=$(mktemp -d /tmp/betalt-write-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$ledger" "$work/ledger.sqlite"
ids=${IDS:-text}

# Not timed: both forms VACUUMed, so neither is measured on the looser pages of the other's history; the due claims
# numbered in the order the run takes them, so each transaction finds its 5,000 by key.
{
    if [ "$ids" = binary ]; then cat "$here/binary-ids.sql"; else echo "VACUUM;"; fi
    if [ "${UNDELIVERED:-yes}" = no ]; then echo "DROP INDEX collection_acts_undelivered;"; fi
    echo "CREATE TABLE write_floor_due (n INTEGER PRIMARY KEY, id, creditor_id, customer_id, last_sequence);"
    echo "INSERT INTO write_floor_due SELECT row_number() OVER (ORDER BY creditor_id, next_action_date, id), id, creditor_id,"
    echo "  customer_id, last_sequence FROM claims WHERE next_action_date <= '2026-06-22' AND stage NOT IN ('closed', 'withAgency');"
    echo "PRAGMA journal_mode = WAL; PRAGMA wal_checkpoint(TRUNCATE);"
} > "$work/prepare.sql"
"$runner" "$work/ledger.sqlite" "$work/prepare.sql"
# Python's sqlite3 module (make test needs python3 already), as the sqlite3 shell is not among what `make` installs.
due=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM write_floor_due").fetchone()[0])' \
    "$work/ledger.sqlite")

{
    echo "PRAGMA foreign_keys = ${FOREIGN_KEYS:-ON};"
    echo "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;"
    echo "PRAGMA journal_size_limit = 67108864;"
    if [ -n "${SECURE_DELETE:-}" ]; then echo "PRAGMA secure_delete = $SECURE_DELETE;"; fi
} > "$work/writes.sql"
reasons=$(head -c "${REASONS:-360}" /dev/zero | tr '\0' 'x')
# New ids grow with time, as TimeOrderedID's do, so each table's id B-tree is written at its end.
if [ "$ids" = binary ]; then
    id() { echo "unhex(printf('ffff%04x000070008000%012x', d.n / 5000, d.n * 4 + $1))"; }
    group="hex(d.customer_id)"; run="unhex('0190a000000070008000000000000001')"
else
    id() { echo "printf('ffff%04x-0000-7000-8000-%012x', d.n / 5000, d.n * 4 + $1)"; }
    group="d.customer_id"; run="'0190a000-0000-7000-8000-000000000001'"
fi
acted="d.n % 50 <> 0"
entry() {  # sequence, component, text, which acts
    echo "INSERT INTO ledger_entries (id, creditor_id, claim_id, sequence, kind, component, amount_minor, currency, entry_date,"
    echo "  text, recorded_at) SELECT $(id "$1"), d.creditor_id, d.id, d.last_sequence + $1, 'charge', '$2', 1234, 'NOK',"
    echo "  '2026-06-22', '$3', 2461234567.5 FROM write_floor_due d WHERE n BETWEEN $lo AND $hi AND $acted AND $4;"
}
for batch in $(seq 0 $(((due - 1) / 5000))); do
    lo=$((batch * 5000 + 1)); hi=$(((batch + 1) * 5000))
    {
        echo "BEGIN;"
        echo "UPDATE claims SET stage = CASE stage WHEN 'open' THEN 'reminded' ELSE 'noticed' END, next_action_date = '2026-07-06',"
        echo "  fee_open_minor = fee_open_minor + 7000, interest_open_minor = interest_open_minor + 1234,"
        echo "  open_minor = open_minor + 8234, last_sequence = last_sequence + 2, interest_charged_through = '2026-06-22'"
        echo "  FROM (SELECT id AS due_id FROM write_floor_due WHERE n BETWEEN $lo AND $hi) WHERE claims.id = due_id;"
        echo "INSERT INTO collection_acts (id, creditor_id, claim_id, customer_id, step_id, kind, act_date, channel, currency,"
        echo "  fee_minor, compensation_minor, interest_minor, amount_due_minor, deadline, waiver_if_paid_by, group_key, reasons, run_id,"
        echo "  delivery_status) SELECT $(id 0), d.creditor_id, d.id, d.customer_id, 'notice', 'collectionNotice', '2026-06-22',"
        echo "  'email', 'NOK', 7000, 0, 1234, 1234567, '2026-07-06', NULL, $group || '/notice/2026-06-22', '$reasons', $run,"
        echo "  'pending' FROM write_floor_due d WHERE n BETWEEN $lo AND $hi AND $acted;"
        if [ "${ENTRIES:-mix}" = 1 ]; then
            entry 1 interest "late interest through 2026-06-22" "true"
        else
            entry 1 interest "late interest through 2026-06-22" "d.n % 100 < 78"
            entry 2 fee "notice: collectionNotice fee" "d.n % 100 >= 56"
        fi
        echo "COMMIT;"
    } >> "$work/writes.sql"
done
echo "PRAGMA wal_checkpoint(TRUNCATE);" >> "$work/writes.sql"
/usr/bin/time -f "%e s, SQLite's processor time %U s user, %S s system" -o "$work/time" "$runner" "$work/ledger.sqlite" "$work/writes.sql"
echo "writes for $due due claims (IDS=$ids FOREIGN_KEYS=${FOREIGN_KEYS:-ON} REASONS=${REASONS:-360} ENTRIES=${ENTRIES:-mix}" \
    "UNDELIVERED=${UNDELIVERED:-yes} SECURE_DELETE=${SECURE_DELETE:-default}): $(cat "$work/time")"
