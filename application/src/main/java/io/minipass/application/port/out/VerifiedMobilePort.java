package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

/**
 * Remembers, for a while, which mobiles a platform vouched for an openid's user, so that a later registration
 * naming one of them can be checked against it. Each record serves one registration.
 */
public interface VerifiedMobilePort {
    /** Keeps the record (beside any other of the same openid). */
    void record(Platform platform, OpenId openId, String mobile);

    /**
     * Takes the record of this mobile away: of several callers at once, exactly one is told {@code true}.
     *
     * @return whether a live record of this openid and mobile was there to take
     */
    boolean consume(Platform platform, OpenId openId, String mobile);
}
