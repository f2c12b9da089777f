package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Objects;

/** A client's {@code onekeyusermobiledecrypt} call: whose mobile, the platform's proof of it, and where the call came from. */
public record VerifyMobileCommand(Platform platform, OpenId openId, PhoneProof proof, ClientAddress from) {
    public VerifyMobileCommand {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(proof, "proof");
        from = from == null ? ClientAddress.UNKNOWN : from;
    }
}
