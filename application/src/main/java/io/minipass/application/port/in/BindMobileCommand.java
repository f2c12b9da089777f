package io.minipass.application.port.in;

import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;

import java.util.Objects;

/**
 * A client's {@code onekeyusermobilebind} call: the platform identity (through which of the shop's client
 * systems), the profile to register with if needed, the inviter, the platform's proof of the mobile number, and
 * the token the client holds if it is signed in ("" when none).
 */
public record BindMobileCommand(SystemType systemType, PlatformIdentity identity, Profile profile, String referrer,
                                PhoneProof proof, ClientAddress from, String token) {
    public BindMobileCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(proof, "proof");
        profile = profile == null ? Profile.EMPTY : profile;
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
        token = token == null ? "" : token;
    }
}
