package io.minipass.application.testing;

import io.minipass.application.port.out.VerifiedMobilePort;
import io.minipass.domain.user.OpenId;
import io.minipass.domain.user.Platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Verified mobiles kept in a set, for use-case tests. */
public class InMemoryVerifiedMobiles implements VerifiedMobilePort {
    private final Set<String> records = ConcurrentHashMap.newKeySet();

    @Override
    public void record(Platform platform, OpenId openId, String mobile) {
        records.add(key(platform, openId, mobile));
    }

    @Override
    public boolean consume(Platform platform, OpenId openId, String mobile) {
        return records.remove(key(platform, openId, mobile));
    }

    private static String key(Platform platform, OpenId openId, String mobile) {
        return platform.clientType() + "\n" + openId.value() + "\n" + mobile;
    }
}
