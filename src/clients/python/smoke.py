"""Uses the Python client generated from the OpenAPI document (package incident_kb_client) against a running
service: filter, page with the cursor, create with credentials, read a problem as a typed error."""
import json
import os
import time

import incident_kb_client as kb
from incident_kb_client.exceptions import ApiException

BASE = os.environ.get("KB_URL", "http://127.0.0.1:18090")


def client(signed_in: bool) -> kb.ApiClient:
    config = kb.Configuration(host=BASE)
    if signed_in:
        config.username = "admin"
        config.password = os.environ["KB_ADMIN_PASSWORD"]
    return kb.ApiClient(config)


def main() -> None:
    anonymous = kb.IncidentsApi(client(False))
    admin = kb.IncidentsApi(client(True))

    # Filter: incidents in Iraq, newest first, two per page.
    first = anonymous.list_incidents(country=["IRQ"], size=2, sort="-startDate")
    incidents = [item.actual_instance for item in first.items]
    assert len(incidents) == 2, "a page of two"
    assert all(isinstance(i, kb.Incident) and i.location.country_code == "IRQ" for i in incidents), "only Iraq"
    assert incidents[0].start_date >= incidents[1].start_date, "newest first"

    # Page with the cursor.
    assert first.cursor, "a cursor to the next page"
    second = anonymous.list_incidents(country=["IRQ"], size=2, sort="-startDate", after=first.cursor)
    second_ids = [item.actual_instance.id for item in second.items]
    assert second_ids and not set(second_ids) & {i.id for i in incidents}, "the next page"

    # Several incidents by id in one call.
    batch = anonymous.list_incidents(id=[incidents[0].id, *second_ids], sort="id")
    assert len(batch.items) == 1 + len(second_ids), "every id asked for"

    # Sparse fields: the items then lack required properties, so read the answer as plain JSON.
    sparse = json.loads(anonymous.list_incidents_without_preload_content(country=["IRQ"], size=2, fields="title").data)
    assert [sorted(item) for item in sparse["items"]] == [["id", "title"]] * 2, "only id and title"

    # Create with credentials; the answer is the stored incident, typed.
    title = f"Generated Python client {time.time_ns()}"
    created = admin.create_incident(kb.IncidentInput.from_dict({
        "title": title, "category": "battles", "startDate": "2024-05-01",
        "location": {"countryCode": "IRQ", "admin1": "Nineveh"},
        "casualties": [{"category": "ALL", "killed": 3}], "tags": ["client-smoke"]}))
    assert created.title == title
    # Figures may be written in short (a number) on input; the answer is always the object, typed as such.
    assert created.casualty_summary.killed.best == 3
    assert anonymous.get_incident(created.id).id == created.id

    # Statistics, typed rows.
    stats = kb.StatisticsApi(client(False)).get_incident_statistics(group_by=["year"], tag=["client-smoke"])
    assert stats.rows and stats.rows[0].incidents >= 1, "a statistics row"
    assert stats.rows[0].year == 2024, "its group key, typed"

    # A problem as a typed error: writing without credentials, and an incident that does not exist.
    for call, status in [(lambda: anonymous.delete_incident(created.id), 401),
                         (lambda: anonymous.get_incident(987654321), 404)]:
        try:
            call()
            raise AssertionError(f"expected {status}")
        except ApiException as e:
            assert e.status == status, e
            problem = kb.Problem.from_json(e.body)
            assert problem.status == status and problem.title, problem
    admin.delete_incident(created.id)

    # Actors: two spellings of one group are listed as likely duplicates, and merged into one.
    actors = kb.ActorsApi(client(True))
    stamp = time.time_ns()
    kept = actors.create_actor(kb.ActorInput.from_dict({"name": f"Smoke Brigade {stamp}", "kind": "MILITIA"}))
    other = actors.create_actor(kb.ActorInput.from_dict({"name": f"SMOKE BRIGADE {stamp} (Iraq)", "kind": "MILITIA"}))
    pairs = actors.list_actor_duplicates(min_score=1, limit=1000)
    assert any(p.a.id == kept.id and p.b.id == other.id for p in pairs.items), "the pair, listed"
    merged = actors.merge_actor(other.id, kb.ActorMerge.from_dict({"into": {"id": kept.id}}))
    assert f"SMOKE BRIGADE {stamp} (Iraq)" in merged.aliases, "the old name kept as an alias"

    # Links: the demo's al-Asad attack "follows" the Israeli strikes (RELATED); an editor links two incidents,
    # rejects the link, the review queue lists it; a matching run over an empty scope ends DONE; events counted once.
    links = kb.LinksApi(client(True))
    al_asad = kb.LinksApi(client(False)).list_incident_links(4)
    assert any(l.relation == "RELATED" and l.to.id == 5 for l in al_asad), "the demo's RELATED link"
    one = admin.create_incident(kb.IncidentInput.from_dict({"title": f"Smoke link A {stamp}", "category": "battles",
                                                            "startDate": "2024-05-02"}))
    two = admin.create_incident(kb.IncidentInput.from_dict({"title": f"Smoke link B {stamp}", "category": "battles",
                                                            "startDate": "2024-05-02"}))
    link = links.create_incident_link(one.id, kb.LinkInput.from_dict(
        {"to": {"id": two.id}, "relation": "SAME_EVENT", "note": "smoke"}))
    assert link.status == "CONFIRMED" and link.var_from.id == one.id
    assert links.patch_link(link.id, {"status": "REJECTED"}).status == "REJECTED"
    queue = links.list_links(status=["REJECTED"], relation=["SAME_EVENT"], size=500)
    assert any(l.id == link.id for l in queue.items), "the review queue lists it"
    job = links.start_matching(kb.MatchingRequest.from_dict(
        {"spatialWindowKm": 5, "temporalWindowDays": 2, "country": "IRQ", "from": "1900-01-01", "to": "1900-12-31"}))
    for _ in range(100):
        if job.state not in ("QUEUED", "RUNNING"):
            break
        time.sleep(0.1)
        job = links.get_matching_job(job.id)
    assert job.state == "DONE", job
    events = anonymous.list_incidents(dedupe="events", size=1)
    assert events.total >= 1, "a list with dedupe=events"
    # A conditional GET through the client's if_none_match: 304 (an ApiException) while nothing changed.
    listed = anonymous.list_incidents_with_http_info(country=["IRQ"], size=2)
    etag = listed.headers["ETag"]
    try:
        anonymous.list_incidents(country=["IRQ"], size=2, if_none_match=etag)
        raise AssertionError("expected 304 Not Modified")
    except ApiException as e:
        assert e.status == 304, e.status

    print("Python client: filter, cursor, create, statistics, problems, actor merge, links, matching and a "
          "conditional GET all worked")


if __name__ == "__main__":
    main()
