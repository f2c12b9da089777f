package io.minipass.adapters.web;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code minipass/health} ({@code GET /api/minipass/health}): for load balancers and probes.
 * Code 0 while the database answers, {@code -100} when it does not.
 */
public final class HealthEndpoint implements ApiEndpoint {
    public static final String ROUTE = "minipass/health";

    private final BooleanSupplier databaseUp;

    public HealthEndpoint(BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return databaseUp.getAsBoolean()
                ? ApiResult.success("ok", Map.of("database", "up"))
                : ApiResult.error(ApiResult.STORAGE_FAILED, "数据库连接失败");
    }
}
