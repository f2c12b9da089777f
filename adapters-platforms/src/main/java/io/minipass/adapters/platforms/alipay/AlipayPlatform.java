package io.minipass.adapters.platforms.alipay;

import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.List;

/**
 * Alipay (docs/platforms.md#alipay): an RSA2-signed code exchange; no session key, no sealed data, no phone binding.
 */
public final class AlipayPlatform implements PlatformModule {

    @Override
    public URI officialBaseUrl() {
        return AlipayLoginAdapter.OFFICIAL_BASE_URL;
    }

    @Override
    public List<String> missingCredentials(PlatformCredentials credentials) {
        return AlipayLoginAdapter.missing(credentials);
    }

    /** @throws IllegalArgumentException when a configured key is not a readable RSA key */
    @Override
    public PlatformParts parts(PlatformContext context) {
        return new PlatformParts(new AlipayLoginAdapter(context.credentials(), context.baseUrlOr(officialBaseUrl()),
                context.http(), context.clock()),
                PlatformParts.noUserData(Platform.ALIPAY), PlatformParts.noPhoneBinding(Platform.ALIPAY), 16);
    }
}
