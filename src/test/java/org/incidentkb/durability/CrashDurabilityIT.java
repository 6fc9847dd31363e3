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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A 2xx means durable: the packaged service (its prod profile, the database URL it ships with on H2, or the CI
 * PostgreSQL server) takes a burst of creates and patches from several clients, is killed with SIGKILL while they
 * are in flight, and is started again; every write it had acknowledged must be there.
 */
class CrashDurabilityIT {

    private static final String PASSWORD = "test-admin-password";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldKeepEveryAcknowledgedWriteAcrossAKill() throws Exception {
        Path work = Files.createTempDirectory("kb-crash");
        int port = freePort();
        Process service = start(work, port);
        Map<Long, String> created = new ConcurrentHashMap<>();
        Map<Long, String> patched = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            awaitReady(port);
            for (int c = 0; c < 4; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        write(port, client, n, created, patched);
                    }
                    return null;
                });
            }
            Thread.sleep(2500);
            service.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush
            stop.set(true);
            clients.shutdown();
            clients.awaitTermination(20, TimeUnit.SECONDS);
            assertThat(created).as("writes acknowledged before the kill").isNotEmpty();
            System.out.printf("CrashDurabilityIT: %d creates and %d patches acknowledged before SIGKILL%n", created.size(),
                    patched.size());

            service = start(work, port);
            awaitReady(port);
            for (var entry : created.entrySet()) {
                String body = get(port, "/api/v1/incidents/" + entry.getKey());
                assertThat(body).as("incident %d acknowledged with 201", entry.getKey()).contains(entry.getValue());
            }
            for (var entry : patched.entrySet()) {
                String body = get(port, "/api/v1/incidents/" + entry.getKey());
                assertThat(body).as("patch of incident %d acknowledged with 200", entry.getKey())
                        .contains(entry.getValue());
            }
        } finally {
            stop.set(true);
            clients.shutdownNow();
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void write(int port, int client, int n, Map<Long, String> created, Map<Long, String> patched) {
        String title = "crash-test " + System.nanoTime() + " c" + client + " n" + n;
        try {
            HttpResponse<String> response = http.send(request(port, "/api/v1/incidents").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                    {"title": "%s", "type": "air-drone-strike", "startDate": "2024-01-04",
                     "location": {"countryCode": "IRQ"}}""".formatted(title))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return;
            }
            Matcher m = ID.matcher(response.body());
            m.find();
            long id = Long.parseLong(m.group(1));
            created.put(id, title);
            String tag = "patched-" + id;
            HttpResponse<String> patch = http.send(request(port, "/api/v1/incidents/" + id)
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\": [\"" + tag + "\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (patch.statusCode() == 200) {
                patched.put(id, tag);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The service went away mid-request: that write was not acknowledged.
        }
    }

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    private static Process start(Path work, int port) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dkb.demo-data.enabled=false"));
        String url = System.getProperty("kbtest.jdbc-url");
        if (url != null && url.startsWith("jdbc:postgresql")) {
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + System.getProperty("kbtest.jdbc-user", "postgres"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        builder.environment().put("KB_ADMIN_PASSWORD", PASSWORD);
        return builder.start();
    }

    private void awaitReady(int port) {
        org.awaitility.Awaitility.await("the service on port " + port + " is ready").atMost(java.time.Duration.ofSeconds(60))
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
