#!/usr/bin/env bash
# Measures the industry feed on one node against a throwaway PostgreSQL: N published signals are generated straight
# into the database with COPY (one list, random feed ids, PDQ values), then one platform streams the whole snapshot
# (JSON Lines) and reads pages of changes from a checkpoint taken before the signals joined. Starts PostgreSQL
# (Debian's packages, as the unprivileged postgres user) on a random loopback port, starts the service jar with a
# platform client for the load program, and stops everything afterwards.
#
# Usage: scripts/industry-feed-load.sh [signals] [page-size] [page-seconds]   (after: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SIGNALS=${1:-10000000}
PAGE=${2:-1000}
PAGE_SECONDS=${3:-30}
JAR=target/report-remove-microbundle.jar
BRIDGE=target/report-remove-analyst-bridge.jar
[ -f "$JAR" ] && [ -f "$BRIDGE" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
# shellcheck source=scripts/throwaway-node.sh
. scripts/throwaway-node.sh
start_postgres reportremove

java -cp "$BRIDGE" scripts/IndustryFeedLoad.java keys "$WORK"
start_service -Dreportremove.clients=bench-platform -Dreportremove.client.bench-platform.roles=platform \
    -Dreportremove.client.bench-platform.jwks-file="$WORK/bench-platform.jwks" \
    -Dreportremove.industry.platform.bench-platform.lists=bench-list \
    -Dreportremove.industry.snapshots-per-hour=1000 -Dreportremove.industry.pages-per-hour=100000000 || true
# A busy machine may need longer than start_service waits.
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null || { echo "the service never got ready"; exit 1; }

# The checkpoint before any signal: the changes after it are all N additions.
java -cp "$BRIDGE" scripts/IndustryFeedLoad.java checkpoint "http://127.0.0.1:$HTTP_PORT" \
    "$WORK/bench-platform.jwk" >"$WORK/checkpoint"

# Ten million random keys inserted into live B-trees would take most of an hour on a small machine; a bulk load
# drops the indexes, copies, and builds them again by sorting.
INDEXES="industry_feed_entry_added industry_feed_entry_removed industry_feed_entry_signal industry_feed_entry_waiting"
START=$(date +%s)
count_rows "ALTER TABLE industry_feed_source DROP CONSTRAINT industry_feed_source_feed_id_fkey;
    ALTER TABLE industry_feed_entry DROP CONSTRAINT industry_feed_entry_pkey;
    DROP INDEX $(echo "$INDEXES" | sed 's/ /, /g')" >/dev/null
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 reportremove -c "
    COPY (SELECT gen_random_uuid()::text, 'bench-list', 'PDQ',
                 md5(i::text || 'c') || md5(i::text || 'd'), i, current_date
          FROM generate_series(1, $SIGNALS) AS i) TO STDOUT" \
  | as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -v ON_ERROR_STOP=1 reportremove -c "
    COPY industry_feed_entry (feed_id, list_name, signal_type, signal_value, added_seq, added_day) FROM STDIN"
COPIED=$(date +%s)
count_rows "ALTER TABLE industry_feed_entry ADD PRIMARY KEY (feed_id);
    CREATE UNIQUE INDEX industry_feed_entry_added ON industry_feed_entry (added_seq);
    CREATE UNIQUE INDEX industry_feed_entry_removed ON industry_feed_entry (removed_seq);
    CREATE INDEX industry_feed_entry_signal ON industry_feed_entry (list_name, signal_type, signal_value);
    CREATE INDEX industry_feed_entry_waiting ON industry_feed_entry (queued_hour);
    ALTER TABLE industry_feed_source ADD FOREIGN KEY (feed_id) REFERENCES industry_feed_entry (feed_id)
        ON DELETE CASCADE;
    UPDATE industry_feed_head SET last_seq = $SIGNALS WHERE id = 1" >/dev/null
count_rows "VACUUM ANALYZE industry_feed_entry" >/dev/null
echo "generated $SIGNALS signals with COPY in $(( COPIED - START )) s, indexed in $(( $(date +%s) - COPIED )) s"

java -cp "$BRIDGE" scripts/IndustryFeedLoad.java run "http://127.0.0.1:$HTTP_PORT" "$WORK/bench-platform.jwk" \
    "$(cat "$WORK/checkpoint")" "$PAGE" "$PAGE_SECONDS" || { echo "the load failed; the service's log ends:"; \
    grep -v '^\s*at ' "$WORK/service.log" | tail -40; exit 1; }
