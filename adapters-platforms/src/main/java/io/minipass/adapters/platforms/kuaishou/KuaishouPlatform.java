package io.minipass.adapters.platforms.kuaishou;

import io.minipass.adapters.platforms.common.PlatformContext;
import io.minipass.adapters.platforms.common.PlatformCredentials;
import io.minipass.adapters.platforms.common.PlatformModule;
import io.minipass.adapters.platforms.common.PlatformParts;
import io.minipass.domain.user.Platform;

import java.net.URI;
import java.util.List;

/** Kuaishou (docs/platforms.md#kuaishou): the code exchange only; its session key is kept but opens nothing here. */
public final class KuaishouPlatform implements PlatformModule {

    @Override
    public URI officialBaseUrl() {
        return KuaishouLoginAdapter.OFFICIAL_BASE_URL;
    }

    @Override
    public List<String> missingCredentials(PlatformCredentials credentials) {
        return credentials.missing("app_id", "app_secret");
    }

    @Override
    public PlatformParts parts(PlatformContext context) {
        return new PlatformParts(new KuaishouLoginAdapter(context.credentials(), context.baseUrlOr(officialBaseUrl()),
                context.http()),
                PlatformParts.noUserData(Platform.KUAISHOU), PlatformParts.noPhoneBinding(Platform.KUAISHOU), 16);
    }
}
