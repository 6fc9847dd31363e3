package org.incidentkb.stats;

/** Examples for the OpenAPI document, from the demo data. */
final class StatsExamples {

    private StatsExamples() {
    }

    static final String MONTHLY = """
            {"groupBy": ["month"],
             "rows": [{"month": "2023-11", "incidents": 1, "killed": {"low": 0, "best": 0, "high": 0}, "injured": {"low": 0, "best": 0, "high": 0}},
                      {"month": "2024-01", "incidents": 7, "killed": {"low": 6, "best": 6, "high": null}, "injured": {"low": 0, "best": 0, "high": 0}},
                      {"month": "2024-05", "incidents": 1, "killed": {"low": 5, "best": 5, "high": 5}, "injured": {"low": 5, "best": 5, "high": 5}}]}""";

    static final String MONTHLY_CSV = """
            month,incidents,killedLow,killedBest,killedHigh,injuredLow,injuredBest,injuredHigh
            2023-11,1,0,0,0,0,0,0
            2024-01,7,6,6,,0,0,0
            2024-05,1,5,5,5,5,5,5
            """;

    static final String BAD_GROUP_BY = """
            {"type": "urn:incident-kb:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "groupBy: 'week' is not one of year, month, country, admin1, category, type, perpetrator, claimStatus",
             "instance": "/api/v1/stats/incidents",
             "errors": [{"field": "groupBy", "message": "'week' is not one of year, month, country, admin1, category, type, perpetrator, claimStatus"}]}""";
}
