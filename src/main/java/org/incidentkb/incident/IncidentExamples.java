package org.incidentkb.incident;

/** Examples for the OpenAPI document, drawn from the shipped demo data (the news digest on Iraq and Syria). */
final class IncidentExamples {

    private IncidentExamples() {
    }

    static final String INPUT = """
            {
              "title": "IRGC ballistic missile attack on Erbil",
              "summary": "Iran's Islamic Revolutionary Guard Corps claimed responsibility for a ballistic missile attack on Erbil, the Kurdistan Region's capital, that killed at least four civilians.",
              "category": "explosions-remote-violence",
              "type": "shelling-artillery-missile-attack",
              "startDate": "2024-01-16",
              "datePrecision": "DAY",
              "location": {"countryCode": "IRQ", "admin1": "Erbil", "locality": "Erbil", "latitude": 36.1912, "longitude": 44.0092, "geoPrecision": "NEAR"},
              "actors": [
                {"actor": {"id": 10}, "role": "PERPETRATOR", "confidence": "CONFIRMED"},
                {"actor": {"id": 11}, "role": "TARGET", "confidence": "CONFIRMED"}
              ],
              "casualties": [
                {"category": "CIVILIAN", "killed": {"low": 4, "best": 4, "high": null}, "source": {"id": 1}}
              ],
              "claims": [
                {"actor": {"id": 10}, "stance": "CLAIMED", "statedOn": "2024-01-16", "channel": "STATEMENT",
                 "quote": "spy headquarters", "credibility": "UNVERIFIED", "source": {"id": 1}}
              ],
              "sources": [{"id": 1}, {"id": 2}],
              "tags": ["ballistic-missile"]
            }""";

    static final String VIEW = """
            {
              "id": 3,
              "version": 0,
              "title": "IRGC ballistic missile attack on Erbil",
              "summary": "Iran's Islamic Revolutionary Guard Corps claimed responsibility for a ballistic missile attack on Erbil, the Kurdistan Region's capital, that killed at least four civilians.",
              "category": {"code": "explosions-remote-violence", "label": "Explosions/Remote violence"},
              "type": {"code": "shelling-artillery-missile-attack", "label": "Shelling/artillery/missile attack"},
              "startDate": "2024-01-16",
              "endDate": null,
              "datePrecision": "DAY",
              "location": {"countryCode": "IRQ", "country": "Iraq", "admin1": "Erbil", "admin2": null, "locality": "Erbil",
                           "latitude": 36.1912, "longitude": 44.0092, "geoPrecision": "NEAR"},
              "actors": [
                {"actor": {"id": 10, "name": "Islamic Revolutionary Guard Corps"}, "role": "PERPETRATOR", "confidence": "CONFIRMED"},
                {"actor": {"id": 11, "name": "Civilians (Iraq)"}, "role": "TARGET", "confidence": "CONFIRMED"}
              ],
              "casualties": [
                {"id": 2, "version": 0, "category": "CIVILIAN", "affiliation": null,
                 "killed": {"low": 4, "best": 4, "high": null}, "injured": null, "missing": null, "names": [],
                 "source": {"id": 1, "name": "Rudaw"}, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}
              ],
              "casualtySummary": {"killed": {"low": 4, "best": 4, "high": null}, "injured": null},
              "claims": [
                {"id": 3, "version": 0, "actor": {"id": 10, "name": "Islamic Revolutionary Guard Corps"}, "stance": "CLAIMED",
                 "statedBy": null, "statedOn": "2024-01-16", "channel": "STATEMENT", "quote": "spy headquarters",
                 "credibility": "UNVERIFIED", "source": {"id": 1, "name": "Rudaw"},
                 "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}
              ],
              "claimStatus": "CLAIMED",
              "sources": [{"id": 1, "name": "Rudaw"}, {"id": 2, "name": "Haaretz"}],
              "tags": ["ballistic-missile"],
              "externalRefs": [],
              "createdAt": "2026-11-23T10:00:00Z",
              "updatedAt": "2026-11-23T10:00:00Z"
            }""";

    static final String PATCH = """
            {"tags": ["ballistic-missile", "kurdistan-region"], "location": {"admin2": "Erbil"}}""";

    static final String CASUALTY_INPUT = """
            {"category": "ALL", "affiliation": {"actor": {"id": 7}},
             "killed": 2,
             "names": [{"name": "Mushtaq Talib al-Saeedi", "description": "known as Abu Taqwa; former commander of Harakat al-Nujaba and deputy commander of the PMF's Baghdad Belt Operations"}],
             "source": {"id": 1}}""";

    static final String CASUALTY_VIEW = """
            {"id": 1, "version": 0, "category": "ALL",
             "affiliation": {"actor": {"id": 7, "name": "Popular Mobilization Forces"}, "text": null},
             "killed": {"low": 2, "best": 2, "high": 2}, "injured": null, "missing": null,
             "names": [{"name": "Mushtaq Talib al-Saeedi", "description": "known as Abu Taqwa; former commander of Harakat al-Nujaba and deputy commander of the PMF's Baghdad Belt Operations"}],
             "source": {"id": 1, "name": "Rudaw"}, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}""";

    static final String CLAIM_INPUT = """
            {"actor": {"id": 4}, "stance": "CLAIMED", "channel": "UNKNOWN", "credibility": "UNVERIFIED", "source": {"id": 3}}""";

    static final String CLAIM_VIEW = """
            {"id": 4, "version": 0, "actor": {"id": 4, "name": "Islamic Resistance in Iraq"}, "stance": "CLAIMED",
             "statedBy": null, "statedOn": null, "channel": "UNKNOWN", "quote": null, "credibility": "UNVERIFIED",
             "source": {"id": 3, "name": "BBC News"}, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}""";
}
