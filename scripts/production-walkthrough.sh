#!/usr/bin/env bash
# Follows "Production from nothing" in docs/operations.md step by step, as an operator would, on this machine:
# makes the keys with report-remove-keys, starts a PostgreSQL, creates the service's and the auditor's database
# users, starts the service in production mode from the built jar, grants the auditor what the docs give it,
# gets a partner client (an operator tool) a token and records the key set-up with it, verifies the audit chain
# as the auditor, and shuts everything down. Each step is numbered as in the docs: change both together.
#
# Needs the jars (mvn package) and Debian's postgresql package (.ci/run installs it); runs as root, as CI does:
# PostgreSQL runs as its own unprivileged postgres user, in a throwaway folder on random loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
begun=$(date +%s)

for jar in report-remove-microbundle report-remove-keys report-remove-audit-verify; do
    [ -f "target/$jar.jar" ] || { echo "target/$jar.jar is missing: run mvn package first"; exit 1; }
done
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)"; exit 1; }

WORK=$(mktemp -d /tmp/walkthrough.XXXXXX)
PG_PORT=$(( 20000 + RANDOM % 20000 ))
HTTP_PORT=$(( 40000 + RANDOM % 20000 ))
SERVICE_PID=
as_pg() { runuser -u postgres -- "$@"; }
# The database superuser's session, over the local socket (trusted only for the postgres system user).
superuser_psql() { as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$WORK/socket" -p "$PG_PORT" -U postgres "$@"; }
cleanup() {
    if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
    as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "walk-through FAILED: $*"; [ -f "$WORK/service.log" ] && tail -40 "$WORK/service.log"; exit 1; }
step() { echo "== $(( $(date +%s) - begun )) s: $*"; }

# --- 1. Make the keys ------------------------------------------------------------------------------------------
step "1. keys"
keys="$WORK/keys"
mkdir -m 700 "$keys"
(
    cd "$keys"
    KEYS="java -jar $OLDPWD/target/report-remove-keys.jar"
    $KEYS token-signing --out token-signing.jwks >token-signing-public.jwks
    $KEYS encryption --out keyset.json >/dev/null
    $KEYS bundle-signing --out bundle-signing.jwks >service-bundle.jwks
    # Made by the analysts on their side; they hand over the public file.
    $KEYS analyst-side --out analysts-bundle.jwks --public analysts-bundle-public.jwks >/dev/null
    $KEYS client --id ops-tool --out ops-tool-client-private.jwks --public ops-tool-client.jwks >/dev/null
    # Stands in for the age provider's published keys (its JWKS), which the walk-through cannot fetch.
    $KEYS client --id age-provider --out age-provider-private.jwks --public age-provider.jwks >/dev/null
) 2>"$WORK/keys.log" || { cat "$WORK/keys.log"; fail "report-remove-keys"; }
for file in token-signing.jwks keyset.json bundle-signing.jwks ops-tool-client-private.jwks; do
    [ "$(stat -c %a "$keys/$file")" = 600 ] || fail "$file is not owner-only"
done
head -c 32 /dev/urandom | base64 | tr -d '/+=' >"$keys/db-password"
head -c 32 /dev/urandom | base64 | tr -d '/+=' >"$keys/auditor-password"
chmod 600 "$keys/db-password" "$keys/auditor-password"

# --- 2. The database and its two users -------------------------------------------------------------------------
step "2. PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') and its users"
mkdir "$WORK/pg" "$WORK/socket"
chown postgres "$WORK/pg" "$WORK/socket"
chmod 755 "$WORK"
as_pg "$BIN/initdb" -D "$WORK/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null
as_pg "$BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k $WORK/socket" start >/dev/null
superuser_psql -v service_password="$(cat "$keys/db-password")" -v auditor_password="$(cat "$keys/auditor-password")" \
    postgres <<'SQL'
CREATE ROLE reportremove LOGIN PASSWORD :'service_password';
CREATE DATABASE reportremove OWNER reportremove;
CREATE ROLE auditor LOGIN PASSWORD :'auditor_password';
SQL

# --- 3. Start the service in production mode -------------------------------------------------------------------
step "3. the service in production mode"
(
    export REPORTREMOVE_MODE=production
    export REPORTREMOVE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/reportremove"
    export REPORTREMOVE_DATASOURCE_USER=reportremove
    export REPORTREMOVE_DATASOURCE_PASSWORD="$(cat "$keys/db-password")"
    export REPORTREMOVE_TOKENS_SIGNING_JWKS_FILE="$keys/token-signing.jwks"
    export REPORTREMOVE_ENCRYPTION_KEYSET_FILE="$keys/keyset.json"
    export REPORTREMOVE_ANALYSTS_BUNDLES_SIGNING_JWKS_FILE="$keys/bundle-signing.jwks"
    export REPORTREMOVE_ANALYSTS_BUNDLES_ANALYST_JWKS_FILE="$keys/analysts-bundle-public.jwks"
    export REPORTREMOVE_AGECHECK_PROVIDER_DEVELOPMENT=false
    export REPORTREMOVE_AGECHECK_PROVIDER_NAME=example-age-provider
    export REPORTREMOVE_AGECHECK_PROVIDER_ISSUER=https://age-provider.example
    export REPORTREMOVE_AGECHECK_PROVIDER_START_URL=https://age-provider.example/start
    export REPORTREMOVE_AGECHECK_PROVIDER_JWKS_FILE="$keys/age-provider.jwks"
    export REPORTREMOVE_CLIENTS=ops-tool
    export REPORTREMOVE_CLIENT_OPS_TOOL_ROLES=operator
    export REPORTREMOVE_CLIENT_OPS_TOOL_JWKS_FILE="$keys/ops-tool-client.jwks"
    exec java -Dpayaramicro.port="$HTTP_PORT" -jar target/report-remove-microbundle.jar --port "$HTTP_PORT"
) >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
base="http://127.0.0.1:$HTTP_PORT"
starting=$(date +%s)
# Generous: on a two-core machine busy with other builds the start has taken over two minutes.
until curl -fsS -m 2 "$base/health/ready" >/dev/null 2>&1; do
    kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service exited before it was ready"
    [ $(( $(date +%s) - starting )) -lt 300 ] || fail "the service was not ready within 300 s"
    sleep 1
done
grep -q 'event=startup.refused' "$WORK/service.log" && fail "production mode refused a setting"
step "ready after $(( $(date +%s) - starting )) s"

# --- 4. Grant the auditor read access to the audit trail -------------------------------------------------------
step "4. the auditor's grants"
# The verifier as the docs run it in step 6; before the grants it must be refused.
verify() {
    REPORTREMOVE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/reportremove" \
    REPORTREMOVE_DATASOURCE_USER=auditor \
        java -jar target/report-remove-audit-verify.jar --password-file "$keys/auditor-password"
}
if verify >/dev/null 2>"$WORK/refused.log" || ! grep -q 42501 "$WORK/refused.log"; then
    fail "the auditor could read the audit trail before the grants: $(cat "$WORK/refused.log")"
fi
superuser_psql reportremove <<'SQL'
GRANT CONNECT ON DATABASE reportremove TO auditor;
GRANT USAGE ON SCHEMA public TO auditor;
GRANT SELECT ON audit_event, audit_chain_head TO auditor;
SQL

# --- 5. A partner client gets a token and records the key set-up ------------------------------------------------
step "5. the ops-tool client gets a token and records the key set-up"
assertion=$(java -jar target/report-remove-keys.jar assertion --id ops-tool --key "$keys/ops-tool-client-private.jwks")
token=$(curl -fsS "$base/api/v1/auth/token" -d grant_type=client_credentials \
        --data-urlencode client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
        --data-urlencode "client_assertion=$assertion" \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "no access token for the ops-tool client"
kid=$(sed -n 's/.*"kid":"\([^"]*\)".*/\1/p' "$keys/token-signing-public.jwks")
status=$(curl -sS -o "$WORK/entry.json" -w '%{http_code}' "$base/api/v1/operator/audit/entries" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"action\": \"KEY_ROTATED\", \"objectId\": \"$kid\"}")
[ "$status" = 201 ] || fail "recording the key set-up answered $status: $(cat "$WORK/entry.json")"

# --- 6. Verify the audit chain as the auditor -------------------------------------------------------------------
step "6. the audit chain, verified as the auditor"
# The sealer chains new rows every second: wait until the entry just recorded is in the chain.
for _ in $(seq 1 30); do
    out=$(verify) || fail "the verifier failed as the auditor: $out"
    [ "$(echo "$out" | sed -n 's/^links verified: //p')" -ge 1 ] && break
    sleep 1
done
echo "$out"
[ "$(echo "$out" | sed -n 's/^links verified: //p')" -ge 1 ] || fail "the recorded entry was never sealed"
echo "$out" | grep -qx 'audit chain intact' || fail "the chain is not intact"

# --- 7. Shut down ----------------------------------------------------------------------------------------------
step "7. shut down"
kill -TERM "$SERVICE_PID"
wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=
as_pg "$BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null
step "production walk-through passed"
