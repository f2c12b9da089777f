package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.Token;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.UserStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * A user about to be stored: the platform identity, profile, inviter, status, first token (none while the user
 * waits for the shop's audit) and time.
 */
public record NewUser(
        LoginIdentity identity,
        Profile profile,
        String mobile,
        long referrer,
        UserStatus status,
        Optional<Token> token,
        long addTime) {

    public NewUser {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        mobile = mobile == null ? "" : mobile;
        token = token == null ? Optional.empty() : token;
    }

    public Platform platform() {
        return identity.platform();
    }

    public OpenId openId() {
        return identity.openId();
    }

    /** The unionid stored with the newcomer: none on a platform whose unionids bind nobody. */
    public Optional<UnionId> unionId() {
        return identity.unionId();
    }
}
