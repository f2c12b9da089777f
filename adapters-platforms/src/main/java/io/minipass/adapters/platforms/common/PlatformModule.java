package io.minipass.adapters.platforms.common;

import java.net.URI;
import java.util.List;

/**
 * One platform's package, as the module's entry point ({@code Platforms}) sees it: everything that differs
 * from platform to platform is behind this (docs/checklists.md#adding-a-platform).
 */
public interface PlatformModule {
    /** Where the platform's API lives unless configured otherwise, e.g. {@code https://api.weixin.qq.com}. */
    URI officialBaseUrl();

    /** The names of the credentials its calls need and lack, as messages show them; empty when it can be called. */
    List<String> missingCredentials(PlatformCredentials credentials);

    /** Its adapters, built once at start. */
    PlatformParts parts(PlatformContext context);
}
