package io.minipass.adapters.web;

/** One API route ({@code user/appminiuserinfo}): reads the request, calls a use case, answers an envelope. */
@FunctionalInterface
public interface ApiEndpoint {

    /** @throws RuntimeException answered, logged and counted as its {@link Failure} entry says */
    ApiResult handle(ApiRequest request);

    /**
     * Whether the route reads its own parameters from a POST only, as ShopXO's login routes do: over
     * GET it sees none of them, so a link preview or a crawler logs nobody in.
     */
    default boolean readsPostOnly() {
        return false;
    }

    /**
     * The HTTP status of this answer: 200, as ShopXO answers everything. Only the probes load balancers
     * read by status (readiness) choose another.
     */
    default int httpStatus(ApiResult answer) {
        return 200;
    }
}
