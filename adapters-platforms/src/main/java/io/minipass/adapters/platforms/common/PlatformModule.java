package io.minipass.adapters.platforms.common;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One platform as the module's entry point ({@code Platforms}) sees it: a value holding everything that differs
 * from platform to platform (docs/checklists.md#adding-a-platform).
 *
 * @param officialBaseUrl    where the platform's API lives unless configured otherwise, e.g. {@code https://api.weixin.qq.com}
 * @param missingCredentials the names of the credentials its calls need and lack, as messages show them
 * @param parts              its adapters, built once at start
 */
public record PlatformModule(URI officialBaseUrl, Function<PlatformCredentials, List<String>> missingCredentials,
                             Function<PlatformContext, PlatformParts> parts) {
    /** What WeChat, QQ and Toutiao need: {@code appid} and {@code secret}. */
    public static final Function<PlatformCredentials, List<String>> APP_ID_AND_SECRET =
            credentials -> credentials.missing("appid", "secret");

    public PlatformModule {
        Objects.requireNonNull(officialBaseUrl, "officialBaseUrl");
        Objects.requireNonNull(missingCredentials, "missingCredentials");
        Objects.requireNonNull(parts, "parts");
    }
}
