package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.PhoneProof;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;

import java.util.Objects;

/**
 * A client's {@code onekeyusermobiledecrypt} call: whose mobile (through which of the shop's client systems), the
 * platform's proof of it, where the call came from, and the token the client holds if it is signed in ("" when
 * none).
 */
public record VerifyMobileCommand(SystemType systemType, Platform platform, OpenId openId, PhoneProof proof,
                                  ClientAddress from, String token) {
    public VerifyMobileCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(proof, "proof");
        from = from == null ? ClientAddress.UNKNOWN : from;
        token = token == null ? "" : token;
    }
}
