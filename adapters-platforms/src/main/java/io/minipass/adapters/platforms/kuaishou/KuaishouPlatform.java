package io.minipass.adapters.platforms.kuaishou;

import io.minipass.adapters.platforms.common.CodeExchange;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;

import java.net.URI;

/** Kuaishou (docs/platforms.md#kuaishou): the code exchange only; its session key is kept but opens nothing here. */
public final class KuaishouPlatform {
    public static final PlatformModule MODULE = new PlatformModule(URI.create("https://open.kuaishou.com"),
            credentials -> credentials.missing("app_id", "app_secret"),
            context -> PlatformParts.loginOnly(context, new CodeExchange(context, new KuaishouLoginAdapter())));

    private KuaishouPlatform() {
    }
}
