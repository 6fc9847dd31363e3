package org.incidentkb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service started at the same moment on one empty PostgreSQL database: the schema is
 * migrated once, the demo data and the admin user are created once, a write through one is read through the other,
 * and two updates racing through both with the same If-Match give exactly one winner.
 */
class MultiInstanceIT {

    private static final String PASSWORD = "multi-instance-password";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldShareOneDatabaseBetweenTwoInstancesStartedTogether() throws Exception {
        String server = System.getProperty("kbtest.jdbc-url", "");
        Assumptions.assumeTrue(server.startsWith("jdbc:postgresql"), "needs the PostgreSQL build and server");
        String user = System.getProperty("kbtest.jdbc-user", "postgres");
        String admin = server.substring(0, server.lastIndexOf('/') + 1) + "postgres";
        String database = "kb_multi_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(admin, user, null); Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
        List<Process> instances = new ArrayList<>();
        try {
            int portA = freePort();
            int portB = freePort();
            instances.add(start(url, user, portA, "instance-a"));
            instances.add(start(url, user, portB, "instance-b"));
            awaitReady(portA);
            awaitReady(portB);

            try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
                assertThat(count(s, "select count(*) from flyway_schema_history where success")).isGreaterThan(5);
                assertThat(count(s, "select count(*) - count(distinct version) from flyway_schema_history"))
                        .as("migrations applied twice").isZero();
                assertThat(count(s, "select count(*) from kb_user where username = 'admin'")).isEqualTo(1);
                assertThat(count(s, "select count(*) from incident")).isEqualTo(9);
                assertThat(count(s, "select count(*) from kb_seed")).isEqualTo(1);
            }

            HttpResponse<String> created = send(portA, "POST", "/api/v1/incidents", "application/json", """
                    {"title": "Written through A", "type": "air-drone-strike", "startDate": "2024-01-04"}""", null);
            assertThat(created.statusCode()).isEqualTo(201);
            String path = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
            HttpResponse<String> read = send(portB, "GET", path, null, null, null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("Written through A");

            CompletableFuture<HttpResponse<String>> viaA = CompletableFuture.supplyAsync(() -> patch(portA, path, "A"));
            CompletableFuture<HttpResponse<String>> viaB = CompletableFuture.supplyAsync(() -> patch(portB, path, "B"));
            List<Integer> statuses = List.of(viaA.get().statusCode(), viaB.get().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            assertThat(send(portA, "GET", path, null, null, null).body()).contains("\"version\":1");
        } finally {
            for (Process p : instances) {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            try (Connection c = DriverManager.getConnection(admin, user, null); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database);
            }
        }
    }

    private HttpResponse<String> patch(int port, String path, String who) {
        try {
            return send(port, "PATCH", path, "application/merge-patch+json", "{\"summary\": \"Changed through " + who
                    + "\"}", "\"0\"");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String type, String body, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Process start(String url, String user, int port, String name) throws IOException {
        Path work = Files.createTempDirectory("kb-" + name);
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.datasource.username=" + user, "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        builder.environment().put("KB_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("KB_INSTANCE_ID", name);
        return builder.start();
    }

    private void awaitReady(int port) {
        org.awaitility.Awaitility.await("the service on port " + port + " is ready").atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
