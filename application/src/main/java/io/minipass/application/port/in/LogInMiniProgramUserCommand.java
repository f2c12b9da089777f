package io.minipass.application.port.in;

import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.SystemType;

import java.util.Objects;

/**
 * A mini-program client's {@code appminiuserinfo} call: who the platform says the user is (through which of
 * the shop's client systems), what the user shares about themselves, and who invited them ({@code referrer},
 * unparsed: a bad reference never fails a login), and where the call came from.
 */
public record LogInMiniProgramUserCommand(
        SystemType systemType, PlatformIdentity identity, ProfileData profile, String referrer, ClientAddress from) {

    public LogInMiniProgramUserCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(profile, "profile");
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
    }
}
