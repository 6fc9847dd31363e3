// Swagger UI on first click: opens /q/swagger-ui/ in headless Chromium (Debian's chromium through playwright-core)
// and, for every GET operation of the OpenAPI document, expands it, presses "Try it out" and "Execute" with the
// values Swagger UI fills in from the document's examples, as a first-time user would. The examples must agree with
// each other and name demo records: every operation answers 200 (401 when it needs a signed-in user), and listIncidents, getIncident and getIncidentStatistics must answer 200.
// Run by check.sh against the running service (KB_URL), anonymously.
const assert = require("node:assert/strict");
const { chromium } = require("playwright-core");

const base = process.env.KB_URL ?? "http://127.0.0.1:18090";
const mustSucceed = ["listIncidents", "getIncident", "getIncidentStatistics", "listLinks", "listActors"];

async function main() {
  const spec = await (await fetch(`${base}/q/openapi?format=json`)).json();
  const gets = Object.values(spec.paths).flatMap((item) => (item.get ? [item.get.operationId] : []));
  assert.ok(gets.length > 10, `GET operations in the document (${gets.length})`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const statuses = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/q/swagger-ui/`);
    for (const id of gets) {
      const block = page.locator(`.opblock[id$="-${id}"]`);
      await block.locator(".opblock-summary").first().click();
      await block.locator("button.try-out__btn").click();
      await block.locator("button.execute").click();
      const status = block.locator(".live-responses-table tbody .response-col_status").first();
      await status.waitFor({ timeout: 30_000 });
      statuses[id] = Number((await status.textContent()).trim().slice(0, 3));
      await block.locator(".opblock-summary").first().click(); // fold it again
    }
  } finally {
    await browser.close();
  }
  // Anonymous: the operations that need a signed-in user answer 401; every other one 200.
  const failed = Object.entries(statuses).filter(([, s]) => s !== 200 && s !== 401);
  assert.deepEqual(failed, [], "every GET answers 200 (or 401 when it needs a signed-in user) with the examples "
    + "Swagger UI fills in");
  for (const id of mustSucceed) {
    assert.equal(statuses[id], 200, `${id} answers 200 on first click`);
  }
  console.log(`Swagger UI: ${gets.length} GET operations executed on first click: `
    + Object.entries(statuses).map(([id, s]) => `${id} ${s}`).join(", "));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
