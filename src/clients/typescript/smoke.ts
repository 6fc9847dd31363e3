// Uses the TypeScript client generated from the OpenAPI document (typescript-fetch, into ./generated) against a
// running service: filter, page with the cursor, create with credentials, read a problem as a typed error.
import assert from "node:assert/strict";
import {
  ActorsApi,
  Configuration,
  IncidentsApi,
  LinksApi,
  StatisticsApi,
  ProblemFromJSON,
  ResponseError,
  Incident,
} from "./generated";

const basePath = process.env.KB_URL ?? "http://127.0.0.1:18090";
const anonymous = new IncidentsApi(new Configuration({ basePath }));
const admin = new IncidentsApi(
  new Configuration({ basePath, username: "admin", password: process.env.KB_ADMIN_PASSWORD }),
);

async function main(): Promise<void> {
  // Filter: incidents in Iraq, newest first, two per page.
  const first = await anonymous.listIncidents({ country: ["IRQ"], size: 2, sort: "-startDate" });
  assert.equal(first.items?.length, 2, "a page of two");
  const incidents = first.items as Incident[];
  assert.ok(incidents.every((i) => i.location?.countryCode === "IRQ"), "only Iraq");
  assert.ok(incidents[0].startDate! >= incidents[1].startDate!, "newest first");
  assert.ok((first.total ?? 0) > 2, "more than one page in all");

  // Page with the cursor.
  assert.ok(first.cursor, "a cursor to the next page");
  const second = await anonymous.listIncidents({ country: ["IRQ"], size: 2, sort: "-startDate", after: first.cursor! });
  const secondIds = (second.items as Incident[]).map((i) => i.id);
  assert.ok(secondIds.length > 0 && secondIds.every((id) => !incidents.some((i) => i.id === id)), "the next page");

  // Several incidents by id in one call.
  const batch = await anonymous.listIncidents({ id: [incidents[0].id!, ...secondIds.map((id) => id!)], sort: "id" });
  assert.equal(batch.items?.length, 1 + secondIds.length, "every id asked for");

  // Sparse fields: the items then lack required properties, so read the answer as plain JSON.
  const sparse = await (await anonymous.listIncidentsRaw({ country: ["IRQ"], size: 2, fields: "title" })).raw.json();
  assert.deepEqual(sparse.items.map((i: object) => Object.keys(i).sort()), [["id", "title"], ["id", "title"]]);

  // Create with credentials; the answer is the stored incident, typed.
  const title = `Generated TypeScript client ${Date.now()}`;
  const created = await admin.createIncident({
    incidentInput: {
      title,
      // Short forms on input (a code, a number); the answer is always the object.
      category: "battles",
      type: "armed-clash",
      startDate: "2024-05-01",
      location: { countryCode: "IRQ", admin1: "Nineveh" },
      casualties: [{ category: "ALL", killed: 3 }],
      tags: ["client-smoke"],
    },
  });
  assert.equal(created.title, title);
  // Date-only values stay strings (the generator's --type-mappings=date=string): no shift west of UTC.
  assert.equal(created.startDate, "2024-05-01");
  assert.equal(created.casualtySummary?.killed?.best, 3);
  assert.equal(created.category.code, "battles");
  assert.equal(created.type?.label, "Armed clash");
  const read = await anonymous.getIncident({ id: created.id! });
  assert.equal(read.id, created.id);

  // Statistics, typed rows.
  const stats = await new StatisticsApi(new Configuration({ basePath })).getIncidentStatistics({
    groupBy: ["year"],
    tag: ["client-smoke"],
  });
  assert.ok(stats.rows!.length >= 1 && stats.rows![0].incidents! >= 1, "a statistics row");
  assert.equal(stats.rows![0].year, 2024, "its group key, typed as a number");

  // A problem as a typed error: writing without credentials, and an incident that does not exist.
  for (const [call, status] of [
    [() => anonymous.deleteIncident({ id: created.id! }), 401],
    [() => anonymous.getIncident({ id: 987654321 }), 404],
    [() => admin.createIncident({ incidentInput: { title: "", startDate: "2024-05-01" } }), 400],
  ] as const) {
    try {
      await call();
      assert.fail(`expected ${status}`);
    } catch (e) {
      assert.ok(e instanceof ResponseError, `a ResponseError, not ${e}`);
      const problem = ProblemFromJSON(await e.response.json());
      assert.equal(problem.status, status);
      assert.ok(problem.title && problem.title.length > 0, "a problem with a title");
    }
  }
  await admin.deleteIncident({ id: created.id! });

  // Actors: two spellings of one group are listed as likely duplicates, and merged into one.
  const actors = new ActorsApi(
    new Configuration({ basePath, username: "admin", password: process.env.KB_ADMIN_PASSWORD }),
  );
  const stamp = Date.now();
  const kept = await actors.createActor({ actorInput: { name: `Smoke Brigade ${stamp}`, kind: "MILITIA" } });
  const other = await actors.createActor({ actorInput: { name: `SMOKE BRIGADE ${stamp} (Iraq)`, kind: "MILITIA" } });
  const pairs = await actors.listActorDuplicates({ minScore: 1, limit: 1000 });
  assert.ok(pairs.items?.some((p) => p.a?.id === kept.id && p.b?.id === other.id), "the pair, listed");
  const merged = await actors.mergeActor({ id: other.id!, actorMerge: { into: { id: kept.id } } });
  assert.ok(merged.aliases?.includes(`SMOKE BRIGADE ${stamp} (Iraq)`), "the old name kept as an alias");

  // Links: the demo's al-Asad attack "follows" the Israeli strikes (RELATED); an editor links two incidents, rejects
  // the link, the review queue lists it; a matching run over an empty scope ends DONE; lists count events once.
  const links = new LinksApi(new Configuration({ basePath, username: "admin", password: process.env.KB_ADMIN_PASSWORD }));
  const alAsad = await new LinksApi(new Configuration({ basePath })).listIncidentLinks({ id: 4 });
  assert.ok(alAsad.some((l) => l.relation === "RELATED" && l.to?.id === 5), "the demo's RELATED link");
  const one = await admin.createIncident({ incidentInput: { title: `Smoke link A ${stamp}`, category: { code: "battles" }, startDate: "2024-05-02" } });
  const two = await admin.createIncident({ incidentInput: { title: `Smoke link B ${stamp}`, category: { code: "battles" }, startDate: "2024-05-02" } });
  const link = await links.createIncidentLink({ id: one.id!, linkInput: { to: { id: two.id }, relation: "SAME_EVENT", note: "smoke" } });
  assert.equal(link.status, "CONFIRMED");
  const rejected = await links.patchLink({ id: link.id!, body: { status: "REJECTED" } });
  assert.equal(rejected.status, "REJECTED");
  const queue = await links.listLinks({ status: ["REJECTED"], relation: ["SAME_EVENT"], size: 500 });
  assert.ok(queue.items?.some((l) => l.id === link.id), "the review queue lists it");
  const run = await links.startMatching({ matchingRequest: { spatialWindowKm: 5, temporalWindowDays: 2, country: "IRQ", from: "1900-01-01", to: "1900-12-31" } });
  let job = run;
  for (let i = 0; i < 100 && (job.state === "QUEUED" || job.state === "RUNNING"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await links.getMatchingJob({ jobId: run.id! });
  }
  assert.equal(job.state, "DONE", "the matching run ends");
  const events = await anonymous.listIncidents({ dedupe: "events", size: 1 });
  assert.ok((events.total ?? 0) >= 1, "a list with dedupe=events");

  // HTTP as a front-end meets it: a conditional GET through the client's ifNoneMatch, brotli, OPTIONS and 405 with
  // Allow, and CORS for an anonymous read from any origin.
  const tagged = await anonymous.listIncidentsRaw({ country: ["IRQ"], size: 2 });
  const etag = tagged.raw.headers.get("etag")!;
  assert.match(etag, /^W\/"/, "a list carries a weak ETag");
  assert.equal(tagged.raw.headers.get("cache-control"), "no-cache");
  assert.match(tagged.raw.headers.get("vary") ?? "", /Accept, Accept-Encoding, Origin/);
  assert.match(tagged.raw.headers.get("link") ?? "", /rel="first"/, "Link names the first page");
  const ranked = await anonymous.listIncidents({ q: "Baghdad", sort: "relevance" });
  assert.match((ranked.items as Incident[])[0].title, /Baghdad/, "sort=relevance puts a title match first");
  await assert.rejects(anonymous.listIncidents({ country: ["IRQ"], size: 2, ifNoneMatch: etag }),
    (e: unknown) => e instanceof ResponseError && e.response.status === 304, "304 while nothing changed");
  const brotli = await fetch(tagged.raw.url, { headers: { "Accept-Encoding": "br" } });
  assert.equal(brotli.headers.get("content-encoding"), "br");
  assert.equal((await brotli.json()).items.length, 2, "brotli decodes to the same page");
  const options = await fetch(`${basePath}/api/v1/incidents`, { method: "OPTIONS" });
  assert.equal(options.status, 204);
  assert.equal(options.headers.get("allow"), "GET, HEAD, OPTIONS, POST");
  const refused = await fetch(`${basePath}/api/v1/stats/incidents`, { method: "DELETE" });
  assert.equal(refused.status, 405);
  assert.equal(refused.headers.get("allow"), "GET, HEAD, OPTIONS");
  const cors = await fetch(tagged.raw.url, { headers: { Origin: "https://dashboard.example" } });
  assert.equal(cors.headers.get("access-control-allow-origin"), "*", "public reads from any origin");
  console.log("TypeScript client: filter, cursor, create, statistics, problems, actor merge, links, matching, "
    + "conditional GET, Vary, Link, relevance, brotli, OPTIONS/405 and CORS all worked");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
