package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Optional;

/**
 * Keeps each openid's latest session key for a while, for decrypting what its client sends next,
 * with the number of payloads that failed to open with it.
 */
public interface SessionKeyStore {
    /** Keeps a new key with no failures counted; an empty key forgets the stale one. */
    void remember(Platform platform, OpenId openId, String sessionKey);

    Optional<String> find(Platform platform, OpenId openId);

    /**
     * Counts one payload that did not open with this openid's key.
     *
     * @return the failures counted since the key was remembered; 0 when there is no key
     */
    int recordFailedDecryption(Platform platform, OpenId openId);

    void forget(Platform platform, OpenId openId);
}
