package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A mini-program client's {@code appminiuserinfo} call: who the platform says the user is (through which of
 * the shop's client systems), what the user shares about themselves, and who invited them ({@code referrer},
 * unparsed: a bad reference never fails a login), and where the call came from.
 */
public record LogInMiniProgramUserCommand(
        SystemType systemType, Platform platform, OpenId openId, Optional<UnionId> unionId, ProfileData profile,
        String referrer, ClientAddress from) {

    public LogInMiniProgramUserCommand {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(profile, "profile");
        unionId = unionId == null || !platform.hasUnionId() ? Optional.empty() : unionId;
        referrer = referrer == null ? "" : referrer;
        from = from == null ? ClientAddress.UNKNOWN : from;
    }

    public LogInMiniProgramUserCommand(Platform platform, OpenId openId, Optional<UnionId> unionId, ProfileData profile,
                                       String referrer, ClientAddress from) {
        this(SystemType.DEFAULT, platform, openId, unionId, profile, referrer, from);
    }

    public LogInMiniProgramUserCommand(Platform platform, OpenId openId, Optional<UnionId> unionId, ProfileData profile,
                                       String referrer) {
        this(platform, openId, unionId, profile, referrer, ClientAddress.UNKNOWN);
    }
}
