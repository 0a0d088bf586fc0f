#!/usr/bin/env bash
# Measures webhook deliveries: how many per second one node sustains to a fast local receiver, and the delay from
# an event's queueing to its delivery. Starts a throwaway PostgreSQL and the service jar with no subscription,
# queues a backlog of due notifications (one per young person), restarts the node with PARTNERS subscriptions
# to the receiver that scripts/CaseLoad.java webhook-measure runs, which times the drain, then a steady case load.
#
# Usage: scripts/webhook-load.sh [backlog] [partners] [load-seconds] [load-threads]   (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
BACKLOG=${1:-500}
PARTNERS=${2:-8}
SECONDS_LOAD=${3:-30}
THREADS=${4:-8}
JAR=target/report-remove-microbundle.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres reportremove
export REPORTREMOVE_INBOX_NOTIFICATIONS=true
export READY_WAIT_SECONDS=${READY_WAIT_SECONDS:-600}

start_service
java scripts/CaseLoad.java webhook-backlog "http://127.0.0.1:$HTTP_PORT" "$BACKLOG" "$THREADS"
WAITING=$(count_rows "SELECT COUNT(*) FROM outbox_message WHERE topic = 'NOTIFICATIONS'")
echo "notifications waiting: $WAITING"
kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=

RECEIVER_PORT=$(( 20000 + RANDOM % 20000 ))
partners=()
for i in $(seq 1 "$PARTNERS"); do
    partners+=("load-$i")
    export "REPORTREMOVE_WEBHOOK_LOAD_${i}_URL=http://127.0.0.1:$RECEIVER_PORT/load-$i"
    export "REPORTREMOVE_WEBHOOK_LOAD_${i}_SECRETS=whsec_$(head -c 32 /dev/urandom | base64 -w0)"
    export "REPORTREMOVE_WEBHOOK_LOAD_${i}_EVENTS=notification.due"
done
REPORTREMOVE_WEBHOOKS_PARTNERS=$(IFS=,; echo "${partners[*]}")
export REPORTREMOVE_WEBHOOKS_PARTNERS
java scripts/CaseLoad.java webhook-measure "http://127.0.0.1:$HTTP_PORT" "$RECEIVER_PORT" "$WAITING" "$PARTNERS" \
    "$SECONDS_LOAD" "$THREADS" &
LOAD_PID=$!
start_service
wait "$LOAD_PID"
echo "deliveries in the table: $(count_rows "SELECT state || ' ' || COUNT(*) FROM webhook_delivery GROUP BY state" | tr '\n' ' ')"
