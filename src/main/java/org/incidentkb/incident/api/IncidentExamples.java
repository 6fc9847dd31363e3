package org.incidentkb.incident.api;

/** Examples for the OpenAPI document, drawn from the shipped demo data (the news digest on Iraq and Syria). */
public final class IncidentExamples {

    private IncidentExamples() {
    }

    public static final String INPUT = """
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

    public static final String VIEW = """
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
              "dataset": null,
              "createdAt": "2026-11-23T10:00:00Z",
              "updatedAt": "2026-11-23T10:00:00Z"
            }""";

    public static final String PATCH = """
            {"tags": ["ballistic-missile", "kurdistan-region"], "location": {"admin2": "Erbil"}}""";

    public static final String CASUALTY_INPUT = """
            {"category": "ALL", "affiliation": {"actor": {"id": 7}},
             "killed": 2,
             "names": [{"name": "Mushtaq Talib al-Saeedi", "description": "known as Abu Taqwa; former commander of Harakat al-Nujaba and deputy commander of the PMF's Baghdad Belt Operations"}],
             "source": {"id": 1}}""";

    public static final String CASUALTY_VIEW = """
            {"id": 1, "version": 0, "category": "ALL",
             "affiliation": {"actor": {"id": 7, "name": "Popular Mobilization Forces"}, "text": null},
             "killed": {"low": 2, "best": 2, "high": 2}, "injured": null, "missing": null,
             "names": [{"name": "Mushtaq Talib al-Saeedi", "description": "known as Abu Taqwa; former commander of Harakat al-Nujaba and deputy commander of the PMF's Baghdad Belt Operations"}],
             "source": {"id": 1, "name": "Rudaw"}, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}""";

    public static final String CLAIM_INPUT = """
            {"actor": {"id": 4}, "stance": "CLAIMED", "channel": "UNKNOWN", "credibility": "UNVERIFIED", "source": {"id": 3}}""";

    public static final String CLAIM_VIEW = """
            {"id": 4, "version": 0, "actor": {"id": 4, "name": "Islamic Resistance in Iraq"}, "stance": "CLAIMED",
             "statedBy": null, "statedOn": null, "channel": "UNKNOWN", "quote": null, "credibility": "UNVERIFIED",
             "source": {"id": 3, "name": "BBC News"}, "createdAt": "2026-11-23T10:00:00Z", "updatedAt": "2026-11-23T10:00:00Z"}""";

    public static final String PAGE = """
            {"items": [{"id": 3, "version": 0, "title": "IRGC ballistic missile attack on Erbil",
                        "category": {"code": "explosions-remote-violence", "label": "Explosions/Remote violence"},
                        "type": {"code": "shelling-artillery-missile-attack", "label": "Shelling/artillery/missile attack"},
                        "startDate": "2024-01-16", "datePrecision": "DAY",
                        "location": {"countryCode": "IRQ", "country": "Iraq", "admin1": "Erbil", "locality": "Erbil",
                                     "latitude": 36.1912, "longitude": 44.0092, "geoPrecision": "NEAR"},
                        "casualtySummary": {"killed": {"low": 4, "best": 4, "high": null}, "injured": null},
                        "claimStatus": "CLAIMED"}],
             "page": 1, "size": 50, "total": 1, "cursor": null,
             "links": {"self": "/api/v1/incidents?country=IRQ&claimedBy=IRGC&page=1&size=50", "next": null, "prev": null}}""";

    public static final String CSV = """
            id,version,title,category,type,startDate,endDate,datePrecision,countryCode,country,admin1,admin2,locality,latitude,longitude,geoPrecision,perpetrators,perpetratorConfidence,targets,targetConfidence,parties,otherActors,killedLow,killedBest,killedHigh,injuredLow,injuredBest,injuredHigh,claimStatus,claimedBy,deniedBy,attributedTo,sources,tags,externalRefs,dataset,summary,createdAt,updatedAt
            3,0,IRGC ballistic missile attack on Erbil,explosions-remote-violence,shelling-artillery-missile-attack,2024-01-16,,DAY,IRQ,Iraq,Erbil,,Erbil,36.1912,44.0092,NEAR,Islamic Revolutionary Guard Corps,CONFIRMED,Kurdistan Regional Government,CONFIRMED,,,4,4,,,,,CLAIMED,Islamic Revolutionary Guard Corps,,,Rudaw; Haaretz,ballistic-missile,,,"Iran's Islamic Revolutionary Guard Corps claimed responsibility...",2024-11-24T12:00:00Z,2024-11-24T12:00:00Z
            """;

    public static final String GEOJSON = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": 3, "geometry": {"type": "Point", "coordinates": [44.0092, 36.1912]},
               "properties": {"title": "IRGC ballistic missile attack on Erbil", "category": "explosions-remote-violence",
                              "type": "shelling-artillery-missile-attack", "startDate": "2024-01-16", "datePrecision": "DAY",
                              "countryCode": "IRQ", "country": "Iraq", "admin1": "Erbil", "locality": "Erbil",
                              "geoPrecision": "NEAR", "perpetrators": ["Islamic Revolutionary Guard Corps"],
                              "targets": ["Kurdistan Regional Government"], "parties": [], "killed": 4, "injured": null,
                              "claimStatus": "CLAIMED", "tags": ["ballistic-missile"], "dataset": null, "href": "/api/v1/incidents/3"}}]}""";

    public static final String CLAIM_PAGE = """
            {"items": [{"incident": {"id": 3, "name": "IRGC ballistic missile attack on Erbil"},
                        "claim": {"id": 1, "version": 0, "actor": {"id": 10, "name": "Islamic Revolutionary Guard Corps"},
                                  "stance": "CLAIMED", "statedOn": "2024-01-16", "channel": "STATEMENT",
                                  "quote": "spy headquarters", "credibility": "UNVERIFIED", "source": {"id": 1, "name": "Rudaw"}}}],
             "page": 1, "size": 50, "total": 1,
             "links": {"self": "/api/v1/claims?actor=IRGC&page=1&size=50", "next": null, "prev": null}}""";

    public static final String CASUALTY_PAGE = """
            {"items": [{"incident": {"id": 2, "name": "US drone strike on PMF logistical support base in Baghdad"},
                        "casualty": {"id": 1, "version": 0, "category": "ALL",
                                     "names": [{"name": "Mushtaq Talib al-Saeedi",
                                                "description": "known as Abu Taqwa; former commander of Harakat al-Nujaba and deputy commander of the PMF's Baghdad Belt Operations"}]}}],
             "page": 1, "size": 50, "total": 1,
             "links": {"self": "/api/v1/casualties?q=Abu%20Taqwa&page=1&size=50", "next": null, "prev": null}}""";

    public static final String HISTORY = """
            {"items": [
              {"revision": 1, "at": "2024-01-16T08:30:00Z", "author": "admin", "operation": "CREATE",
               "changedFields": ["title", "summary", "category", "type", "startDate", "datePrecision", "location", "actors",
                                 "casualties", "casualtySummary", "claims", "claimStatus", "sources"]},
              {"revision": 2, "at": "2024-01-17T09:02:11Z", "author": "analyst", "operation": "UPDATE",
               "changedFields": ["tags"]}
            ]}""";

    public static final String CLAIM_CSV = """
            incidentId,incidentTitle,id,actorId,actor,stance,statedBy,statedOn,channel,quote,credibility,sourceId,source,updatedAt
            3,IRGC ballistic missile attack on Erbil,2,9,Islamic Revolutionary Guard Corps,CLAIMED,,2024-01-16,STATEMENT,spy headquarters,UNVERIFIED,1,Rudaw,2024-11-24T12:00:00Z
            """;

    public static final String CASUALTY_CSV = """
            incidentId,incidentTitle,id,category,affiliation,killedLow,killedBest,killedHigh,injuredLow,injuredBest,injuredHigh,missingLow,missingBest,missingHigh,names,sourceId,source,updatedAt
            2,US drone strike on PMF base in Baghdad,2,MILITANT,Harakat al-Nujaba,2,2,2,,,,,,,"Mushtaq Talib al-Saeedi (known as Abu Taqwa\\; former commander of Harakat al-Nujaba)",,,2024-11-24T12:00:00Z
            """;
}
