package io.minipass.application.testing;

import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Session keys in a map, for use-case tests. */
public class InMemorySessionKeys implements SessionKeyStore {
    private final Map<String, Entry> keys = new ConcurrentHashMap<>();

    @Override
    public void remember(Platform platform, OpenId openId, String sessionKey) {
        if (sessionKey == null || sessionKey.isEmpty()) {
            keys.remove(key(platform, openId));
        } else {
            keys.put(key(platform, openId), new Entry(sessionKey, 0));
        }
    }

    @Override
    public Optional<String> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(keys.get(key(platform, openId))).map(Entry::sessionKey);
    }

    @Override
    public int recordFailedDecryption(Platform platform, OpenId openId) {
        Entry counted = keys.computeIfPresent(key(platform, openId),
                (key, entry) -> new Entry(entry.sessionKey(), entry.failures() + 1));
        return counted == null ? 0 : counted.failures();
    }

    @Override
    public void forget(Platform platform, OpenId openId) {
        keys.remove(key(platform, openId));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    private static String key(Platform platform, OpenId openId) {
        return platform.clientType() + "\n" + openId.value();
    }

    private record Entry(String sessionKey, int failures) {
    }
}
