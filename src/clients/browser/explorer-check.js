// Drives the explorer page (/) in headless Chromium (Debian's /usr/bin/chromium through playwright-core): no console
// errors, markers on the map, a filter changes them, a marker opens the incident panel with its claims, the panel
// lists an incident's links and an editor signed in there confirms or rejects one; without map tiles the countries'
// outlines, served by the service, still show.
// Writes a screenshot to target/clients/explorer.png. Run by check.sh against the running service (KB_URL).
const assert = require("node:assert/strict");
const path = require("node:path");
const { chromium } = require("playwright-core");

const base = process.env.KB_URL ?? "http://127.0.0.1:18090";
const screenshot = process.env.SCREENSHOT ?? path.resolve(__dirname, "..", "explorer.png");
// A transparent 1x1 PNG: map tiles come from the internet, which this check does not reach.
const blankTile = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const problems = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.route(/tile\.openstreetmap\.org/, (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: blankTile }));

    await page.goto(`${base}/`);
    const markers = page.locator("path.incident-marker");
    await markers.first().waitFor();
    const all = await markers.count();
    assert.ok(all > 1, `markers on the map (${all})`);
    // Without tiles (this check reaches no internet) the map still has the countries' outlines, served locally.
    await page.locator("path.country-outline").first().waitFor({ state: "attached" });
    const outlines = await page.locator("path.country-outline").count();
    assert.ok(outlines > 100, `country outlines under the tiles (${outlines})`);
    await page.locator("#timeline rect").first().waitFor();
    const yTicks = await page.locator("#timeline text.y-tick").allTextContents();
    assert.ok(yTicks.includes("0") && yTicks.length >= 2, `a count axis on the timeline (${yTicks})`);
    const busiest = Math.max(...(await page.locator("#timeline rect title").allTextContents())
      .map((t) => Number(/: (\d+) incidents/.exec(t)[1])));
    assert.ok(yTicks.includes(busiest.toLocaleString("en")), `the busiest month's count on the axis (${busiest})`);
    assert.ok(await page.locator("#timeline text.x-tick").count() >= 1, "a time axis");

    // The page names its icon, and the service serves it (no 404 for the tab's icon).
    const icon = await page.locator("link[rel=icon]").getAttribute("href");
    const iconResponse = await page.request.get(`${base}${icon}`);
    assert.equal(iconResponse.status(), 200, "the favicon is served");
    assert.match(iconResponse.headers()["content-type"] ?? "", /image\/svg\+xml/, "as SVG");

    // A filter changes the markers: only claimed incidents.
    await page.selectOption("select[name=claimStatus]", "CLAIMED");
    await page.click("button[type=submit]");
    await page.waitForFunction((before) => {
      const n = document.querySelectorAll("path.incident-marker").length;
      return n > 0 && n !== before;
    }, all);
    const claimed = await markers.count();
    assert.ok(claimed > 0 && claimed < all, `fewer markers with claimStatus=CLAIMED (${claimed} of ${all})`);
    assert.match(await page.textContent("#status"), new RegExp(`^${claimed} incidents on the map`));

    // The filters are in the address: a shared URL opens the same view; back and forward move between views.
    assert.match(page.url(), /[?&]claimStatus=CLAIMED/, "the filter in the URL");
    const shared = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await shared.route(/tile\.openstreetmap\.org/, (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: blankTile }));
    await shared.goto(page.url());
    await shared.waitForFunction((n) => document.querySelectorAll("path.incident-marker").length === n, claimed);
    assert.equal(await shared.inputValue("select[name=claimStatus]"), "CLAIMED", "a shared URL restores the form");
    await shared.close();
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll("path.incident-marker").length === n, all);
    assert.equal(await page.inputValue("select[name=claimStatus]"), "", "back: the view before the filter");
    await page.goForward();
    await page.waitForFunction((n) => document.querySelectorAll("path.incident-marker").length === n, claimed);

    // A marker opens the incident panel with its claims.
    // A click event on the marker's SVG path, as a pointer would send it (no wait for the map's zoom animation).
    await markers.first().dispatchEvent("click");
    const claims = page.locator("#panel table.claims");
    await claims.waitFor();
    assert.ok(await page.locator("#panel table.claims td.stance-CLAIMED").count() >= 1, "a CLAIMED claim");
    assert.ok((await page.textContent("#panel h2")).length > 0, "the incident's title");
    assert.ok(await page.locator("#panel table.casualties tr").count() >= 2, "casualty figures");

    // A bad filter is shown, not thrown.
    await page.fill("input[name=actor]", "No such actor anywhere");
    await page.click("button[type=submit]");
    await page.waitForSelector("#status.error");
    assert.match(await page.textContent("#status"), /no actor/i);
    await page.fill("input[name=actor]", "");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => !document.querySelector("#status").classList.contains("error")
      && document.querySelectorAll("path.incident-marker").length > 0);

    // One per event: the toggle goes into the query (the demo data has no SAME_EVENT links: the same markers).
    await page.check("input[name=dedupe]");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => /incidents on the map/.test(document.querySelector("#status").textContent));
    await page.uncheck("input[name=dedupe]");

    // The incident panel lists its links; an editor signs in and rejects, then confirms, one from the panel.
    await page.goto(`${base}/#incident=4`);
    const link = page.locator("#panel table.links tr.link").first();
    await link.waitFor();
    assert.match(await link.textContent(), /related/);
    assert.match(await link.textContent(), /Presumed Israeli air strikes/);
    await page.fill("#panel form.sign-in input[name=username]", "admin");
    await page.fill("#panel form.sign-in input[name=password]", process.env.KB_ADMIN_PASSWORD);
    await page.click("#panel form.sign-in button[type=submit]");
    await page.click("#panel button.decide-REJECTED");
    await page.locator("#panel tr.link.status-REJECTED").waitFor();
    await page.click("#panel button.decide-CONFIRMED");
    await page.locator("#panel tr.link.status-CONFIRMED").waitFor();
    await page.locator("#panel a.other").first().click();
    await page.waitForFunction(() => /Presumed Israeli/.test(document.querySelector("#panel h2")?.textContent ?? ""));
    assert.match(page.url(), /#incident=5$/);
    await page.locator("#panel table.links tr.link").first().waitFor();

    await page.screenshot({ path: screenshot });
    // Loading the bad filter answered 400 on purpose; Chromium logs every failed fetch as a console error.
    const unexpected = problems.filter((p) => !/status of 400/.test(p));
    assert.deepEqual(unexpected, [], "no console errors");
    console.log(`Explorer: ${all} markers, ${claimed} claimed, panel with claims and links, a link decided from the `
      + `panel; screenshot ${screenshot}`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
