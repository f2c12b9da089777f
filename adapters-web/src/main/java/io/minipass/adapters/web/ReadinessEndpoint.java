package io.minipass.adapters.web;

import java.util.function.BooleanSupplier;

/**
 * {@code minipass/ready} ({@code GET /api/minipass/ready}): whether this node should get traffic, for
 * load balancers that read the HTTP status. The same envelope as {@link HealthEndpoint}, with HTTP 200
 * while the database answers and HTTP 503 when it does not. The check behind it answers within a
 * second whatever the database does.
 */
public final class ReadinessEndpoint implements ApiEndpoint {
    public static final String ROUTE = "minipass/ready";
    public static final int NOT_READY = 503;

    private final HealthEndpoint health;

    public ReadinessEndpoint(BooleanSupplier databaseUp) {
        this.health = new HealthEndpoint(databaseUp);
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        return health.handle(request);
    }

    @Override
    public int httpStatus(ApiResult answer) {
        return answer.code() == ApiResult.OK ? 200 : NOT_READY;
    }
}
