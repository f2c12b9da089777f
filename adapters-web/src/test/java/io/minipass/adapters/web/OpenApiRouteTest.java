package io.minipass.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code GET /openapi.json} answers the document of the ShopXO the routes answer as, once they are given. */
class OpenApiRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ApiEndpoint> ENDPOINTS =
            Map.of("test/ready", request -> ApiResult.success("ready", List.of()));

    private final List<Javalin> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Javalin::stop);
    }

    @Test
    void each_dialect_has_a_document_of_its_own() throws IOException {
        JsonNode v2 = JSON.readTree(OpenApiRoute.document(ShopxoDialect.V2));
        JsonNode v6 = JSON.readTree(OpenApiRoute.document(ShopxoDialect.V6));

        assertThat(OpenApiRoute.document(ShopxoDialect.V2)).isEqualTo(OpenApiRoute.document(ShopxoDialect.V2));
        assertThat(v2.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(v6.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(v2.at("/info/description").asText()).contains("ShopXO v2.2");
        assertThat(v6.at("/info/description").asText()).contains("ShopXO v3.0–v6.7").doesNotContain("v2.2");
        assertThat(v2.get("paths").has("/api/user/userbasereg")).isFalse();
        assertThat(v6.get("paths").has("/api/user/userbasereg")).isTrue();
        assertThat(v6.get("paths").has("/api/user/onekeyusermobiledecrypt")).isTrue();
    }

    @Test
    void serves_the_shopxo_v2_document_for_routes_given_without_a_dialect() {
        Answer answer = start(WebAppFixture.routes(ENDPOINTS)).get(OpenApiRoute.PATH);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JsonEnvelopeWriter.CONTENT_TYPE);
        assertThat(answer.headers().get("Cache-Control")).containsExactly("public, max-age=300");
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(OpenApiRoute.document(ShopxoDialect.V2));
    }

    @Test
    void serves_the_shopxo_v6_document_for_routes_that_answer_as_v6() {
        Answer answer = start(WebAppFixture.routes(ENDPOINTS, ShopxoDialect.V6)).get(OpenApiRoute.PATH);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(JsonEnvelopeWriter.CONTENT_TYPE);
        assertThat(answer.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(OpenApiRoute.document(ShopxoDialect.V6));
    }

    @Test
    void a_request_that_comes_before_the_routes_waits_for_them_and_gets_their_dialects_document() throws Exception {
        Routes routes = new Routes(Duration.ofSeconds(10));
        ApiClient client = start(routes);

        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> client.get(OpenApiRoute.PATH));
        // Without the wait, the request would already have been answered with some dialect's document.
        Thread.sleep(300);
        assertThat(answer).isNotDone();

        routes.supply(ENDPOINTS, ShopxoDialect.V6);

        Answer answered = answer.get(10, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(OpenApiRoute.document(ShopxoDialect.V6));
    }

    @Test
    void a_request_waiting_for_routes_that_never_come_is_answered_busy_when_the_start_fails() throws Exception {
        Routes routes = new Routes(Duration.ofSeconds(10));
        ApiClient client = start(routes);

        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> client.get(OpenApiRoute.PATH));
        Thread.sleep(300);
        routes.fail(new IllegalStateException("the database did not open"));

        for (Answer answered : List.of(answer.get(10, TimeUnit.SECONDS), client.get(OpenApiRoute.PATH))) {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.contentType()).isEqualTo(JsonEnvelopeWriter.CONTENT_TYPE);
            assertThat(answered.json()).containsExactly(entry("msg", Failure.SYSTEM_BUSY), entry("code", -1),
                    entry("data", List.of()));
            assertThat(answered.headers().get("Cache-Control")).containsExactly("no-store");
        }
    }

    @Test
    void a_request_waits_for_the_routes_no_longer_than_its_longest_wait_and_is_answered_busy() {
        Routes late = new Routes(Duration.ofMillis(200));
        ApiClient client = start(late);

        Answer answered = client.get(OpenApiRoute.PATH);

        assertThat(answered.json()).containsExactly(entry("msg", Failure.SYSTEM_BUSY), entry("code", -1),
                entry("data", List.of()));
        late.supply(ENDPOINTS, ShopxoDialect.V6);
        assertThat(client.get(OpenApiRoute.PATH).body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(OpenApiRoute.document(ShopxoDialect.V6));
    }

    private ApiClient start(Routes routes) {
        Javalin app = WebAppFixture.create(routes, false).start("127.0.0.1", 0);
        started.add(app);
        return new ApiClient(app);
    }
}
