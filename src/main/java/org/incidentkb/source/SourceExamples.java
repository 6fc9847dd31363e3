package org.incidentkb.source;

/** Examples for the OpenAPI document, drawn from the shipped demo data. */
final class SourceExamples {

    private SourceExamples() {
    }

    static final String INPUT = """
            {"publisher": "Rudaw", "url": null, "title": null, "publishedOn": null, "language": null}""";

    static final String VIEW = """
            {"id": 1, "version": 0, "publisher": "Rudaw", "url": null, "title": null, "publishedOn": null,
             "language": null, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}""";

    static final String PATCH = """
            {"title": "US drone strike kills PMF commander in Baghdad", "publishedOn": "2024-01-04"}""";
}
