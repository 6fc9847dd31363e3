package org.incidentkb.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDocumentEveryOperationWithSummaryAndProblemResponses() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("info.title", is("Incident KB API"))
                .body("components.schemas", hasKey("Problem"))
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        org.assertj.core.api.Assertions.assertThat(paths).containsKeys("/api/v1/incidents", "/api/v1/incidents/{id}",
                "/api/v1/incidents/{id}/casualties/{cid}", "/api/v1/incidents/{id}/claims/{claimId}",
                "/api/v1/incidents/{id}/sources/{sourceId}", "/api/v1/actors/{id}", "/api/v1/sources/{id}",
                "/api/v1/event-types", "/api/v1/stats/incidents", "/api/v1/claims", "/api/v1/casualties",
                "/api/v1/actors/{id}/incidents");
        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map) || !((Map<?, ?>) op).containsKey("responses")) {
                return;
            }
            Map<?, ?> operation = (Map<?, ?>) op;
            org.assertj.core.api.Assertions.assertThat(operation.get("operationId")).as(method + " " + path).isNotNull();
            if (path.startsWith("/api/")) {
                // SecurityDocs finds every resource in the annotation index; one it missed would show no rule.
                org.assertj.core.api.Assertions.assertThat((java.util.List<?>) operation.get("security"))
                        .as("security of " + method + " " + path).isNotEmpty();
                org.assertj.core.api.Assertions.assertThat((String) operation.get("description"))
                        .as("access rule of " + method + " " + path).contains("**Access:**");
            }
            org.assertj.core.api.Assertions.assertThat(operationIds.add(operation.get("operationId")))
                    .as("operationId of " + method + " " + path + " is unique").isTrue();
            org.assertj.core.api.Assertions.assertThat(operation.get("summary")).as(method + " " + path).isNotNull();
            if (operation.get("parameters") instanceof java.util.List<?> parameters) {
                for (Object p : parameters) {
                    Map<?, ?> parameter = (Map<?, ?>) p;
                    org.assertj.core.api.Assertions.assertThat(parameter.get("description"))
                            .as(method + " " + path + " parameter " + parameter.get("name")).isNotNull();
                }
            }
            Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
            // Generators ask for the first JSON media type of the responses in order: the success's must come first.
            org.assertj.core.api.Assertions.assertThat(String.valueOf(responses.keySet().iterator().next()))
                    .as("first response of " + method + " " + path).startsWith("2");
            if (operation.containsKey("requestBody") && !path.contains("/imports")) {
                org.assertj.core.api.Assertions.assertThat(responses.containsKey("411") && responses.containsKey("413")).as(method + " " + path + " documents 411 and 413").isTrue();
            }
            org.assertj.core.api.Assertions.assertThat(responses.containsKey("500")).as(method + " " + path).isTrue();
            Map<?, ?> serverError = (Map<?, ?>) ((Map<?, ?>) responses.get("500")).get("content");
            org.assertj.core.api.Assertions.assertThat(serverError.containsKey("application/problem+json")).as(method + " " + path).isTrue();
            Map<?, ?> busy = (Map<?, ?>) responses.get("503");
            org.assertj.core.api.Assertions.assertThat(busy).as("503 of " + method + " " + path).isNotNull();
            org.assertj.core.api.Assertions.assertThat((String) busy.get("description")).as(method + " " + path)
                    .contains("no database connection came free");
            org.assertj.core.api.Assertions.assertThat(((Map<?, ?>) busy.get("content")).containsKey(
                    "application/problem+json")).as(method + " " + path).isTrue();
        }));
    }

    @Test
    void shouldTypeTheQueryParametersOfTheIncidentList() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String parameters = "paths.'/api/v1/incidents'.get.parameters";
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'size' }.schema.type"))
                .isEqualTo("integer");
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'from' }.schema.format"))
                .isEqualTo("date");
        // Filters show their examples in the description, so "Try it out" does not send them all at once.
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'country' }.description"))
                .contains("`IRQ`");
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'after' }.example"))
                .isNull();
        org.assertj.core.api.Assertions.assertThat(doc.getList(parameters + ".name")).contains("bbox", "near",
                "radiusKm", "claimedBy", "updatedSince", "after", "format", "sort");
    }

    /**
     * A problem's example names the request it answers: its {@code instance} is a path the operation serves (shared
     * examples once showed {@code /api/v1/incidents} on {@code /api/v1/claims}).
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldShowEachProblemExampleAtItsOwnPath() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        int checked = 0;
        java.util.List<String> elsewhere = new java.util.ArrayList<>();
        for (var path : paths.entrySet()) {
            String pattern = "\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E(/.*)?";
            for (Object op : path.getValue().values()) {
                if (!(op instanceof Map<?, ?> operation) || !(operation.get("responses") instanceof Map<?, ?> responses)) {
                    continue;
                }
                for (var response : responses.entrySet()) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response.getValue())
                            .getOrDefault("content", Map.of());
                    Map<String, Object> problem = (Map<String, Object>) content.get("application/problem+json");
                    if (problem == null || !(problem.get("examples") instanceof Map<?, ?> examples)) {
                        continue;
                    }
                    for (Object example : examples.values()) {
                        Object value = ((Map<String, Object>) example).get("value");
                        Map<String, Object> body = value instanceof Map<?, ?> parsed ? (Map<String, Object>) parsed
                                : new JsonPath(String.valueOf(value)).getMap("$");
                        if (body.get("instance") != null) {
                            if (!((String) body.get("instance")).matches(pattern)) {
                                elsewhere.add(response.getKey() + " of " + path.getKey() + ": " + body.get("instance"));
                            }
                            checked++;
                        }
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(elsewhere).isEmpty();
        org.assertj.core.api.Assertions.assertThat(checked).isGreaterThan(5);
    }

    /** A 404's example names the record its path's last id is, as the resource's own 404 says. */
    @Test
    void shouldNameTheMissingRecordInEach404Example() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> expected = Map.of(
                "/api/v1/actors/{id}", "Actor 999999 does not exist",
                "/api/v1/sources/{id}", "Source 999999 does not exist",
                "/api/v1/incidents/{id}", "Incident 999999 does not exist");
        expected.forEach((path, detail) -> {
            String example = "paths.'" + path + "'.get.responses.'404'.content.'application/problem+json'.examples"
                    + ".example.value";
            org.assertj.core.api.Assertions.assertThat(doc.getString(example + ".detail")).as(path).isEqualTo(detail);
            org.assertj.core.api.Assertions.assertThat(doc.getString(example + ".instance")).as(path)
                    .endsWith("999999");
        });
        // Every 404 of every operation, those the resources declare themselves (a claim or casualty of an incident)
        // included, shows a problem that names a missing record at its own path.
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        int checked = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String at = "paths.'" + path.getKey() + "'." + operation.getKey() + ".responses.'404'";
                if (doc.get(at) == null) {
                    continue;
                }
                String example = at + ".content.'application/problem+json'.examples.example.value";
                String prefix = path.getKey().substring(0, path.getKey().lastIndexOf('{')).replaceAll("\\{[^}]+}", "2");
                org.assertj.core.api.Assertions.assertThat(doc.getString(example + ".detail"))
                        .as("%s %s", operation.getKey(), path.getKey()).endsWith(" 999999 does not exist");
                org.assertj.core.api.Assertions.assertThat(doc.getString(example + ".instance"))
                        .as("%s %s", operation.getKey(), path.getKey()).startsWith(prefix + "999999");
                checked++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(checked).isGreaterThan(20);
        String claim = "paths.'/api/v1/incidents/{id}/claims/{claimId}'.get.responses.'404'.content."
                + "'application/problem+json'.examples.example.value.detail";
        org.assertj.core.api.Assertions.assertThat(doc.getString(claim)).isEqualTo("Claim 999999 does not exist");
    }

    /**
     * What Swagger UI's "Try it out" sends on a first click: every query parameter filled with its example. Each
     * GET of a collection must then answer 2xx, so the examples must agree with each other (a cursor example beside a
     * page example did not).
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryCollectionGetCalledWithItsExamples() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        int called = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().contains("{")
                    || !(path.getValue().get("get") instanceof Map<?, ?> get)) {
                continue;
            }
            var request = given();
            for (Object p : (java.util.List<Object>) ((Map<String, Object>) get).getOrDefault("parameters",
                    java.util.List.of())) {
                Map<String, Object> parameter = (Map<String, Object>) p;
                Object example = parameter.get("example");
                if ("query".equals(parameter.get("in")) && example != null) {
                    request = request.queryParam((String) parameter.get("name"),
                            example instanceof java.util.List<?> list ? list : java.util.List.of(example));
                }
            }
            int status = request.when().get(path.getKey()).then().extract().statusCode();
            org.assertj.core.api.Assertions.assertThat(status).as("GET " + path.getKey() + " with its examples")
                    .isBetween(200, 299);
            called++;
        }
        org.assertj.core.api.Assertions.assertThat(called).isGreaterThan(8);
    }

    @Test
    void shouldServeSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(notNullValue());
    }
}
