package io.minipass.application.testing;

import io.minipass.application.port.out.LoginCodeProofPort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Login-code proofs kept in a set, for use-case tests. */
public class InMemoryLoginCodeProofs implements LoginCodeProofPort {
    private final Set<String> exchanged = ConcurrentHashMap.newKeySet();

    @Override
    public void recordExchange(Platform platform, OpenId openId) {
        exchanged.add(platform + "/" + openId.value());
    }

    @Override
    public boolean wasExchanged(Platform platform, OpenId openId) {
        return exchanged.contains(platform + "/" + openId.value());
    }
}
