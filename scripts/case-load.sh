#!/usr/bin/env bash
# Measures case submissions against a throwaway PostgreSQL, beside pgbench -N on the same PostgreSQL, in one run.
# Starts PostgreSQL (Debian's packages, as the unprivileged postgres user) on a random loopback port, runs
# pgbench -N with 8 clients, starts the service jar against it, runs scripts/CaseLoad.java, and stops everything.
# With a bank size, the service is started once to migrate the schema and stopped, that many random PDQ hashes
# (quality 90) are generated straight into known_signal by PostgreSQL, and the service is started again: the
# time its index took to load from PostgreSQL is printed, then the load runs against the full bank.
#
# Usage: scripts/case-load.sh [load-seconds] [load-threads] [bank-size] [heap]
#        (after: mvn -q -DskipTests package; heap defaults to 1g, 2g from a million hashes, 5g from ten million)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD=${1:-30}
THREADS=${2:-16}
BANK=${3:-0}
if [ "$BANK" -ge 10000000 ]; then HEAP_DEFAULT=5g; elif [ "$BANK" -ge 1000000 ]; then HEAP_DEFAULT=2g; else HEAP_DEFAULT=1g; fi
HEAP=${4:-$HEAP_DEFAULT}
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
if [ "$BANK" -gt 0 ]; then
    start_service "-Xmx$HEAP"
    stop_service
    started=$(date +%s)
    # Two md5s of random text make 64 hex digits: a uniformly random 256-bit PDQ value.
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "INSERT INTO known_signal (signal_type,
        signal_value, quality, imported_at) SELECT 'PDQ', md5(random()::text) || md5(random()::text), 90, now()
        FROM generate_series(1, $BANK) ON CONFLICT DO NOTHING" reportremove
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "VACUUM ANALYZE known_signal" reportremove
    echo "bank: $(count_rows "SELECT COUNT(*) FROM known_signal") PDQ hashes generated in $(( $(date +%s) - started )) s"
fi
start_service "-Xmx$HEAP"
if [ "$BANK" -gt 0 ]; then
    echo "index: $(curl -s "http://127.0.0.1:$HTTP_PORT/health/ready" | grep -o '"loadSeconds":"[^"]*"'), heap $HEAP;" \
        "$(grep -o 'event=signals.index.loaded.*' "$WORK/service.log" | head -1)"
fi

java scripts/CaseLoad.java "http://127.0.0.1:$HTTP_PORT" "$SECONDS_LOAD" "$THREADS" 10
CASES=$(count_rows "SELECT COUNT(*) FROM report_case")
QUEUED=$(count_rows "SELECT COUNT(*) FROM outbox_message")
echo "stored: $CASES cases, $QUEUED queued messages"
echo "pgbench -N reference: $PGBENCH tps (aim: half of it in cases/s, p99 under 100 ms)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
