package io.minipass.application.port.in;

import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;

import java.util.Objects;

/**
 * A client's {@code userbasereg} call: the platform identity, the profile the user filled in, the mobile
 * the platform verified for this openid a moment ago ({@link VerifyMobileUseCase}; the client's word for the
 * mobile counts for nothing by itself), and the token the client holds if it is signed in ("" when none).
 */
public record RegisterWithMobileCommand(SystemType systemType, PlatformIdentity identity, Profile profile,
                                        String mobile, String referrer, ClientAddress from, String token) {
    public RegisterWithMobileCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(mobile, "mobile");
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
        token = token == null ? "" : token;
    }
}
