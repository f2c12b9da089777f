package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.Profile;
import io.minipass.domain.user.UnionId;
import io.minipass.domain.user.UserStatus;

import java.util.Objects;
import java.util.Optional;

/** A user about to be stored: the platform identity, profile, inviter, status, first token and time. */
public record NewUser(
        Platform platform,
        OpenId openId,
        Optional<UnionId> unionId,
        Profile profile,
        String mobile,
        long referrer,
        UserStatus status,
        String token,
        long addTime) {

    public NewUser {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        unionId = unionId == null ? Optional.empty() : unionId;
        mobile = mobile == null ? "" : mobile;
        token = token == null ? "" : token;
    }
}
