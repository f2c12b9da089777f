package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiEndpoint;
import io.minipass.adapters.web.ApiRequest;
import io.minipass.adapters.web.ApiResult;
import io.minipass.application.port.out.MobileAlreadyClaimedException;
import io.minipass.domain.user.InvalidInputException;

import java.util.Map;

/**
 * Failures a use case throws, answered as ShopXO v3 and later answer them: the refusals ShopXO also words in
 * English, in the client's language, and on the routes that store a mobile, a mobile another user holds as ShopXO's
 * {@code -10}. Anything else is left to the dispatcher.
 */
final class ShopxoV6Failures implements ApiEndpoint {
    private static final Map<String, ShopxoText> TRANSLATED = Map.of(
            ShopxoText.AUTH_CODE_EMPTY.chinese(), ShopxoText.AUTH_CODE_EMPTY,
            ShopxoText.MOBILE_BOUND_ELSEWHERE.chinese(), ShopxoText.MOBILE_BOUND_ELSEWHERE);

    private final ApiEndpoint endpoint;
    private final boolean storesMobiles;

    private ShopxoV6Failures(ApiEndpoint endpoint, boolean storesMobiles) {
        this.endpoint = endpoint;
        this.storesMobiles = storesMobiles;
    }

    static ApiEndpoint of(ApiEndpoint endpoint) {
        return new ShopxoV6Failures(endpoint, false);
    }

    /** For a route that binds or registers a mobile. */
    static ApiEndpoint storingMobiles(ApiEndpoint endpoint) {
        return new ShopxoV6Failures(endpoint, true);
    }

    @Override
    public ApiResult handle(ApiRequest request) {
        try {
            return endpoint.handle(request);
        } catch (InvalidInputException e) {
            ShopxoText text = TRANSLATED.get(e.getMessage());
            if (text == null) {
                throw e;
            }
            return ApiResult.failed(text.in(Language.of(request)));
        } catch (MobileAlreadyClaimedException e) {
            if (!storesMobiles) {
                throw e;
            }
            return ApiResult.error(ApiResult.ACCOUNT_EXISTS, ShopxoText.MOBILE_EXISTS.in(Language.of(request)));
        }
    }

    @Override
    public boolean readsPostOnly() {
        return endpoint.readsPostOnly();
    }

    @Override
    public int httpStatus(ApiResult answer) {
        return endpoint.httpStatus(answer);
    }
}
