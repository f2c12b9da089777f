package io.minipass.adapters.web.user;

import io.minipass.adapters.web.ApiRequest;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/** Reads the platform ids a client sends; a malformed one (an array, spaces, too long) is refused by its type. */
final class ClientIds {
    private ClientIds() {
    }

    /** The {@code openid} sent; the caller has checked it is not empty. */
    static OpenId openId(ApiRequest request) {
        return new OpenId(request.scalar("openid").orElse(null));
    }

    /** The unionid under {@code key}; an empty one (as PHP's {@code empty()}) is none. */
    static Optional<UnionId> unionId(ApiRequest request, String key) {
        return request.isEmpty(key) ? Optional.empty() : Optional.of(new UnionId(request.scalar(key).orElse(null)));
    }
}
