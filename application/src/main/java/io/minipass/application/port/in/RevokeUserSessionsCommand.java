package io.minipass.application.port.in;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UserId;

import java.util.Objects;

/** Whose sessions an operator revokes: a user named by the shop's id, or the live user holding an openid. */
public sealed interface RevokeUserSessionsCommand {

    record ByUserId(UserId user) implements RevokeUserSessionsCommand {
        public ByUserId {
            Objects.requireNonNull(user, "user");
        }
    }

    record ByOpenId(SystemType systemType, Platform platform, OpenId openId) implements RevokeUserSessionsCommand {
        public ByOpenId {
            Objects.requireNonNull(systemType, "systemType");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(openId, "openId");
        }
    }
}
