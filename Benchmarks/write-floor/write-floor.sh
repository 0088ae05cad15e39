#!/usr/bin/env bash
# What the daily run's writes cost SQLite alone, without Betalt: each due claim of the bench ledger (866,166 on
# 2026-06-22) gets its update, one act and two ledger entries, 5,000 claims to a transaction, in pure SQL run by the
# SQLite build Betalt links (sqlite-nio's amalgamation) with the run's pragmas. The closing checkpoint is included.
#
#   Benchmarks/write-floor/write-floor.sh LEDGER.sqlite
#
# LEDGER is a ledger `make bench` generated and kept (BETALT_BENCH_CACHE=PATH); it is copied, never changed.
# Settings, to see what a change of the stored data would save:
#   IDS=binary        ids as 16-byte blobs rather than 36-character text (the ledger is converted first)
#   FOREIGN_KEYS=OFF  the new rows' foreign keys not checked
#   REASONS=N         an act's reasons N bytes long (360, the bench run's average, unless given)
#   ENTRIES=1         one ledger entry per act rather than two
#   UNDELIVERED=no    without the index of undelivered acts
# It prints the seconds taken and SQLite's processor time (user, system).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ledger=${1:?the bench ledger to copy}
amalgamation="$here/../../.build/checkouts/sqlite-nio/Sources/VaporCSQLite"
runner="$here/../../.build/write-floor/runsql"
if [ ! -x "$runner" ]; then
    mkdir -p "$(dirname "$runner")"
    # The defines sqlite-nio builds its copy with that change what a statement costs.
    gcc -O2 -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_DQS=0 -DSQLITE_THREADSAFE=2 -I"$amalgamation/include" \
        "$here/runsql.c" "$amalgamation/sqlite_nio_sqlite3.c" -o "$runner" -lm
fi
work=$(mktemp -d /tmp/betalt-write-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$ledger" "$work/ledger.sqlite"
ids=${IDS:-text}
# Both forms are VACUUMed first, so neither is measured on the looser pages of the other's history.
if [ "$ids" = binary ]; then
    "$runner" "$work/ledger.sqlite" "$here/binary-ids.sql"
else
    echo "VACUUM;" > "$work/vacuum.sql" && "$runner" "$work/ledger.sqlite" "$work/vacuum.sql"
fi

{
    echo "PRAGMA foreign_keys = ${FOREIGN_KEYS:-ON};"
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;"
    echo "PRAGMA wal_autocheckpoint = 0;"
    if [ "${UNDELIVERED:-yes}" = no ]; then echo "DROP INDEX collection_acts_undelivered;"; fi
    # The due claims in the order the run takes them, numbered so each transaction finds its 5,000 by key.
    echo "CREATE TEMP TABLE due (n INTEGER PRIMARY KEY, id, creditor_id, customer_id, last_sequence);"
    echo "INSERT INTO due SELECT row_number() OVER (ORDER BY creditor_id, next_action_date, id), id, creditor_id, customer_id,"
    echo "  last_sequence FROM claims WHERE next_action_date <= '2026-06-22';"
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
entry() {
    echo "INSERT INTO ledger_entries (id, creditor_id, claim_id, sequence, kind, component, amount_minor, currency, entry_date,"
    echo "  text, recorded_at) SELECT $(id "$1"), d.creditor_id, d.id, d.last_sequence + $1, 'charge', '$2', 1234, 'NOK',"
    echo "  '2026-06-22', '$3', 2461234567.5 FROM due d WHERE n BETWEEN $lo AND $hi;"
}
for batch in $(seq 0 173); do
    lo=$((batch * 5000 + 1)); hi=$(((batch + 1) * 5000))
    {
        echo "BEGIN;"
        echo "UPDATE claims SET stage = CASE stage WHEN 'open' THEN 'reminded' ELSE 'noticed' END, next_action_date = '2026-07-06',"
        echo "  fee_open_minor = fee_open_minor + 7000, interest_open_minor = interest_open_minor + 1234,"
        echo "  open_minor = open_minor + 8234, last_sequence = last_sequence + 2, interest_charged_through = '2026-06-22'"
        echo "  FROM (SELECT id AS due_id FROM due WHERE n BETWEEN $lo AND $hi) WHERE claims.id = due_id;"
        echo "INSERT INTO collection_acts (id, creditor_id, claim_id, customer_id, step_id, kind, act_date, channel, currency,"
        echo "  fee_minor, compensation_minor, interest_minor, amount_due_minor, deadline, waiver_if_paid_by, group_key, reasons, run_id,"
        echo "  delivery_status) SELECT $(id 0), d.creditor_id, d.id, d.customer_id, 'notice', 'collectionNotice', '2026-06-22',"
        echo "  'email', 'NOK', 7000, 0, 1234, 1234567, '2026-07-06', NULL, $group || '/notice/2026-06-22', '$reasons', $run,"
        echo "  'pending' FROM due d WHERE n BETWEEN $lo AND $hi;"
        entry 1 fee "notice: collectionNotice fee"
        if [ "${ENTRIES:-2}" = 2 ]; then entry 2 interest "late interest through 2026-06-22"; fi
        echo "COMMIT;"
    } >> "$work/writes.sql"
done
/usr/bin/time -f "%e s, SQLite's processor time %U s user, %S s system" -o "$work/time" "$runner" "$work/ledger.sqlite" "$work/writes.sql"
echo "writes (IDS=$ids FOREIGN_KEYS=${FOREIGN_KEYS:-ON} REASONS=${REASONS:-360} ENTRIES=${ENTRIES:-2} UNDELIVERED=${UNDELIVERED:-yes}): $(cat "$work/time")"
