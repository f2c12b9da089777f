package io.minipass.adapters.web;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code minipass/health} ({@code GET /api/minipass/health}): liveness. Any answer at all means the
 * process serves, so it is always HTTP 200 (a liveness probe must not restart a node because its
 * database is away); the envelope says whether the database answers: code 0, or {@code -100} when it
 * does not. The check behind it answers within a second whatever the database does. Readiness, by
 * HTTP status, is {@link ReadinessEndpoint}.
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
