package org.incidentkb.actor;

/** Examples for the OpenAPI document, drawn from the shipped demo data. */
final class ActorExamples {

    private ActorExamples() {
    }

    static final String INPUT = """
            {
              "name": "Kataib Hezbollah",
              "aliases": ["KH", "Kata'ib Hizballah", "Hezbollah Brigades"],
              "kind": "MILITIA",
              "countryCode": "IRQ",
              "description": "Iran-backed Iraqi armed group; the Pentagon blames it for most attacks on US forces in Iraq and Syria.",
              "parent": {"id": 4},
              "backers": [{"id": 1}],
              "designations": [{"designatedBy": "United States", "designation": "terrorist organization", "since": null}]
            }""";

    static final String VIEW = """
            {
              "id": 5,
              "version": 0,
              "name": "Kataib Hezbollah",
              "aliases": ["KH", "Kata'ib Hizballah", "Hezbollah Brigades"],
              "kind": "MILITIA",
              "countryCode": "IRQ",
              "country": "Iraq",
              "description": "Iran-backed Iraqi armed group; the Pentagon blames it for most attacks on US forces in Iraq and Syria.",
              "parent": {"id": 4, "name": "Islamic Resistance in Iraq"},
              "backers": [{"id": 1, "name": "Iran"}],
              "designations": [{"designatedBy": "United States", "designation": "terrorist organization", "since": null}],
              "createdAt": "2026-11-23T10:00:00Z",
              "updatedAt": "2026-11-23T10:00:00Z"
            }""";

    static final String PATCH = """
            {"aliases": ["KH", "Hezbollah Brigades", "Kataib Hizbullah"]}""";

    static final String DUPLICATES = """
            {"items": [
              {"a": {"id": 14, "name": "Islamic State"}, "b": {"id": 88, "name": "Islamic State (Iraq)"}, "score": 1.0,
               "reasons": ["SAME_NORMALISED_NAME"]},
              {"a": {"id": 14, "name": "Islamic State"}, "b": {"id": 91, "name": "IS"}, "score": 0.8,
               "reasons": ["ACRONYM"]}]}""";
}
