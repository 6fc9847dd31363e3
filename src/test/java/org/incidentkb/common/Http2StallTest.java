package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.incidentkb.SignedIn;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 cleartext is off: a client asking for h2c (the JDK's HttpClient does, with an Upgrade header) is answered
 * over HTTP/1.1, whose bodies are read without holding a worker thread, so stalled uploads cannot stop the service.
 */
@QuarkusTest
class Http2StallTest {

    @TestHTTPResource("/")
    URI root;

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (SignedIn.ADMIN + ":" + SignedIn.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldAnswerAClientAskingForHttp2OverHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(root.resolve("/api/v1/incidents?size=1"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).contains("\"items\"");
    }

    @Test
    void shouldKeepAnsweringWhileThreeHundredStreamsStallTheirBodies() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        List<Flow.Subscriber<? super ByteBuffer>> stalled = new CopyOnWriteArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Flow.Publisher<ByteBuffer> nineBytesThenNothing = subscriber -> {
                    stalled.add(subscriber);
                    subscriber.onSubscribe(new Flow.Subscription() {
                        private boolean sent;

                        @Override
                        public void request(long n) {
                            if (!sent) {
                                sent = true;
                                subscriber.onNext(ByteBuffer.wrap("{\"title\":".getBytes(StandardCharsets.UTF_8)));
                            }
                        }

                        @Override
                        public void cancel() {
                        }
                    });
                };
                uploads.add(client.sendAsync(HttpRequest.newBuilder(root.resolve("/api/v1/incidents"))
                        .header("Content-Type", "application/json").header("Authorization", BASIC)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(nineBytesThenNothing, 100_000)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stalled.size() == 300);

            HttpClient other = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            for (String path : List.of("/q/health", "/api/v1/incidents?size=1")) {
                HttpResponse<String> answer = other.send(HttpRequest.newBuilder(root.resolve(path))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            }
            assertThat(uploads).noneMatch(CompletableFuture::isDone);
        } finally {
            stalled.forEach(s -> s.onError(new IOException("the test is over")));
            uploads.forEach(u -> u.cancel(true));
        }
    }
}
