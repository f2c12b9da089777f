package io.minipass.adapters.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEndpointTest {
    private static final ApiRequest REQUEST = new ApiRequest(HealthEndpoint.ROUTE, Map.of(), Map.of(), "http://127.0.0.1", "");

    @Test
    void up_while_the_database_answers() {
        assertThat(new HealthEndpoint(() -> true).handle(REQUEST))
                .isEqualTo(new ApiResult("ok", 0, Map.of("database", "up")));
    }

    @Test
    void storage_failure_when_it_does_not() {
        assertThat(new HealthEndpoint(() -> false).handle(REQUEST))
                .isEqualTo(new ApiResult("数据库连接失败", -100, List.of()));
    }
}
