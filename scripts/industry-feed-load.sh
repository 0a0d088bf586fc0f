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
# The bulk load below writes no WAL at this level; the reads measured do not depend on it.
PG_EXTRA_OPTIONS="-c wal_level=minimal -c max_wal_senders=0"
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

INDEXES="industry_feed_entry_added industry_feed_entry_removed industry_feed_entry_signal industry_feed_entry_waiting"
# Ten million random keys inserted into live B-trees would take most of an hour on a small machine. The load
# empties the table and fills it in one transaction: with wal_level=minimal (set above) nothing of it is written to
# the WAL, rows are generated in position order (as publication writes them), and the indexes are built at the end
# by sorting in memory.
START=$(date +%s)
as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA -v ON_ERROR_STOP=1 reportremove >"$WORK/generated" <<SQL
    SET maintenance_work_mem = '2GB';
    SET max_parallel_maintenance_workers = 2;
    BEGIN;
    -- The head first: the service's publisher locks it before it reads the entries, so taking it last would
    -- deadlock with a publication waiting on the emptied table.
    UPDATE industry_feed_head SET last_seq = $SIGNALS WHERE id = 1;
    ALTER TABLE industry_feed_source DROP CONSTRAINT industry_feed_source_feed_id_fkey;
    TRUNCATE industry_feed_entry;
    ALTER TABLE industry_feed_entry DROP CONSTRAINT industry_feed_entry_pkey;
    DROP INDEX $(echo "$INDEXES" | sed 's/ /, /g');
    INSERT INTO industry_feed_entry (feed_id, list_name, signal_type, signal_value, added_seq, added_day)
        SELECT gen_random_uuid()::text, 'bench-list', 'PDQ', md5(i::text || 'c') || md5(i::text || 'd'), i,
               current_date
        FROM generate_series(1, $SIGNALS) AS i;
    SELECT 'copied', extract(epoch FROM clock_timestamp())::bigint;
    ALTER TABLE industry_feed_entry ADD PRIMARY KEY (feed_id);
    CREATE UNIQUE INDEX industry_feed_entry_added ON industry_feed_entry (added_seq);
    CREATE UNIQUE INDEX industry_feed_entry_removed ON industry_feed_entry (removed_seq);
    CREATE INDEX industry_feed_entry_signal ON industry_feed_entry (list_name, signal_type, signal_value);
    CREATE INDEX industry_feed_entry_waiting ON industry_feed_entry (queued_hour);
    ALTER TABLE industry_feed_source ADD FOREIGN KEY (feed_id) REFERENCES industry_feed_entry (feed_id)
        ON DELETE CASCADE;
    COMMIT;
SQL
COPIED=$(grep '^copied|' "$WORK/generated" | cut -d'|' -f2)
count_rows "VACUUM ANALYZE industry_feed_entry" >/dev/null
echo "generated $SIGNALS signals in $(( COPIED - START )) s, indexed and vacuumed in $(( $(date +%s) - COPIED )) s"
echo "load average before the reads: $(cut -d' ' -f1-3 /proc/loadavg)"

# The plans the reads use, for the record: each should walk a position index.
count_rows "EXPLAIN SELECT added_seq, feed_id, signal_type, signal_value, added_day FROM industry_feed_entry
    WHERE added_seq > 0 AND added_seq <= $SIGNALS AND (removed_seq IS NULL OR removed_seq > $SIGNALS)
    AND list_name IN ('bench-list') ORDER BY added_seq LIMIT 10000" >"$WORK/plans"
count_rows "EXPLAIN SELECT seq FROM (
    SELECT * FROM (SELECT added_seq AS seq FROM industry_feed_entry WHERE added_seq > 0 AND added_seq <= $SIGNALS
        AND list_name IN ('bench-list') ORDER BY added_seq LIMIT $PAGE) a
    UNION ALL
    SELECT * FROM (SELECT removed_seq AS seq FROM industry_feed_entry WHERE removed_seq > 0
        AND removed_seq <= $SIGNALS AND list_name IN ('bench-list') ORDER BY removed_seq LIMIT $PAGE) r) c
    ORDER BY seq LIMIT $PAGE" >>"$WORK/plans"
grep -E 'Scan|Sort|Limit|Append' "$WORK/plans"

POSTMASTER=$(head -1 "$WORK/pg/postmaster.pid")
java -cp "$BRIDGE" scripts/IndustryFeedLoad.java run "http://127.0.0.1:$HTTP_PORT" "$WORK/bench-platform.jwk" \
    "$(cat "$WORK/checkpoint")" "$PAGE" "$PAGE_SECONDS" "$SERVICE_PID" "$POSTMASTER" || { echo "the load failed; the service's log ends:"; \
    grep -v '^\s*at ' "$WORK/service.log" | tail -40; exit 1; }
