#!/usr/bin/env bash
# Benchmark of Incident KB on a million synthetic incidents, against the Spring Data peer on the same data.
#
#   bash src/bench/bench.sh                    # embedded H2; first run ~30 min (generates and imports), later ~15
#   bash src/bench/bench.sh --db postgresql    # the same on the local PostgreSQL (database incident_kb_bench_ROWS)
#
# 1. builds the service, generates ROWS incidents (src/bench/GenerateIncidents.java, seed 42) as NDJSON;
# 2. starts the service with JVM_OPTS (-Xmx512m and the memory settings of docs/operations.md) on a fresh database and imports the
#    file through POST /imports (timed; heap sampled every second); a later run reuses the database;
# 3. runs wrk (2 threads, 32 connections, 5 s warm-up, 15 s measured) on reads, filtered lists, statistics
#    and deep pages, and times exports with hyperfine; reads RSS from /proc, after the load and after IDLE seconds;
#    with a JDK 25 (AOT_JAVA, or one under /usr/lib/jvm), times three starts of an aot-jar with a Leyden AOT cache trained by docker/aot-train.sh;
# 4. when ../shared/peers/spring-data-rest exists (PEER_DIR), builds a copy under target/bench, lets it generate
#    ROWS rows of its own (its database kept per ROWS, in target/bench/peer-ROWS), measures the endpoints both have
#    the same way, and prints the ratio per endpoint with both row counts.
# Env: ROWS (1000000), PORT (18080), DURATION (15s), WARMUP (5s), THREADS (2), CONNECTIONS (32), REIMPORT (0:
# 1 also times a second, no-op import of the same file), PEER (1: 0 skips the peer), PEER_DIR, PG_URL
# (jdbc:postgresql://127.0.0.1:5432), PG_USER (postgres), AOT_JAVA (a JDK 25 java, by default one under
# /usr/lib/jvm; "none" skips the AOT starts), JVM_OPTS, MALLOC_ARENA_MAX (2), IDLE (30).
# Results: target/bench/results-<time>/summary.txt and results.json (copied to target/bench/results.json and
# results-h2.json or results-postgresql.json).
set -euo pipefail

DB=h2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --db) DB="$2"; shift 2 ;;
        --db=*) DB="${1#--db=}"; shift ;;
        *) echo "usage: $0 [--db h2|postgresql]" >&2; exit 2 ;;
    esac
done
[[ "$DB" == h2 || "$DB" == postgresql ]] || { echo "--db is h2 or postgresql" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ROWS="${ROWS:-1000000}"
PORT="${PORT:-18080}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
REIMPORT="${REIMPORT:-0}"
PEER="${PEER:-1}"
PEER_DIR="${PEER_DIR:-$ROOT/../shared/peers/spring-data-rest}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="incident_kb_bench_$ROWS"
# The JVM settings docs/operations.md and docker/Dockerfile recommend (heap handed back when idle; two malloc arenas), with the
# benchmark's heap limit; JVM_OPTS replaces them.
JVM_OPTS="${JVM_OPTS:--Xmx512m -XX:G1PeriodicGCInterval=10000 -XX:-G1PeriodicGCInvokesConcurrent -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20}"
ARENAS="${MALLOC_ARENA_MAX:-2}"
IDLE="${IDLE:-30}"
BENCH="$ROOT/target/bench"
DATA="$BENCH/data-$ROWS"
FILE="$BENCH/incidents-$ROWS.ndjson"
OUT="$BENCH/results-$(date +%Y%m%d-%H%M%S)"
RUN_STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
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
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null || ! command -v jq >/dev/null; then
    log "installing wrk, hyperfine and jq"
    apt-get update -qq && apt-get install -y -qq wrk hyperfine jq >/dev/null
fi
if curl -s -o /dev/null -m 1 "$BASE/"; then log "port $PORT is in use; set PORT"; exit 1; fi

log "building the service ($DB)"
./mvnw -B -q package -DskipTests $([[ "$DB" == postgresql ]] && echo -Ppostgresql) > "$OUT/build.log" 2>&1
if [[ ! -f "$FILE" ]]; then
    log "generating $ROWS incidents into $FILE"
    java src/bench/GenerateIncidents.java "$ROWS" "$FILE" 42 2>> "$OUT/generate.log"
fi

# ---------------------------------------------------------------- start (timed)
FRESH=0
if [[ "$DB" == postgresql ]]; then
    PSQL=(psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qAt)
    if [[ -z "$("${PSQL[@]}" -c "select 1 from pg_database where datname = '$PG_DB'")" ]]; then
        "${PSQL[@]}" -c "create database $PG_DB"
        FRESH=1
    fi
    DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$PG_DB" QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD=)
    DB_NOTE="PostgreSQL $("${PSQL[@]}" -c "show server_version") ($PG_URL/$PG_DB)"
else
    [[ -f "$DATA/kb.mv.db" ]] || FRESH=1
    DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$DATA/kb;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536;WRITE_DELAY=0;LOCK_TIMEOUT=10000")
    DB_NOTE="H2 file DB ($DATA/kb.mv.db)"
fi
log "starting the service on $DB_NOTE, $JVM_OPTS"
t0=$(now_ms)
# The admin the service creates in an empty database; imports need the admin role.
ADMIN_PASSWORD=${ADMIN_PASSWORD:-bench-admin-password}
AUTH=(-u "admin:$ADMIN_PASSWORD")
start_app() {
    env "${DB_ENV[@]}" QUARKUS_HTTP_PORT="$PORT" KB_DEMO_DATA_ENABLED=false KB_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        MALLOC_ARENA_MAX="$ARENAS" java $JVM_OPTS -jar target/quarkus-app/quarkus-run.jar >> "$OUT/app.log" 2>&1 &
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
    IMPORT_NOTE="import of $ROWS incidents: $state in ${secs} s, $rate rows/s, heap used at most ${heap} MiB ($JVM_OPTS), peak RSS $(rss_mib "$APP_PID" VmHWM) MiB"
    log "$IMPORT_NOTE"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    if [[ "$DB" == h2 ]]; then
        # H2 appends as it writes; compacting once after a bulk load shrinks the file several times over.
        log "compacting the H2 file (SHUTDOWN COMPACT) and starting again"
        H2_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
        java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/kb" -user sa -sql "SHUTDOWN COMPACT" >> "$OUT/compact.log" 2>&1 || true
        IMPORT_NOTE="$IMPORT_NOTE; H2 file after SHUTDOWN COMPACT: $(du -h "$DATA/kb.mv.db" | cut -f1)"
    else
        log "VACUUM ANALYZE after the bulk load"
        psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qc "vacuum analyze" >> "$OUT/vacuum.log" 2>&1 || true
    fi
    t0=$(now_ms)
    start_app
    START_MS=$(( $(now_ms) - t0 ))
fi
if [[ "$REIMPORT" == 1 ]]; then
    log "importing the same file again (no-op)"
    read -r secs rate heap state <<< "$(import_file again)"
    IMPORT_NOTE="$IMPORT_NOTE; re-import (no-op): $state in ${secs} s, $rate rows/s"
fi
# A readiness check's state ("text-index", "documents"), as /q/health/ready says it.
ready_state() { curl -s "$BASE/q/health/ready" | jq -r --arg n "$1" '.checks[] | select(.name == $n) | .data.state'; }
# q= is answered from the text index once it has caught up with the database (at once when it followed the import;
# minutes when it is built for a database imported by a build without it); until then it scans. Documents dropped by
# a run stopped during its rename (or a migration) are stored again at the start: waited for, so as not to measure
# that work.
t0=$(now_ms)
until [[ "$(ready_state text-index)" != catching-up && "$(ready_state documents)" != storing ]]; do
    sleep 1
done
TEXT_INDEX_MS=$(( $(now_ms) - t0 ))
log "text index: $(ready_state text-index) after $TEXT_INDEX_MS ms (documents: $(ready_state documents))"
TOTAL=$(curl -s "$API/incidents?size=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')
MAX_ID=$(curl -s "$API/incidents?size=1&sort=-id" | sed -nE 's/^\{"items":\[\{"id":([0-9]+).*/\1/p')
export MAX_ID

# ---------------------------------------------------------------- wrk
RESULTS=()
# wrk_run NAME BASE_URL PATH [lua] -> prints "rps p50_ms p99_ms non2xx" and keeps the raw output
wrk_run() {
    local name="$1" url="$2$3" script="${4:-}" file="$OUT/wrk-${1//[^A-Za-z0-9]/_}.txt"
    local args=(-t"$THREADS" -c"$CONNECTIONS")
    # The engine, not the bodies the service keeps by ETag: every ask computed again (KEPT=1 measures those bodies).
    [[ "${KEPT:-0}" == 1 ]] || args+=(-H "Cache-Control: no-cache")
    [[ -n "$script" ]] && args+=(-s "$script")
    [[ -n "$script" ]] || curl -sf -o /dev/null "$url" || log "$url does not answer 2xx (measured anyway)"
    log "wrk: $name"
    wrk "${args[@]}" -d"$WARMUP" "$url" > /dev/null
    wrk "${args[@]}" -d"$DURATION" --latency "$url" > "$file"
    awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^Requests\/sec:/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        END { printf (rps < 10 ? "%.2f" : "%.0f") " %.2f %.2f %d", rps, p50, p99, bad }' "$file"
}
ENDPOINTS_JSON="$OUT/endpoints.jsonl"
: > "$ENDPOINTS_JSON"
bench() {   # bench NAME PATH [lua]
    local rps p50 p99 bad
    read -r rps p50 p99 bad <<< "$(wrk_run "$1" "$BASE" "$2" "${3:-}")"
    RESULTS+=("$(printf '%-46s %9s %9s %9s %7s' "$1" "$rps" "${p50}ms" "${p99}ms" "$bad")")
    jq -cn --arg name "$1" --arg path "$2" --argjson rps "$rps" --argjson p50 "$p50" --argjson p99 "$p99" \
        --argjson non2xx "$bad" '{name: $name, path: $path, rps: $rps, p50_ms: $p50, p99_ms: $p99, non2xx: $non2xx}' \
        >> "$ENDPOINTS_JSON"
}
RANDOM_WHAT=id bench "GET /incidents/{random id}" "/" "$ROOT/src/bench/random.lua"
bench "GET /incidents?country=IRQ&from..to 2015" "/api/v1/incidents?country=IRQ&from=2015-01-01&to=2015-12-31&size=50&page=1&sort=-startDate"
RANDOM_WHAT=list bench "GET /incidents?country={random}&{random year}" "/" "$ROOT/src/bench/random.lua"
bench "GET /stats/incidents?groupBy=month&country=IRQ" "/api/v1/stats/incidents?groupBy=month&country=IRQ"
RANDOM_WHAT=stats bench "GET /stats/...groupBy=month&country={random}&to={random}" "/" "$ROOT/src/bench/random.lua"
bench "GET /incidents (first page, total of all)" "/api/v1/incidents?size=50"
bench "GET /incidents?perpetrator=Islamic State&minKilled=10" "/api/v1/incidents?perpetrator=Islamic%20State&minKilled=10&size=50"
RANDOM_WHAT=perpetrator bench "GET /incidents?perpetrator=Islamic State&minKilled={random}" "/" "$ROOT/src/bench/random.lua"
bench "GET /incidents?near=33.3,44.4&radiusKm=50" "/api/v1/incidents?near=33.3,44.4&radiusKm=50&size=50"
bench "GET /incidents?q=district 7&country=SYR" "/api/v1/incidents?q=district%207&country=SYR&size=50"
RANDOM_WHAT=text bench "GET /incidents?q=district {random}&country={random}" "/" "$ROOT/src/bench/random.lua"
bench "GET /incidents?q=Nineveh district 3 (all countries)" "/api/v1/incidents?q=Nineveh%20district%203&size=50"
bench "GET /incidents?claimedBy=Islamic State&type=.." "/api/v1/incidents?claimedBy=Islamic%20State&type=suicide-bomb&size=50"
bench "GET /incidents?country=SYR&from=2024-01-01&sort=-killed" "/api/v1/incidents?country=SYR&from=2024-01-01&sort=-killed&size=50"
bench "GET /incidents?sort=-createdAt (newest additions)" "/api/v1/incidents?sort=-createdAt&size=50"
bench "GET /incidents?updatedSince=(start of run) (feed)" "/api/v1/incidents?updatedSince=$RUN_STARTED&size=50"
bench "GET /claims (first page)" "/api/v1/claims?size=50"
# The same fixed URLs answered from the body kept by their ETag (nothing is written meanwhile), as users repeating an
# ask get them; reported beside the engine's figures, not instead of them.
KEPT=1 bench "GET /incidents?country=IRQ&from..to 2015 (kept body)" "/api/v1/incidents?country=IRQ&from=2015-01-01&to=2015-12-31&size=50&page=1&sort=-startDate"
KEPT=1 bench "GET /stats/incidents?groupBy=month&country=IRQ (kept body)" "/api/v1/stats/incidents?groupBy=month&country=IRQ"

# ---------------------------------------------------------------- deep pages and exports (hyperfine)
CURSOR=$(curl -s "$API/incidents?size=500&page=1000" | sed -nE 's/.*"cursor":"([^"]+)".*/\1/p')
log "hyperfine: deep pages, statistics and exports"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$OUT/hyperfine-pages.md" --export-json "$OUT/hyperfine-pages.json" \
    -n "page 2000 of 500 by offset" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/incidents?size=500&page=2000" \
    -n "page after a cursor at row 500000" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/incidents?size=500&after=$CURSOR" \
    -n "stats groupBy=perpetrator,year (all rows)" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/stats/incidents?groupBy=perpetrator,year" \
    -n "stats groupBy=country,claimStatus (all rows)" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/stats/incidents?groupBy=country,claimStatus" \
    > "$OUT/hyperfine-pages.txt" 2>&1
hyperfine -N --warmup 0 --runs 2 --export-markdown "$OUT/hyperfine-exports.md" --export-json "$OUT/hyperfine-exports.json" \
    -n "CSV of Iraq (all rows)" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/incidents?country=IRQ&format=csv" \
    -n "GeoJSON of Iraq (all rows)" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/incidents?country=IRQ&format=geojson" \
    -n "NDJSON of Iraq (all rows)" "curl -sf -H 'Cache-Control: no-cache' -o /dev/null $API/incidents?country=IRQ&format=ndjson" \
    > "$OUT/hyperfine-exports.txt" 2>&1
heap_used_mib() {
    jcmd "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit } }'
}
log "NDJSON export of all incidents (heap sampled)"
t0=$(now_ms)
curl -sf -H 'Cache-Control: no-cache' -o /dev/null "$API/incidents?format=ndjson" &
EXPORT_PID=$!
EXPORT_HEAP=0
while kill -0 "$EXPORT_PID" 2>/dev/null; do
    heap=$(heap_used_mib "$APP_PID")
    [[ -n "$heap" && "$heap" -gt "$EXPORT_HEAP" ]] && EXPORT_HEAP=$heap
    sleep 0.5
done
wait "$EXPORT_PID" && EXPORT_STATE=ok || EXPORT_STATE=failed
EXPORT_ALL_MS=$(( $(now_ms) - t0 ))
IRQ=$(curl -s "$API/incidents?country=IRQ&size=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')

# The cost of renaming the actor named in the most incidents: every incident showing it must read (and be tagged)
# with the new name from the next read on. Timed: the rename, the first read of one of its incidents (rebuilt),
# and the rename back.
log "renaming the most-cited perpetrator"
TOP=$(curl -s "$API/stats/incidents?groupBy=perpetrator" | jq -c '[.rows[] | select(.perpetrator != null)] | max_by(.incidents)')
TOP_ID=$(jq -r '.perpetrator.id' <<< "$TOP")
TOP_NAME=$(jq -r '.perpetrator.name' <<< "$TOP")
TOP_SHOWN=$(curl -s "$API/incidents?actor=$TOP_ID&size=1&count=exact" | jq -r '.total')
TOP_INCIDENT=$(curl -s "$API/incidents?actor=$TOP_ID&size=1" | jq -r '.items[0].id')
rename_ms() {   # rename_ms NAME -> ms of PATCH /actors/TOP_ID, or "failed after N ms"
    local t0 ok=1; t0=$(now_ms)
    curl -sf "${AUTH[@]}" -o /dev/null -X PATCH "$API/actors/$TOP_ID" -H 'Content-Type: application/merge-patch+json' \
        -d "$(jq -n --arg n "$1" '{name: $n}')" || { log "rename to $1 failed"; ok=0; }
    [[ "$ok" == 1 ]] && echo $(( $(now_ms) - t0 )) || echo "failed after $(( $(now_ms) - t0 ))"
}
RENAME_MS=$(rename_ms "$TOP_NAME (renamed)")
t0=$(now_ms); curl -sf -o /dev/null "$API/incidents/$TOP_INCIDENT"; FIRST_READ_MS=$(( $(now_ms) - t0 ))
RENAME_BACK_MS=$(rename_ms "$TOP_NAME")
# Its incidents' documents are stored again in the background; the service is stopped only once that is done, so
# that the next run on this database does not start with that work (before, it measured two to ten times less).
t0=$(now_ms)
until [[ "$(ready_state documents)" != storing ]]; do sleep 1; done
RESTORED_MS=$(( $(now_ms) - t0 ))
RENAME_NOTE="rename of the actor named in $TOP_SHOWN incidents: $RENAME_MS ms (back: $RENAME_BACK_MS ms); first read of one of its incidents after it: $FIRST_READ_MS ms; their documents stored again $RESTORED_MS ms after the rename back"
APP_RSS=$(rss_mib "$APP_PID" VmRSS)
APP_HWM=$(rss_mib "$APP_PID" VmHWM)
# And once the service has been idle for IDLE seconds: what it holds between bursts (the heap it no longer needs is
# handed back by the periodic collection of JVM_OPTS; file-mapped pages, such as the text index's, are counted apart).
sleep "$IDLE"
APP_RSS_IDLE=$(rss_mib "$APP_PID" VmRSS)
APP_RSS_FILE=$(rss_mib "$APP_PID" RssFile)
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
APP_PID=""

# ---------------------------------------------------------------- start with a Leyden AOT cache (JDK 25)
# The same service packaged as an aot-jar (the JDK's class loaders, which the AOT cache needs), a cache trained on
# this database by docker/aot-train.sh, then three timed starts with it and the RSS after the first answer.
AOT_JAVA="${AOT_JAVA:-$(ls -d /usr/lib/jvm/temurin-2[5-9]*/bin/java 2>/dev/null | head -1)}"
AOT_NOTE="start with an AOT cache not measured (no JDK 25 or later: set AOT_JAVA)"
AOT_STARTS="[]"
if [[ -n "$AOT_JAVA" && -x "$AOT_JAVA" ]]; then
    AOT_APP="$ROOT/target/aot-app"
    log "packaging an aot-jar into $AOT_APP and training its AOT cache on this database ($AOT_JAVA)"
    ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=aot-app \
        $([[ "$DB" == postgresql ]] && echo -Ppostgresql) > "$OUT/aot-build.log" 2>&1
    env "${DB_ENV[@]}" KB_DEMO_DATA_ENABLED=false KB_ADMIN_PASSWORD="$ADMIN_PASSWORD" JAVA="$AOT_JAVA" JAVA_OPTS="$JVM_OPTS" \
        bash docker/aot-train.sh "$AOT_APP" > "$OUT/aot-train.log" 2>&1
    starts=() rss=""
    for _ in 1 2 3; do
        t0=$(now_ms)
        (cd "$AOT_APP" && exec env "${DB_ENV[@]}" QUARKUS_HTTP_PORT="$PORT" KB_DEMO_DATA_ENABLED=false \
            KB_ADMIN_PASSWORD="$ADMIN_PASSWORD" MALLOC_ARENA_MAX="$ARENAS" "$AOT_JAVA" $JVM_OPTS -XX:AOTCache=app.aot -jar quarkus-run.jar) \
            >> "$OUT/app-aot.log" 2>&1 &
        APP_PID=$!
        until curl -sf -o /dev/null "$API/event-types"; do
            kill -0 "$APP_PID" 2>/dev/null || { log "the service died; see $OUT/app-aot.log"; exit 1; }
            sleep 0.05
        done
        starts+=($(( $(now_ms) - t0 )))
        curl -sf -o /dev/null "$API/incidents/1" || true
        rss=$(rss_mib "$APP_PID" VmRSS)
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
        APP_PID=""
    done
    AOT_STARTS="[$(IFS=,; echo "${starts[*]}")]"
    AOT_NOTE="start -> first response with an AOT cache ($("$AOT_JAVA" -version 2>&1 | head -1), aot-jar, $JVM_OPTS, trained by docker/aot-train.sh on this database): ${starts[*]} ms; RSS after a read $rss MiB"
    log "$AOT_NOTE"
fi

# ---------------------------------------------------------------- the peer, same N, same endpoints
PEER_RESULTS="$OUT/peer.jsonl"
: > "$PEER_RESULTS"
PEER_NOTE="peer not run (PEER=0 or no $PEER_DIR)"
if [[ "$PEER" == 1 && -d "$PEER_DIR" ]]; then
    PEER_PORT=18081
    PEER_BASE="http://127.0.0.1:$PEER_PORT"
    PEER_WORK="$BENCH/peer"
    # Its database is kept per row count: a run of another size never measures a peer of the wrong size.
    PEER_RUN="$BENCH/peer-$ROWS"
    mkdir -p "$PEER_RUN"
    if curl -s -o /dev/null -m 1 "$PEER_BASE/"; then log "port $PEER_PORT is in use; stop whatever runs there"; exit 1; fi
    log "building the Spring Data peer (a copy under $PEER_WORK)"
    mkdir -p "$PEER_WORK/src"
    cp -r "$PEER_DIR/." "$PEER_WORK/src/"
    (cd "$PEER_WORK/src" && ./mvnw -B -q package -DskipTests) > "$OUT/peer-build.log" 2>&1
    PEER_JAR=$(ls "$PEER_WORK"/src/target/*.jar | grep -v original | head -1)
    start_peer() {
        (cd "$PEER_RUN" && exec env GENERATE="$ROWS" java -Xmx512m -jar "$PEER_JAR") >> "$OUT/peer.log" 2>&1 &
        APP_PID=$!
        until curl -sf -o /dev/null "$PEER_BASE/api/v1/incidents/1"; do
            kill -0 "$APP_PID" 2>/dev/null || { log "the peer died; see $OUT/peer.log"; exit 1; }
            sleep 0.05
        done
    }
    if [[ ! -f "$PEER_RUN/data/incidents.mv.db" ]]; then
        log "the peer generates its $ROWS rows (first run only)"
        : > "$OUT/peer.log"
        start_peer
        until grep -qE 'Generated [0-9]+ incidents|generation skipped' "$OUT/peer.log"; do
            kill -0 "$APP_PID" 2>/dev/null || { log "the peer died; see $OUT/peer.log"; exit 1; }
            sleep 0.5
        done
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    t0=$(now_ms)
    start_peer
    PEER_START_MS=$(( $(now_ms) - t0 ))
    PEER_MAX_ID=$(curl -s "$PEER_BASE/api/v1/incidents?size=1" | sed -nE 's/.*"total":([0-9]+).*/\1/p')
    peer_bench() {   # peer_bench NAME PATH [lua]: the same wrk run against the peer
        local rps p50 p99 bad
        read -r rps p50 p99 bad <<< "$(MAX_ID=$PEER_MAX_ID wrk_run "peer $1" "$PEER_BASE" "$2" "${3:-}")"
        jq -cn --arg name "$1" --argjson rps "$rps" --argjson p50 "$p50" --argjson p99 "$p99" --argjson non2xx "$bad" \
            '{name: $name, rps: $rps, p50_ms: $p50, p99_ms: $p99, non2xx: $non2xx}' >> "$PEER_RESULTS"
    }
    RANDOM_WHAT=id peer_bench "GET /incidents/{random id}" "/" "$ROOT/src/bench/random.lua"
    peer_bench "GET /incidents?country=IRQ&from..to 2015" "/api/v1/incidents?country=IRQ&from=2015-01-01&to=2015-12-31&size=50&page=1&sort=-startDate"
    peer_bench "GET /stats/incidents?groupBy=month&country=IRQ" "/api/v1/stats/incidents?groupBy=month&country=IRQ"
    RANDOM_WHAT=list peer_bench "GET /incidents?country={random}&{random year}" "/" "$ROOT/src/bench/random.lua"
    RANDOM_WHAT=stats peer_bench "GET /stats/...groupBy=month&country={random}&to={random}" "/" "$ROOT/src/bench/random.lua"
    PEER_RSS=$(rss_mib "$APP_PID" VmRSS)
    sleep "$IDLE"
    PEER_RSS_IDLE=$(rss_mib "$APP_PID" VmRSS)
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
    PEER_NOTE="Spring Data peer ($PEER_MAX_ID rows of its own generator, H2, -Xmx512m): start -> first response $PEER_START_MS ms, RSS after the load $PEER_RSS MiB, after $IDLE s idle $PEER_RSS_IDLE MiB"
fi

# ---------------------------------------------------------------- report
COMPARISON=$(jq -rs --slurpfile peer "$PEER_RESULTS" --arg rows "${PEER_MAX_ID:-?}" --arg ours "$TOTAL" '
    map(. as $e | ($peer | map(select(.name == ($e.name | sub(" \\(kept body\\)$"; "")))) | first) as $p | select($p != null)
        | "\($e.name | .[0:46] | . + " " * (46 - length)) \($e.rps | tostring | " " * (9 - length) + .) \($p.rps | tostring | " " * (9 - length) + .)   \(if $p.rps > 0 then (($e.rps / $p.rps * 10 | round) / 10 | tostring) + "x" else "peer answered nothing" end)   (peer \($rows) rows, ours \($ours))")
    | .[]' "$ENDPOINTS_JSON")
{
    echo "Incident KB benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), $DB_NOTE, $JVM_OPTS, MALLOC_ARENA_MAX=$ARENAS"
    echo "data: $TOTAL incidents ($IRQ in Iraq); $IMPORT_NOTE"
    echo "start -> first response: $START_MS ms; text index ready $TEXT_INDEX_MS ms after that"
    echo "$AOT_NOTE"
    echo
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up)"
    printf '%-46s %9s %9s %9s %7s\n' "endpoint" "req/s" "p50" "p99" "non-2xx"
    printf '%s\n' "${RESULTS[@]}"
    echo
    echo "$PEER_NOTE"
    if [[ -n "$COMPARISON" ]]; then
        printf '%-46s %9s %9s   %s\n' "endpoint" "req/s" "peer" "ratio"
        echo "$COMPARISON"
    fi
    echo
    cat "$OUT/hyperfine-pages.md"
    echo
    cat "$OUT/hyperfine-exports.md"
    echo
    echo "NDJSON export of all $TOTAL incidents: $EXPORT_STATE in $EXPORT_ALL_MS ms, heap used at most $EXPORT_HEAP MiB"
    echo "$RENAME_NOTE"
    echo "RSS after the load: $APP_RSS MiB, after $IDLE s idle: $APP_RSS_IDLE MiB ($APP_RSS_FILE MiB of it file-mapped), peak RSS: $APP_HWM MiB"
    echo "raw output: $OUT"
} | tee "$OUT/summary.txt"

jq -n --arg db "$DB" --arg when "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --argjson rows "$TOTAL" --argjson startMs "$START_MS" \
    --argjson aotStartsMs "$AOT_STARTS" --arg aotNote "$AOT_NOTE" \
    --argjson textIndexMs "$TEXT_INDEX_MS" --arg importNote "$IMPORT_NOTE" --argjson rssMib "$APP_RSS" --argjson peakRssMib "$APP_HWM" \
    --argjson rssIdleMib "$APP_RSS_IDLE" --argjson rssFileMib "$APP_RSS_FILE" --arg jvmOpts "$JVM_OPTS" \
    --argjson exportAllMs "$EXPORT_ALL_MS" --argjson exportAllHeapMib "$EXPORT_HEAP" --arg peerNote "$PEER_NOTE" \
    --argjson peerRows "${PEER_MAX_ID:-null}" --argjson renameMs "$RENAME_MS" --argjson renamedIncidents "$TOP_SHOWN" --argjson firstReadMs "$FIRST_READ_MS" --argjson restoredMs "$RESTORED_MS" \
    --slurpfile endpoints "$ENDPOINTS_JSON" --slurpfile peer "$PEER_RESULTS" \
    --slurpfile pages "$OUT/hyperfine-pages.json" --slurpfile exports "$OUT/hyperfine-exports.json" '
    {db: $db, when: $when, rows: $rows, startMs: $startMs, aotStart: {ms: $aotStartsMs, note: $aotNote}, textIndexReadyMs: $textIndexMs, "import": $importNote, rssMib: $rssMib, peakRssMib: $peakRssMib,
     rssIdleMib: $rssIdleMib, rssFileMib: $rssFileMib, jvmOpts: $jvmOpts,
     exportAllNdjson: {ms: $exportAllMs, heapUsedMib: $exportAllHeapMib},
     actorRename: {incidents: $renamedIncidents, ms: $renameMs, firstReadMs: $firstReadMs, documentsStoredAgainMs: $restoredMs},
     endpoints: ($endpoints | map(. as $e | ($peer | map(select(.name == ($e.name | sub(" \\(kept body\\)$"; "")))) | first) as $p
         | if $p then . + {peer: ($p + {rows: $peerRows}), ratio: (if $p.rps > 0 then (.rps / $p.rps * 100 | round) / 100 else null end)} else . end)),
     peer: $peerNote,
     timings: (($pages[0].results + $exports[0].results) | map({name: .command, meanS: .mean, minS: .min, maxS: .max}))}' \
    > "$OUT/results.json"
cp "$OUT/results.json" "$BENCH/results.json"; cp "$OUT/results.json" "$BENCH/results-$DB.json"
log "results: $OUT/summary.txt and $BENCH/results.json"
