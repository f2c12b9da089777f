package io.minipass.domain.user;

import java.util.Objects;
import java.util.Optional;

/**
 * Who logs in: a platform identity, through one of the shop's client systems. ShopXO v3 and later keep exactly
 * this in one platform row.
 */
public record LoginIdentity(SystemType systemType, PlatformIdentity platformIdentity) {
    public LoginIdentity {
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(platformIdentity, "platformIdentity");
    }

    public Platform platform() {
        return platformIdentity.platform();
    }

    public OpenId openId() {
        return platformIdentity.openId();
    }

    /** The unionid believed for the openid: none on a platform whose unionids bind nobody. */
    public Optional<UnionId> unionId() {
        return platformIdentity.unionId();
    }

    /** The channel a login with this identity goes through. */
    public Channel channel() {
        return Channel.of(systemType, platformIdentity.platform());
    }

    /** The ids of this identity alone, as the platform row that holds it reads. */
    public PlatformIdentities ids() {
        return platformIdentity.ids();
    }
}
