package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's {@code userbasereg} call: the platform identity, the profile the user filled in, the mobile
 * the platform verified for this openid a moment ago ({@link VerifyMobileUseCase}; the client's word for the
 * mobile counts for nothing by itself), and the token the client holds if it is signed in ("" when none).
 */
public record RegisterWithMobileCommand(SystemType systemType, Platform platform, OpenId openId,
                                        Optional<UnionId> unionId, Profile profile, String mobile, String referrer,
                                        ClientAddress from, String token) {
    public RegisterWithMobileCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(mobile, "mobile");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
        token = token == null ? "" : token;
    }
}
