#!/usr/bin/env bash
# Benchmark of matching across datasets: about 500,000 ACLED-like against 500,000 UCDP-like incidents (one million in
# all), written by the test sources' OverlapGenerator (seed 42, ten years of events in Iraq), imported through
# POST /imports, then matched by one POST /matching over everything (5 km, 2 days, CATEGORY); then statistics and a
# list with dedupe=events are timed.
#
#   bash src/bench/matching.sh                    # embedded H2
#   bash src/bench/matching.sh --db postgresql    # the local PostgreSQL (database incident_kb_match_EVENTS)
#
# Env: EVENTS (556000: about 500,000 records per dataset), PORT (18080), PG_URL, PG_USER. A later run reuses the
# imported database (delete target/bench/match-EVENTS, or drop the database, to import again); CLEAR_LINKS=1 deletes
# its links and events first, so that the run measured is a first one again.
# Results: target/bench/matching-<db>-<events>.txt
set -euo pipefail

DB=h2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --db) DB="$2"; shift 2 ;;
        --db=*) DB="${1#--db=}"; shift ;;
        *) echo "usage: $0 [--db h2|postgresql]" >&2; exit 2 ;;
    esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
EVENTS="${EVENTS:-556000}"
PORT="${PORT:-18080}"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="incident_kb_match_$EVENTS"
BENCH="$ROOT/target/bench"
FILES="$BENCH/overlap-$EVENTS"
DATA="$BENCH/match-$EVENTS"
OUT="$BENCH/matching-$DB-$EVENTS.txt"
API="http://127.0.0.1:$PORT/api/v1"
ADMIN_PASSWORD=bench-admin-password
AUTH=(-u "admin:$ADMIN_PASSWORD")
mkdir -p "$BENCH"

log() { printf '[matching %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { local ms=$1; echo "$(( ms / 1000 )).$(( ms % 1000 / 100 ))"; }
APP_PID=""
cleanup() { [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

log "building the service ($DB) and the generator"
./mvnw -B -q package -DskipTests $([[ "$DB" == postgresql ]] && echo -Ppostgresql) > "$BENCH/matching-build.log" 2>&1
./mvnw -B -q test-compile -o >> "$BENCH/matching-build.log" 2>&1 || ./mvnw -B -q test-compile >> "$BENCH/matching-build.log" 2>&1
if [[ ! -f "$FILES/ucdp.csv" ]]; then
    log "generating $EVENTS events into $FILES"
    java -cp target/test-classes org.incidentkb.link.OverlapGenerator "$EVENTS" "$FILES" 42 2010 10 B two >&2
fi

FRESH=0
if [[ "$DB" == postgresql ]]; then
    PSQL=(psql -h 127.0.0.1 -U "$PG_USER" -d postgres -qAt)
    if [[ -z "$("${PSQL[@]}" -c "select 1 from pg_database where datname = '$PG_DB'")" ]]; then
        "${PSQL[@]}" -c "create database $PG_DB"
        FRESH=1
    fi
    DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$PG_DB" QUARKUS_DATASOURCE_USERNAME="$PG_USER" QUARKUS_DATASOURCE_PASSWORD=)
    DB_NOTE="PostgreSQL $("${PSQL[@]}" -c "show server_version")"
else
    [[ -f "$DATA/kb.mv.db" ]] || FRESH=1
    DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$DATA/kb;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536;WRITE_DELAY=0;LOCK_TIMEOUT=10000")
    DB_NOTE="H2 file DB"
fi
CLEAR_SQL=("delete from link_revision" "delete from incident_event" "delete from incident_link" "delete from event_rollup"
    "delete from event_rollup_country" "delete from event_rollup_year" "delete from event_rollup_perpetrator_year")
if [[ "$FRESH" == 0 && "${CLEAR_LINKS:-0}" == 1 ]]; then
    log "deleting the links and events of the earlier run"
    if [[ "$DB" == postgresql ]]; then
        for sql in "${CLEAR_SQL[@]}"; do psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qAt -c "$sql"; done
    else
        for sql in "${CLEAR_SQL[@]}"; do
            java -cp "$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.Shell \
                -url "jdbc:h2:file:$DATA/kb" -user sa -password "" -sql "$sql" > /dev/null
        done
    fi
fi
env "${DB_ENV[@]}" QUARKUS_HTTP_PORT="$PORT" KB_DEMO_DATA_ENABLED=false KB_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    KB_LINKS_MATCH_ON_IMPORT=false java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$BENCH/matching-app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "$API/event-types"; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the service died; see $BENCH/matching-app.log"; exit 1; }
    sleep 0.1
done

# Polls a job until it ends; prints "state seconds peak_rss_mib" (RSS sampled every half second).
follow() {
    local location=$1 t0=$2 state peak=0 rss
    while :; do
        sleep 0.5
        rss=$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
        (( rss > peak )) && peak=$rss
        state=$(curl -s "${AUTH[@]}" "$location" | jq -r .state)
        [[ "$state" == "RUNNING" || "$state" == "QUEUED" ]] || break
    done
    echo "$state $(seconds $(( $(now_ms) - t0 ))) $peak"
}

IMPORTS="imports: reused the database of an earlier run"
if [[ "$FRESH" == 1 ]]; then
    IMPORTS="imports:"
    for file in acled ucdp; do
        format=$([[ $file == ucdp ]] && echo ucdp-ged || echo acled)
        rows=$(( $(wc -l < "$FILES/$file.csv") - 1 ))
        log "importing $rows rows of $file.csv"
        t0=$(now_ms)
        location=$(curl -s "${AUTH[@]}" -D - -o /dev/null -X POST "$API/imports?format=$format" -H 'Content-Type: text/csv' \
            --data-binary @"$FILES/$file.csv" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
        read -r state secs peak <<< "$(follow "$location" "$t0")"
        IMPORTS="$IMPORTS $file $rows rows $state in $secs s;"
        log "$file: $state in $secs s"
    done
fi
INCIDENTS=$(curl -s "$API/incidents?size=1&count=exact" | jq .total)

log "matching $INCIDENTS incidents"
t0=$(now_ms)
location=$(curl -s "${AUTH[@]}" -D - -o /dev/null -X POST "$API/matching" -H 'Content-Type: application/json' \
    -d '{"spatialWindowKm": 5, "temporalWindowDays": 2, "typeLevel": "CATEGORY"}' | tr -d '\r' \
    | awk 'tolower($1) == "location:" { print $2 }')
read -r state secs peak <<< "$(follow "$location" "$t0")"
REPORT=$(curl -s "${AUTH[@]}" "$location" | jq -c .report)
log "matching: $state in $secs s, peak RSS $peak MiB: $REPORT"

# Median of five timed GETs (after one warm-up).
timed() {
    curl -s -o /dev/null "$API/$1"
    for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$API/$1"; done | sort -n | sed -n 3p
}
{
    echo "Matching benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), $DB_NOTE, -Xmx512m"
    echo "files: $(( $(wc -l < "$FILES/acled.csv") - 1 )) ACLED-like + $(( $(wc -l < "$FILES/ucdp.csv") - 1 )) UCDP-like rows ($EVENTS events, OverlapGenerator seed 42, two)"
    echo "$IMPORTS"
    echo "incidents: $INCIDENTS"
    echo "matching (5 km, 2 days, CATEGORY): $state in $secs s, peak RSS $peak MiB; report $REPORT"
    grep -o 'Matching: .*' "$BENCH/matching-app.log" | tail -1
    for q in "stats/incidents?groupBy=year" "stats/incidents?groupBy=year&dedupe=events" \
        "stats/incidents?groupBy=month&country=IRQ&from=2015-01-01&to=2015-12-31&dedupe=events" \
        "incidents?size=50&dedupe=events" "incidents?size=50&country=IRQ&from=2015-01-01&to=2015-12-31&dedupe=events"; do
        echo "GET /$q: $(timed "$q") s (median of 5)"
    done
} | tee "$OUT"

# Quality at this size: the proposed pairs, by dataset:externalId, against the generator's truth.
PAIRS="$BENCH/matching-pairs-$DB-$EVENTS.csv"
PAIRS_SQL="select ra.dataset || ':' || ra.external_id, rb.dataset || ':' || rb.external_id from incident_link l
    join incident_external_ref ra on ra.incident_id = l.from_id join incident_external_ref rb on rb.incident_id = l.to_id
    where l.relation = 'SAME_EVENT' and l.status = 'PROPOSED'"
if [[ "$DB" == postgresql ]]; then
    psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qAt -F, -c "$PAIRS_SQL" > "$PAIRS"
else
    cleanup
    APP_PID=""
    java -cp "$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/kb" -user sa -password "" \
        -sql "call csvwrite('$PAIRS', '$(tr '\n' ' ' <<< "$PAIRS_SQL" | sed "s/'/''/g")', 'writeColumnHeader=false')" > /dev/null
    sed -i 's/"//g' "$PAIRS"
fi
awk -F, 'NR == FNR { if (FNR > 1) { event[$1] = $2; size[$2]++ } next }
    { proposed++; if ($1 in event && event[$1] == event[$2]) right++ }
    END {
        for (e in size) expected += size[e] * (size[e] - 1) / 2
        printf "precision %.3f, recall %.3f (%d proposed pairs, %d right, %d true pairs)\n",
            proposed ? right / proposed : 1, right / expected, proposed, right, expected
    }' "$FILES/truth.csv" "$PAIRS" | sed 's/^/quality at 5 km, 2 days: /' | tee -a "$OUT"
