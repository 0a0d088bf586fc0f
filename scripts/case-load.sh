#!/usr/bin/env bash
# Measures case submissions against a throwaway PostgreSQL, beside pgbench -N on the same PostgreSQL, in one run.
# Starts PostgreSQL (Debian's packages, as the unprivileged postgres user) on a random loopback port, runs
# pgbench -N with 8 clients, starts the service jar against it, runs scripts/CaseLoad.java, and stops everything.
#
# Usage: scripts/case-load.sh [load-seconds] [load-threads]     (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOAD=${1:-30}
THREADS=${2:-16}
JAR=target/report-remove-microbundle.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres bench reportremove

as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q bench >/dev/null 2>&1
PGBENCH=$(as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c 8 -j 2 -T 30 bench 2>/dev/null \
    | awk '/^tps/ {print $3; exit}')
echo "pgbench -N, 8 clients, 30 s: $PGBENCH tps"

start_service

java scripts/CaseLoad.java "http://127.0.0.1:$HTTP_PORT" "$SECONDS_LOAD" "$THREADS" 10
CASES=$(count_rows "SELECT COUNT(*) FROM report_case")
QUEUED=$(count_rows "SELECT COUNT(*) FROM outbox_message")
echo "stored: $CASES cases, $QUEUED queued messages"
echo "pgbench -N reference: $PGBENCH tps (aim: half of it in cases/s, p99 under 100 ms)"
