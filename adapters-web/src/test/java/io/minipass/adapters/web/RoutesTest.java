package io.minipass.adapters.web;

import io.javalin.Javalin;
import io.minipass.adapters.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Routes given after the server started (the database still opening): requests wait for them, or for the failure. */
class RoutesTest {
    private static final Map<String, ApiEndpoint> ENDPOINTS =
            Map.of("test/ready", request -> ApiResult.success("ready", Map.of("route", request.route())));

    private final Routes routes = new Routes(Duration.ofSeconds(10));
    private final Javalin app = WebAppFixture.create(routes, false).start("127.0.0.1", 0);
    private final ApiClient client = new ApiClient(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_request_that_comes_before_the_routes_waits_for_them_and_gets_its_endpoints_answer() throws Exception {
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> client.get("/api.php?s=test/ready"));
        // Without the wait, the request would already have been answered that no such route exists.
        Thread.sleep(300);
        assertThat(answer).isNotDone();

        routes.supply(ENDPOINTS, ShopxoDialect.V2);

        Answer answered = answer.get(10, TimeUnit.SECONDS);
        assertThat(answered.code()).as(answered.body()).isZero();
        assertThat(answered.data()).containsEntry("route", "test/ready");
        assertThat(client.get("/api.php?s=test/none").code()).isEqualTo(ApiResult.UNKNOWN_ROUTE);
    }

    @Test
    void a_request_waiting_for_routes_that_never_come_is_answered_busy_when_the_start_fails() throws Exception {
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> client.get("/api.php?s=test/ready"));
        Thread.sleep(300);

        routes.fail(new IllegalStateException("the database did not open"));

        Answer answered = answer.get(10, TimeUnit.SECONDS);
        assertThat(answered.json()).containsExactly(entry("msg", Failure.SYSTEM_BUSY), entry("code", -1),
                entry("data", List.of()));
        assertThat(answered.body()).doesNotContain("database");
        assertThat(client.get("/api.php?s=test/ready").code()).isEqualTo(-1);
    }

    @Test
    void a_request_waits_for_the_routes_no_longer_than_its_longest_wait_and_is_answered_busy() {
        Routes late = new Routes(Duration.ofMillis(200));
        Javalin starting = WebAppFixture.create(late, false)
                .start("127.0.0.1", 0);
        try {
            Answer answered = new ApiClient(starting).get("/api.php?s=test/ready");

            assertThat(answered.json()).containsExactly(entry("msg", Failure.SYSTEM_BUSY), entry("code", -1),
                    entry("data", List.of()));
            late.supply(ENDPOINTS, ShopxoDialect.V2);
            assertThat(new ApiClient(starting).get("/api.php?s=test/ready").code()).isZero();
        } finally {
            starting.stop();
        }
    }

    @Test
    void what_asks_no_route_is_answered_before_the_routes_come() {
        assertThat(client.send("OPTIONS", "/api.php?s=test/ready", null, new byte[0]).code()).isZero();
        assertThat(client.get("/").code()).isEqualTo(ApiResult.UNKNOWN_ROUTE);
    }

    @Test
    void routes_are_given_once() {
        routes.supply(ENDPOINTS, ShopxoDialect.V2);

        assertThatThrownBy(() -> routes.supply(ENDPOINTS, ShopxoDialect.V2)).isInstanceOf(IllegalStateException.class);
        assertThat(client.get("/api.php?s=test/ready").code()).isZero();
    }

    @Test
    void route_names_that_clash_are_refused_when_given() {
        assertThatThrownBy(() -> routes.supply(Map.of("user/x", r -> null, "/User/X.html", r -> null), ShopxoDialect.V2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
