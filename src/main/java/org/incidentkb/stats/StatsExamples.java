package org.incidentkb.stats;

/** Examples for the OpenAPI document, from the demo data. */
final class StatsExamples {

    private StatsExamples() {
    }

    static final String MONTHLY = """
            {"groupBy": ["month"],
             "rows": [{"month": "2023-11", "incidents": 1, "killed": null, "killedUnknown": 1, "injured": null, "injuredUnknown": 1},
                      {"month": "2024-01", "incidents": 7, "killed": {"low": 6, "best": 6, "high": null}, "killedUnknown": 5, "injured": null, "injuredUnknown": 7},
                      {"month": "2024-05", "incidents": 1, "killed": {"low": 5, "best": 5, "high": 5}, "killedUnknown": 0, "injured": {"low": 5, "best": 5, "high": 5}, "injuredUnknown": 0}]}""";

    static final String MONTHLY_CSV = """
            month,incidents,killedLow,killedBest,killedHigh,killedUnknown,injuredLow,injuredBest,injuredHigh,injuredUnknown
            2023-11,1,,,,1,,,,1
            2024-01,7,6,6,,5,,,,7
            2024-05,1,5,5,5,0,5,5,5,0
            """;

    static final String BAD_GROUP_BY = """
            {"type": "urn:incident-kb:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "groupBy: 'week' is not one of year, month, country, admin1, category, type, perpetrator, claimStatus",
             "instance": "/api/v1/stats/incidents",
             "errors": [{"field": "groupBy", "message": "'week' is not one of year, month, country, admin1, category, type, perpetrator, claimStatus"}]}""";

    static final String BUSY = """
            {"type": "urn:incident-kb:problem:busy", "title": "Too many large statistics at once", "status": 503,
             "detail": "Statistics grouped by perpetrator or admin1 are computed 2 at a time (kb.stats.wide-concurrency), and none ended within 30 s; ask again later, or narrow the filter",
             "instance": "/api/v1/stats/incidents"}""";
}
