#!/usr/bin/env bash
# Makes a Leyden AOT cache (JDK 25: JEP 483/514/515, classes loaded and linked, method profiles) for the packaged
# service, so that it starts in about half the time (docs/operations.md, "Start in three seconds"):
#
#   ./mvnw -B package -DskipTests -Dquarkus.package.jar.type=aot-jar    # the JDK's own class loader, which AOT needs
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bash docker/aot-train.sh
#   cd target/quarkus-app && $JAVA -XX:AOTCache=app.aot -jar quarkus-run.jar
#
# The training run starts the service with -XX:AOTCacheOutput, sends the reads a user's first minutes send (an
# incident, lists with filters, text search, statistics, claims, exports, the OpenAPI document and the explorer),
# stops it, and the JVM writes app.aot beside quarkus-run.jar. It only reads. The database is the one the
# environment configures (QUARKUS_DATASOURCE_*, as for the service); without one, a throwaway H2 file with the
# demo data. Use the same JDK (and the same JAVA_OPTS) to run the service as to train: a JVM that cannot use the
# cache says so and starts without it.
#
# Env: JAVA (java), JAVA_OPTS (-Xmx512m), TRAIN_PORT (18099). Argument: the application directory
# (target/quarkus-app).
set -euo pipefail

APP_DIR="$(cd "${1:-target/quarkus-app}" && pwd)"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
PORT="${TRAIN_PORT:-18099}"
API="http://127.0.0.1:$PORT/api/v1"
LOG="$APP_DIR/aot-train.log"

flags=$("$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null || true)
if [[ "$flags" != *AOTCacheOutput* ]]; then
    echo "$JAVA has no AOT cache (JDK 25 or later needed): $("$JAVA" -version 2>&1 | head -1)" >&2
    exit 2
fi
manifest=$(command -v unzip >/dev/null && unzip -p "$APP_DIR/quarkus-run.jar" META-INF/MANIFEST.MF || true)
if [[ "$manifest" == *"Main-Class: io.quarkus.bootstrap.runner.QuarkusEntryPoint"* ]]; then
    echo "warning: $APP_DIR is a fast-jar; AOT caches only what the JDK's class loaders load, so build with" \
        "-Dquarkus.package.jar.type=aot-jar for the full gain" >&2
fi

SCRATCH=""
if [[ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]]; then
    SCRATCH=$(mktemp -d)
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$SCRATCH/kb;DB_CLOSE_ON_EXIT=FALSE"
    export KB_ADMIN_PASSWORD="${KB_ADMIN_PASSWORD:-aot-training-only}"
fi
cleanup() {
    [[ -n "${PID:-}" ]] && kill "$PID" 2>/dev/null || true
    [[ -n "$SCRATCH" ]] && rm -rf "$SCRATCH"
}
trap cleanup EXIT

rm -f "$APP_DIR/app.aot"
cd "$APP_DIR"
# shellcheck disable=SC2086
QUARKUS_HTTP_PORT="$PORT" "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar > "$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "$API/event-types" && break
    kill -0 "$PID" 2>/dev/null || { echo "the service did not start; see $LOG" >&2; exit 1; }
    sleep 0.1
done

# The reads of a user's first minutes, each a few times so that their methods get profiled.
id=$(curl -sf "$API/incidents?size=1&fields=id" | sed -nE 's/.*"items":\[\{"id":([0-9]+).*/\1/p' || true)
paths=(
    "/incidents/${id:-1}" "/incidents?size=20" "/incidents?country=IRQ&from=2015-01-01&to=2015-12-31"
    "/incidents?q=Mosul&sort=relevance" "/incidents?perpetrator=1&minKilled=1" "/incidents?near=33.3152,44.3661&radiusKm=50"
    "/incidents?country=IRQ&format=csv&size=100" "/incidents?format=geojson&size=100"
    "/incidents?format=ndjson&size=100" "/stats/incidents?groupBy=month&country=IRQ"
    "/stats/incidents?groupBy=perpetrator,year" "/claims" "/casualties" "/actors" "/sources" "/event-types"
)
for _ in 1 2 3 4 5; do
    for path in "${paths[@]}"; do
        curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$API$path"
    done
    curl -s -o /dev/null "http://127.0.0.1:$PORT/q/openapi"
    curl -s -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"
    curl -s -o /dev/null "http://127.0.0.1:$PORT/"
done

# The JVM writes the cache as it exits (a second JVM assembles it; this takes a while).
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=""
[[ -f app.aot ]] || { echo "no app.aot was written; see $LOG" >&2; exit 1; }
echo "wrote $APP_DIR/app.aot ($(du -h app.aot | cut -f1)); run: cd $APP_DIR && $JAVA $JAVA_OPTS -XX:AOTCache=app.aot -jar quarkus-run.jar"
