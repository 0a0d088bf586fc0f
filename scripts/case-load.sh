#!/usr/bin/env bash
# Measures case submissions against a throwaway PostgreSQL, beside pgbench -N on the same PostgreSQL, in one run.
# Starts PostgreSQL (Debian's packages, as the unprivileged postgres user) on a random loopback port, runs
# pgbench -N with 8 clients, starts the service jar against it, runs scripts/CaseLoad.java, and stops everything.
# With a bank size, the service is started once to migrate the schema and stopped, that many random PDQ hashes
# (quality 90) are generated straight into known_signal by PostgreSQL, and then rounds alternate between the full
# bank and an empty one on the same database (the bank's table is set aside by renaming it, so nothing is
# generated twice): bank, empty, bank, empty, the service started afresh for each. A bank round prints how long
# the index took to load from PostgreSQL. Alternating keeps the comparison fair on a machine whose speed drifts.
#
# The load runs for a warm-up before it is measured: the JIT compiles the request path on the same two cores the
# load uses, and a node measured 10 s after it started gives about two thirds of what it sustains after 90 s.
#
# Usage: scripts/case-load.sh [load-seconds] [load-threads] [bank-size] [heap] [rounds] [warm-up-seconds]
#        (after: mvn -q -DskipTests package; heap defaults to 1g, 2g from a million hashes, 5g from ten million;
#        rounds, with a bank, defaults to 4; the warm-up to 60 s. SERVICE_ARGS passes Payara Micro options to
#        the node, for example SERVICE_ARGS="--maxHttpThreads 4")
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD=${1:-30}
THREADS=${2:-16}
BANK=${3:-0}
if [ "$BANK" -ge 10000000 ]; then HEAP_DEFAULT=5g; elif [ "$BANK" -ge 1000000 ]; then HEAP_DEFAULT=2g; else HEAP_DEFAULT=1g; fi
HEAP=${4:-$HEAP_DEFAULT}
ROUNDS=${5:-4}
WARM_UP=${6:-60}
JAR=target/report-remove-microbundle.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres bench reportremove

as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q bench >/dev/null 2>&1
PGBENCH=$(as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c 8 -j 2 -T 30 bench 2>/dev/null \
    | awk '/^tps/ {print $3; exit}')
echo "pgbench -N, 8 clients, 30 s: $PGBENCH tps"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sql() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "$1" reportremove; }

# run_load LABEL: one round of load against a freshly started service, its figures prefixed with LABEL.
run_load() {
    start_service "-Xmx$HEAP"
    if [ "$1" = bank ]; then
        echo "$1: index $(grep -o 'event=signals.index.loaded.*' "$WORK/service.log" | head -1), heap $HEAP"
    fi
    java scripts/CaseLoad.java "http://127.0.0.1:$HTTP_PORT" "$SECONDS_LOAD" "$THREADS" "$WARM_UP" | sed "s/^/$1: /"
    stop_service
}

if [ "$BANK" -eq 0 ]; then
    run_load empty
else
    start_service "-Xmx$HEAP"
    stop_service
    started=$(date +%s)
    # Without its primary key the table takes the rows several times faster; the key is built once afterwards.
    # Two md5s of random text make 64 hex digits: a uniformly random 256-bit PDQ value.
    sql "ALTER TABLE known_signal DROP CONSTRAINT known_signal_pkey"
    sql "INSERT INTO known_signal (signal_type, signal_value, quality, imported_at)
        SELECT 'PDQ', md5(random()::text) || md5(random()::text), 90, now() FROM generate_series(1, $BANK)"
    sql "ALTER TABLE known_signal ADD PRIMARY KEY (signal_type, signal_value)"
    sql "VACUUM ANALYZE known_signal"
    echo "bank: $(count_rows "SELECT COUNT(*) FROM known_signal") PDQ hashes generated in $(( $(date +%s) - started )) s"
    sql "CREATE TABLE empty_bank (LIKE known_signal INCLUDING ALL)"
    for round in $(seq 1 "$ROUNDS"); do
        if [ $(( round % 2 )) -eq 1 ]; then
            run_load bank
        else
            sql "ALTER TABLE known_signal RENAME TO full_bank; ALTER TABLE empty_bank RENAME TO known_signal"
            run_load empty
            sql "ALTER TABLE known_signal RENAME TO empty_bank; ALTER TABLE full_bank RENAME TO known_signal"
        fi
    done
fi
CASES=$(count_rows "SELECT COUNT(*) FROM report_case")
QUEUED=$(count_rows "SELECT COUNT(*) FROM outbox_message")
echo "stored: $CASES cases, $QUEUED queued messages"
echo "pgbench -N reference: $PGBENCH tps (aim: half of it in cases/s, p99 under 100 ms)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
