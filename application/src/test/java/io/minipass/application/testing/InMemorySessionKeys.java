package io.minipass.application.testing;

import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Session keys in a map, for use-case tests. */
public class InMemorySessionKeys implements SessionKeyStore {
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    @Override
    public void remember(Platform platform, OpenId openId, String sessionKey) {
        if (sessionKey == null || sessionKey.isEmpty()) {
            keys.remove(key(platform, openId));
        } else {
            keys.put(key(platform, openId), sessionKey);
        }
    }

    @Override
    public Optional<String> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(keys.get(key(platform, openId)));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static String key(Platform platform, OpenId openId) {
        return platform.clientType() + "\n" + openId.value();
    }
}
