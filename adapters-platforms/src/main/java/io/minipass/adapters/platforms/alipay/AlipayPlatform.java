package io.minipass.adapters.platforms.alipay;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;

import java.net.URI;

/**
 * Alipay (docs/platforms.md#alipay): an RSA2-signed code exchange; no session key, no sealed data, no phone binding.
 * Building its parts throws {@link IllegalArgumentException} when a configured key is not a readable RSA key.
 */
public final class AlipayPlatform {
    public static final PlatformModule MODULE = new PlatformModule(URI.create("https://openapi.alipay.com"),
            keys -> PlatformCredentials.missing(keys.appId(), "app_id", keys.privateKey(), "app_private_key",
                    keys.publicKey(), "alipay_public_key"),
            context -> PlatformParts.loginOnly(context,
                    new CodeExchange(context, new AlipayLoginAdapter(context.credentials(), context.clock()))));

    private AlipayPlatform() {
    }
}
