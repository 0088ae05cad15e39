#!/usr/bin/env bash
# What the daily run's writes cost PostgreSQL alone, without Betalt: the PostgreSQL twin of write-floor.sh. Each due
# claim of the bench ledger (866,166 on 2026-06-22) gets its update, an act for 49 claims in 50, an interest entry for
# 78 acts in 100 and a fee or compensation for 44; 5,000 claims to a transaction, in two sessions at once (as the bench
# run takes its two shares of creditors), in pure SQL. The rows come from a table, so the run's JSON parsing is not
# counted. The decision rows and reason texts (a few thousand rows) are left out. The ledger is VACUUMed first, so
# the writes do not pay for the hint bits the run's reads would have set.
#
#   Benchmarks/write-floor/write-floor-postgres.sh LEDGER.dump URL
#
# LEDGER.dump is the bench ledger as generated, which the bench dumps when asked:
#   BETALT_BENCH_ONLY=run-postgres BETALT_BENCH_POSTGRES_URL=URL BETALT_BENCH_POSTGRES_DUMP=LEDGER.dump .build/release/betalt-bench
# URL (postgres://USER@HOST:PORT/DATABASE) names a throwaway server (scripts/test-postgres.sh), on which a database
# is made from the dump for each measurement and dropped after it. Settings, to see what a change of the claims table would save:
#   FILLFACTOR=N      claims' pages kept N % full (rewritten so before the writes), so an update can stay on its page
#   SCHEDULE=narrow   the next-action date in a narrow table of its own, and the stage out of the claims' indexes: an
#                     update of a claim then changes no indexed column and can be a HOT update
#   FOREIGN_KEYS=OFF  the new rows' foreign keys not checked (session_replication_role = replica)
#   UNDELIVERED=no    without the index of undelivered acts
# It prints the seconds the writes took, the server processes' processor time during them, and how many of the claims'
# updates PostgreSQL made HOT (heap-only: no index written).
set -euo pipefail
dump=${1:?the dump of a bench ledger}
url=${2:?the URL of a throwaway PostgreSQL server}
server=${url%/*}
database="write_floor_$$"
work=$(mktemp -d /tmp/betalt-write-floor-pg.XXXXXX)
first=""
cleanup() {
    if [ -n "$first" ]; then kill "$first" 2>/dev/null || true; wait "$first" 2>/dev/null || true; fi
    rm -rf "$work"
    psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -q "$server/postgres" -c "CREATE DATABASE $database"
pg_restore -d "$server/$database" "$dump"
schema=$(psql -At "$server/$database" -c "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\_%'")
db="$server/$database?options=-csearch_path%3D$schema"

# Not timed: the settings' changes, the due claims numbered in the order the run takes them, statistics.
{
    if [ -n "${FILLFACTOR:-}" ]; then
        echo "ALTER TABLE claims SET (fillfactor = $FILLFACTOR); VACUUM FULL claims;"
    fi
    if [ "${SCHEDULE:-wide}" = narrow ]; then
        echo "CREATE TABLE claim_schedule (claim_id uuid PRIMARY KEY REFERENCES claims (id), creditor_id uuid NOT NULL,"
        echo "  next_action_date text);"
        echo "INSERT INTO claim_schedule SELECT id, creditor_id, next_action_date FROM claims;"
        echo "CREATE INDEX claim_schedule_by_creditor_next_action ON claim_schedule (creditor_id, next_action_date);"
        echo "DROP INDEX claims_by_creditor_next_action; DROP INDEX claims_by_creditor_stage_due;"
        echo "CREATE INDEX claims_by_creditor_due ON claims (creditor_id, due_date);"
    fi
    if [ "${UNDELIVERED:-yes}" = no ]; then echo "DROP INDEX collection_acts_undelivered;"; fi
    echo "CREATE TABLE write_floor_due (n integer PRIMARY KEY, id uuid, creditor_id uuid, customer_id uuid, last_sequence bigint);"
    echo "INSERT INTO write_floor_due SELECT row_number() OVER (ORDER BY creditor_id, next_action_date, id), id, creditor_id,"
    echo "  customer_id, last_sequence FROM claims WHERE next_action_date <= '2026-06-22' AND stage NOT IN ('closed', 'withAgency');"
    echo "VACUUM ANALYZE; CHECKPOINT;"
} > "$work/prepare.sql"
psql -q -v ON_ERROR_STOP=1 "$db" -f "$work/prepare.sql"
due=$(psql -At "$db" -c "SELECT count(*) FROM write_floor_due")

reasons=$(head -c 360 /dev/zero | tr '\0' 'x')
# New ids grow with time, as TimeOrderedID's do: both sessions' batches count from the same start, so their ids
# interleave at the right edge of each id index, as two workers' would.
new_id() {
    echo "('ffff' || lpad(to_hex(d.n / 5000 - $first_batch), 4, '0') || '-000$share-7000-8000-' || lpad(to_hex(d.n * 4 + $1), 12, '0'))::uuid"
}
acted="d.n % 50 <> 0"
entry() {  # sequence, component, text, which acts
    echo "INSERT INTO ledger_entries (id, creditor_id, claim_id, sequence, kind, component, amount_minor, currency, entry_date,"
    echo "  text, recorded_at) SELECT $(new_id "$1"), d.creditor_id, d.id, d.last_sequence + $1, 'charge', '$2', 1234, 'NOK',"
    echo "  '2026-06-22', '$3', now() FROM write_floor_due d WHERE n BETWEEN $lo AND $hi AND $acted AND $4;"
}
# The run's two shares are halves of the creditors; the due claims are numbered by creditor, so a share is a run of
# batches (one creditor may straddle the two).
batches=$(((due - 1) / 5000 + 1))
for share in 0 1; do
    first_batch=$((share * batches / 2))
    {
        if [ "${FOREIGN_KEYS:-ON}" = OFF ]; then echo "SET session_replication_role = replica;"; fi
        for batch in $(seq "$first_batch" $(((share + 1) * batches / 2 - 1))); do
            lo=$((batch * 5000 + 1)); hi=$(((batch + 1) * 5000))
            echo "BEGIN;"
            echo "UPDATE claims SET stage = CASE stage WHEN 'open' THEN 'reminded' ELSE 'noticed' END,"
            if [ "${SCHEDULE:-wide}" != narrow ]; then echo "  next_action_date = '2026-07-06',"; fi
            echo "  fee_open_minor = fee_open_minor + 7000, interest_open_minor = interest_open_minor + 1234,"
            echo "  open_minor = open_minor + 8234, last_sequence = claims.last_sequence + 2, interest_charged_through = '2026-06-22'"
            echo "  FROM write_floor_due d WHERE d.n BETWEEN $lo AND $hi AND claims.id = d.id;"
            if [ "${SCHEDULE:-wide}" = narrow ]; then
                echo "UPDATE claim_schedule SET next_action_date = '2026-07-06' FROM write_floor_due d"
                echo "  WHERE d.n BETWEEN $lo AND $hi AND claim_schedule.claim_id = d.id;"
            fi
            echo "INSERT INTO collection_acts (id, creditor_id, claim_id, customer_id, step_id, kind, act_date, channel, currency,"
            echo "  fee_minor, compensation_minor, interest_minor, amount_due_minor, deadline, waiver_if_paid_by, group_key, reasons,"
            echo "  run_id, delivery_status) SELECT $(new_id 0), d.creditor_id, d.id, d.customer_id, 'notice', 'collectionNotice',"
            echo "  '2026-06-22', 'email', 'NOK', 7000, 0, 1234, 1234567, '2026-07-06', NULL, d.customer_id || '/notice/2026-06-22',"
            echo "  '$reasons', '0190a000-0000-7000-8000-000000000001', 'pending' FROM write_floor_due d"
            echo "  WHERE n BETWEEN $lo AND $hi AND $acted;"
            entry 1 interest "late interest through 2026-06-22" "d.n % 100 < 78"
            entry 2 fee "notice: collectionNotice fee" "d.n % 100 >= 56"
            echo "COMMIT;"
        done
    } > "$work/writes-$share.sql"
done

# This server's processes' processor time, from /proc (clock ticks), before and after: its postmaster with the
# processes it has reaped (the sessions' backends, once they end), and those still running.
postmaster=$(head -1 "$(psql -At "$db" -c "SHOW data_directory")/postmaster.pid")
server_ticks() {
    local total=0 ticks
    for pid in "$postmaster" $(pgrep -P "$postmaster"); do
        ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null) || continue  # a process that ended meanwhile
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}
before=$(server_ticks)
start=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 "$db" -f "$work/writes-0.sql" &
first=$!
psql -q -v ON_ERROR_STOP=1 "$db" -f "$work/writes-1.sql"
wait "$first"
end=$(date +%s.%N)
after=$(server_ticks)
sleep 1  # the statistics of the sessions that ended reach the views within a moment
hot=$(psql -At "$db" -c "SELECT round(100.0 * n_tup_hot_upd / greatest(n_tup_upd, 1)) FROM pg_stat_user_tables WHERE relname = 'claims'")
echo "writes for $due due claims (FILLFACTOR=${FILLFACTOR:-100} SCHEDULE=${SCHEDULE:-wide} FOREIGN_KEYS=${FOREIGN_KEYS:-ON}" \
    "UNDELIVERED=${UNDELIVERED:-yes}): $(python3 -c "print(f'{$end - $start:.1f}')") s," \
    "the server's processor time about $(python3 -c "print(f'{($after - $before) / $(getconf CLK_TCK):.1f}')") s;" \
    "$hot % of the claims' updates HOT"
