package org.incidentkb.security;

import org.incidentkb.common.Roles;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.incidentkb.Fixtures;
import org.incidentkb.SignedIn;
import org.junit.jupiter.api.Test;

/** The last-admin rule under concurrency, and the operator's way back in when no admin is left. */
@QuarkusTest
class AdminRightsTest {

    @Inject
    UserRepository users;

    @Inject
    AdminBootstrap bootstrap;

    private long idOf(String name) {
        return given().when().get("/api/v1/users?size=500").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.username == '" + name + "' }.id");
    }

    private static int demote(String asUser, long id) {
        return given().auth().preemptive().basic(asUser, Fixtures.PASSWORD).contentType(ContentType.JSON)
                .body("{\"roles\": [\"reader\"]}").when().put("/api/v1/users/" + id + "/roles").then().extract()
                .statusCode();
    }

    private long adminCount() {
        return QuarkusTransaction.requiringNew().call(() -> users.admins());
    }

    /** Makes these two the only admins: every other admin is deleted or demoted (the bootstrap one last). */
    private void onlyAdmins(String a, String b) {
        var list = given().when().get("/api/v1/users?size=500").then().statusCode(200).extract().jsonPath();
        for (Object other : list.getList("items.findAll { it.roles.contains('admin') && it.username != 'admin' "
                + "&& it.username != '" + a + "' && it.username != '" + b + "' }.id")) {
            given().when().delete("/api/v1/users/" + other).then().statusCode(204);
        }
        given().contentType(ContentType.JSON).body("{\"roles\": [\"editor\"]}").when()
                .put("/api/v1/users/" + idOf(SignedIn.ADMIN) + "/roles").then().statusCode(200);
    }

    /** Gives the bootstrap admin its role back, signed in as whichever of the two is still an admin. */
    private void restoreBootstrapAdmin(String a, String b) {
        long adminId = QuarkusTransaction.requiringNew().call(() -> users.findByName(SignedIn.ADMIN).orElseThrow().getId());
        for (String who : List.of(a, b)) {
            int status = given().auth().preemptive().basic(who, Fixtures.PASSWORD).contentType(ContentType.JSON)
                    .body("{\"roles\": [\"admin\"]}").when().put("/api/v1/users/" + adminId + "/roles").then()
                    .extract().statusCode();
            if (status == 200) {
                return;
            }
        }
        throw new AssertionError("Neither " + a + " nor " + b + " could restore the admin: no admin is left");
    }

    @Test
    void shouldKeepAnAdminWhenTwoAdminsDemoteEachOtherAtOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            String a = Fixtures.user("admin");
            String b = Fixtures.user("admin");
            long idA = idOf(a);
            long idB = idOf(b);
            onlyAdmins(a, b);
            assertThat(adminCount()).isEqualTo(2);

            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Integer> aDemotesB = CompletableFuture.supplyAsync(() -> {
                await(start);
                return demote(a, idB);
            });
            CompletableFuture<Integer> bDemotesA = CompletableFuture.supplyAsync(() -> {
                await(start);
                return demote(b, idA);
            });
            List<Integer> statuses = List.of(aDemotesB.get(), bDemotesA.get());

            assertThat(adminCount()).as("admins left after round %d (answers %s)", round, statuses).isEqualTo(1);
            assertThat(statuses).as("round %d", round).containsOnlyOnce(200);
            assertThat(statuses).as("round %d", round).containsAnyOf(409, 403);

            restoreBootstrapAdmin(a, b);
            given().when().delete("/api/v1/users/" + idA).then().statusCode(204);
            given().when().delete("/api/v1/users/" + idB).then().statusCode(204);
        }
    }

    @Test
    void shouldRestoreTheAdminFromTheConfiguredPasswordWhenNoAdminIsLeft() {
        long adminId = idOf(SignedIn.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> {
            // As a lost race would leave it: nobody holds the admin role.
            users.listAll().forEach(u -> {
                Set<String> roles = new java.util.HashSet<>(u.getRoles());
                roles.remove(Roles.ADMIN);
                u.setRoles(roles.isEmpty() ? Set.of(Roles.READER) : roles);
            });
        });
        assertThat(adminCount()).isZero();

        bootstrap.restoreIfNoAdmin();

        assertThat(adminCount()).isEqualTo(1);
        given().when().get("/api/v1/users/" + adminId).then().statusCode(200).body("roles", hasItem("admin"))
                .body("username", is(SignedIn.ADMIN));
        // Signed in with the configured password, the restored admin may manage users again.
        given().auth().preemptive().basic(SignedIn.ADMIN, SignedIn.ADMIN_PASSWORD).when().get("/api/v1/users/me").then()
                .statusCode(200).body("username", is(SignedIn.ADMIN)).body("roles", hasItem("admin"));
        given().when().get("/api/v1/users?size=1").then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(0));
        // With an admin present, a further start changes nothing.
        bootstrap.restoreIfNoAdmin();
        assertThat(adminCount()).isEqualTo(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
