package io.minipass.application.port.in;

import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;

/**
 * The shop has not set up its app on this platform ({@code 微信小程序未配置}): nobody logs in on it. The client
 * sees the same answer as for any other bad input; operators count it apart, as a misconfiguration
 * (docs/operations.md, "Metrics").
 */
public final class PlatformNotServedException extends InvalidInputException {
    public PlatformNotServedException(Platform platform) {
        super(platform.notConfiguredMessage());
    }
}
