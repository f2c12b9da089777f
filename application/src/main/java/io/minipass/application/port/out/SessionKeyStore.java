package io.minipass.application.port.out;

import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Optional;

/** Keeps each openid's latest session key for a while, for decrypting what its client sends next. */
public interface SessionKeyStore {
    void remember(Platform platform, OpenId openId, String sessionKey);

    Optional<String> find(Platform platform, OpenId openId);
}
