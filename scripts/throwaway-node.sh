# Sourced by the load scripts: a throwaway PostgreSQL (Debian's packages, run as the unprivileged postgres
# user on a random loopback port) and one service node against it, both stopped when the script exits.
# Needs: JAR set by the caller. Gives: WORK, PG_PORT, HTTP_PORT, BIN, as_pg, start_postgres, start_service,
# stop_service, count_rows.

BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
RUN_AS=postgres
WORK=$(mktemp -d /tmp/load.XXXXXX)
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

# start_postgres DATABASE...: starts PostgreSQL and creates the named databases (PG_EXTRA_OPTIONS, if set, adds
# server options, such as those a bulk load needs).
start_postgres() {
    as_pg "$BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
    as_pg "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
        -o "-h 127.0.0.1 -p $PG_PORT -k $WORK -c max_connections=200 -c shared_buffers=256MB ${PG_EXTRA_OPTIONS:-}" start >/dev/null
    for db in "$@"; do
        as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db"
    done
    echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

# start_service [JAVA-OPTION...]: the service jar in development mode (generated keys) on the throwaway
# PostgreSQL, with room for the load's account openings and submissions; waits until it is ready (up to
# READY_WAIT_SECONDS, 900 unless set: a busy machine may need more). SERVICE_ARGS, if set, adds Payara Micro
# options after the jar (for example "--maxHttpThreads 4").
start_service() {
    REPORTREMOVE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/reportremove" \
    REPORTREMOVE_DATASOURCE_USER=postgres REPORTREMOVE_DATASOURCE_PASSWORD=postgres \
    REPORTREMOVE_DATA_DIR="$WORK/data" \
    REPORTREMOVE_ACCOUNTS_OPENINGS_PER_ADDRESS_PER_HOUR=100000 \
    REPORTREMOVE_CASES_SUBMISSIONS_PER_ACCOUNT_PER_HOUR=100000000 \
    REPORTREMOVE_CASES_SUBMISSIONS_PER_ADDRESS_PER_HOUR=100000000 \
        java -Xmx1g -Dpayaramicro.port="$HTTP_PORT" "$@" -jar "$JAR" --port "$HTTP_PORT" ${SERVICE_ARGS:-} >"$WORK/service.log" 2>&1 &
    SERVICE_PID=$!
    # Ready once migrated and the bank of known signals is loaded (a minute or more at ten million hashes).
    for _ in $(seq 1 "${READY_WAIT_SECONDS:-900}"); do
        curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && return 0
        sleep 1
    done
    tail -20 "$WORK/service.log"
    return 1
}

# stop_service: stops the service node and waits for it to end.
stop_service() {
    kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=
}

# count_rows SQL: the single number a query answers, from the service's database.
count_rows() {
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tA -c "$1" reportremove
}
