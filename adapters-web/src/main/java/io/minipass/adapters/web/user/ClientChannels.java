package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;

import java.util.Optional;

/**
 * Where each ShopXO reads which client a request comes from: the client type (the platform) and the shop's client
 * system ({@code system_type}).
 */
enum ClientChannels {
    /** ShopXO v2.2 reads the client type from any parameter, a JSON body's too, and knows no client systems. */
    SHOPXO_V2 {
        @Override
        String clientType(ApiRequest request) {
            return request.clientType();
        }

        @Override
        SystemType systemType(ApiRequest request) {
            return SystemType.DEFAULT;
        }
    },
    /** ShopXO v3 and later read both from PHP's {@code $_REQUEST}: the query or a form body, never a JSON body. */
    SHOPXO_V6 {
        @Override
        String clientType(ApiRequest request) {
            return request.formClientType();
        }

        /** @throws InvalidInputException when the client sent a system type that is none */
        @Override
        SystemType systemType(ApiRequest request) {
            return SystemType.fromClient(request.formText("system_type"));
        }
    };

    /** The client type sent, trimmed, {@code pc} when none. */
    abstract String clientType(ApiRequest request);

    abstract SystemType systemType(ApiRequest request);

    /** The mini-program platform the client type names, if it names one. */
    Optional<Platform> platform(ApiRequest request) {
        return Platform.fromClientType(clientType(request));
    }

    /** The platform the client type names, else ShopXO's answer for a missing per-platform method. */
    Platform platformOf(ApiRequest request, String methodSuffix) {
        return platform(request).orElseThrow(
                () -> new InvalidInputException(ShopxoMethodName.undefined(clientType(request), methodSuffix)));
    }
}
