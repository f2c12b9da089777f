package io.minipass.application.port.out;

import io.minipass.domain.user.LoginIdentity;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.SystemType;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.UserStatus;

import java.util.Objects;
import java.util.Optional;

/** A user about to be stored: the platform identity, profile, inviter, status, first token and time. */
public record NewUser(
        LoginIdentity identity,
        Profile profile,
        String mobile,
        long referrer,
        UserStatus status,
        String token,
        long addTime) {

    public NewUser {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        mobile = mobile == null ? "" : mobile;
        token = token == null ? "" : token;
    }

    /** A newcomer of the default system type. */
    public NewUser(Platform platform, OpenId openId, Optional<UnionId> unionId, Profile profile, String mobile,
                   long referrer, UserStatus status, String token, long addTime) {
        this(new LoginIdentity(SystemType.DEFAULT, platform, openId, unionId), profile, mobile, referrer, status,
                token, addTime);
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
