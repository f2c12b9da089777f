package io.minipass.adapters.web.user;

import io.minipass.application.port.out.SessionKeyStore;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Session keys kept in a map. */
final class FakeSessionKeys implements SessionKeyStore {
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    @Override
    public void remember(Platform platform, OpenId openId, String sessionKey) {
        keys.put(platform.clientType() + "/" + openId.value(), sessionKey);
    }

    @Override
    public Optional<String> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(keys.get(platform.clientType() + "/" + openId.value()));
    }

    int size() {
        return keys.size();
    }
}
