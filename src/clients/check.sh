#!/usr/bin/env bash
# Checks the OpenAPI document the way its users meet it:
# 1. lints target/openapi/openapi.yaml with Redocly CLI (recommended ruleset, warnings fail too);
# 2. generates a TypeScript client (typescript-fetch) and a Python client with OpenAPI Generator, compiles the
#    TypeScript with tsc;
# 3. starts the packaged service (embedded H2 under target/clients, demo data) and runs
#    src/clients/typescript/smoke.ts and src/clients/python/smoke.py with those clients;
# 4. drives the explorer page in headless Chromium (src/clients/browser/explorer-check.js, playwright-core with
#    Debian's chromium, installed with apt-get when missing); screenshot in target/clients/explorer.png;
# 5. executes every GET operation from Swagger UI as a first-time user would (src/clients/browser/swagger-check.js).
#
#   ./mvnw -B package -DskipTests && bash src/clients/check.sh      (CI runs it after the H2 test run)
#
# Needs Node.js with npm (the npm registry), python3 with pydantic 2, urllib3 and python-dateutil, and Debian's
# chromium. Generated code
# goes to target/clients and is never committed. Env: PORT (18090).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PORT="${PORT:-18090}"
WORK="$ROOT/target/clients"
SPEC="$ROOT/target/openapi/openapi.yaml"
log() { printf '[clients %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

[[ -f "$SPEC" && -f target/quarkus-app/quarkus-run.jar ]] || { log "build first: ./mvnw -B package -DskipTests"; exit 1; }
rm -rf "$WORK/typescript" "$WORK/python" "$WORK/data"
mkdir -p "$WORK/typescript" "$WORK/python"
cp src/clients/package.json src/clients/package-lock.json src/clients/openapitools.json src/clients/redocly.yaml "$WORK/"
cp src/clients/typescript/smoke.ts src/clients/typescript/tsconfig.json "$WORK/typescript/"
mkdir -p "$WORK/browser" && cp src/clients/browser/explorer-check.js src/clients/browser/swagger-check.js "$WORK/browser/"
if [[ ! -x /usr/bin/chromium ]]; then
    log "installing Debian's chromium"
    apt-get update -qq && apt-get install -y -qq chromium > /dev/null
fi

log "installing the tools (npm ci)"
(cd "$WORK" && npm ci --no-audit --no-fund --loglevel=error)
BIN="$WORK/node_modules/.bin"

log "Redocly lint (recommended-strict)"
(cd "$WORK" && "$BIN/redocly" lint --config redocly.yaml "$SPEC")

log "generating the TypeScript client"
(cd "$WORK" && "$BIN/openapi-generator-cli" generate -i "$SPEC" -g typescript-fetch -o typescript/generated \
    --additional-properties=supportsES6=true,useSingleRequestParameter=true --type-mappings=date=string \
    > typescript-generate.log)
log "compiling it with the smoke script (tsc)"
"$BIN/tsc" -p "$WORK/typescript/tsconfig.json"

log "generating the Python client"
(cd "$WORK" && "$BIN/openapi-generator-cli" generate -i "$SPEC" -g python -o python/generated \
    --additional-properties=packageName=incident_kb_client,projectName=incident-kb-client > python-generate.log)

log "starting the service on port $PORT"
# Another process answering there would be checked instead of this build.
if curl -s -o /dev/null -m 1 "http://127.0.0.1:$PORT/"; then log "port $PORT is in use; set PORT"; exit 1; fi
export KB_ADMIN_PASSWORD="clients-check-password"
QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/data/kb;WRITE_DELAY=0" \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the service died; see $WORK/service.log"; exit 1; }
    sleep 0.2
done
export KB_URL="http://127.0.0.1:$PORT"

log "running the TypeScript smoke script"
node "$WORK/typescript/dist/smoke.js"
log "running the Python smoke script"
PYTHONPATH="$WORK/python/generated" python3 src/clients/python/smoke.py
log "driving the explorer page in headless Chromium"
SCREENSHOT="$WORK/explorer.png" node "$WORK/browser/explorer-check.js"
log "executing every GET from Swagger UI in headless Chromium"
node "$WORK/browser/swagger-check.js"
log "clients check passed"
