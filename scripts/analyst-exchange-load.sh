#!/usr/bin/env bash
# Measures the analyst exchange on one node against a throwaway PostgreSQL: seeds N cases (one package each),
# then times leasing and acknowledging all N packages (each lease's packages in one request, or with `single` one
# request per package from the acknowledging threads), then how many result events per second the results
# endpoint applies. Starts PostgreSQL (Debian's packages, as the unprivileged postgres user) on a random loopback
# port, starts the service jar with a partner client for the load program, and stops everything afterwards.
#
# Usage: scripts/analyst-exchange-load.sh [packages] [ack-threads] [result-threads] [batch|single]
#        (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGES=${1:-10000}
ACK_THREADS=${2:-8}
RESULT_THREADS=${3:-4}
ACK_MODE=${4:-batch}
JAR=target/report-remove-microbundle.jar
BRIDGE=target/report-remove-analyst-bridge.jar
[ -f "$JAR" ] && [ -f "$BRIDGE" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres reportremove

java -cp "$BRIDGE" scripts/AnalystExchangeLoad.java keys "$WORK"
start_service -Dreportremove.clients=bench-analyst -Dreportremove.client.bench-analyst.roles=analyst-exchange \
    -Dreportremove.client.bench-analyst.jwks-file="$WORK/bench-analyst.jwks"

java -cp "$BRIDGE" scripts/AnalystExchangeLoad.java run "http://127.0.0.1:$HTTP_PORT" "$WORK/bench-analyst.jwk" \
    "$PACKAGES" 16 "$ACK_THREADS" "$RESULT_THREADS" "$ACK_MODE" || { echo "the load failed; the service's log ends:"; \
    grep -v '^\s*at ' "$WORK/service.log" | tail -40; exit 1; }
LEFT=$(count_rows "SELECT COUNT(*) FROM outbox_message WHERE topic = 'ANALYSTS'")
ASSESSED=$(count_rows "SELECT COUNT(*) FROM analyst_assessment")
echo "stored: $ASSESSED assessments; $LEFT analyst packages left in the outbox"
