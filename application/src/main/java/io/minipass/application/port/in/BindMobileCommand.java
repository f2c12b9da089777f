package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's {@code onekeyusermobilebind} call: the platform identity (through which of the shop's client
 * systems), the profile to register with if needed, the inviter, the platform's proof of the mobile number, and
 * the token the client holds if it is signed in ("" when none).
 */
public record BindMobileCommand(SystemType systemType, Platform platform, OpenId openId, Optional<UnionId> unionId,
                                Profile profile, String referrer, PhoneProof proof, ClientAddress from, String token) {
    public BindMobileCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(proof, "proof");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
        profile = profile == null ? Profile.EMPTY : profile;
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
        token = token == null ? "" : token;
    }

    public BindMobileCommand(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile,
                             String referrer, PhoneProof proof, ClientAddress from) {
        this(SystemType.DEFAULT, platform, openId, unionId, profile, referrer, proof, from, "");
    }

    public BindMobileCommand(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile,
                             String referrer, PhoneProof proof) {
        this(platform, openId, unionId, profile, referrer, proof, ClientAddress.UNKNOWN);
    }
}
