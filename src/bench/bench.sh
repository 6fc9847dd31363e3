#!/usr/bin/env bash
# Benchmark of Incident KB on a million synthetic incidents, on the embedded H2 file database.
#
#   bash src/bench/bench.sh            # first run ~25 min (generates and imports the data), later ~10 min
#
# 1. builds the service, generates ROWS incidents (src/bench/GenerateIncidents.java, seed 42) as NDJSON;
# 2. starts the service with -Xmx512m on a fresh H2 file under target/bench/ and imports the file through
#    POST /imports (timed; heap sampled every second); a later run reuses the database;
# 3. runs wrk (2 threads, 32 connections, 5 s warm-up, 15 s measured) on reads, filtered lists, statistics
#    and deep pages, and times exports with hyperfine; reads RSS from /proc.
# Env: ROWS (1000000), PORT (18080), DURATION (15s), WARMUP (5s), THREADS (2), CONNECTIONS (32), REIMPORT (0:
# 1 also times a second, no-op import of the same file). Results: target/bench/results-<time>/summary.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ROWS="${ROWS:-1000000}"
PORT="${PORT:-18080}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
REIMPORT="${REIMPORT:-0}"
BENCH="$ROOT/target/bench"
DATA="$BENCH/data-$ROWS"
FILE="$BENCH/incidents-$ROWS.ndjson"
OUT="$BENCH/results-$(date +%Y%m%d-%H%M%S)"
BASE="http://127.0.0.1:$PORT"
API="$BASE/api/v1"
mkdir -p "$OUT"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mib() { awk -v k="$2:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

APP_PID=""
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT

# ---------------------------------------------------------------- tools, build, data
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
    log "installing wrk and hyperfine"
    apt-get update -qq && apt-get install -y -qq wrk hyperfine >/dev/null
fi
if curl -s -o /dev/null -m 1 "$BASE/"; then log "port $PORT is in use; set PORT"; exit 1; fi

log "building the service"
./mvnw -B -q package -DskipTests > "$OUT/build.log" 2>&1
if [[ ! -f "$FILE" ]]; then
    log "generating $ROWS incidents into $FILE"
    java src/bench/GenerateIncidents.java "$ROWS" "$FILE" 42 2>> "$OUT/generate.log"
fi

# ---------------------------------------------------------------- start (timed)
FRESH=0
[[ -f "$DATA/kb.mv.db" ]] || FRESH=1
log "starting the service (H2 file $DATA/kb.mv.db, -Xmx512m)"
t0=$(now_ms)
# The admin the service creates in an empty database; imports need the admin role.
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
AUTH=(-u "admin:$ADMIN_PASSWORD")
start_app() {
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$DATA/kb;CACHE_SIZE=65536;WRITE_DELAY=0" \
        KB_DEMO_DATA_ENABLED=false KB_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -Xmx512m -jar target/quarkus-app/quarkus-run.jar >> "$OUT/app.log" 2>&1 &
    APP_PID=$!
    until curl -sf -o /dev/null "$API/event-types"; do
        kill -0 "$APP_PID" 2>/dev/null || { log "the service died; see $OUT/app.log"; exit 1; }
        sleep 0.05
    done
}
start_app
START_MS=$(( $(now_ms) - t0 ))
log "answering after $START_MS ms"

# import FILE, wait for the job, print "seconds rows_per_second max_heap_mib"
import_file() {
    local t0 location state max_heap=0 heap
    t0=$(now_ms)
    location=$(curl -s "${AUTH[@]}" -D - -o /dev/null -X POST "$API/imports?format=ndjson" -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$FILE" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
    while :; do
        sleep 1
        heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit } }')
        [[ -n "$heap" && "$heap" -gt "$max_heap" ]] && max_heap=$heap
        state=$(curl -s "${AUTH[@]}" "$location" | sed -nE 's/.*"state":"([A-Z]+)".*/\1/p')
        [[ "$state" == "RUNNING" || "$state" == "QUEUED" ]] || break
    done
    curl -s "${AUTH[@]}" "$location" > "$OUT/import-$1.json"
    local ms=$(( $(now_ms) - t0 ))
    echo "$(( ms / 1000 )).$(( ms % 1000 / 100 )) $(( ROWS * 1000 / ms )) $max_heap $state"
}

IMPORT_NOTE="reused the database imported by an earlier run (delete $DATA to import again)"
if [[ "$FRESH" == 1 ]]; then
    log "importing $ROWS incidents through POST /imports (this takes a while)"
    read -r secs rate heap state <<< "$(import_file first)"
    IMPORT_NOTE="import of $ROWS incidents: $state in ${secs} s, $rate rows/s, heap used at most ${heap} MiB (-Xmx512m), peak RSS $(rss_mib "$APP_PID" VmHWM) MiB"
    log "$IMPORT_NOTE"
    # H2 appends as it writes; compacting once after a bulk load shrinks the file several times over.
    log "compacting the H2 file (SHUTDOWN COMPACT) and starting again"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    H2_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
    java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/kb" -user sa -sql "SHUTDOWN COMPACT" >> "$OUT/compact.log" 2>&1 || true
    IMPORT_NOTE="$IMPORT_NOTE; H2 file after SHUTDOWN COMPACT: $(du -h "$DATA/kb.mv.db" | cut -f1)"
    t0=$(now_ms)
    start_app
    START_MS=$(( $(now_ms) - t0 ))
fi
if [[ "$REIMPORT" == 1 ]]; then
    log "importing the same file again (no-op)"
    read -r secs rate heap state <<< "$(import_file again)"
    IMPORT_NOTE="$IMPORT_NOTE; re-import (no-op): $state in ${secs} s, $rate rows/s"
fi
TOTAL=$(curl -s "$API/incidents?size=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')
MAX_ID=$(curl -s "$API/incidents?size=1&sort=-id" | sed -nE 's/^\{"items":\[\{"id":([0-9]+).*/\1/p')
export MAX_ID

# ---------------------------------------------------------------- wrk
RESULTS=()
bench() {   # bench NAME PATH [lua]
    local name="$1" url="$BASE$2" script="${3:-}" file="$OUT/wrk-${1//[^A-Za-z0-9]/_}.txt"
    local args=(-t"$THREADS" -c"$CONNECTIONS")
    [[ -n "$script" ]] && args+=(-s "$script")
    [[ -n "$script" ]] || curl -sf -o /dev/null "$url" || log "$url does not answer 2xx (measured anyway)"
    log "wrk: $name"
    wrk "${args[@]}" -d"$WARMUP" "$url" > /dev/null
    wrk "${args[@]}" -d"$DURATION" --latency "$url" > "$file"
    RESULTS+=("$(awk -v name="$name" '
        /^Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = $2 }
        /^ +99%/ { p99 = $2 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        END { printf "%-46s %9.0f %9s %9s %7d", name, rps, p50, p99, bad }' "$file")")
}
bench "GET /incidents/{random id}" "/" "$ROOT/src/bench/random-id.lua"
bench "GET /incidents?country=IRQ&from..to 2015" "/api/v1/incidents?country=IRQ&from=2015-01-01&to=2015-12-31&size=50&page=1&sort=-startDate"
bench "GET /stats/incidents?groupBy=month&country=IRQ" "/api/v1/stats/incidents?groupBy=month&country=IRQ"
bench "GET /incidents (first page, total of all)" "/api/v1/incidents?size=50"
bench "GET /incidents?perpetrator=Islamic State&minKilled=10" "/api/v1/incidents?perpetrator=Islamic%20State&minKilled=10&size=50"
bench "GET /incidents?near=33.3,44.4&radiusKm=50" "/api/v1/incidents?near=33.3,44.4&radiusKm=50&size=50"
bench "GET /incidents?q=district 7&country=SYR" "/api/v1/incidents?q=district%207&country=SYR&size=50"
bench "GET /incidents?claimedBy=Islamic State&type=.." "/api/v1/incidents?claimedBy=Islamic%20State&type=suicide-bomb&size=50"
bench "GET /incidents?country=SYR&from=2024-01-01&sort=-killed" "/api/v1/incidents?country=SYR&from=2024-01-01&sort=-killed&size=50"

# ---------------------------------------------------------------- deep pages and exports (hyperfine)
CURSOR=$(curl -s "$API/incidents?size=500&page=1000" | sed -nE 's/.*"cursor":"([^"]+)".*/\1/p')
log "hyperfine: deep pages, statistics and exports"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$OUT/hyperfine-pages.md" \
    -n "page 2000 of 500 by offset" "curl -sf -o /dev/null $API/incidents?size=500&page=2000" \
    -n "page after a cursor at row 500000" "curl -sf -o /dev/null $API/incidents?size=500&after=$CURSOR" \
    -n "stats groupBy=perpetrator,year (all rows)" "curl -sf -o /dev/null $API/stats/incidents?groupBy=perpetrator,year" \
    -n "stats groupBy=country,claimStatus (all rows)" "curl -sf -o /dev/null $API/stats/incidents?groupBy=country,claimStatus" \
    > "$OUT/hyperfine-pages.txt" 2>&1
hyperfine -N --warmup 0 --runs 2 --export-markdown "$OUT/hyperfine-exports.md" \
    -n "CSV of Iraq (all rows)" "curl -sf -o /dev/null $API/incidents?country=IRQ&format=csv" \
    -n "GeoJSON of Iraq (all rows)" "curl -sf -o /dev/null $API/incidents?country=IRQ&format=geojson" \
    -n "NDJSON of Iraq (all rows)" "curl -sf -o /dev/null $API/incidents?country=IRQ&format=ndjson" \
    > "$OUT/hyperfine-exports.txt" 2>&1
IRQ=$(curl -s "$API/incidents?country=IRQ&size=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')
APP_RSS=$(rss_mib "$APP_PID" VmRSS)
APP_HWM=$(rss_mib "$APP_PID" VmHWM)

# ---------------------------------------------------------------- report
{
    echo "Incident KB benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), H2 file DB, -Xmx512m"
    echo "data: $TOTAL incidents ($IRQ in Iraq); $IMPORT_NOTE"
    echo "start -> first response: $START_MS ms"
    echo
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up)"
    printf '%-46s %9s %9s %9s %7s\n' "endpoint" "req/s" "p50" "p99" "non-2xx"
    printf '%s\n' "${RESULTS[@]}"
    echo
    cat "$OUT/hyperfine-pages.md"
    echo
    cat "$OUT/hyperfine-exports.md"
    echo
    echo "RSS after the load: $APP_RSS MiB, peak RSS: $APP_HWM MiB"
    echo "raw output: $OUT"
} | tee "$OUT/summary.txt"
