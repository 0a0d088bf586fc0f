#!/usr/bin/env bash
# Measures the analyst exchange on one node against a throwaway PostgreSQL: seeds N cases (one package each),
# then times leasing and acknowledging all N packages, then how many result events per second the results
# endpoint applies. Starts PostgreSQL (Debian's packages, as the unprivileged postgres user) on a random loopback
# port, starts the service jar with a partner client for the load program, and stops everything afterwards.
#
# Usage: scripts/analyst-exchange-load.sh [packages] [ack-threads] [result-threads]   (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=${1:-10000}
ACK_THREADS=${2:-8}
RESULT_THREADS=${3:-4}
JAR=target/report-remove-microbundle.jar
BRIDGE=target/report-remove-analyst-bridge.jar
[ -f "$JAR" ] && [ -f "$BRIDGE" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN_AS=postgres
WORK=$(mktemp -d /tmp/analyst-load.XXXXXX)
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
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres reportremove
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

java -cp "$BRIDGE" scripts/AnalystExchangeLoad.java keys "$WORK"
# Development mode (generated keys) on PostgreSQL: the same code path as production for the exchange.
REPORTREMOVE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/reportremove" \
REPORTREMOVE_DATASOURCE_USER=postgres REPORTREMOVE_DATASOURCE_PASSWORD=postgres \
REPORTREMOVE_DATA_DIR="$WORK/data" \
    java -Xmx1g -Dpayaramicro.port="$HTTP_PORT" -Dreportremove.accounts.openings-per-address-per-hour=1000 \
        -Dreportremove.clients=bench-analyst -Dreportremove.client.bench-analyst.roles=analyst-exchange \
        -Dreportremove.client.bench-analyst.jwks-file="$WORK/bench-analyst.jwks" \
        -jar "$JAR" --port "$HTTP_PORT" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null || { tail -20 "$WORK/service.log"; exit 1; }

java -cp "$BRIDGE" scripts/AnalystExchangeLoad.java run "http://127.0.0.1:$HTTP_PORT" "$WORK/bench-analyst.jwk" \
    "$PACKAGES" 16 "$ACK_THREADS" "$RESULT_THREADS" || { echo "the load failed; the service's log ends:"; \
    grep -v '^\s*at ' "$WORK/service.log" | tail -40; exit 1; }
LEFT=$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tA -c \
    "SELECT COUNT(*) FROM outbox_message WHERE topic = 'ANALYSTS'" reportremove)
ASSESSED=$(as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tA -c "SELECT COUNT(*) FROM analyst_assessment" reportremove)
echo "stored: $ASSESSED assessments; $LEFT analyst packages left in the outbox"
