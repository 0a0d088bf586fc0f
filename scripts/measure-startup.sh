#!/usr/bin/env bash
# Measures README command 1: seconds from launching the runnable jar to /health/ready answering UP, and
# resident memory once idle. Uses a fresh data directory, then restarts on it to time a second start.
# Usage: scripts/measure-startup.sh   (after mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/report-remove-microbundle.jar
[ -f "$jar" ] || { echo "build first: mvn -q -DskipTests package"; exit 2; }
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

start_once() {
  local began
  began=$(date +%s.%N)
  REPORTREMOVE_DATA_DIR="$data" java -jar "$jar" >"$data/service-$1.log" 2>&1 &
  pid=$!
  until curl -fs -m 1 http://127.0.0.1:8080/health/ready >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited"; tail -20 "$data/service-$1.log"; exit 1; }
    sleep 0.2
  done
  echo "$1 start: ready after $(echo "$(date +%s.%N) - $began" | bc) s"
}

start_once first
sleep 20
echo "resident memory at idle: $(awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status")"
kill "$pid"; wait "$pid" 2>/dev/null || true
start_once restart
kill "$pid"; wait "$pid" 2>/dev/null || true
