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
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN_AS=postgres
WORK=$(mktemp -d /tmp/case-load.XXXXXX)
chown "$RUN_AS" "$WORK"
PG_PORT=$(( 20000 + RANDOM % 20000 ))
HTTP_PORT=$(( 40000 + RANDOM % 20000 ))
SERVICE_PID=
as_pg() { runuser -u "$RUN_AS" -- "$@"; }
cleanup() {
    [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

as_pg "$BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
as_pg "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c max_connections=200 -c shared_buffers=256MB" start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres reportremove
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -i -s 10 -q bench >/dev/null 2>&1
PGBENCH=$(as_pg "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -N -c 8 -j 2 -T 30 bench 2>/dev/null \
    | awk '/^tps/ {print $3; exit}')
echo "pgbench -N, 8 clients, 30 s: $PGBENCH tps"

# Development mode (generated keys) on PostgreSQL: the same code path as production for cases.
REPORTREMOVE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/reportremove" \
REPORTREMOVE_DATASOURCE_USER=postgres REPORTREMOVE_DATASOURCE_PASSWORD=postgres \
REPORTREMOVE_DATA_DIR="$WORK/data" \
REPORTREMOVE_ACCOUNTS_OPENINGS_PER_ADDRESS_PER_HOUR=100000 \
    java -Xmx1g -Dpayaramicro.port="$HTTP_PORT" -jar "$JAR" --port "$HTTP_PORT" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null || { tail -20 "$WORK/service.log"; exit 1; }

java scripts/CaseLoad.java "http://127.0.0.1:$HTTP_PORT" "$SECONDS_LOAD" "$THREADS" 10
CASES=$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tA -c "SELECT COUNT(*) FROM report_case" reportremove)
QUEUED=$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tA -c "SELECT COUNT(*) FROM outbox_message" reportremove)
echo "stored: $CASES cases, $QUEUED queued messages"
echo "pgbench -N reference: $PGBENCH tps (aim: half of it in cases/s, p99 under 100 ms)"
