package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;

import java.util.Optional;

/**
 * Remembers, for a while, which openids a platform vouched for in a login-code exchange, and the unionid it gave
 * with each, so a later call that only names an openid can be checked against it. Only such a unionid may bind the
 * openid to an existing user. A proof serves one login or binding.
 */
public interface LoginCodeProofPort {
    /** Keeps the proof, replacing an earlier one for the same openid. */
    void record(PlatformIdentity proven);

    /** The live proof of this openid, left in place. */
    Optional<PlatformIdentity> find(Platform platform, OpenId openId);

    /**
     * Takes the proof away: of several callers at once, exactly one is told {@code true}.
     *
     * @return whether a live proof was there to take
     */
    boolean consume(Platform platform, OpenId openId);
}
