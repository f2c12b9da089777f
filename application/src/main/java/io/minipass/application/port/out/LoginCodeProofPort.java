package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/**
 * Remembers, for a while, which openids a platform vouched for in a login-code exchange, so a later
 * call that only names an openid can be checked against it.
 */
public interface LoginCodeProofPort {
    void recordExchange(Platform platform, OpenId openId);

    boolean wasExchanged(Platform platform, OpenId openId);
}
