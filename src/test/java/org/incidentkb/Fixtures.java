package org.incidentkb;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;

/** Records made through the API for one test, with names no other test uses. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long actor(String name) {
        return createdId("/api/v1/actors", """
                {"name": "%s", "kind": "MILITIA", "countryCode": "IRQ"}""".formatted(name));
    }

    public static long source(String publisher) {
        return createdId("/api/v1/sources", """
                {"publisher": "%s"}""".formatted(publisher));
    }

    /** An incident with the given title and nothing else but what is required. */
    public static long incident(String title) {
        return createdId("/api/v1/incidents", """
                {"title": "%s", "type": "air-drone-strike", "startDate": "2024-01-04",
                 "location": {"countryCode": "IRQ", "admin1": "Baghdad", "latitude": 33.3152, "longitude": 44.3661}}"""
                .formatted(title));
    }

    public static long createdId(String path, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The password of every user {@link #user} makes. */
    public static final String PASSWORD = "a-long-enough-password";

    /** A new user with one role, made through the API by the admin; returns the name. */
    public static String user(String role) {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8) + role;
        given().contentType(ContentType.JSON).body("""
                {"username": "%s", "password": "%s", "roles": ["%s"]}""".formatted(name, PASSWORD, role))
                .when().post("/api/v1/users").then().statusCode(201)
                .body("username", org.hamcrest.Matchers.is(name)).body("roles", org.hamcrest.Matchers.hasItem(role))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
        return name;
    }

    public static long count(String path) {
        return given().queryParam("size", 1).when().get(path).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
