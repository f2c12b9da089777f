package io.minipass.adapters.platforms.common;

import io.minipass.application.port.out.LoginSession;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;
import io.minipass.domain.user.UnionId;

import java.util.Optional;

/** Builds the session a platform vouched for, refusing ids that the shop could not store safely. */
public final class LoginSessions {
    private LoginSessions() {
    }

    /**
     * @param openId     as the platform sent it; empty means the platform sent none
     * @param unionId    empty when the platform sent none
     * @param sessionKey empty when the platform has none
     */
    public static LoginSession of(Platform platform, String openId, String unionId, String sessionKey) {
        return of(platform, openId, unionId, sessionKey, "");
    }

    /** @param formerOpenId the platform's earlier id for the same user, empty when none */
    public static LoginSession of(Platform platform, String openId, String unionId, String sessionKey, String formerOpenId) {
        if (openId == null || openId.isEmpty()) {
            throw PlatformFailures.missingOpenId(platform);
        }
        OpenId id = openId(platform, openId);
        Optional<OpenId> former = formerId(formerOpenId);
        Optional<UnionId> union;
        try {
            union = UnionId.optional(unionId);
        } catch (InvalidInputException e) {
            throw PlatformFailures.malformedId(platform, "unionid");
        }
        return new LoginSession(new PlatformIdentity(platform, id, union), sessionKey, former);
    }

    /** A former id only helps find old users: one that could not be stored is simply none. */
    private static Optional<OpenId> formerId(String value) {
        try {
            return Optional.ofNullable(value).filter(id -> !id.isEmpty()).map(OpenId::new);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static OpenId openId(Platform platform, String value) {
        try {
            return new OpenId(value);
        } catch (InvalidInputException e) {
            throw PlatformFailures.malformedId(platform, "openid");
        }
    }
}
