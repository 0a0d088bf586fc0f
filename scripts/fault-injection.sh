#!/usr/bin/env bash
# Faults under a submission load: kills the service with SIGKILL three times (restarting it each time), restarts
# PostgreSQL once and takes it away for 20 s once, while scripts/FaultLoad.java submits cases and sends every
# unanswered, 503 or other 5xx submission again with the same Idempotency-Key. Then it reports the submissions
# acknowledged, lost (acknowledged but not in the database), duplicated (a case that no key points to, that
# is a second case for a retried key), the answers seen (5xx other than 503 should be none) and how long each fault kept
# acknowledgements away. The service's log is kept in target/fault-injection-service.log. Takes five minutes or
# more (three service starts); not run by CI.
#
# Usage: scripts/fault-injection.sh [load-threads] [seconds-between-faults]   (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-8}
BETWEEN=${2:-15}
JAR=target/report-remove-microbundle.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres reportremove
FAULTS="$WORK/faults.txt"
STOP="$WORK/stop"
ACKNOWLEDGED="$WORK/acknowledged.txt"
LOGS="$WORK/service-logs.txt"
: >"$LOGS"

now_ms() { date +%s%3N; }
mark() { echo "$(now_ms) $1 $2" >>"$FAULTS"; }
keep_log() { cat "$WORK/service.log" >>"$LOGS" 2>/dev/null || true; }
ready_after() { # ready_after START-MS: waits for /health/ready, prints the seconds since START-MS
    for _ in $(seq 1 1200); do
        curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
        sleep 0.1
    done
    awk -v s="$1" -v e="$(now_ms)" 'BEGIN { printf "%.1f", (e - s) / 1000 }'
}
pg() { as_pg "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w "$@" >/dev/null; }

start_service
java scripts/FaultLoad.java "http://127.0.0.1:$HTTP_PORT" "$THREADS" "$STOP" "$ACKNOWLEDGED" "$FAULTS" \
    >"$WORK/load.txt" 2>&1 &
LOAD_PID=$!
until [ -f "$STOP.running" ]; do
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.txt"; exit 1; }
    sleep 1
done
sleep "$BETWEEN"

kill_service() {
    local label=$1 started
    mark start "$label"
    kill -9 "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
    keep_log
    started=$(now_ms)
    start_service
    mark end "$label"
    echo "$label: ready $(ready_after "$started") s after the restart began"
}

kill_service "kill -9 #1"
sleep "$BETWEEN"
kill_service "kill -9 #2"
sleep "$BETWEEN"

mark start "PostgreSQL restart"
started=$(now_ms)
pg -m fast restart -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c max_connections=200 -c shared_buffers=256MB"
mark end "PostgreSQL restart"
echo "PostgreSQL restart: service ready again $(ready_after "$started") s after the restart began"
sleep "$BETWEEN"

mark start "PostgreSQL away 20 s"
pg -m fast stop
sleep 2
READY=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$HTTP_PORT/health/ready" || true)
echo "PostgreSQL away: /health/ready answers $READY"
sleep 18
started=$(now_ms)
pg start -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c max_connections=200 -c shared_buffers=256MB"
mark end "PostgreSQL away 20 s"
echo "PostgreSQL back: service ready again $(ready_after "$started") s after it started"
sleep "$BETWEEN"

kill_service "kill -9 #3"
sleep "$BETWEEN"

touch "$STOP"
wait "$LOAD_PID" || { cat "$WORK/load.txt"; exit 1; }
cat "$WORK/load.txt"
keep_log
cp "$LOGS" target/fault-injection-service.log

as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE TEMP TABLE acked (ref TEXT)" \
    -c "\\copy acked FROM '$ACKNOWLEDGED'" \
    -c "\\echo lost (acknowledged, not in the database):" \
    -tA -c "SELECT COUNT(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM report_case c WHERE c.case_reference = a.ref)" \
    -c "\\echo duplicated (a case that no Idempotency-Key points to: a second case for a retried key):" \
    -c "SELECT COUNT(*) FROM report_case c WHERE NOT EXISTS (SELECT 1 FROM case_submission s WHERE s.case_id = c.id)" \
    -c "\\echo cases stored:" -c "SELECT COUNT(*) FROM report_case" reportremove
echo "log lines: $(wc -l <"$LOGS"); stack-frame lines: $(grep -c $'^\tat \|^    at ' "$LOGS" || true);" \
    "pool messages (RAR): $(grep -c 'RAR[0-9]' "$LOGS" || true);" \
    "event=database.unavailable: $(grep -c 'event=database.unavailable' "$LOGS" || true);" \
    "event=error.unexpected: $(grep -c 'event=error.unexpected' "$LOGS" || true)"
