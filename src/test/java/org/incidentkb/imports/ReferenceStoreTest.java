package org.incidentkb.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.incidentkb.Fixtures;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.source.SourceApi.SourceInput;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceStoreTest {

    @Inject
    ReferenceStore store;

    @Test
    void shouldUseTheActorThatTookANameSinceTheJobStartedInsteadOfFailingTheRow() {
        String name = Fixtures.unique("Militia created meanwhile");
        long existing = Fixtures.actor(name);

        long used = store.createActor(new Draft.ActorHint(name.toUpperCase(), ActorKind.NON_STATE_ARMED_GROUP, "IRQ"));

        assertThat(used).isEqualTo(existing);
        given().queryParam("q", name).when().get("/api/v1/actors")
                .then().statusCode(200).body("total", is(1)).body("items[0].id", is((int) existing));
    }

    @Test
    void shouldUseTheSourceThatTookAUrlSinceTheJobStarted() {
        String url = "https://example.org/" + Fixtures.unique("report").replace(' ', '-');
        long existing = Fixtures.createdId("/api/v1/sources", """
                {"publisher": "Example News", "url": "%s"}""".formatted(url));

        long used = store.createSource(new SourceInput("Example News", url, "Another title", null, null, null));

        assertThat(used).isEqualTo(existing);
    }
}
