package org.incidentkb.link;

/** Examples for the OpenAPI document, drawn from the demo data. */
final class LinkExamples {

    private LinkExamples() {
    }

    static final String VIEW = """
            {"id": 1, "version": 0,
             "from": {"id": 4, "title": "Ballistic missile and rocket attack on al-Asad airbase", "startDate": "2024-01-20", "dataset": null},
             "to": {"id": 5, "title": "Presumed Israeli air strikes kill senior Iranian officers in Syria", "startDate": "2024-01-01", "dataset": null},
             "relation": "RELATED", "status": "CONFIRMED", "score": null, "evidence": null,
             "note": "The digest: the attack follows presumed Israeli air-strikes that killed high-level Iranian officers in Syria (BBC News)",
             "createdBy": null, "createdAt": "2024-06-01T00:00:00Z", "decidedBy": null, "decidedAt": "2024-06-01T00:00:00Z",
             "restoredBy": null, "restoredAt": null}""";

    static final String PROPOSED = """
            {"id": 51, "version": 0,
             "from": {"id": 1201, "title": "Suicide bombing at a market in Tuz Khurmatu", "startDate": "2016-05-01", "dataset": "ACLED"},
             "to": {"id": 88410, "title": "Bombing in Tuz Khurmatu", "startDate": "2016-05-01", "dataset": "GTD"},
             "relation": "SAME_EVENT", "status": "PROPOSED", "score": 0.93,
             "evidence": {"distanceKm": 1.2, "daysApart": 0, "typeMatch": "TYPE", "sharedActors": [{"id": 40, "name": "Islamic State"}],
                          "carriedBy": ["near", "same day", "same type", "shared actor"]},
             "note": null, "createdBy": "admin", "createdAt": "2026-11-30T10:00:00Z", "decidedBy": null, "decidedAt": null,
             "restoredBy": null, "restoredAt": null}""";

    static final String INPUT = """
            {"to": {"id": 5}, "relation": "RELATED", "note": "The digest: the attack follows presumed Israeli air-strikes"}""";

    static final String PATCH = """
            {"status": "CONFIRMED", "note": "Same market bombing; GTD has the later casualty count"}""";

    static final String LIST = "[" + VIEW + "]";
}
