package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/** Another user holds this openid: the caller lost a race and should look the user up again. */
public class OpenIdAlreadyClaimedException extends RuntimeException {
    public OpenIdAlreadyClaimedException(Platform platform, OpenId openId) {
        super(platform.clientType() + " openid already claimed: " + openId.value());
    }
}
