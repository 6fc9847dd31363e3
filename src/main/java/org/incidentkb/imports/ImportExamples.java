package org.incidentkb.imports;

/** Examples for the OpenAPI document. */
final class ImportExamples {

    private ImportExamples() {
    }

    static final String ACLED = """
            event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
            IRQ29001,16 January 2024,2024,1,Political violence,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps,,State forces,Civilians (Iraq),,Civilians,17,Civilian targeting,368,Middle East,Iraq,Erbil,Erbil,Erbil,Erbil,36.1912,44.0092,1,Rudaw; Haaretz,National-International,Ballistic missiles hit Erbil; at least four civilians killed.,4,,1705500000
            """;

    static final String NDJSON = """
            {"title": "IRGC ballistic missile attack on Erbil", "type": {"code": "shelling-artillery-missile-attack"}, "startDate": "2024-01-16", "location": {"countryCode": "IRQ", "admin1": "Erbil"}, "actors": [{"actor": {"name": "Islamic Revolutionary Guard Corps"}, "role": "PERPETRATOR"}], "externalRefs": [{"dataset": "DEMO", "externalId": "erbil-2024-01-16"}]}
            """;

    static final String BACKUP = """
            {"kind":"backup","backup":{"format":1,"exportedAt":"2024-11-24T13:00:00Z"}}
            {"kind":"actor","actor":{"id":2,"version":0,"name":"Islamic Revolutionary Guard Corps","aliases":["IRGC"],"kind":"STATE_FORCE","countryCode":"IRN","country":"Iran","description":null,"parent":null,"backers":[],"designations":[],"createdAt":"2024-11-24T13:00:00Z","updatedAt":"2024-11-24T13:00:00Z"}}
            {"kind":"source","source":{"id":1,"version":0,"publisher":"Rudaw","url":null,"title":null,"publishedOn":null,"language":"en","createdAt":"2024-11-24T13:00:00Z","updatedAt":"2024-11-24T13:00:00Z"}}
            {"kind":"incident","incident":{"id":3,"version":0,"uid":"2f0c8a9e-5d1b-4c7e-9a3f-6b2d8e4f1a07","title":"IRGC ballistic missile attack on Erbil","startDate":"2024-01-16","actors":[{"actor":{"id":2,"name":"Islamic Revolutionary Guard Corps"},"role":"PERPETRATOR","confidence":"CONFIRMED"}],"sources":[{"id":1,"name":"Rudaw"}]}}
            {"kind":"end","end":{"lines":3}}
            """;

    static final String DONE = """
            {"id": "0b7e6c1e-4c1f-4d55-9d34-2f1a4d3c9b10", "format": "gtd", "state": "DONE", "charset": "windows-1252",
             "progress": {"rowsRead": 475, "bytesRead": 764620, "bytesTotal": 764620, "percent": 100.0, "rowsPerSecond": 950.0, "secondsLeft": 0},
             "report": {"received": 475, "created": 474, "updated": 0, "skipped": 0, "failed": 1,
                        "errors": [{"line": 17, "message": "iyear/imonth/iday 2001-2-30 is not a date"}]},
             "createdAt": "2024-11-24T13:00:00Z", "startedAt": "2024-11-24T13:00:00Z", "finishedAt": "2024-11-24T13:00:01Z"}""";

    static final String RUNNING = """
            {"id": "0b7e6c1e-4c1f-4d55-9d34-2f1a4d3c9b10", "format": "ndjson", "state": "RUNNING", "charset": "UTF-8",
             "progress": {"rowsRead": 120000, "bytesRead": 73400320, "bytesTotal": 611000000, "percent": 12.0, "rowsPerSecond": 15000.0, "secondsLeft": 59},
             "report": {"received": 120000, "created": 120000, "updated": 0, "skipped": 0, "failed": 0, "errors": []},
             "createdAt": "2024-11-24T13:00:00Z", "startedAt": "2024-11-24T13:00:00Z"}""";
}
