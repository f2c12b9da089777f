package io.minipass.application.testing;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;
import io.minipass.domain.user.PlatformIdentity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Login-code proofs kept in a map, for use-case tests. */
public class InMemoryLoginCodeProofs implements LoginCodeProofPort {
    private final Map<String, PlatformIdentity> proofs = new ConcurrentHashMap<>();

    @Override
    public void record(PlatformIdentity proven) {
        proofs.put(key(proven.platform(), proven.openId()), proven);
    }

    @Override
    public Optional<PlatformIdentity> find(Platform platform, OpenId openId) {
        return Optional.ofNullable(proofs.get(key(platform, openId)));
    }

    @Override
    public boolean consume(Platform platform, OpenId openId) {
        return proofs.remove(key(platform, openId)) != null;
    }

    private static String key(Platform platform, OpenId openId) {
        return platform.clientType() + "\n" + openId.value();
    }
}
